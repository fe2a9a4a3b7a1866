/** Exact DECIMAL text conversions with Java BigDecimal's rules. */
import { Decimal } from '../../../types/values.js';

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses Java BigDecimal text (no surrounding spaces) into unscaled digits and scale; null if malformed. */
export function parseBigDecimal(text: string): { unscaled: bigint; scale: number } | null {
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  let unscaled = BigInt((intPart + fracPart) || '0');
  if (m[1] === '-') unscaled = -unscaled;
  return { unscaled, scale: fracPart.length - exp };
}

function digitCount(v: bigint): number {
  return (v < 0n ? -v : v).toString().length;
}

/** Rescales with HALF_UP rounding (as BigDecimal.setScale(scale, HALF_UP)). */
export function rescaleHalfUp(unscaled: bigint, from: number, to: number): bigint {
  if (to >= from) return unscaled * 10n ** BigInt(to - from);
  const div = 10n ** BigInt(from - to);
  const neg = unscaled < 0n;
  const abs = neg ? -unscaled : unscaled;
  let q = abs / div;
  if ((abs % div) * 2n >= div) q += 1n;
  return neg ? -q : q;
}

/** Flink's DecimalData.fromBigDecimal: rounds to `scale`, null when it needs more than `precision` digits. */
export function toDecimal(unscaled: bigint, fromScale: number, precision: number, scale: number): Decimal | null {
  const v = rescaleHalfUp(unscaled, fromScale, scale);
  if (v !== 0n && digitCount(v) > precision) return null;
  return new Decimal(v, scale);
}

/** Text → DECIMAL(p, s); null when malformed or out of precision. */
export function decimalFromText(text: string, precision: number, scale: number): Decimal | null {
  const p = parseBigDecimal(text);
  return p === null ? null : toDecimal(p.unscaled, p.scale, precision, scale);
}

/** Java BigDecimal.toString(): scientific notation when the exponent is small (`2.7E-8`, `0E-10`). */
export function bigDecimalToString(d: Decimal): string {
  const neg = d.unscaled < 0n;
  const coeff = (neg ? -d.unscaled : d.unscaled).toString();
  const adjusted = -d.scale + (coeff.length - 1);
  if (d.scale >= 0 && adjusted >= -6) return d.toString();
  const mant = coeff.length > 1 ? `${coeff[0]}.${coeff.slice(1)}` : coeff;
  const exp = adjusted >= 0 ? `E+${adjusted}` : `E${adjusted}`;
  return `${neg ? '-' : ''}${mant}${exp}`;
}

/** Java BigDecimal.toPlainString(). */
export function bigDecimalToPlainString(d: Decimal): string {
  return d.toString();
}
