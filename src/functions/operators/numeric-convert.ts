/**
 * Converters of numeric values between representations, for operators whose operands have
 * different numeric types (Java's binary numeric promotion, DECIMAL for exact mixes).
 */
import type { DataType } from '../../types/data-type.js';
import { decimalFromBigint, decimalFromNumber, decimalToNumber } from '../../types/decimal.js';
import { RuntimeError } from '../../types/errors.js';
import type { Decimal } from '../../types/values.js';

export type Convert<T> = (v: unknown) => T;

/** To a JS number (double). BIGINT may lose precision, exactly as Java's long → double. */
export function toDoubleOf(t: DataType): Convert<number> {
  if (t.kind === 'BIGINT') return (v) => Number(v as bigint);
  if (t.kind === 'DECIMAL') return (v) => decimalToNumber(v as Decimal);
  return (v) => v as number;
}

/** To a float32-rounded number (Java's promotion of integers to float). */
export function toFloatOf(t: DataType): Convert<number> {
  const d = toDoubleOf(t);
  return (v) => Math.fround(d(v));
}

export function toBigintOf(t: DataType): Convert<bigint> {
  if (t.kind === 'BIGINT') return (v) => v as bigint;
  return (v) => BigInt(v as number);
}

export function toDecimalOf(t: DataType): Convert<Decimal> {
  switch (t.kind) {
    case 'DECIMAL':
      return (v) => v as Decimal;
    case 'BIGINT':
      return (v) => decimalFromBigint(v as bigint);
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
      return (v) => decimalFromBigint(BigInt(v as number));
    default:
      return (v) => {
        const d = decimalFromNumber(v as number);
        if (d === null) throw new RuntimeError(`Cannot convert ${String(v)} to DECIMAL`);
        return d;
      };
  }
}

const wrap8 = (n: number): number => (n << 24) >> 24;
const wrap16 = (n: number): number => (n << 16) >> 16;
const wrap32 = (n: number): number => n | 0;

/** The narrowing for a result kind, chosen once at build time. */
export function intWrapper(kind: string): (n: number) => number {
  return kind === 'TINYINT' ? wrap8 : kind === 'SMALLINT' ? wrap16 : wrap32;
}

export function wrapBigintTo(v: bigint, kind: string): bigint | number {
  if (kind === 'BIGINT') return BigInt.asIntN(64, v);
  if (kind === 'TINYINT') return Number(BigInt.asIntN(8, v));
  if (kind === 'SMALLINT') return Number(BigInt.asIntN(16, v));
  return Number(BigInt.asIntN(32, v));
}

export function divideByZero(): never {
  throw new RuntimeError('/ by zero');
}
