/**
 * MIN and MAX over any comparable type, ordered as Flink compares (src/types/values-compare.ts:
 * strings by code point, doubles as Double.compare, decimals by value, timestamps with nanos).
 * NULL inputs are ignored; NULL on empty input.
 *
 * - `minMaxAggregate` (Flink's MinAggFunction / MaxAggFunction), append-only.
 *   Accumulator: the current extreme or null.
 * - `minMaxWithRetractAggregate` (MinWithRetractAggFunction / MaxWithRetractAggFunction).
 *   Accumulator: { value: current extreme or null, counts: ValueCounts of every input value }.
 */
import type { DataType } from '../../types/data-type.js';
import { buildComparator } from '../../types/values-compare.js';
import type { AggregateFunction } from './aggregate-function.js';
import { addCount, valueKeyOf, type ValueCounts } from './value-counts.js';

export type MinMaxKind = 'MIN' | 'MAX';

const isNull = (v: unknown): boolean => v === null || v === undefined;

/** `better(a, b)`: whether a should replace b as the extreme. */
function betterOf(kind: MinMaxKind, type: DataType): (a: unknown, b: unknown) => boolean {
  const cmp = buildComparator(type);
  return kind === 'MIN' ? (a, b) => cmp(a, b) < 0 : (a, b) => cmp(a, b) > 0;
}

export function minMaxAggregate(kind: MinMaxKind, type: DataType): AggregateFunction<unknown> {
  const better = betterOf(kind, type);
  const pick = (acc: unknown, x: unknown): unknown => (isNull(x) ? acc : acc === null || better(x, acc) ? x : acc);
  return {
    createAccumulator: () => null,
    accumulate: (acc, args) => pick(acc, args[0]),
    merge: (acc, other) => pick(acc, other),
    getValue: (acc) => acc,
  };
}

export interface MinMaxRetractAcc {
  value: unknown;
  counts: ValueCounts;
}

export function minMaxWithRetractAggregate(kind: MinMaxKind, type: DataType): AggregateFunction<MinMaxRetractAcc> {
  const better = betterOf(kind, type);
  const keyOf = valueKeyOf(type);
  const recompute = (acc: MinMaxRetractAcc): void => {
    let best: unknown = null;
    // Entries with a negative count (retracted before accumulated) are not values of the group.
    for (const [v, n] of acc.counts.values()) if (n > 0 && (best === null || better(v, best))) best = v;
    acc.value = best;
  };
  return {
    createAccumulator: () => ({ value: null, counts: new Map() }),
    accumulate: (acc, args) => {
      const x = args[0];
      if (isNull(x)) return acc;
      const n = addCount(acc.counts, keyOf(x), x, 1);
      if (n > 0 && (acc.value === null || better(x, acc.value))) acc.value = x;
      return acc;
    },
    retract: (acc, args) => {
      const x = args[0];
      if (isNull(x)) return acc;
      const key = keyOf(x);
      const n = addCount(acc.counts, key, x, -1);
      if (n <= 0 && acc.value !== null && keyOf(acc.value) === key) recompute(acc);
      return acc;
    },
    merge: (acc, other) => {
      if (other.counts.size === 0) return acc;
      // addCount makes fresh entries, so nothing of `other` is shared.
      for (const [k, [v, n]] of other.counts) addCount(acc.counts, k, v, n);
      recompute(acc);
      return acc;
    },
    getValue: (acc) => acc.value,
  };
}
