/**
 * COUNT(DISTINCT x, …): the number of distinct non-NULL argument tuples. The same result as
 * distinctAggregate(COUNT), without keeping each tuple and an inner count: a tuple's key maps to
 * how many input rows carry it (negative when retractions arrive first), and `positive` counts the
 * keys above zero. Accumulator: { seen: Map<HashKey, number>, positive: number }.
 */
import type { DataType } from '../../types/data-type.js';
import { hashKey, type HashKey } from '../../types/value-hash.js';
import type { AggregateFunction } from './aggregate-function.js';

export interface CountDistinctAcc {
  seen: Map<HashKey, number>;
  positive: number;
}

export function countDistinctAggregate(argTypes: readonly DataType[]): AggregateFunction<CountDistinctAcc> {
  const keyOf = (args: readonly unknown[]): HashKey | undefined => (args.some((v) => v === null || v === undefined) ? undefined : hashKey(args, argTypes));
  const add = (acc: CountDistinctAcc, key: HashKey, n: number): void => {
    const before = acc.seen.get(key) ?? 0;
    const after = before + n;
    if (after === 0) acc.seen.delete(key);
    else acc.seen.set(key, after);
    if (before <= 0 && after > 0) acc.positive++;
    else if (before > 0 && after <= 0) acc.positive--;
  };
  const step = (n: number) => (acc: CountDistinctAcc, args: readonly unknown[]) => {
    const key = keyOf(args);
    if (key !== undefined) add(acc, key, n);
    return acc;
  };
  return {
    createAccumulator: () => ({ seen: new Map(), positive: 0 }),
    accumulate: step(1),
    retract: step(-1),
    merge: (acc, other) => {
      for (const [key, n] of other.seen) add(acc, key, n);
      return acc;
    },
    getValue: (acc) => BigInt(acc.positive),
  };
}
