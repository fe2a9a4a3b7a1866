import type { Calc, RankNode } from '../logical/plan-node.js';
import { forEachInputRef, type Rex } from '../rex.js';
import type { Rule } from './rule.js';
import { PlanError } from '../../types/errors.js';

const RANKING = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK']);

/**
 * `SELECT … FROM (SELECT …, ROW_NUMBER() OVER (PARTITION BY … ORDER BY …) AS rn FROM t) WHERE rn <= N`
 * → Rank (Flink's Top-N; with N = 1 ordered by a time attribute it is deduplication). Runs after
 * window-rank, which takes the windowed form. The filter stays above.
 */
export const topN: Rule = {
  name: 'top-n',
  rewrite(node) {
    // A projection that drops the rank column (after Calcs merged) lets the Rank skip it.
    if (node.kind === 'Calc' && node.input.kind === 'Rank' && node.input.outputRank && !readsColumn(node, node.input.input.fields.length)) {
      return { ...node, input: { ...node.input, outputRank: false } };
    }
    if (node.kind !== 'Calc' || !node.condition || node.input.kind !== 'Over') return undefined;
    const over = node.input;
    const call = over.aggCalls[0];
    if (over.aggCalls.length !== 1 || !call || !RANKING.has(call.name)) return undefined;
    const rankIndex = over.input.fields.length;
    const limit = rankLimit(node.condition, rankIndex);
    if (limit === undefined) return undefined;
    if (call.name !== 'ROW_NUMBER') {
      throw new PlanError(`${call.name}() on streaming table is not supported currently`, undefined, 'Use ROW_NUMBER() for Top-N on a streaming table.');
    }
    const rank: RankNode = {
      kind: 'Rank',
      input: over.input,
      rankFunction: call.name as RankNode['rankFunction'],
      partitionKeys: over.partitionKeys,
      orderKeys: over.orderKeys,
      limit,
      outputRank: readsColumn(node, rankIndex),
      fields: over.fields,
    };
    // The Rank keeps only ranks within the limit: the filter no longer needs to test them.
    const result: Calc = { ...node, condition: withoutRankBound(node.condition, rankIndex), input: rank };
    return result;
  },
};

function withoutRankBound(condition: Rex, rankIndex: number): Rex | undefined {
  const conjuncts = condition.kind === 'Logical' && condition.op === 'AND' ? condition.args : [condition];
  const rest = conjuncts.filter((c) => rankLimit(c, rankIndex) === undefined);
  if (rest.length === 0) return undefined;
  return rest.length === 1 ? rest[0] : { ...(condition as Extract<Rex, { kind: 'Logical' }>), args: rest };
}

/** Whether a Calc's projections read input column `index` (its filter may). */
function readsColumn(calc: Calc, index: number): boolean {
  let reads = false;
  for (const p of calc.projects) forEachInputRef(p, (i) => (reads ||= i === index));
  return reads;
}

/** N from a conjunct `rank <= N`, `rank < N` or `rank = 1` of the filter above the ranking. */
export function rankLimit(condition: Rex, rankIndex: number): number | undefined {
  const conjuncts = condition.kind === 'Logical' && condition.op === 'AND' ? condition.args : [condition];
  for (const c of conjuncts) {
    if (c.kind !== 'Call' || c.args.length !== 2) continue;
    const [a, b] = c.args;
    if (a?.kind !== 'InputRef' || a.index !== rankIndex || b?.kind !== 'Literal') continue;
    const n = Number(b.value);
    if (c.name === '<=') return n;
    if (c.name === '<') return n - 1;
    if (c.name === '=' && n === 1) return 1;
  }
  return undefined;
}
