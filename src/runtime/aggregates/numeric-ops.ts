/**
 * Arithmetic in one SQL numeric type with Java's semantics, as Flink's generated code does it:
 * TINYINT/SMALLINT/INT/BIGINT wrap on overflow, FLOAT rounds to single precision, DECIMAL(p, s)
 * is exact and becomes NULL when the result does not fit p digits.
 */
import type { DataType } from '../../types/data-type.js';
import { addDecimal, subDecimal, mulDecimal } from '../../types/decimal.js';
import { InternalError } from '../../types/errors.js';
import { Decimal } from '../../types/values.js';

export interface NumericOps {
  readonly zero: unknown;
  /** a + b; NULL only for DECIMAL overflow. */
  add(a: unknown, b: unknown): unknown;
  sub(a: unknown, b: unknown): unknown;
  mul(a: unknown, b: unknown): unknown;
}

const wrap8 = (n: number): number => (n << 24) >> 24;
const wrap16 = (n: number): number => (n << 16) >> 16;
const wrap64 = (n: bigint): bigint => BigInt.asIntN(64, n);

function smallInt(wrap: (n: number) => number): NumericOps {
  return {
    zero: 0,
    add: (a, b) => wrap((a as number) + (b as number)),
    sub: (a, b) => wrap((a as number) - (b as number)),
    // imul keeps the low 32 bits exactly, as Java's int multiplication.
    mul: (a, b) => wrap(Math.imul(a as number, b as number)),
  };
}

const INT_OPS: NumericOps = {
  zero: 0,
  add: (a, b) => ((a as number) + (b as number)) | 0,
  sub: (a, b) => ((a as number) - (b as number)) | 0,
  mul: (a, b) => Math.imul(a as number, b as number),
};
const BIGINT_OPS: NumericOps = {
  zero: 0n,
  add: (a, b) => wrap64((a as bigint) + (b as bigint)),
  sub: (a, b) => wrap64((a as bigint) - (b as bigint)),
  mul: (a, b) => wrap64((a as bigint) * (b as bigint)),
};
const DOUBLE_OPS: NumericOps = {
  zero: 0,
  add: (a, b) => (a as number) + (b as number),
  sub: (a, b) => (a as number) - (b as number),
  mul: (a, b) => (a as number) * (b as number),
};
const FLOAT_OPS: NumericOps = {
  zero: 0,
  add: (a, b) => Math.fround((a as number) + (b as number)),
  sub: (a, b) => Math.fround((a as number) - (b as number)),
  mul: (a, b) => Math.fround((a as number) * (b as number)),
};

/** Operations whose results are of `type` (for DECIMAL: rounded/fitted to its precision and scale). */
export function numericOps(type: DataType): NumericOps {
  switch (type.kind) {
    case 'TINYINT':
      return smallInt(wrap8);
    case 'SMALLINT':
      return smallInt(wrap16);
    case 'INT':
    case 'DATE':
    case 'TIME':
    case 'INTERVAL_YEAR_MONTH':
      return INT_OPS;
    case 'INTERVAL_DAY_TIME':
      return DOUBLE_OPS;
    case 'BIGINT':
      return BIGINT_OPS;
    case 'FLOAT':
      return FLOAT_OPS;
    case 'DOUBLE':
      return DOUBLE_OPS;
    case 'DECIMAL': {
      const { precision: p, scale: s } = type;
      return {
        zero: new Decimal(0n, s),
        add: (a, b) => addDecimal(a as Decimal, b as Decimal, p, s),
        sub: (a, b) => subDecimal(a as Decimal, b as Decimal, p, s),
        mul: (a, b) => mulDecimal(a as Decimal, b as Decimal, p, s),
      };
    }
    default:
      throw new InternalError(`No arithmetic for ${type.kind}`);
  }
}
