/**
 * Type inference shared by the planner: the common type of several types (UNION, CASE, COALESCE,
 * IN, ARRAY[…]) as Flink's LogicalTypeMerging.findCommonType, literal types as Calcite gives them,
 * and comparability. Arithmetic result types live in type-inference-arith.ts.
 */
import type { DataType, DayTimeResolution, IntervalType, RowField, TypeKind, YearMonthResolution } from './data-type.js';
import {
  ARRAY, BIGINT, CHAR, DATE, DECIMAL, DOUBLE, INT, MAP, MAX_DECIMAL_PRECISION, MULTISET, NULL_TYPE, ROW, TIME, VARBINARY,
  VARCHAR, isBinaryString, isCharacterString, isExactInteger, isInterval, withNullability,
} from './data-type.js';
import { exactNumericPrecisionScale } from './decimal-types.js';
import { canImplicitCast } from './type-inference-casts.js';
import { typeEquals } from './type-string.js';

export { canCast, canImplicitCast, castValidationError } from './type-inference-casts.js';

const isExactNumeric = (t: DataType): boolean => isExactInteger(t) || t.kind === 'DECIMAL';
const isApproximate = (t: DataType): boolean => t.kind === 'FLOAT' || t.kind === 'DOUBLE';
const isNumericType = (t: DataType): boolean => isExactNumeric(t) || isApproximate(t);
const isTimestampFamily = (t: DataType): boolean => t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ';
const isDatetime = (t: DataType): boolean => t.kind === 'DATE' || t.kind === 'TIME' || isTimestampFamily(t);
const CONSTRUCTED: ReadonlySet<TypeKind> = new Set(['ARRAY', 'MAP', 'MULTISET', 'ROW']);

const INTEGER_PRECISION: Partial<Record<TypeKind, number>> = { TINYINT: 3, SMALLINT: 5, INT: 10, BIGINT: 19 };

function lengthOf(t: DataType): number {
  return t.kind === 'CHAR' || t.kind === 'VARCHAR' || t.kind === 'BINARY' || t.kind === 'VARBINARY' ? t.length : 0;
}

function precisionOf(t: DataType): number {
  if (t.kind === 'TIME' || t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ' || t.kind === 'DECIMAL') return t.precision;
  return INTEGER_PRECISION[t.kind] ?? 0;
}

function areSimilar(a: DataType, b: DataType): boolean {
  if (isCharacterString(a) && isCharacterString(b)) return true;
  if (isBinaryString(a) && isBinaryString(b)) return true;
  if (isNumericType(a) && isNumericType(b)) return true;
  if (a.kind === 'TIME' && b.kind === 'TIME') return true;
  if (isTimestampFamily(a) && isTimestampFamily(b)) return true;
  return a.kind === b.kind;
}

function stringType(kind: TypeKind, length: number): DataType {
  switch (kind) {
    case 'CHAR':
      return CHAR(length);
    case 'VARCHAR':
      return VARCHAR(length);
    case 'BINARY':
      return { kind: 'BINARY', length, nullable: true };
    default:
      return VARBINARY(length);
  }
}

function commonExactNumeric(r: DataType, t: DataType): DataType {
  if (typeEquals(r, t)) return r;
  if (r.kind !== 'DECIMAL' && t.kind !== 'DECIMAL') return precisionOf(t) > precisionOf(r) ? t : r;
  const a = exactNumericPrecisionScale(r)!;
  const b = exactNumericPrecisionScale(t)!;
  const d = Math.min(Math.max(a.precision - a.scale, b.precision - b.scale), MAX_DECIMAL_PRECISION);
  const s = Math.min(Math.max(a.scale, b.scale), MAX_DECIMAL_PRECISION - d);
  return DECIMAL(d + s, s);
}

const DAY_TIME_ORDER: readonly string[] = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];
const YEAR_MONTH_ORDER: readonly string[] = ['YEAR', 'MONTH'];

function bounds(res: string): [string, string] {
  const parts = res.split('_TO_');
  return [parts[0]!, parts[parts.length - 1]!];
}

