/**
 * Total order and equality of SQL values for ORDER BY, MIN/MAX, grouping and joins. NULL sorts
 * lowest (Flink's default: NULLS FIRST ascending). Strings compare by UTF-8 bytes (= code points),
 * doubles as Java's Double.compare (-0.0 < 0.0, NaN greatest), binaries as unsigned bytes.
 */
import type { DataType } from './data-type.js';
import { compareDecimal } from './decimal.js';
import type { Decimal, Timestamp } from './values.js';
import { hashKey } from './value-hash.js';

export type Comparator = (a: unknown, b: unknown) => number;

/** Compares two strings in UTF-8 byte order without encoding them. */
export function compareStringsUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // UTF-16 order differs from code-point order only between surrogates and U+E000..U+FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Java's Double.compare. */
export function compareDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) {
    if (a !== 0) return 0;
    const na = Object.is(a, -0);
    const nb = Object.is(b, -0);
    return na === nb ? 0 : na ? -1 : 1;
  }
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  return an === bn ? 0 : an ? 1 : -1;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length < 0 ? -1 : a.length > b.length ? 1 : 0;
}

const cmpNumber: Comparator = (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
const cmpBigint: Comparator = (a, b) => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);

function withNulls(c: Comparator): Comparator {
  return (a, b) => {
    if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
    if (b === null || b === undefined) return 1;
    return c(a, b);
  };
}

/** A comparator for values of `type` (NULL lowest), specialized once. */
export function buildComparator(type: DataType): Comparator {
  return withNulls(rawComparator(type));
}

function rawComparator(type: DataType): Comparator {
  switch (type.kind) {
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'DATE':
    case 'TIME':
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME':
      return cmpNumber;
    case 'FLOAT':
    case 'DOUBLE':
      return (a, b) => compareDoubles(a as number, b as number);
    case 'BIGINT':
      return cmpBigint;
    case 'DECIMAL':
      return (a, b) => compareDecimal(a as Decimal, b as Decimal);
    case 'BOOLEAN':
      return (a, b) => (a === b ? 0 : a ? 1 : -1);
    case 'CHAR':
    case 'VARCHAR':
      return (a, b) => compareStringsUtf8(a as string, b as string);
    case 'BINARY':
    case 'VARBINARY':
      return (a, b) => compareBytes(a as Uint8Array, b as Uint8Array);
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      return (a, b) => (a as Timestamp).compareTo(b as Timestamp);
    case 'ARRAY': {
      const el = buildComparator(type.element);
      return (a, b) => compareSequences(a as unknown[], b as unknown[], () => el);
    }
    case 'ROW': {
      const fields = type.fields.map((f) => buildComparator(f.type));
      return (a, b) => compareSequences(a as unknown[], b as unknown[], (i) => fields[i]!);
    }
    case 'MAP':
    case 'MULTISET': {
      // Not orderable in SQL; a deterministic order keeps sorts stable.
      const keyType = [type];
      return (a, b) => compareStringsUtf8(String(hashKey([a], keyType)), String(hashKey([b], keyType)));
    }
    case 'NULL':
      return () => 0;
  }
}

function compareSequences(a: unknown[], b: unknown[], cmp: (i: number) => Comparator): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = cmp(i)(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

const comparatorCache = new WeakMap<DataType, Comparator>();

/** compareValues(a, b, type) < 0 when a sorts before b; NULL is lowest. */
export function compareValues(a: unknown, b: unknown, type: DataType): number {
  let c = comparatorCache.get(type);
  if (!c) {
    c = buildComparator(type);
    comparatorCache.set(type, c);
  }
  return c(a, b);
}

/**
 * Whether two values of `type` are the same for grouping, DISTINCT and joins (NULL equals NULL;
 * -0.0 and 0.0 differ and NaN equals NaN, as Flink's binary row equality).
 */
export function valuesEqual(a: unknown, b: unknown, type: DataType): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  switch (type.kind) {
    case 'FLOAT':
    case 'DOUBLE':
      return Object.is(a, b);
    case 'MAP':
    case 'MULTISET':
      return hashKey([a], [type]) === hashKey([b], [type]);
    default:
      return compareValues(a, b, type) === 0;
  }
}
