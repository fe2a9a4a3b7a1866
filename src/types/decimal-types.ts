/**
 * Flink's DECIMAL result-type rules (LogicalTypeMerging / FlinkTypeSystem): precision is capped
 * at 38; when it overflows, the scale gives way but keeps at least min(scale, 6) digits.
 */
import type { DataType, DecimalType } from './data-type.js';
import { DECIMAL, MAX_DECIMAL_PRECISION } from './data-type.js';

const MINIMUM_ADJUSTED_SCALE = 6;

export interface PrecisionScale {
  readonly precision: number;
  readonly scale: number;
}

function adjust(precision: number, scale: number): PrecisionScale {
  if (precision <= MAX_DECIMAL_PRECISION) return { precision, scale };
  const digitPart = precision - scale;
  const minScalePart = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
  const adjustScale = Math.max(MAX_DECIMAL_PRECISION - digitPart, minScalePart);
  return { precision: MAX_DECIMAL_PRECISION, scale: adjustScale };
}

export function findAdditionDecimalType(p1: number, s1: number, p2: number, s2: number): PrecisionScale {
  const scale = Math.max(s1, s2);
  return adjust(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
}

export function findMultiplicationDecimalType(p1: number, s1: number, p2: number, s2: number): PrecisionScale {
  return adjust(p1 + p2 + 1, s1 + s2);
}

export function findDivisionDecimalType(p1: number, s1: number, p2: number, s2: number): PrecisionScale {
  const scale = Math.max(6, s1 + p2 + 1);
  return adjust(p1 - s1 + s2 + scale, scale);
}

export function findModuloDecimalType(p1: number, s1: number, p2: number, s2: number): PrecisionScale {
  const scale = Math.max(s1, s2);
  return adjust(Math.min(p1 - s1, p2 - s2) + scale, scale);
}

/** ROUND(x, r) on DECIMAL(p, s). */
export function findRoundDecimalType(precision: number, scale: number, round: number): PrecisionScale {
  if (round >= scale) return { precision, scale };
  if (round < 0) return { precision: Math.min(MAX_DECIMAL_PRECISION, 1 + precision - scale), scale: 0 };
  return { precision: 1 + precision - scale + round, scale: round };
}

/** SUM over DECIMAL(p, s) → DECIMAL(38, s); other types keep their type. */
export function findSumAggregateDecimalType(t: DataType): DataType {
  if (t.kind !== 'DECIMAL') return t;
  return DECIMAL(MAX_DECIMAL_PRECISION, t.scale, t.nullable);
}

/** AVG over DECIMAL(p, s) → DECIMAL(38, max(6, s)) (a division by DECIMAL(20, 0)); others keep their type. */
export function findAvgAggregateDecimalType(t: DataType): DataType {
  if (t.kind !== 'DECIMAL') return t;
  const r = findDivisionDecimalType(MAX_DECIMAL_PRECISION, t.scale, 20, 0);
  return DECIMAL(r.precision, r.scale, t.nullable);
}

/** The precision/scale an exact numeric type has when it takes part in DECIMAL arithmetic. */
export function exactNumericPrecisionScale(t: DataType): PrecisionScale | null {
  switch (t.kind) {
    case 'TINYINT':
      return { precision: 3, scale: 0 };
    case 'SMALLINT':
      return { precision: 5, scale: 0 };
    case 'INT':
      return { precision: 10, scale: 0 };
    case 'BIGINT':
      return { precision: 19, scale: 0 };
    case 'DECIMAL':
      return { precision: t.precision, scale: t.scale };
    default:
      return null;
  }
}

export function decimalTypeOf(ps: PrecisionScale, nullable: boolean): DecimalType {
  return DECIMAL(ps.precision, ps.scale, nullable);
}