function combineResolution(a: string, b: string, order: readonly string[]): string {
  const [as, ae] = bounds(a);
  const [bs, be] = bounds(b);
  const start = order[Math.min(order.indexOf(as), order.indexOf(bs))]!;
  const end = order[Math.max(order.indexOf(ae), order.indexOf(be))]!;
  return start === end ? start : `${start}_TO_${end}`;
}

function commonInterval(r: IntervalType, t: IntervalType): DataType {
  const order = r.kind === 'INTERVAL_YEAR_MONTH' ? YEAR_MONTH_ORDER : DAY_TIME_ORDER;
  const resolution = combineResolution(r.resolution, t.resolution, order) as YearMonthResolution | DayTimeResolution;
  return {
    kind: r.kind,
    resolution,
    precision: Math.max(r.precision, t.precision),
    fractionalPrecision: Math.max(r.fractionalPrecision, t.fractionalPrecision),
    nullable: true,
  };
}

function childrenOf(t: DataType): readonly DataType[] {
  switch (t.kind) {
    case 'ARRAY':
    case 'MULTISET':
      return [t.element];
    case 'MAP':
      return [t.key, t.value];
    case 'ROW':
      return t.fields.map((f) => f.type);
    default:
      return [];
  }
}

function commonConstructed(types: readonly DataType[]): DataType | null {
  const first = types[0]!;
  const n = childrenOf(first).length;
  for (const t of types) if (t.kind !== first.kind || childrenOf(t).length !== n) return null;
  const kids: DataType[] = [];
  for (let i = 0; i < n; i++) {
    const c = leastRestrictive(types.map((t) => childrenOf(t)[i]!));
    if (!c) return null;
    kids.push(c);
  }
  switch (first.kind) {
    case 'ARRAY':
      return ARRAY(kids[0]!);
    case 'MULTISET':
      return MULTISET(kids[0]!);
    case 'MAP':
      return MAP(kids[0]!, kids[1]!);
    case 'ROW':
      return ROW(first.fields.map((f, i): RowField => ({ ...f, type: kids[i]! })));
    default:
      return null;
  }
}

function pattern(r: DataType, t: DataType): DataType | null {
  if (isDatetime(r) && isInterval(t)) return r;
  if (isInterval(r) && isDatetime(t)) return t;
  if ((isTimestampFamily(r) || r.kind === 'DATE') && isExactNumeric(t)) return r;
  if (isExactNumeric(r) && (isTimestampFamily(t) || t.kind === 'DATE')) return t;
  return null;
}

function commonNullable(types: readonly DataType[], hasNull: boolean): DataType | null {
  let r: DataType | null = null;
  for (const t of types) {
    if (t.kind === 'NULL') continue;
    if (r === null) r = t;
    const p = pattern(r, t);
    if (p) {
      r = p;
      continue;
    }
    if (CONSTRUCTED.has(t.kind)) return commonConstructed(types.filter((x) => x.kind !== 'NULL'));
    if (!areSimilar(r, t)) return null;
    if (isCharacterString(t) || isBinaryString(t)) {
      const length = Math.max(lengthOf(r), lengthOf(t));
      if (r.kind === 'VARCHAR' || r.kind === 'VARBINARY') r = stringType(r.kind, length);
      else if (lengthOf(r) !== lengthOf(t)) r = stringType(r.kind === 'CHAR' ? 'VARCHAR' : 'VARBINARY', length);
      else r = stringType(t.kind, length);
    } else if (isExactNumeric(t)) {
      if (isExactNumeric(r)) r = commonExactNumeric(r, t);
      else if (isApproximate(r)) {
        if (t.kind === 'DECIMAL') r = DOUBLE();
      } else return null;
    } else if (isApproximate(t)) {
      if (isApproximate(r)) r = r.kind === 'DOUBLE' || t.kind === 'DOUBLE' ? DOUBLE() : r;
      else if (isExactNumeric(r)) r = r.kind === 'DECIMAL' ? DOUBLE() : t;
      else return null;
    } else if (t.kind === 'DATE') {
      if (r.kind !== 'DATE') return null;
      r = DATE();
    } else if (t.kind === 'TIME') {
      if (r.kind !== 'TIME') return null;
      r = TIME(Math.max(precisionOf(r), precisionOf(t)));
    } else if (isTimestampFamily(t)) {
      if (!isTimestampFamily(r)) return null;
      if (!typeEquals(r, t)) {
        const precision = Math.max(precisionOf(r), precisionOf(t));
        const kind: 'TIMESTAMP' | 'TIMESTAMP_LTZ' = r.kind === 'TIMESTAMP_LTZ' || t.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP';
        r = { kind, precision, nullable: true };
      }
    } else if (isInterval(t) && isInterval(r)) {
      r = commonInterval(r, t);
    } else {
      return null;
    }
  }
  if (r === null && hasNull) return NULL_TYPE;
  return r;
}

