import type { AggregateFunction } from '../aggregates/aggregate-function.js';
import { createAggregate } from '../aggregates/registry.js';
import type { JsAggregateDef } from '../../functions/user/load-js-function.js';
import type { AggCall, Field, PlanNode, PlannedJob } from '../../planner/logical/plan-node.js';
import { RowKind } from '../../types/row.js';
import { buildKeyOf } from '../../types/value-hash.js';
import type { BoundAggregate, GroupingSet } from '../operators/window-aggregate-operator.js';

/** Whether the node sends -U before +U: update-before inference removes UB from its mode for upsert sinks. */
export function emitsUpdateBefore(job: PlannedJob, node: PlanNode): boolean {
  return job.changelog.get(node)?.kinds.has(RowKind.UPDATE_BEFORE) ?? true;
}

const GROUPING_FUNCTIONS = new Set(['GROUPING', 'GROUPING_ID', 'GROUP_ID']);
const NO_STATE: AggregateFunction = { createAccumulator: () => null, accumulate: (a) => a, merge: (a) => a, getValue: () => null };

/** An aggregate call bound to its input columns; grouping functions read the row's grouping set. */
export function boundAggregate(call: AggCall, input: readonly Field[], userAggregates?: ReadonlyMap<string, JsAggregateDef>, retraction = false): BoundAggregate {
  if (GROUPING_FUNCTIONS.has(call.name)) {
    // GROUPING(a, b): one bit per argument, set when the argument is not grouped in this set.
    const grouping = (set: GroupingSet) =>
      call.name === 'GROUP_ID' ? 0n : call.args.reduce((bits, a) => (bits << 1n) | (set.columns.includes(a) ? 0n : 1n), 0n);
    return { fn: NO_STATE, args: [], grouping };
  }
  return { fn: createAggregate(call, call.args.map((a) => input[a]!.type), { userAggregates, retraction }), args: call.args, filter: call.filterArg };
}

/** The grouping sets of an aggregation (one set of all keys for a plain GROUP BY). */
export function groupingSets(keys: readonly number[], sets: readonly (readonly number[])[] | undefined, input: readonly Field[]): GroupingSet[] {
  return (sets ?? [keys]).map((columns, i) => {
    const hash = buildKeyOf(columns.map((c) => input[c]!.type), columns);
    const prefix = sets ? `${i}#` : '';
    return {
      columns,
      keyOf: columns.length === 0 ? () => `${prefix}` : sets ? (row) => `${prefix}${hash(row)}` : hash,
      keyValues: (row) => keys.map((k) => (columns.includes(k) ? row[k] : null)),
    };
  });
}

