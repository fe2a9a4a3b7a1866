import * as T from '../../types/data-type.js';
import type { WindowAggregateNode } from '../logical/plan-node.js';
import type { Rule } from './rule.js';

/** Built-in aggregates whose accumulators merge (all of weir's; user aggregates may lack `merge`). */
const MERGEABLE = new Set([
  'COUNT', 'SUM', 'SUM0', 'AVG', 'MIN', 'MAX', 'VAR_POP', 'VAR_SAMP', 'VARIANCE', 'STDDEV_POP', 'STDDEV_SAMP', 'STDDEV',
  'COLLECT', 'LISTAGG', 'FIRST_VALUE', 'LAST_VALUE', 'ARRAY_AGG', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG',
]);

/**
 * WindowAggregate → GlobalWindowAggregate(LocalWindowAggregate) when every aggregate merges, as
 * Flink's TwoStageOptimizedWindowAggregateRule: the local phase pre-aggregates each chunk per key
 * and slice, the global phase merges. `table.optimizer.agg-phase-strategy` TWO_PHASE asks for it;
 * AUTO chooses one phase while jobs run at parallelism 1, where the split only adds work (measured
 * HOP(10 s, 2 s) over 10,000 keys: ~0.55 M vs ~0.86 M events/s per core).
 */
export const twoPhaseWindowAggregate: Rule = {
  name: 'two-phase-window-aggregate',
  rewrite(node, ctx) {
    if (node.kind !== 'WindowAggregate' || node.phase || node.window.window === 'SESSION' || node.groupingSets) return undefined;
    const strategy = (ctx.option('table.optimizer.agg-phase-strategy') ?? 'AUTO').toUpperCase();
    const parallel = Number(ctx.option('parallelism.default') ?? '1') > 1;
    if (strategy === 'ONE_PHASE' || (strategy === 'AUTO' && !parallel)) return undefined;
    if (node.aggCalls.some((a) => a.distinct || !MERGEABLE.has(a.name))) return undefined;
    const input = node.input.fields;
    const keys = node.groupKeys.map((k) => input[k]!);
    const local: WindowAggregateNode = {
      ...node,
      phase: 'local',
      fields: [
        ...keys,
        { name: '$slice_end', type: T.BIGINT(false) },
        ...node.aggCalls.map((a, i) => ({ name: `${a.name.toLowerCase()}$${i}`, type: a.type })),
      ],
    };
    const k = keys.length;
    const global: WindowAggregateNode = {
      ...node,
      phase: 'global',
      input: local,
      timeIndex: k,
      groupKeys: keys.map((_, i) => i),
      aggCalls: node.aggCalls.map((a, i) => ({ ...a, args: [k + 1 + i], filterArg: undefined })),
    };
    return global;
  },
};
