/**
 * Java's textual forms of numbers, as Flink's JSON functions emit them through Jackson:
 * Double.toString, Float.toString and BigDecimal.toString.
 */

/** Digits and decimal exponent of the shortest representation: value = 0.d1d2… × 10^exp. */
function shortest(x: number, float: boolean): { digits: string; exp: number } {
  let s: string;
  if (float) {
    s = '';
    for (let p = 1; p <= 9; p++) {
      s = x.toPrecision(p);
      if (Math.fround(Number(s)) === x) break;
    }
    s = Number(s).toExponential();
  } else {
    s = x.toExponential();
  }
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)!;
  const digits = (m[1]! + (m[2] ?? '')).replace(/0+$/, '') || '0';
  return { digits, exp: parseInt(m[3]!, 10) + 1 };
}

function javaFloating(x: number, float: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exp } = shortest(Math.abs(x), float);
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp <= 0) return `${sign}0.${'0'.repeat(-exp)}${digits}`;
    if (digits.length <= exp) return `${sign}${digits}${'0'.repeat(exp - digits.length)}.0`;
    return `${sign}${digits.slice(0, exp)}.${digits.slice(exp)}`;
  }
  const frac = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${frac}E${exp - 1}`;
}

/** java.lang.Double.toString. */
export const javaDoubleToString = (x: number): string => javaFloating(x, false);
/** java.lang.Float.toString (x must be a float value). */
export const javaFloatToString = (x: number): string => javaFloating(x, true);

/** java.math.BigDecimal.toString of unscaled × 10^-scale (scientific when the exponent is small). */
export function bigDecimalToString(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const coeff = (neg ? -unscaled : unscaled).toString();
  const sign = neg ? '-' : '';
  if (scale === 0) return sign + coeff;
  const adjusted = -scale + (coeff.length - 1);
  if (scale > 0 && adjusted >= -6) {
    const pad = coeff.padStart(scale + 1, '0');
    return `${sign}${pad.slice(0, pad.length - scale)}.${pad.slice(pad.length - scale)}`;
  }
  const mant = coeff.length > 1 ? `${coeff[0]}.${coeff.slice(1)}` : coeff;
  return `${sign}${mant}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}

/** new BigDecimal(text) as unscaled value and scale. */
export function parseBigDecimal(text: string): { unscaled: bigint; scale: number } {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new SyntaxError(`Not a number: ${text}`);
  const frac = m[3] ?? '';
  const unscaled = BigInt((m[1] === '-' ? '-' : '') + ((m[2] ?? '') + frac || '0'));
  const scale = frac.length - (m[4] ? parseInt(m[4], 10) : 0);
  return { unscaled, scale };
}

/** BigDecimal.valueOf(double).toString(), i.e. the Double.toString digits read as a BigDecimal. */
export function doubleAsBigDecimalString(x: number): string {
  const d = parseBigDecimal(javaDoubleToString(x));
  return bigDecimalToString(d.unscaled, d.scale);
}
