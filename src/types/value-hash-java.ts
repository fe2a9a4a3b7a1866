/**
 * Java hashCode of the external objects Flink converts SQL values to (Integer, Long, String,
 * BigDecimal, LocalDate …), and java.util.HashMap's iteration order over them. Flink's print
 * connector converts MAP/MULTISET values to a HashMap before printing, so `{…}` follows that order.
 */
import type { DataType } from './data-type.js';
import { civilFromDays } from './temporal.js';
import type { Decimal, Timestamp } from './values.js';

const buf = new DataView(new ArrayBuffer(8));

function longHash(v: bigint): number {
  const x = BigInt.asUintN(64, v);
  return Number(BigInt.asIntN(32, x ^ (x >> 32n)));
}

export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function doubleHash(d: number): number {
  // Double.doubleToLongBits: all NaNs collapse to the canonical NaN
  buf.setFloat64(0, Number.isNaN(d) ? NaN : d);
  const hi = buf.getInt32(0);
  const lo = buf.getInt32(4);
  return hi ^ lo;
}

function floatHash(f: number): number {
  buf.setFloat32(0, Number.isNaN(f) ? NaN : f);
  return buf.getInt32(0);
}

function bigIntegerHash(v: bigint): number {
  // BigInteger.hashCode: over the big-endian 32-bit magnitude words, times the sign
  const sign = v < 0n ? -1 : v > 0n ? 1 : 0;
  let mag = v < 0n ? -v : v;
  const words: number[] = [];
  while (mag > 0n) {
    words.unshift(Number(mag & 0xffffffffn));
    mag >>= 32n;
  }
  let h = 0;
  for (const w of words) h = (Math.imul(31, h) + w) | 0;
  return Math.imul(h, sign);
}

function localTimeHash(nanoOfDay: bigint): number {
  return longHash(nanoOfDay);
}

function localDateHash(days: number): number {
  const { year, month, day } = civilFromDays(days);
  return (year & 0xfffff800) ^ ((year << 11) + (month << 6) + day);
}

/** Java hashCode of the external object for a value of `type`, or null when it is not predictable. */
export function javaHashCode(v: unknown, type: DataType): number | null {
  if (v === null || v === undefined) return 0;
  switch (type.kind) {
    case 'BOOLEAN':
      return v ? 1231 : 1237;
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
      return v as number;
    case 'BIGINT':
      return longHash(v as bigint);
    case 'FLOAT':
      return floatHash(v as number);
    case 'DOUBLE':
      return doubleHash(v as number);
    case 'DECIMAL': {
      const d = v as Decimal;
      return (Math.imul(31, bigIntegerHash(d.unscaled)) + d.scale) | 0;
    }
    case 'CHAR':
    case 'VARCHAR':
      return javaStringHash(v as string);
    case 'DATE':
      return localDateHash(v as number);
    case 'TIME':
      return localTimeHash(BigInt(v as number) * 1_000_000n);
    case 'TIMESTAMP': {
      const t = v as Timestamp;
      const days = Math.floor(t.millis / 86_400_000);
      const tod = t.millis - days * 86_400_000;
      return localDateHash(days) ^ localTimeHash(BigInt(tod) * 1_000_000n + BigInt(t.nanos));
    }
    case 'TIMESTAMP_LTZ': {
      const t = v as Timestamp;
      const seconds = Math.floor(t.millis / 1000);
      const nanos = (t.millis - seconds * 1000) * 1_000_000 + t.nanos;
      return (longHash(BigInt(seconds)) + Math.imul(51, nanos)) | 0;
    }
    default:
      return null;
  }
}

/**
 * The entries of `m` in the order a java.util.HashMap built by inserting them in order (default
 * capacity 16, load factor 0.75) iterates them. Keys without a predictable hash keep insertion order.
 */
export function javaHashMapOrder<K, V>(m: Map<K, V>, keyType: DataType): [K, V][] {
  const entries = [...m.entries()];
  const hashes: number[] = [];
  for (const [k] of entries) {
    const h = javaHashCode(k, keyType);
    if (h === null) return entries;
    hashes.push(h ^ (h >>> 16));
  }
  let capacity = 16;
  while (entries.length > capacity * 0.75) capacity *= 2;
  const mask = capacity - 1;
  const idx = entries.map((_, i) => i);
  // stable sort by bucket: within a bucket HashMap keeps insertion order
  idx.sort((a, b) => (hashes[a]! & mask) - (hashes[b]! & mask) || a - b);
  return idx.map((i) => entries[i]!);
}
