/**
 * A multiset of SQL values for accumulators: `Map<HashKey, [value, count]>` keyed by
 * src/types/value-hash.ts's `hashKey`, so equal values (by SQL equality, e.g. 1.0 and 1.00 as
 * DECIMAL) share an entry. Plain data: snapshots keep the map as is.
 */
import type { DataType } from '../../types/data-type.js';
import { hashKey, type HashKey } from '../../types/value-hash.js';

export type ValueCounts = Map<HashKey, [value: unknown, count: number]>;

/** A key function for values of `type`. */
export function valueKeyOf(type: DataType): (v: unknown) => HashKey {
  const types = [type];
  return (v) => hashKey([v], types);
}

/** Adds `delta` to the count of `v`; drops the entry when it reaches 0. Returns the new count. */
export function addCount(counts: ValueCounts, key: HashKey, v: unknown, delta: number): number {
  const e = counts.get(key);
  const n = (e ? e[1] : 0) + delta;
  if (n === 0) counts.delete(key);
  else if (e) e[1] = n;
  else counts.set(key, [v, n]);
  return n;
}

/** A deep-enough copy: entries are fresh arrays (values themselves are immutable). */
export function copyCounts(counts: ValueCounts): ValueCounts {
  const out: ValueCounts = new Map();
  for (const [k, e] of counts) out.set(k, [e[0], e[1]]);
  return out;
}
