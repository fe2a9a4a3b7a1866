/**
 * SINGLE_VALUE(x), as Flink's SingleValueAggFunction (scalar subqueries): the only input row's
 * value (NULL included); an error when a second row arrives; NULL on empty input.
 * Accumulator: [value, row count].
 */
import { RuntimeError } from '../../types/errors.js';
import type { AggregateFunction } from './aggregate-function.js';

export type SingleValueAcc = [value: unknown, count: number];

const tooMany = (): never => {
  throw new RuntimeError('SingleValueAggFunction received more than one element.');
};

export function singleValueAggregate(): AggregateFunction<SingleValueAcc> {
  return {
    createAccumulator: () => [null, 0],
    accumulate: (acc, args) => (acc[1] >= 1 ? tooMany() : [args[0] ?? null, acc[1] + 1]),
    retract: (acc) => [null, acc[1] - 1],
    merge: (acc, other) => {
      const n = acc[1] + other[1];
      if (n > 1) tooMany();
      return other[1] > 0 ? [other[0], n] : [acc[0], n];
    },
    getValue: (acc) => (acc[1] > 0 ? acc[0] : null),
  };
}
