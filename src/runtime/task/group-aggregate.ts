import type { AggregateNode, PlannedJob } from '../../planner/logical/plan-node.js';
import { InternalError, PlanError } from '../../types/errors.js';
import { RowKind } from '../../types/row.js';
import { valuesEqual } from '../../types/values-compare.js';
import type { DataType } from '../../types/data-type.js';
import { GroupAggregateOperator } from '../operators/group-aggregate-operator.js';
import { LocalGroupAggregateOperator } from '../operators/local-group-aggregate-operator.js';
import type { Operator, Output } from '../operators/operator.js';
import type { StateTtl } from '../state/keyed-state-table.js';
import { boundAggregate, emitsUpdateBefore, groupingSets } from './aggregate-binding.js';
import type { BuildOptions } from './job-graph-builder.js';

/** The operator of a group aggregation: one phase, or the local or global half of two. */
export function groupAggregateOperator(id: number, node: AggregateNode, job: PlannedJob, opts: BuildOptions, out: Output, ttl: StateTtl | undefined): Operator {
  if (node.window) throw new PlanError('This window aggregation cannot run on the embedded engine yet (its window columns are computed with, not only grouped on).');
  const miniBatch = opts.miniBatch && { ...opts.miniBatch, clock: opts.session.now, lock: opts.lock };
  // Both phases build their functions from the calls over the raw input: the global phase's
  // arguments are the accumulators the local phase built with the same functions.
  const raw = node.phase === 'global' && node.input.kind === 'Aggregate' ? node.input : node;
  const mode = job.changelog.get(raw.input);
  const retraction = mode !== undefined && (mode.kinds.has(RowKind.UPDATE_BEFORE) || mode.kinds.has(RowKind.DELETE));
  const aggs = raw.aggCalls.map((call, i) => ({
    ...boundAggregate(call, raw.input.fields, opts.userAggregates, retraction),
    args: node.aggCalls[i]!.args,
    filter: node.aggCalls[i]!.filterArg,
  }));
  const sets = groupingSets(node.groupKeys, node.groupingSets, node.input.fields);
  if (node.phase === 'local') {
    if (!miniBatch) throw new InternalError('Local group aggregation is planned only with mini-batch enabled');
    return new LocalGroupAggregateOperator(`LocalGroupAggregate[${id}]`, sets[0]!, aggs, out, miniBatch);
  }
  const spec = { sets, aggs, sameValues: sameValues(node.fields.slice(node.groupKeys.length).map((f) => f.type)), updateBefore: emitsUpdateBefore(job, node), ttl, miniBatch };
  if (node.phase === 'global') return new GroupAggregateOperator(`GlobalGroupAggregate[${id}]`, { ...spec, countColumn: node.input.fields.length - 1 }, out);
  return new GroupAggregateOperator(`GroupAggregate[${id}]`, spec, out);
}

/** Compares two lists of aggregate values of `types`. */
function sameValues(types: readonly DataType[]): (a: readonly unknown[], b: readonly unknown[]) => boolean {
  return (a, b) => {
    for (let i = 0; i < types.length; i++) if (!valuesEqual(a[i], b[i], types[i]!)) return false;
    return true;
  };
}
