/**
 * COUNT(x, …) and COUNT(*), as Flink's CountAggFunction / Count1AggFunction: the number of rows
 * whose arguments are all non-NULL (every row for COUNT(*)); 0 on empty input, never NULL.
 * Accumulator: a number (the count; may go negative when retractions arrive first, as in Flink).
 */
import type { AggregateFunction } from './aggregate-function.js';

const notNull = (v: unknown): boolean => v !== null && v !== undefined;

export function countAggregate(argCount: number): AggregateFunction<number> {
  const counts = argCount === 0 ? () => true : argCount === 1 ? (a: readonly unknown[]) => notNull(a[0]) : (a: readonly unknown[]) => a.every(notNull);
  return {
    createAccumulator: () => 0,
    accumulate: (acc, args) => (counts(args) ? acc + 1 : acc),
    retract: (acc, args) => (counts(args) ? acc - 1 : acc),
    merge: (acc, other) => acc + other,
    getValue: (acc) => BigInt(acc),
  };
}
