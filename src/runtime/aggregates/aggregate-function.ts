/**
 * The runtime contract of an aggregate function (built-in or user-defined), used by window
 * aggregation (slices merged into windows) and by group aggregation with retraction.
 *
 * Accumulators are plain data so checkpoints can snapshot them: numbers, strings, booleans, null,
 * SQL values (bigint, Decimal, Timestamp, Uint8Array, arrays, Map for MAP/MULTISET), plain arrays,
 * plain objects, and `Map`s keyed by a `HashKey` (string | number from src/types/value-hash.ts,
 * deterministic across runs) whose entries are `[value, count]` pairs. No functions, no classes
 * other than the SQL value classes. Each function documents its accumulator's shape.
 *
 * Ownership rules (the operator relies on them):
 * - `accumulate`, `retract` and `merge` may mutate `acc` and return it, or return a new
 *   accumulator; callers always keep the returned one.
 * - `merge(acc, other)` never mutates `other` nor keeps references to its mutable parts: a slice's
 *   accumulator is merged into several windows (HOP, CUMULATE) and must stay intact.
 *   `merge` assumes `acc` holds the earlier rows and `other` the later ones (FIRST_VALUE,
 *   LAST_VALUE, LISTAGG and ARRAY_AGG keep arrival order).
 * - `getValue` never mutates `acc` and returns a value that shares nothing mutable with it.
 */
export interface AggregateFunction<A = unknown> {
  createAccumulator(): A;
  /** Adds one input row's arguments (already projected; FILTER already applied). The array may be reused by the caller: keep values, not the array. */
  accumulate(acc: A, args: readonly unknown[]): A;
  /** Removes one input row's arguments; absent when the function cannot retract. */
  retract?(acc: A, args: readonly unknown[]): A;
  merge(acc: A, other: A): A;
  getValue(acc: A): unknown;
}

/** Erases the accumulator type, for heterogeneous lists of aggregates. */
export function erase<A>(fn: AggregateFunction<A>): AggregateFunction {
  return fn as unknown as AggregateFunction;
}
