/** Shared argument checks and conversions of the temporal functions. */
import type { DataType } from '../../types/data-type.js';
import { FunctionTypeError } from '../function-def.js';
import type { TypeSite } from '../function-def.js';
import { Decimal } from '../../types/values.js';
import { parseTimeUnit } from '../../types/temporal-units.js';
import type { TimeUnit } from '../../types/temporal-units.js';

/** Calcite's spelling of a type in "Cannot apply" messages. */
export function sqlTypeName(t: DataType): string {
  switch (t.kind) {
    case 'CHAR':
    case 'VARCHAR':
    case 'BINARY':
    case 'VARBINARY':
      return `${t.kind}(${t.length})`;
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'TIME':
      return `TIME(${t.precision})`;
    case 'TIMESTAMP':
      return `TIMESTAMP(${t.precision})`;
    case 'TIMESTAMP_LTZ':
      return `TIMESTAMP_WITH_LOCAL_TIME_ZONE(${t.precision})`;
    case 'INT':
      return 'INTEGER';
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME':
      return `INTERVAL ${t.resolution.replace(/_TO_/g, ' TO ')}`;
    default:
      return t.kind;
  }
}

/** Flink's validation error for a call whose argument types fit no signature. */
export function cannotApply(site: TypeSite, forms: string, argIndex?: number): FunctionTypeError {
  const args = site.argTypes.map((t) => `<${sqlTypeName(t)}>`).join(', ');
  return new FunctionTypeError(
    `Cannot apply '${site.name}' to arguments of type '${site.name}(${args})'. Supported form(s): ${forms}`,
    argIndex,
  );
}

export const anyNullable = (types: readonly DataType[]): boolean => types.some((t) => t.nullable);

export const isString = (t: DataType): boolean => t.kind === 'CHAR' || t.kind === 'VARCHAR' || t.kind === 'NULL';
export const isIntegral = (t: DataType): boolean =>
  t.kind === 'TINYINT' || t.kind === 'SMALLINT' || t.kind === 'INT' || t.kind === 'BIGINT' || t.kind === 'NULL';
export const isNumericType = (t: DataType): boolean =>
  isIntegral(t) || t.kind === 'FLOAT' || t.kind === 'DOUBLE' || t.kind === 'DECIMAL';
export const isDatetime = (t: DataType): boolean =>
  t.kind === 'DATE' || t.kind === 'TIME' || t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ';

/** The time unit passed as a literal string argument (e.g. EXTRACT's 'YEAR'). */
export function literalUnit(site: TypeSite, index: number): TimeUnit {
  const lit = site.literals[index];
  const unit = typeof lit === 'string' ? parseTimeUnit(lit) : null;
  if (unit === null) throw new FunctionTypeError(`${site.name}: unknown time unit ${String(lit)}`, index);
  return unit;
}

/** A whole number argument (INT number, BIGINT bigint, DECIMAL) as a JS number, truncated. */
export function toWholeNumber(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Decimal) {
    const p = 10n ** BigInt(Math.max(v.scale, 0));
    return Number(v.scale >= 0 ? v.unscaled / p : v.unscaled * 10n ** BigInt(-v.scale));
  }
  return Number(v);
}

/** Java's (int) cast of a long: wraps to 32 bits. */
export const toJavaInt = (n: number): number => Number(BigInt.asIntN(32, BigInt(Math.trunc(n))));
