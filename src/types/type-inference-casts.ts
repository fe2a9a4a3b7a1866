/**
 * Which casts Flink 1.20 allows: implicit ones (type widening, LogicalTypeCasts.supportsImplicitCast)
 * and explicit CAST ones (the planner's cast rules).
 */
import type { DataType, IntervalType, TypeKind } from './data-type.js';
import { isCharacterString, isExactInteger, isInterval, isNumeric } from './data-type.js';
import { typeEquals } from './type-string.js';

const CONSTRUCTED: ReadonlySet<TypeKind> = new Set(['ARRAY', 'MAP', 'MULTISET', 'ROW']);
const isConstructed = (t: DataType): boolean => CONSTRUCTED.has(t.kind);
const isExactNumeric = (t: DataType): boolean => isExactInteger(t) || t.kind === 'DECIMAL';

/** An interval with a single field (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND) converts to/from exact numerics. */
function isSingleFieldInterval(t: DataType): boolean {
  if (!isInterval(t)) return false;
  return !(t as IntervalType).resolution.includes('_TO_');
}

const IMPLICIT: Partial<Record<TypeKind, readonly TypeKind[]>> = {
  CHAR: ['CHAR'],
  VARCHAR: ['CHAR', 'VARCHAR'],
  BOOLEAN: ['BOOLEAN'],
  BINARY: ['BINARY'],
  VARBINARY: ['BINARY', 'VARBINARY'],
  DECIMAL: ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL'],
  TINYINT: ['TINYINT'],
  SMALLINT: ['TINYINT', 'SMALLINT'],
  INT: ['TINYINT', 'SMALLINT', 'INT'],
  BIGINT: ['TINYINT', 'SMALLINT', 'INT', 'BIGINT'],
  FLOAT: ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DECIMAL'],
  DOUBLE: ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL'],
  DATE: ['DATE', 'TIMESTAMP'],
  TIME: ['TIME', 'TIMESTAMP'],
  TIMESTAMP: ['TIMESTAMP'],
  TIMESTAMP_LTZ: ['TIMESTAMP_LTZ'],
  INTERVAL_YEAR_MONTH: ['INTERVAL_YEAR_MONTH'],
  INTERVAL_DAY_TIME: ['INTERVAL_DAY_TIME'],
};

const STRINGS: readonly TypeKind[] = ['CHAR', 'VARCHAR'];
const NUMERICS: readonly TypeKind[] = ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL'];
const PREDEFINED: readonly TypeKind[] = [
  'BOOLEAN', ...NUMERICS, ...STRINGS, 'BINARY', 'VARBINARY', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ',
  'INTERVAL_YEAR_MONTH', 'INTERVAL_DAY_TIME',
];

const EXPLICIT: Partial<Record<TypeKind, readonly TypeKind[]>> = {
  CHAR: PREDEFINED,
  VARCHAR: PREDEFINED,
  BOOLEAN: [...STRINGS, 'TINYINT', 'SMALLINT', 'INT', 'BIGINT'],
  BINARY: [...STRINGS, 'BINARY', 'VARBINARY'],
  VARBINARY: [...STRINGS, 'BINARY', 'VARBINARY'],
  DECIMAL: [...NUMERICS, ...STRINGS, 'BOOLEAN'],
  TINYINT: [...NUMERICS, ...STRINGS, 'BOOLEAN'],
  SMALLINT: [...NUMERICS, ...STRINGS, 'BOOLEAN'],
  INT: [...NUMERICS, ...STRINGS, 'BOOLEAN'],
  BIGINT: [...NUMERICS, ...STRINGS, 'BOOLEAN'],
  FLOAT: [...NUMERICS, ...STRINGS, 'BOOLEAN'],
  DOUBLE: [...NUMERICS, ...STRINGS, 'BOOLEAN'],
  DATE: ['DATE', 'TIMESTAMP', 'TIMESTAMP_LTZ', ...STRINGS],
  TIME: ['TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', ...STRINGS],
  TIMESTAMP: ['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', ...STRINGS],
  TIMESTAMP_LTZ: ['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', ...STRINGS],
  INTERVAL_YEAR_MONTH: ['INTERVAL_YEAR_MONTH'],
  INTERVAL_DAY_TIME: ['INTERVAL_DAY_TIME'],
};