function commonCastable(types: readonly DataType[]): DataType | null {
  let r = types[0]!;
  for (const t of types) {
    if (t.kind === 'NULL') continue;
    if (canImplicitCast(r, t)) r = t;
    else if (!canImplicitCast(t, r)) return null;
  }
  return r;
}

/**
 * The most specific type all `types` convert to, nullable if any is (Flink's findCommonType):
 * INT + BIGINT → BIGINT, INT + DECIMAL(10, 2) → DECIMAL(12, 2), DECIMAL + DOUBLE → DOUBLE,
 * CHAR(3) + VARCHAR(5) → VARCHAR(5), CHAR(2) + CHAR(5) → VARCHAR(5). Null when there is none.
 */
export function leastRestrictive(types: readonly DataType[]): DataType | null {
  if (types.length === 0) return null;
  const hasNullable = types.some((t) => t.nullable);
  const hasNull = types.some((t) => t.kind === 'NULL');
  // time attributes never survive a merge
  const normalized = types.map((t) => {
    if (t.kind === 'NULL') return t;
    const n = withNullability(t, true);
    return isTimestampFamily(n) && 'timeAttribute' in n && n.timeAttribute
      ? ({ kind: n.kind, precision: n.precision, nullable: true } as DataType)
      : n;
  });
  const found = commonNullable(normalized, hasNull) ?? commonCastable(normalized);
  if (!found || found.kind === 'NULL') return null;
  return withNullability(found, hasNullable);
}

/** Calcite's type family, which decides comparability. */
export function comparisonFamily(t: DataType): string {
  switch (t.kind) {
    case 'CHAR':
    case 'VARCHAR':
      return 'CHARACTER';
    case 'BINARY':
    case 'VARBINARY':
      return 'BINARY';
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT':
    case 'FLOAT':
    case 'DOUBLE':
    case 'DECIMAL':
      return 'NUMERIC';
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      return 'TIMESTAMP';
    default:
      return t.kind;
  }
}

/** Families a character string may be compared with (Calcite converts the string). */
const STRING_COMPARABLE: ReadonlySet<string> = new Set([
  'DATE', 'TIME', 'TIMESTAMP', 'INTERVAL_DAY_TIME', 'INTERVAL_YEAR_MONTH', 'NUMERIC', 'BOOLEAN',
]);

/**
 * Whether `a` and `b` can be operands of a comparison, as Calcite's SqlTypeUtil.isComparable
 * (same family, or a character string against a datetime, interval, numeric or boolean).
 * `ordered` for <, <=, >, >= (ARRAY, MAP and MULTISET are not ordered). Note that Flink then
 * rejects `=` / `<>` between numerics and strings: see `implicitConversionError`.
 */
