/**
 * AGG(DISTINCT …): the inner aggregate sees each distinct argument tuple once. A value→count map
 * remembers how many input rows carry each tuple; the inner function accumulates a tuple when its
 * count becomes positive and retracts it when the last copy is retracted (as Flink's distinct
 * MapView in the generated aggregate handler).
 * Accumulator: { seen: Map<HashKey, [args, count]>, inner: the inner accumulator }.
 */
import type { DataType } from '../../types/data-type.js';
import { hashKey, type HashKey } from '../../types/value-hash.js';
import type { AggregateFunction } from './aggregate-function.js';

export interface DistinctAcc<A> {
  seen: Map<HashKey, [args: readonly unknown[], count: number]>;
  inner: A;
}

export function distinctAggregate<A>(inner: AggregateFunction<A>, argTypes: readonly DataType[]): AggregateFunction<DistinctAcc<A>> {
  const keyOf = (args: readonly unknown[]) => hashKey(args, argTypes);
  const innerRetract = inner.retract?.bind(inner);
  const add = (acc: DistinctAcc<A>, key: HashKey, args: readonly unknown[], n: number): void => {
    const e = acc.seen.get(key);
    const before = e ? e[1] : 0;
    const after = before + n;
    if (after === 0) acc.seen.delete(key);
    else if (e) e[1] = after;
    else acc.seen.set(key, [[...args], after]);
    if (before <= 0 && after > 0) acc.inner = inner.accumulate(acc.inner, args);
    else if (before > 0 && after <= 0 && innerRetract) acc.inner = innerRetract(acc.inner, args);
  };
  const fn: AggregateFunction<DistinctAcc<A>> = {
    createAccumulator: () => ({ seen: new Map(), inner: inner.createAccumulator() }),
    accumulate: (acc, args) => {
      add(acc, keyOf(args), args, 1);
      return acc;
    },
    merge: (acc, other) => {
      // Merging the inner accumulators would count tuples present on both sides twice, so the
      // tuples new to `acc` are accumulated one by one (in `other`'s arrival order).
      for (const [key, [args, n]] of other.seen) add(acc, key, args, n);
      return acc;
    },
    getValue: (acc) => inner.getValue(acc.inner),
  };
  if (innerRetract) {
    fn.retract = (acc, args) => {
      add(acc, keyOf(args), args, -1);
      return acc;
    };
  }
  return fn;
}
