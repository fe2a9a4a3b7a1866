import * as T from '../../types/data-type.js';
import type { AggregateNode } from '../logical/plan-node.js';
import type { Rule } from './rule.js';
import { MERGEABLE, twoPhaseWanted } from './agg-phase.js';

/**
 * GroupAggregate → GlobalGroupAggregate(LocalGroupAggregate), as Flink's
 * TwoStageOptimizedAggregateRule: only with mini-batch, when every aggregate merges (see
 * `twoPhaseWanted` for the strategy). The local phase folds each mini-batch's rows per key into
 * accumulators (retracting -U/-D rows), the global phase merges those into its state.
 */
export const twoPhaseGroupAggregate: Rule = {
  name: 'two-phase-group-aggregate',
  rewrite(node, ctx) {
    if (node.kind !== 'Aggregate' || node.phase || node.window || node.groupingSets) return undefined;
    if (ctx.option('table.exec.mini-batch.enabled')?.toLowerCase() !== 'true' || !twoPhaseWanted(ctx)) return undefined;
    if (node.aggCalls.some((a) => a.distinct || !MERGEABLE.has(a.name))) return undefined;
    const input = node.input.fields;
    const k = node.groupKeys.length;
    const local: AggregateNode = {
      ...node,
      phase: 'local',
      fields: [
        ...node.groupKeys.map((g) => input[g]!),
        ...node.aggCalls.map((a, i) => ({ name: `${a.name.toLowerCase()}$${i}`, type: a.type })),
        { name: `count1$${node.aggCalls.length}`, type: T.BIGINT(false) },
      ],
    };
    return {
      ...node,
      phase: 'global',
      input: local,
      groupKeys: node.groupKeys.map((_, i) => i),
      aggCalls: node.aggCalls.map((a, i) => ({ ...a, args: [k + i], filterArg: undefined })),
    };
  },
};
