/**
 * Grouping / join keys: `hashKey` encodes a tuple of values as a string (or a number for a single
 * non-null small-integer column) that is equal exactly when the values are equal, so it can key a
 * JS Map. The encoding is deterministic across runs; `keyHash32` turns it into a 32-bit hash for
 * key-group assignment.
 */
import { BIGINT, type DataType } from './data-type.js';
import { stripTrailingZeros } from './decimal.js';
import { safeNumberOf64 } from './int64-halves.js';
import type { Decimal, Timestamp } from './values.js';

export type HashKey = string | number;

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function encode(v: unknown, type: DataType): string {
  if (v === null || v === undefined) return 'n';
  switch (type.kind) {
    case 'BOOLEAN':
      return v ? 't' : 'f';
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'DATE':
    case 'TIME':
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME':
      return `i${v as number}`;
    case 'FLOAT':
    case 'DOUBLE':
      return Object.is(v, -0) ? 'd-0' : `d${v as number}`;
    case 'BIGINT':
      return `i${(v as bigint).toString()}`;
    case 'DECIMAL': {
      const d = stripTrailingZeros(v as Decimal);
      return `m${d.unscaled}e${d.scale}`;
    }
    case 'CHAR':
    case 'VARCHAR': {
      const s = v as string;
      return `s${s.length}:${s}`;
    }
    case 'BINARY':
    case 'VARBINARY': {
      const b = v as Uint8Array;
      let out = 'x';
      for (let i = 0; i < b.length; i++) out += HEX[b[i]!];
      return `${out};`;
    }
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ': {
      const t = v as Timestamp;
      return `T${t.millis}.${t.nanos}`;
    }
    case 'ARRAY': {
      const el = type.element;
      return `[${(v as unknown[]).map((x) => encode(x, el)).join(',')}]`;
    }
    case 'ROW':
      return `(${type.fields.map((f, i) => encode((v as unknown[])[i], f.type)).join(',')})`;
    case 'MAP': {
      const parts: string[] = [];
      for (const [k, x] of v as Map<unknown, unknown>) parts.push(`${encode(k, type.key)}=${encode(x, type.value)}`);
      return `{${parts.sort().join(',')}}`;
    }
    case 'MULTISET': {
      const parts: string[] = [];
      for (const [k, n] of v as Map<unknown, number>) parts.push(`${encode(k, type.element)}=${n}`);
      return `{${parts.sort().join(',')}}`;
    }
    case 'NULL':
      return 'n';
  }
}

const SMALL_INT_KINDS = new Set(['TINYINT', 'SMALLINT', 'INT', 'DATE', 'TIME']);

/** A Map key equal for equal tuples (NULL equals NULL, as in GROUP BY). */
export function hashKey(values: readonly unknown[], types: readonly DataType[]): HashKey {
  if (types.length === 1) return singleKey(values[0], types[0]!);
  let out = '';
  for (let i = 0; i < types.length; i++) {
    if (i > 0) out += '|';
    out += encode(values[i], types[i]!);
  }
  return out;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The key of one value: integers as numbers (BIGINT too, within ±2^53, so keys stay small and
 * Maps hash them fast; larger ones as their text, which no number equals).
 */
function singleKey(v: unknown, t: DataType): HashKey {
  if (SMALL_INT_KINDS.has(t.kind) && typeof v === 'number') return v;
  if (t.kind === 'BIGINT' && typeof v === 'bigint' && v >= MIN_SAFE && v <= MAX_SAFE) return Number(v);
  if (t.kind === 'VARCHAR' || t.kind === 'CHAR') return v === null || v === undefined ? 'n' : `s${v as string}`;
  return encode(v, t);
}

/** A specialized `hashKey` for a fixed list of key types (and positions within a row). */
export function buildKeyOf(types: readonly DataType[], positions: readonly number[]): (row: readonly unknown[]) => HashKey {
  if (positions.length === 1) {
    const p = positions[0]!;
    const t = types[0]!;
    if (t.kind === 'BIGINT') return (row) => bigintKey(row[p]);
    return (row) => singleKey(row[p], t);
  }
  return (row) => hashKey(positions.map((p) => row[p]), types);
}

const BIGINT_TYPE = BIGINT();

/**
 * singleKey of a BIGINT value, without Number(bigint)'s slow conversion (BIGINT values are always
 * 64-bit: arithmetic wraps, parsing checks).
 */
function bigintKey(v: unknown): HashKey {
  const n = typeof v === 'bigint' ? safeNumberOf64(v) : undefined;
  return n ?? singleKey(v, BIGINT_TYPE);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const CHAR_I = 0x69;
const CHAR_MINUS = 0x2d;
const CHAR_0 = 0x30;
/** Digits of an integer key, least significant first (reused: hashing runs per row). */
const digits = new Uint8Array(16);
/** Pairs of digits of an int32 key, least significant first. */
const digitPairs = new Int32Array(5);

const fnvStep = (h: number, charCode: number): number => Math.imul(h ^ charCode, FNV_PRIME);

/**
 * FNV-1a over the text `i<n>` of a safe integer, computed from its digits without building the
 * string (the hash runs for every row an exchange routes or a keyed operator looks up).
 */
function intTextHash(n: number): number {
  let h = fnvStep(FNV_OFFSET, CHAR_I);
  if (n < 0) {
    h = fnvStep(h, CHAR_MINUS);
    n = -n;
  }
  if (n <= 0x7fffffff) return int32DigitsHash(h, n | 0);
  let count = 0;
  do {
    digits[count++] = n % 10;
    n = Math.floor(n / 10);
  } while (n > 0);
  while (count > 0) h = fnvStep(h, CHAR_0 + digits[--count]!);
  return h;
}

/** FNV-1a steps over the digits of a non-negative int32, two digits per (integer) division. */
function int32DigitsHash(h: number, n: number): number {
  let count = 0;
  while (n >= 100) {
    const q = (n / 100) | 0;
    digitPairs[count++] = n - q * 100;
    n = q;
  }
  h = n >= 10 ? twoDigits(h, n) : fnvStep(h, CHAR_0 + n);
  while (count > 0) h = twoDigits(h, digitPairs[--count]!);
  return h;
}

function twoDigits(h: number, pair: number): number {
  const tens = (pair / 10) | 0;
  return fnvStep(fnvStep(h, CHAR_0 + tens), CHAR_0 + pair - tens * 10);
}

/** A stable 32-bit hash of a key (FNV-1a over its text), for key groups and partitioning. */
export function keyHash32(key: HashKey): number {
  let h: number;
  if (typeof key === 'number' && Number.isSafeInteger(key)) {
    h = intTextHash(key);
  } else {
    const s = typeof key === 'number' ? `i${key}` : key;
    h = FNV_OFFSET;
    for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  }
  // final avalanche (murmur3 fmix32) so consecutive ints spread over key groups
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
