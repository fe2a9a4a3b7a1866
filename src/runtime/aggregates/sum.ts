/**
 * SUM and SUM0 (Flink's SumWithRetractAggFunction and Sum0AggFunction). The sum has the result
 * type: the input type for integers and floating point (Java overflow: wraps), DECIMAL(38, s) for
 * DECIMAL(p, s) (exact; a sum that overflows 38 digits becomes NULL as in Flink).
 *
 * SUM accumulator: [sum | null, count of non-NULL inputs]; NULL while the count is 0.
 * SUM0 accumulator: the sum (starts at 0; NULL only after a DECIMAL overflow).
 * A BIGINT sum is held as a number while it is a safe integer (sum-ops.ts).
 */
import type { DataType } from '../../types/data-type.js';
import type { AggregateFunction } from './aggregate-function.js';
import { sumOps } from './sum-ops.js';

export type SumAcc = [sum: unknown, count: number];

const isNull = (v: unknown): boolean => v === null || v === undefined;

export function sumAggregate(resultType: DataType): AggregateFunction<SumAcc> {
  const ops = sumOps(resultType);
  return {
    createAccumulator: () => [null, 0],
    accumulate: (acc, args) => {
      const x = args[0];
      if (isNull(x)) return acc;
      acc[0] = acc[0] === null ? ops.of(x) : ops.add(acc[0], x);
      acc[1]++;
      return acc;
    },
    retract: (acc, args) => {
      const x = args[0];
      if (isNull(x)) return acc;
      acc[0] = acc[0] === null ? ops.sub(ops.zero, x) : ops.sub(acc[0], x);
      acc[1]--;
      return acc;
    },
    merge: (acc, other) => {
      acc[0] = other[0] === null ? acc[0] : acc[0] === null ? other[0] : ops.add(acc[0], other[0]);
      acc[1] += other[1];
      return acc;
    },
    getValue: (acc) => (acc[1] === 0 ? null : ops.value(acc[0])),
  };
}

export function sum0Aggregate(resultType: DataType): AggregateFunction<unknown> {
  const ops = sumOps(resultType);
  const step = (acc: unknown, x: unknown, f: (a: unknown, b: unknown) => unknown): unknown =>
    isNull(x) || acc === null ? acc : f(acc, x);
  return {
    createAccumulator: () => ops.zero,
    accumulate: (acc, args) => step(acc, args[0], ops.add),
    retract: (acc, args) => step(acc, args[0], ops.sub),
    merge: (acc, other) => step(acc, other, ops.add),
    getValue: (acc) => ops.value(acc),
  };
}
