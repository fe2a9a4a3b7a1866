/**
 * An aggregate call bound to its input row layout: projects the arguments out of a row and
 * applies FILTER (a row counts only when its filter column is TRUE), so operators deal in rows.
 */
import type { DataType } from '../../types/data-type.js';
import { InternalError } from '../../types/errors.js';
import type { AggregateFunction } from './aggregate-function.js';
import { createAggregate, type AggregateCallSpec, type CreateAggregateOptions } from './registry.js';

export interface BoundAggregate {
  readonly call: AggregateCallSpec;
  readonly fn: AggregateFunction;
  readonly retractable: boolean;
  accumulateRow(acc: unknown, row: readonly unknown[]): unknown;
  /** Throws when the function cannot retract (check `retractable` when planning). */
  retractRow(acc: unknown, row: readonly unknown[]): unknown;
}

export function bindAggregate(call: AggregateCallSpec, inputTypes: readonly DataType[], options: CreateAggregateOptions = {}): BoundAggregate {
  const argTypes = call.args.map((i) => {
    const t = inputTypes[i];
    if (!t) throw new InternalError(`Aggregate ${call.name} reads input column ${i}, but the input has ${inputTypes.length} columns`);
    return t;
  });
  const fn = createAggregate(call, argTypes, options);
  const cols = call.args;
  const argsOf =
    cols.length === 0 ? () => [] : cols.length === 1 ? (row: readonly unknown[]) => [row[cols[0]!]] : (row: readonly unknown[]) => cols.map((c) => row[c]);
  const f = call.filterArg;
  const passes = f === undefined ? () => true : (row: readonly unknown[]) => row[f] === true;
  const retract = fn.retract?.bind(fn);
  return {
    call,
    fn,
    retractable: retract !== undefined,
    accumulateRow: (acc, row) => (passes(row) ? fn.accumulate(acc, argsOf(row)) : acc),
    retractRow: (acc, row) => {
      if (!retract) throw new InternalError(`Aggregate ${call.name} cannot retract; plan it with retraction: true`);
      return passes(row) ? retract(acc, argsOf(row)) : acc;
    },
  };
}
