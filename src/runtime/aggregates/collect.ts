/**
 * COLLECT(x), as Flink's CollectAggFunction: the MULTISET of the non-NULL inputs (a
 * `Map<value, count>`, see src/types/values.ts); an empty multiset on empty input. Retraction
 * decrements a count and drops the element at 0; a retraction of an absent element leaves a
 * count of -1, as Flink does.
 * Accumulator: ValueCounts (HashKey → [value, count]).
 */
import type { DataType } from '../../types/data-type.js';
import type { AggregateFunction } from './aggregate-function.js';
import { addCount, valueKeyOf, type ValueCounts } from './value-counts.js';

const isNull = (v: unknown): boolean => v === null || v === undefined;

export function collectAggregate(type: DataType): AggregateFunction<ValueCounts> {
  const keyOf = valueKeyOf(type);
  const step = (acc: ValueCounts, x: unknown, delta: number): ValueCounts => {
    if (!isNull(x)) addCount(acc, keyOf(x), x, delta);
    return acc;
  };
  return {
    createAccumulator: () => new Map(),
    accumulate: (acc, args) => step(acc, args[0], 1),
    retract: (acc, args) => step(acc, args[0], -1),
    merge: (acc, other) => {
      for (const [k, [v, n]] of other) addCount(acc, k, v, n);
      return acc;
    },
    getValue: (acc) => {
      const out = new Map<unknown, number>();
      for (const [v, n] of acc.values()) out.set(v, n);
      return out;
    },
  };
}
