/**
 * Result types of + - * / % as Flink derives them (Calcite's operand checks and return-type
 * chains with FlinkTypeSystem's DECIMAL rules): non-DECIMAL numerics take the wider operand
 * (TINYINT + TINYINT → TINYINT, INT / INT → INT), DECIMAL with an exact numeric uses the DECIMAL
 * rules, anything with FLOAT/DOUBLE is approximate, `%` without DECIMAL scale takes the second
 * operand's type; datetime ± interval keeps the datetime type.
 */
import type { DataType } from './data-type.js';
import { isExactInteger, isInterval, withNullability } from './data-type.js';
import {
  decimalTypeOf, exactNumericPrecisionScale, findAdditionDecimalType, findDivisionDecimalType, findModuloDecimalType,
  findMultiplicationDecimalType,
} from './decimal-types.js';
import { leastRestrictive } from './type-inference.js';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

const isExactNumeric = (t: DataType): boolean => isExactInteger(t) || t.kind === 'DECIMAL';
const isNumeric = (t: DataType): boolean => isExactNumeric(t) || t.kind === 'FLOAT' || t.kind === 'DOUBLE';
const isDatetime = (t: DataType): boolean =>
  t.kind === 'DATE' || t.kind === 'TIME' || t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ';

function plain(t: DataType): DataType {
  if ((t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') && t.timeAttribute) {
    return { kind: t.kind, precision: t.precision, nullable: t.nullable };
  }
  return t;
}

function numericResult(op: ArithmeticOp, a: DataType, b: DataType): DataType | null {
  const nullable = a.nullable || b.nullable;
  if (op === '%' && (!isExactNumeric(a) || !isExactNumeric(b))) return null;
  if (isExactNumeric(a) && isExactNumeric(b) && (a.kind === 'DECIMAL' || b.kind === 'DECIMAL')) {
    const x = exactNumericPrecisionScale(a)!;
    const y = exactNumericPrecisionScale(b)!;
    switch (op) {
      case '+':
      case '-':
        return decimalTypeOf(findAdditionDecimalType(x.precision, x.scale, y.precision, y.scale), nullable);
      case '*':
        return decimalTypeOf(findMultiplicationDecimalType(x.precision, x.scale, y.precision, y.scale), nullable);
      case '/':
        return decimalTypeOf(findDivisionDecimalType(x.precision, x.scale, y.precision, y.scale), nullable);
      case '%':
        if (x.scale === 0 && y.scale === 0) return withNullability(b, nullable);
        return decimalTypeOf(findModuloDecimalType(x.precision, x.scale, y.precision, y.scale), nullable);
    }
  }
  if (op === '%') return withNullability(b, nullable);
  const r = leastRestrictive([a, b]);
  return r ? withNullability(r, nullable) : null;
}

/** The result type of `a op b`, or null when the operands do not fit the operator. */
export function arithmeticResultType(op: ArithmeticOp, a: DataType, b: DataType): DataType | null {
  const nullable = a.nullable || b.nullable;
  if (isNumeric(a) && isNumeric(b)) return numericResult(op, a, b);
  switch (op) {
    case '+':
      if (isDatetime(a) && isInterval(b)) return withNullability(plain(a), nullable);
      if (isInterval(a) && isDatetime(b)) return withNullability(plain(b), nullable);
      if (isInterval(a) && isInterval(b) && a.kind === b.kind) return leastRestrictive([a, b]);
      return null;
    case '-':
      if (isDatetime(a) && isInterval(b)) return withNullability(plain(a), nullable);
      if (isInterval(a) && isInterval(b) && a.kind === b.kind) return leastRestrictive([a, b]);
      return null;
    case '*':
      if (isInterval(a) && isNumeric(b)) return withNullability(a, nullable);
      if (isNumeric(a) && isInterval(b)) return withNullability(b, nullable);
      return null;
    case '/':
      if (isInterval(a) && isNumeric(b)) return withNullability(a, nullable);
      return null;
    default:
      return null;
  }
}

/** Unary minus: numerics and intervals keep their type. */
export function negateResultType(a: DataType): DataType | null {
  return isNumeric(a) || isInterval(a) ? a : null;
}
