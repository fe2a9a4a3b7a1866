/**
 * Exact DECIMAL arithmetic on `Decimal` (unscaled bigint + scale), with java.math.BigDecimal's
 * rounding (HALF_UP for rescaling, DECIMAL128 for division) and Flink's DecimalData rule that a
 * value not fitting its type's precision becomes NULL.
 */
import { RuntimeError } from './errors.js';
import { Decimal } from './values.js';

const POW10: bigint[] = [1n];
/** 10^n as a bigint (cached). */
export function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[n]!;
}

const absBig = (v: bigint): bigint => (v < 0n ? -v : v);

/** Number of decimal digits of |v| (0 has one digit), as BigDecimal.precision(). */
export function digitCount(v: bigint): number {
  const a = absBig(v);
  if (a < 10n) return 1;
  if (a < 10000000000000000n) return a.toString().length;
  return a.toString().length;
}

/** BigDecimal.precision() of a Decimal. */
export function decimalPrecision(d: Decimal): number {
  return digitCount(d.unscaled);
}

/** Divides by 10^n rounding HALF_UP (away from zero on a tie), as RoundingMode.HALF_UP. */
function divPow10HalfUp(v: bigint, n: number): bigint {
  if (n <= 0) return v * pow10(-n);
  const p = pow10(n);
  const q = v / p;
  const r = v % p;
  const twice = absBig(r) * 2n;
  if (twice >= p) return v < 0n ? q - 1n : q + 1n;
  return q;
}

/** `d.setScale(scale, HALF_UP)`. */
export function rescale(d: Decimal, scale: number): Decimal {
  if (d.scale === scale) return d;
  if (scale > d.scale) return new Decimal(d.unscaled * pow10(scale - d.scale), scale);
  return new Decimal(divPow10HalfUp(d.unscaled, d.scale - scale), scale);
}

/** `d.setScale(scale, DOWN)`: truncation toward zero. */
export function rescaleDown(d: Decimal, scale: number): Decimal {
  if (scale >= d.scale) return rescale(d, scale);
  return new Decimal(d.unscaled / pow10(d.scale - scale), scale);
}

/** Flink's DecimalData.fromBigDecimal: rescale HALF_UP, NULL when it needs more than `precision` digits. */
export function fitDecimal(d: Decimal, precision: number, scale: number): Decimal | null {
  const r = rescale(d, scale);
  return digitCount(r.unscaled) > precision ? null : r;
}

/** Whether `d` (already at its type's scale) fits `precision` digits. */
export function fitsPrecision(d: Decimal, precision: number): boolean {
  return digitCount(d.unscaled) <= precision;
}

/** Java `new BigDecimal(text)`: `[+-]digits[.digits][e[+-]digits]`; null if malformed. */
export function parseDecimal(text: string): Decimal | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const intPart = m[2]!;
  const frac = m[3] ?? '';
  if (intPart.length === 0 && frac.length === 0) return null;
  const exp = m[4] !== undefined ? Number(m[4]) : 0;
  if (!Number.isFinite(exp) || Math.abs(exp) > 1_000_000) return null;
  let unscaled = BigInt((intPart + frac).replace(/^0+(?=\d)/, '') || '0');
  if (m[1] === '-') unscaled = -unscaled;
  return new Decimal(unscaled, frac.length - exp);
}

export function decimalFromBigint(v: bigint, scale = 0): Decimal {
  return new Decimal(v * pow10(scale), scale);
}

/** BigDecimal.valueOf(double): the decimal of Java's Double.toString (shortest repr); null for NaN/Infinity. */
export function decimalFromNumber(n: number): Decimal | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) {
    // Double.toString gives "1.0": scale 1 (BigDecimal.valueOf(1.0).scale() == 1).
    return new Decimal(BigInt(n) * 10n, 1);
  }
  return parseDecimal(String(n));
}

