import type { UpsertKeys } from './upsert-keys.js';

/**
 * How a regular join input's rows are identified (Flink's JoinInputSideSpec); it decides the
 * input's state layout, so EXPLAIN's leftInputSpec / rightInputSpec and the runtime agree.
 * `uniqueKey` is the smallest key (fewest columns, first on ties), as Flink picks it.
 */
export type JoinInputSpec =
  | { readonly kind: 'JoinKeyContainsUniqueKey'; readonly uniqueKey: readonly number[] }
  | { readonly kind: 'HasUniqueKey'; readonly uniqueKey: readonly number[] }
  | { readonly kind: 'NoUniqueKey' };

export function joinInputSpec(keys: UpsertKeys, joinKey: readonly number[]): JoinInputSpec {
  if (!keys?.length) return { kind: 'NoUniqueKey' };
  const contained = keys.filter((k) => k.every((c) => joinKey.includes(c)));
  if (contained.length) return { kind: 'JoinKeyContainsUniqueKey', uniqueKey: smallest(contained) };
  return { kind: 'HasUniqueKey', uniqueKey: smallest(keys) };
}

/**
 * Flink's inputUniqueKeyContainsJoinKey: only then may the input skip UPDATE_BEFORE, because an
 * update can never move a row to another join key (the old row would stay joined forever).
 */
export function uniqueKeyContainsJoinKey(keys: UpsertKeys, joinKey: readonly number[]): boolean {
  return !!keys?.some((k) => joinKey.every((c) => k.includes(c)));
}

function smallest(keys: readonly (readonly number[])[]): readonly number[] {
  return keys.reduce((best, k) => (k.length < best.length ? k : best));
}
