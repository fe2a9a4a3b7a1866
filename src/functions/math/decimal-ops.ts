/**
 * Exact decimal helpers used by the math functions (rescaling with Java's rounding modes,
 * comparison, conversion). Kept local to the function families.
 */
import { Decimal } from '../../types/values.js';
import type { DataType } from '../../types/data-type.js';

export type RoundingMode = 'HALF_UP' | 'DOWN' | 'FLOOR' | 'CEILING';

const POW10: bigint[] = [1n];
export function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[n]!;
}

/** Divides by 10^k (k > 0) with the given rounding. */
function divPow10(v: bigint, k: number, mode: RoundingMode): bigint {
  const d = pow10(k);
  const q = v / d; // truncates toward zero
  const r = v % d;
  if (r === 0n) return q;
  switch (mode) {
    case 'DOWN':
      return q;
    case 'FLOOR':
      return v < 0n ? q - 1n : q;
    case 'CEILING':
      return v > 0n ? q + 1n : q;
    case 'HALF_UP': {
      const twice = (r < 0n ? -r : r) * 2n;
      return twice >= d ? (v < 0n ? q - 1n : q + 1n) : q;
    }
  }
}

/** The same value at another scale (Java BigDecimal.setScale). */
export function rescale(d: Decimal, scale: number, mode: RoundingMode = 'HALF_UP'): Decimal {
  if (scale === d.scale) return d;
  if (scale > d.scale) return new Decimal(d.unscaled * pow10(scale - d.scale), scale);
  return new Decimal(divPow10(d.unscaled, d.scale - scale, mode), scale);
}

/** Rounds to `places` fractional digits (negative: to tens, hundreds …) keeping `resultScale`. */
export function roundTo(d: Decimal, places: number, mode: RoundingMode, resultScale: number): Decimal {
  let v: bigint;
  if (places >= d.scale) v = d.unscaled * pow10(places - d.scale);
  else v = divPow10(d.unscaled, d.scale - places, mode);
  // v is now the value × 10^places; express it at resultScale.
  const shift = resultScale - places;
  return new Decimal(shift >= 0 ? v * pow10(shift) : v / pow10(-shift), resultScale);
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const s = Math.max(a.scale, b.scale);
  const x = a.unscaled * pow10(s - a.scale);
  const y = b.unscaled * pow10(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Number of decimal digits of the unscaled value (precision of a BigDecimal). */
export function digitCount(v: bigint): number {
  return (v < 0n ? -v : v).toString().length;
}

/** Whether a decimal fits DECIMAL(precision, scale) after rescaling. */
export function fitsPrecision(d: Decimal, precision: number): boolean {
  return digitCount(d.unscaled) <= precision;
}

/** Exact value of an integer or decimal as a Decimal. */
export function toDecimal(v: unknown): Decimal {
  if (v instanceof Decimal) return v;
  if (typeof v === 'bigint') return new Decimal(v, 0);
  if (typeof v === 'number' && Number.isInteger(v)) return new Decimal(BigInt(v), 0);
  return decimalFromDouble(v as number);
}

/** Java's BigDecimal.valueOf(double): the shortest decimal text of the double. */
export function decimalFromDouble(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`Cannot convert ${x} to DECIMAL`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`Cannot convert ${x} to DECIMAL`);
  const frac = m[3] ?? '';
  const exp = m[4] ? parseInt(m[4], 10) : 0;
  let unscaled = BigInt(m[2]! + frac);
  let scale = frac.length - exp;
  if (scale < 0) {
    unscaled *= pow10(-scale);
    scale = 0;
  }
  return new Decimal(m[1] === '-' ? -unscaled : unscaled, scale);
}

/** A converter from a numeric SQL type's values to JS doubles. */
export function doubleOf(t: DataType): (v: unknown) => number {
  switch (t.kind) {
    case 'BIGINT':
      return (v) => Number(v as bigint);
    case 'DECIMAL':
      return (v) => (v as Decimal).toNumber();
    default:
      return (v) => v as number;
  }
}

/** Java's (int) cast of a long: wraps to 32 bits. */
export const wrapInt = (v: number): number => v | 0;
/** Java's long arithmetic wraps to 64 bits. */
export const wrapLong = (v: bigint): bigint => BigInt.asIntN(64, v);
