/** Helpers for the aggregate unit tests. */
import { expect } from 'vitest';
import type { AggregateFunction } from './aggregate-function.js';

/** One row's arguments; a bare (non-array) value stands for a one-argument row. */
export type Args = unknown;
const asArgs = (a: Args): readonly unknown[] => (Array.isArray(a) ? a : [a]);

export function accumulateAll<A>(fn: AggregateFunction<A>, rows: readonly Args[], acc: A = fn.createAccumulator()): A {
  for (const r of rows) acc = fn.accumulate(acc, asArgs(r));
  return acc;
}

export function retractAll<A>(fn: AggregateFunction<A>, rows: readonly Args[], acc: A): A {
  if (!fn.retract) throw new Error('not retractable');
  for (const r of rows) acc = fn.retract(acc, asArgs(r));
  return acc;
}

/** getValue after accumulating `rows` (each row an argument list). */
export function aggregate<A>(fn: AggregateFunction<A>, rows: readonly Args[]): unknown {
  return fn.getValue(accumulateAll(fn, rows));
}

/**
 * accumulate(A ++ B) == merge(acc(A), acc(B)), that merge leaves `other` intact, and that merging
 * into an empty accumulator gives the same value.
 */
export function expectMergeEquivalent<A>(fn: AggregateFunction<A>, a: readonly Args[], b: readonly Args[]): void {
  const whole = fn.getValue(accumulateAll(fn, [...a, ...b]));
  const accB = accumulateAll(fn, b);
  const beforeB = fn.getValue(accB);
  const merged = fn.merge(accumulateAll(fn, a), accB);
  expect(fn.getValue(merged)).toEqual(whole);
  expect(fn.getValue(accB)).toEqual(beforeB);
  // Merging into a fresh accumulator, then the same slice into another window.
  const w1 = fn.merge(fn.merge(fn.createAccumulator(), accumulateAll(fn, a)), accB);
  expect(fn.getValue(w1)).toEqual(whole);
  const w2 = fn.merge(fn.createAccumulator(), accB);
  expect(fn.getValue(w2)).toEqual(beforeB);
}

/** Accumulating then retracting every row gives the empty-input value again. */
export function expectRetractToEmpty<A>(fn: AggregateFunction<A>, rows: readonly Args[]): void {
  const empty = fn.getValue(fn.createAccumulator());
  const acc = retractAll(fn, rows, accumulateAll(fn, rows));
  expect(fn.getValue(acc)).toEqual(empty);
}