function supportsCasting(from: DataType, to: DataType, explicit: boolean): boolean {
  if (from.kind === 'NULL') return true;
  if (typeEquals(from, to, { ignoreNullability: true, ignoreTimeAttribute: true })) return true;
  if (isInterval(from) && isExactNumeric(to)) return isSingleFieldInterval(from);
  if (isExactNumeric(from) && isInterval(to)) return isSingleFieldInterval(to);
  if (isConstructed(from) || isConstructed(to)) return constructedCasting(from, to, explicit);
  if (to.kind === 'NULL') return false;
  if (IMPLICIT[to.kind]?.includes(from.kind)) return true;
  return explicit && (EXPLICIT[to.kind]?.includes(from.kind) ?? false);
}

function children(t: DataType): readonly DataType[] {
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

function constructedCasting(from: DataType, to: DataType, explicit: boolean): boolean {
  if (from.kind === to.kind) {
    const a = children(from);
    const b = children(to);
    return a.length === b.length && a.every((c, i) => supportsCasting(c, b[i]!, explicit));
  }
  // ARRAY / MAP / MULTISET / ROW → STRING, when every element can become a string.
  if (explicit && isCharacterString(to)) return children(from).every((c) => supportsCasting(c, to, true));
  return false;
}

/** Flink's LogicalTypeCasts.supportsImplicitCast (a nullable type never goes implicitly into NOT NULL). */
export function canImplicitCast(from: DataType, to: DataType): boolean {
  if (from.nullable && !to.nullable) return false;
  return supportsCasting(from, to, false);
}

/** Whether `CAST(from AS to)` is valid (nullability is not checked: CAST may produce NULL). */
export function canCast(from: DataType, to: DataType): boolean {
  return castValidationError(from, to) === null;
}

/** The error message Flink gives for an invalid CAST, or null when the cast is valid. */
export function castValidationError(from: DataType, to: DataType): string | null {
  if (isNumeric(from) && to.kind === 'TIMESTAMP') {
    return "The cast from NUMERIC type to TIMESTAMP type is not allowed. It's recommended to use TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the numeric is in seconds.";
  }
  if (isNumeric(from) && to.kind === 'TIMESTAMP_LTZ') {
    return "The cast from NUMERIC type to TIMESTAMP_LTZ type is not allowed. It's recommended to use TO_TIMESTAMP_LTZ(numeric_col, precision) instead.";
  }
  if (from.kind === 'TIMESTAMP' && isNumeric(to)) {
    return "The cast from TIMESTAMP type to NUMERIC type is not allowed. It's recommended to use UNIX_TIMESTAMP(CAST(timestamp_col AS STRING)) instead.";
  }
  if (from.kind === 'TIMESTAMP_LTZ' && isNumeric(to)) {
    return 'The cast from TIMESTAMP_LTZ type to NUMERIC type is not allowed.';
  }
  if (supportsCasting(from, to, true)) return null;
  return `Cast function cannot convert value of type ${sqlTypeName(from)} to type ${sqlTypeName(to)}`;
}

function sqlTypeName(t: DataType): string {
  // Calcite's spelling in its cast error
  switch (t.kind) {
    case 'INT':
      return 'INTEGER';
    case 'TIMESTAMP_LTZ':
      return 'TIMESTAMP_WITH_LOCAL_TIME_ZONE';
    case 'INTERVAL_DAY_TIME':
    case 'INTERVAL_YEAR_MONTH':
      return `INTERVAL ${(t as IntervalType).resolution.replace(/_/g, ' ')}`;
    default:
      return t.kind;
  }
}
