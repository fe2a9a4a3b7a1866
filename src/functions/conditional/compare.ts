/**
 * Ordering and equality of SQL values of one type (see values.ts), as Flink compares them:
 * DECIMAL by value (1.0 = 1.00), strings by code point, binary strings unsigned byte-wise,
 * arrays, maps and rows structurally.
 */
import { Decimal, Timestamp } from '../../types/values.js';
import { compareDecimal } from '../math/decimal-ops.js';
import { compareStrings } from '../string/text.js';

/** Orders two non-null values of the same type: negative, zero or positive. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    // Java's Double.compare: -0.0 < 0.0, NaN above everything.
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return a === 0 ? (Object.is(a, -0) ? (Object.is(b, -0) ? 0 : -1) : Object.is(b, -0) ? 1 : 0) : 0;
    return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  }
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = BigInt(a as number | bigint);
    const y = BigInt(b as number | bigint);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string') return compareStrings(a, b as string);
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Decimal) return compareDecimal(a, b as Decimal);
  if (a instanceof Timestamp) return a.compareTo(b as Timestamp);
  if (a instanceof Uint8Array) {
    const y = b as Uint8Array;
    const n = Math.min(a.length, y.length);
    for (let i = 0; i < n; i++) if (a[i] !== y[i]) return a[i]! - y[i]!;
    return a.length - y.length;
  }
  if (Array.isArray(a)) {
    const y = b as unknown[];
    const n = Math.min(a.length, y.length);
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const z = y[i];
      if (x === null || z === null) {
        if (x !== z) return x === null ? -1 : 1;
        continue;
      }
      const c = compareValues(x, z);
      if (c !== 0) return c;
    }
    return a.length - y.length;
  }
  throw new TypeError(`Values of this type are not comparable: ${String(a)}`);
}

/** SQL equality of two values of the same type, NULL equal to NULL (for collection functions). */
export function valueEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    return (typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')
      ? BigInt(a) === BigInt(b)
      : false;
  }
  if (a instanceof Decimal) return b instanceof Decimal && compareDecimal(a, b) === 0;
  if (a instanceof Timestamp) return b instanceof Timestamp && a.compareTo(b) === 0;
  if (a instanceof Uint8Array) {
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valueEquals(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      let found = false;
      for (const [k2, v2] of b) {
        if (valueEquals(k, k2)) {
          found = valueEquals(v, v2);
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  return false;
}

/** A string key such that equal values (valueEquals) have equal keys; for hashing in sets and maps. */
export function valueKey(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return 'n' + (Number.isNaN(v) ? 'NaN' : String(v));
    case 'bigint':
      return 'n' + v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v instanceof Decimal) {
    // Normalize: strip trailing zeros so 1.0 and 1.00 (and the integer 1) share a key.
    let u = v.unscaled;
    let s = v.scale;
    while (s > 0 && u % 10n === 0n) {
      u /= 10n;
      s--;
    }
    return s === 0 ? 'n' + u.toString() : 'd' + u.toString() + 'e' + s;
  }
  if (v instanceof Timestamp) return `t${v.millis}.${v.nanos}`;
  if (v instanceof Uint8Array) return 'b' + Buffer.from(v).toString('hex');
  if (Array.isArray(v)) return '[' + v.map(valueKey).join(',') + ']';
  if (v instanceof Map) {
    const entries = [...v].map(([k, x]) => valueKey(k) + ':' + valueKey(x)).sort();
    return '{' + entries.join(',') + '}';
  }
  return String(v);
}
