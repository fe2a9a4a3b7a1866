/**
 * Value access used by the compiled `array[i]` and `map[key]` syntax.
 * Flink returns NULL for an array index out of range (including 0) and for a missing map key.
 */
import { valueEquals } from '../conditional/compare.js';

/** `arr[i]` with a 1-based index; NULL when arr or i is NULL or i is out of range. */
export function arrayElementAt(arr: readonly unknown[] | null, i: number | bigint | null): unknown {
  if (arr === null || i === null) return null;
  const idx = typeof i === 'bigint' ? Number(i) : i;
  if (idx < 1 || idx > arr.length) return null;
  return arr[idx - 1] ?? null;
}

/** Keys compared by identity in a JS Map (SameValueZero) compare by value in SQL too. */
const isPrimitiveKey = (k: unknown): boolean =>
  typeof k === 'string' || typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean';

/** `map[key]` with SQL value equality (DECIMAL 1.0 = 1.00, byte arrays by content …). */
export function mapGet(map: ReadonlyMap<unknown, unknown> | null, key: unknown): unknown {
  if (map === null) return null;
  if (isPrimitiveKey(key) || key === null) {
    const v = map.get(key);
    if (v !== undefined) return v;
    if (typeof key !== 'bigint' && typeof key !== 'number') return null;
  }
  for (const [k, v] of map) if (valueEquals(k, key)) return v;
  return null;
}