export function isComparable(a: DataType, b: DataType, ordered = false): boolean {
  if (a.kind === 'NULL' || b.kind === 'NULL') return true;
  const unordered = (t: DataType): boolean => t.kind === 'ARRAY' || t.kind === 'MAP' || t.kind === 'MULTISET';
  if (ordered && (unordered(a) || unordered(b))) return false;
  if (a.kind === 'ROW' || b.kind === 'ROW') {
    if (a.kind !== 'ROW' || b.kind !== 'ROW' || a.fields.length !== b.fields.length) return false;
    return a.fields.every((f, i) => isComparable(f.type, b.fields[i]!.type, ordered));
  }
  const fa = comparisonFamily(a);
  const fb = comparisonFamily(b);
  if (fa === fb) return CONSTRUCTED.has(a.kind) ? leastRestrictive([a, b]) !== null : true;
  return (fa === 'CHARACTER' && STRING_COMPARABLE.has(fb)) || (fb === 'CHARACTER' && STRING_COMPARABLE.has(fa));
}

const TYPE_ROOT: Partial<Record<TypeKind, string>> = {
  INT: 'INTEGER',
  TIMESTAMP: 'TIMESTAMP_WITHOUT_TIME_ZONE',
  TIMESTAMP_LTZ: 'TIMESTAMP_WITH_LOCAL_TIME_ZONE',
  TIME: 'TIME_WITHOUT_TIME_ZONE',
};

/** Flink's LogicalTypeRoot name of a type, as in its error messages. */
export function typeRootName(t: DataType): string {
  return TYPE_ROOT[t.kind] ?? t.kind;
}

/** Flink's error for `=` / `<>` between a numeric and a character string (FLIP-154 not done), or null. */
export function implicitConversionError(a: DataType, b: DataType): string | null {
  const num = (t: DataType): boolean => comparisonFamily(t) === 'NUMERIC';
  const chr = (t: DataType): boolean => comparisonFamily(t) === 'CHARACTER';
  if ((num(a) && chr(b)) || (chr(a) && num(b))) {
    return `implicit type conversion between ${typeRootName(a)} and ${typeRootName(b)} is not supported now`;
  }
  return null;
}

/**
 * The type both operands of an ordered comparison convert to (Calcite's COMPARE consistency):
 * a character string takes the other operand's type, widened to BIGINT for numerics.
 */
export function orderedComparisonType(a: DataType, b: DataType): DataType | null {
  const types = [a, b].filter((t) => t.kind !== 'NULL');
  const nonChar = types.filter((t) => comparisonFamily(t) !== 'CHARACTER');
  if (nonChar.length === 0 || nonChar.length === types.length) return leastRestrictive(types);
  const widened = comparisonFamily(nonChar[0]!) === 'NUMERIC' ? [...nonChar, BIGINT(false)] : nonChar;
  const r = leastRestrictive(widened);
  return r ? withNullability(r, a.nullable || b.nullable) : null;
}

/**
 * Type of a numeric literal as written: `1` → INT NOT NULL, `3000000000` → BIGINT NOT NULL,
 * `1.50` → DECIMAL(3, 2) NOT NULL, `1e3` → DOUBLE NOT NULL. The text has no sign.
 */
export function numericLiteralType(text: string): DataType {
  if (/[eE]/.test(text)) return DOUBLE(false);
  const dot = text.indexOf('.');
  if (dot >= 0 && dot !== text.length - 1) {
    const scale = text.length - dot - 1;
    return DECIMAL(Math.max(text.length - 1, 1), scale, false);
  }
  const digits = dot >= 0 ? text.slice(0, dot) : text;
  const v = BigInt(digits || '0');
  if (v <= 2147483647n) return INT(false);
  if (v <= 9223372036854775807n) return BIGINT(false);
  return DECIMAL(Math.min(digits.length, MAX_DECIMAL_PRECISION), 0, false);
}

/** Type of a character literal: CHAR(n) NOT NULL with n its length in UTF-16 units. */
export function stringLiteralType(value: string): DataType {
  return CHAR(value.length, false);
}

/** Type of a binary literal X'…': BINARY(n) NOT NULL. */
export function binaryLiteralType(bytes: Uint8Array): DataType {
  return { kind: 'BINARY', length: bytes.length, nullable: false };
}
