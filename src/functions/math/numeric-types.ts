/** Numeric result-type rules used by the math functions (Flink's LogicalTypeMerging rules). */
import type { DataType, DecimalType } from '../../types/data-type.js';
import { DECIMAL, MAX_DECIMAL_PRECISION } from '../../types/data-type.js';

/** The DECIMAL an exact numeric type converts to losslessly (INT → DECIMAL(10, 0) …). */
export function asDecimalType(t: DataType): DecimalType | null {
  switch (t.kind) {
    case 'TINYINT':
      return DECIMAL(3, 0, t.nullable);
    case 'SMALLINT':
      return DECIMAL(5, 0, t.nullable);
    case 'INT':
      return DECIMAL(10, 0, t.nullable);
    case 'BIGINT':
      return DECIMAL(19, 0, t.nullable);
    case 'DECIMAL':
      return t;
    default:
      return null;
  }
}

/** ROUND / TRUNCATE result type of DECIMAL(p, s) rounded to `round` places. */
export function roundDecimalType(p: number, s: number, round: number, nullable: boolean): DecimalType {
  if (round >= s) return DECIMAL(p, s, nullable);
  if (round < 0) return DECIMAL(Math.min(MAX_DECIMAL_PRECISION, 1 + p - s), 0, nullable);
  // Rounding may carry into one more integer digit.
  return DECIMAL(Math.min(MAX_DECIMAL_PRECISION, 1 + p - s + round), round, nullable);
}

/** MOD of two decimals. */
export function moduloDecimalType(a: DecimalType, b: DecimalType, nullable: boolean): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  const precision = Math.min(a.precision - a.scale, b.precision - b.scale) + scale;
  return DECIMAL(Math.min(precision, MAX_DECIMAL_PRECISION), scale, nullable);
}

export const isApproximate = (t: DataType): boolean => t.kind === 'FLOAT' || t.kind === 'DOUBLE';
