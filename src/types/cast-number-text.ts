/**
 * Java's Double.toString / Float.toString (shortest round-trip digits, as JDK 19+): plain form for
 * 1e-3 <= |x| < 1e7 (`0.1`, `1.0`, `1234567.0`), otherwise computerized scientific (`1.0E10`, `1.0E-5`).
 */

function layout(negative: boolean, digits: string, exp: number): string {
  // value = 0.d1d2d3… × 10^(exp+1), i.e. d1.d2d3… × 10^exp
  const sign = negative ? '-' : '';
  if (exp >= -3 && exp < 7) {
    if (exp >= 0) {
      const intLen = exp + 1;
      const intPart = digits.length >= intLen ? digits.slice(0, intLen) : digits + '0'.repeat(intLen - digits.length);
      const frac = digits.length > intLen ? digits.slice(intLen) : '0';
      return `${sign}${intPart}.${frac}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  const frac = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${frac}E${exp}`;
}

function special(x: number): string | null {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return null;
}

/**
 * Java picks, when the shortest round-trip decimal has one digit, the closest two-digit decimal
 * (Double.MIN_VALUE prints as 4.9E-324, not 5.0E-324).
 */
function twoDigitRule(a: number, text: string): string {
  const { digits } = splitExponential(text);
  return digits.length === 1 ? a.toExponential(1) : text;
}

function splitExponential(s: string): { digits: string; exp: number } {
  // s is like "1.2345e+2" or "5e-324" (without sign)
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e).replace('.', '');
  return { digits: mantissa.replace(/0+$/, '') || '0', exp: Number(s.slice(e + 1)) };
}

export function javaDoubleToString(x: number): string {
  const sp = special(x);
  if (sp !== null) return sp;
  const a = Math.abs(x);
  const { digits, exp } = splitExponential(twoDigitRule(a, a.toExponential()));
  return layout(x < 0, digits, exp);
}

/** Float.toString for a value already rounded to float32 (Math.fround). */
export function javaFloatToString(x: number): string {
  const f = Math.fround(x);
  const sp = special(f);
  if (sp !== null) return sp;
  const a = Math.abs(f);
  let text = a.toExponential();
  for (let p = 1; p <= 9; p++) {
    const candidate = a.toExponential(p - 1);
    if (Math.fround(Number(candidate)) === a) {
      text = candidate;
      break;
    }
  }
  const { digits, exp } = splitExponential(twoDigitRule(a, text));
  return layout(f < 0, digits, exp);
}

/** Java's Long/Integer toString for bigint or number integers. */
export function integerToString(v: number | bigint): string {
  return typeof v === 'bigint' ? v.toString() : String(v);
}