export function decimalToNumber(d: Decimal): number {
  if (d.scale === 0) return Number(d.unscaled);
  return Number(d.toString());
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  if (a.scale === b.scale) return a.unscaled < b.unscaled ? -1 : a.unscaled > b.unscaled ? 1 : 0;
  const s = Math.max(a.scale, b.scale);
  const x = a.unscaled * pow10(s - a.scale);
  const y = b.unscaled * pow10(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function decimalEquals(a: Decimal, b: Decimal): boolean {
  return compareDecimal(a, b) === 0;
}

export function negateDecimal(a: Decimal): Decimal {
  return new Decimal(-a.unscaled, a.scale);
}

export function absDecimal(a: Decimal): Decimal {
  return a.unscaled < 0n ? new Decimal(-a.unscaled, a.scale) : a;
}

export function signum(a: Decimal): number {
  return a.unscaled < 0n ? -1 : a.unscaled > 0n ? 1 : 0;
}

/** Exact sum (scale = max of scales). */
export function addExact(a: Decimal, b: Decimal): Decimal {
  const s = Math.max(a.scale, b.scale);
  return new Decimal(a.unscaled * pow10(s - a.scale) + b.unscaled * pow10(s - b.scale), s);
}

export function subExact(a: Decimal, b: Decimal): Decimal {
  return addExact(a, negateDecimal(b));
}

export function mulExact(a: Decimal, b: Decimal): Decimal {
  return new Decimal(a.unscaled * b.unscaled, a.scale + b.scale);
}

/** a + b in DECIMAL(precision, scale); NULL on overflow, as Flink's DecimalDataUtils.add. */
export function addDecimal(a: Decimal, b: Decimal, precision: number, scale: number): Decimal | null {
  return fitDecimal(addExact(a, b), precision, scale);
}

export function subDecimal(a: Decimal, b: Decimal, precision: number, scale: number): Decimal | null {
  return fitDecimal(subExact(a, b), precision, scale);
}

export function mulDecimal(a: Decimal, b: Decimal, precision: number, scale: number): Decimal | null {
  return fitDecimal(mulExact(a, b), precision, scale);
}

function divisionByZero(a: Decimal): never {
  throw new RuntimeError(a.unscaled === 0n ? 'Division undefined' : 'Division by zero');
}

/**
 * BigDecimal.divide(b, MathContext.DECIMAL128): the quotient rounded HALF_EVEN to 34 significant
 * digits (only its value matters: callers rescale it).
 */
export function divDecimal128(a: Decimal, b: Decimal): Decimal {
  if (b.unscaled === 0n) divisionByZero(a);
  if (a.unscaled === 0n) return new Decimal(0n, 0);
  const negative = a.unscaled < 0n !== b.unscaled < 0n;
  const num = absBig(a.unscaled);
  const den = absBig(b.unscaled);
  // Scale the numerator so the integer quotient has at least 35 digits.
  const k = Math.max(0, 36 + digitCount(den) - digitCount(num));
  const scaled = num * pow10(k);
  let q = scaled / den;
  const sticky = scaled % den !== 0n;
  let qScale = k + a.scale - b.scale;
  const drop = digitCount(q) - 34;
  if (drop > 0) {
    const p = pow10(drop);
    const base = q / p;
    const rem = q % p;
    const twice = rem * 2n;
    let up = false;
    if (twice > p || (twice === p && sticky)) up = true;
    else if (twice === p && !sticky) up = (base & 1n) === 1n;
    q = up ? base + 1n : base;
    qScale -= drop;
  }
  return new Decimal(negative ? -q : q, qScale);
}

/** a / b in DECIMAL(precision, scale) as Flink's DecimalDataUtils.divide; NULL on overflow. */
export function divDecimal(a: Decimal, b: Decimal, precision: number, scale: number): Decimal | null {
  return fitDecimal(divDecimal128(a, b), precision, scale);
}

/** BigDecimal.remainder: sign of the dividend, exact. */
export function remExact(a: Decimal, b: Decimal): Decimal {
  if (b.unscaled === 0n) divisionByZero(a);
  const s = Math.max(a.scale, b.scale);
  const x = a.unscaled * pow10(s - a.scale);
  const y = b.unscaled * pow10(s - b.scale);
  return new Decimal(x % y, s);
}

export function modDecimal(a: Decimal, b: Decimal, precision: number, scale: number): Decimal | null {
  return fitDecimal(remExact(a, b), precision, scale);
}

/** Integral part truncated toward zero (BigDecimal.toBigInteger()). */
export function decimalToBigint(d: Decimal): bigint {
  if (d.scale <= 0) return d.unscaled * pow10(-d.scale);
  return d.unscaled / pow10(d.scale);
}

/** Strips trailing zeros (BigDecimal.stripTrailingZeros), keeping a zero at scale 0. */
export function stripTrailingZeros(d: Decimal): Decimal {
  if (d.unscaled === 0n) return new Decimal(0n, 0);
  let u = d.unscaled;
  let s = d.scale;
  while (u % 10n === 0n) {
    u /= 10n;
    s--;
  }
  return new Decimal(u, s);
}

/**
 * Java BigDecimal.toString(): plain unless the exponent is large or the adjusted exponent is
 * below -6, then scientific (`1.2E-7`, `0E-10`). Flink's print connector shows DECIMAL this way.
 */
export function decimalToJavaString(d: Decimal): string {
  const scale = d.scale;
  const neg = d.unscaled < 0n;
  const coeff = absBig(d.unscaled).toString();
  const adjusted = -scale + (coeff.length - 1);
  if (scale >= 0 && adjusted >= -6) return d.toString();
  let body: string;
  if (coeff.length > 1) body = `${coeff[0]}.${coeff.slice(1)}`;
  else body = coeff;
  const exp = adjusted === 0 ? '' : adjusted > 0 ? `E+${adjusted}` : `E${adjusted}`;
  return `${neg ? '-' : ''}${body}${exp}`;
}

/** BigDecimal.toPlainString(). */
export function decimalToPlainString(d: Decimal): string {
  return d.toString();
}
