/**
 * BOOL_AND / BOOL_OR: whether all / any non-NULL input is TRUE; NULL on no non-NULL input.
 * (Calcite functions; Flink 1.20's default operator table may not expose them — see the report.)
 * Accumulator: [trueCount, falseCount], so retraction works.
 */
import type { AggregateFunction } from './aggregate-function.js';

export type BoolAggKind = 'BOOL_AND' | 'BOOL_OR';
export type BoolAcc = [trues: number, falses: number];

export function boolAggregate(kind: BoolAggKind): AggregateFunction<BoolAcc> {
  const step = (acc: BoolAcc, x: unknown, d: number): BoolAcc =>
    x === true ? [acc[0] + d, acc[1]] : x === false ? [acc[0], acc[1] + d] : acc;
  return {
    createAccumulator: () => [0, 0],
    accumulate: (acc, args) => step(acc, args[0], 1),
    retract: (acc, args) => step(acc, args[0], -1),
    merge: (acc, other) => [acc[0] + other[0], acc[1] + other[1]],
    getValue: ([t, f]) => (t <= 0 && f <= 0 ? null : kind === 'BOOL_AND' ? f <= 0 : t > 0),
  };
}
