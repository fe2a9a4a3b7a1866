import * as T from '../../types/data-type.js';
import type { WindowAggregateNode } from '../logical/plan-node.js';
import type { Rule } from './rule.js';
import { MERGEABLE, twoPhaseWanted } from './agg-phase.js';

/**
 * WindowAggregate → GlobalWindowAggregate(LocalWindowAggregate) when every aggregate merges, as
 * Flink's TwoStageOptimizedWindowAggregateRule: the local phase pre-aggregates each chunk per key
 * and slice, the global phase merges (see `twoPhaseWanted`).
 */
export const twoPhaseWindowAggregate: Rule = {
  name: 'two-phase-window-aggregate',
  rewrite(node, ctx) {
    if (node.kind !== 'WindowAggregate' || node.phase || node.window.window === 'SESSION' || node.groupingSets) return undefined;
    if (!twoPhaseWanted(ctx)) return undefined;
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
