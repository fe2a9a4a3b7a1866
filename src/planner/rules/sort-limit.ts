import * as T from '../../types/data-type.js';
import type { Calc, RankNode } from '../logical/plan-node.js';
import { inputRef } from '../rex.js';
import type { Rule } from './rule.js';

/**
 * `ORDER BY … LIMIT n [OFFSET m]` → a Top-N over the whole input without a rank column (Flink's
 * SortLimit in streaming mode is a Rank with an empty partition), then the rank column dropped.
 */
export const sortLimit: Rule = {
  name: 'sort-limit',
  rewrite(node) {
    if (node.kind !== 'Sort' || node.limit === undefined) return undefined;
    const input = node.input.fields;
    const offset = node.offset ?? 0;
    const rank: RankNode = {
      kind: 'Rank',
      input: node.input,
      rankFunction: 'ROW_NUMBER',
      partitionKeys: [],
      orderKeys: node.keys.map((k) => ({ index: k.index, direction: k.direction, nullsFirst: k.nullsFirst })),
      limit: offset + node.limit,
      start: offset + 1,
      outputRank: false,
      fields: [...input, { name: '$rank', type: T.BIGINT(false) }],
    };
    const drop: Calc = { kind: 'Calc', input: rank, projects: input.map((f, i) => inputRef(i, f.type)), fields: node.fields };
    return drop;
  },
};
