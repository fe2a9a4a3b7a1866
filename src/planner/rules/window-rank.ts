import type { Calc, WindowRankNode } from '../logical/plan-node.js';
import type { Rex } from '../rex.js';
import type { Rule } from './rule.js';
import { rankLimit } from './top-n.js';
import { localWindows } from './window-origin.js';

const RANKING = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK']);

/**
 * `SELECT … FROM (SELECT …, ROW_NUMBER() OVER (PARTITION BY window_start, window_end … ORDER BY …)
 * AS rn FROM …) WHERE rn <= N` → WindowRank (Flink's window Top-N; with N = 1 and a time order,
 * window deduplication). The filter stays above, so the rewrite needs no change of columns.
 */
export const windowRank: Rule = {
  name: 'window-rank',
  rewrite(node) {
    if (node.kind !== 'Calc' || !node.condition || node.input.kind !== 'Over') return undefined;
    const over = node.input;
    const call = over.aggCalls[0];
    if (over.aggCalls.length !== 1 || !call || !RANKING.has(call.name)) return undefined;
    const input = over.input.fields;
    const names = over.partitionKeys.map((k) => input[k]!.name);
    const windowEndIndex = input.findIndex((f) => f.name === 'window_end');
    if (!names.includes('window_start') || !names.includes('window_end') || windowEndIndex < 0) return undefined;
    const limit = rankLimit(node.condition, input.length);
    if (limit === undefined) return undefined;
    const first = over.orderKeys[0];
    const firstType = first ? input[first.index]!.type : undefined;
    const timeOrder = firstType !== undefined && (firstType.kind === 'TIMESTAMP' || firstType.kind === 'TIMESTAMP_LTZ') && firstType.timeAttribute !== undefined;
    const rank: WindowRankNode = {
      kind: 'WindowRank',
      input: over.input,
      rankFunction: call.name as WindowRankNode['rankFunction'],
      windowEndIndex,
      partitionKeys: over.partitionKeys.filter((k) => k !== windowEndIndex),
      orderKeys: over.orderKeys,
      limit,
      keepLast: limit === 1 && call.name === 'ROW_NUMBER' && timeOrder && first!.direction === 'DESC',
      localWindows: localWindows(over.input),
      fields: over.fields,
    };
    const result: Calc = { ...node, input: rank };
    return result;
  },
};
