import type { DataType } from '../../types/data-type.js';
import { valuesEqual } from '../../types/values-compare.js';

/** `arr[i]`: 1-based; out of range gives NULL (as Flink's ITEM on arrays). */
export function arrayItem(arr: readonly unknown[], index: number | bigint): unknown {
  const i = Number(index);
  return i >= 1 && i <= arr.length ? (arr[i - 1] ?? null) : null;
}

/** `map[key]` with SQL value equality (bigint, Decimal, timestamps, bytes compare by value). */
export function mapItemFn(keyType: DataType): (map: ReadonlyMap<unknown, unknown>, key: unknown) => unknown {
  const k = keyType.kind;
  const primitive = k === 'CHAR' || k === 'VARCHAR' || k === 'BOOLEAN' || k === 'TINYINT' || k === 'SMALLINT' || k === 'INT' || k === 'BIGINT' || k === 'DATE' || k === 'TIME';
  if (primitive) return (map, key) => map.get(key) ?? null;
  return (map, key) => {
    for (const [mk, v] of map) if (mk !== null && valuesEqual(mk, key, keyType)) return v ?? null;
    return null;
  };
}
