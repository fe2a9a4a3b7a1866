/** Java's text forms of numbers, as Jackson writes them (Double.toString, Float.toString). */

function sciOrPlain(digits: string, exp10: number, neg: boolean): string {
  // digits: significant digits without dot; value = 0.d1d2... × 10^exp10 → decimal exponent of d1 is exp10-1
  const e = exp10 - 1;
  let body: string;
  if (e >= -3 && e < 7) {
    if (e >= 0) {
      const intPart = digits.length > e + 1 ? digits.slice(0, e + 1) : digits.padEnd(e + 1, '0');
      const frac = digits.length > e + 1 ? digits.slice(e + 1) : '0';
      body = `${intPart}.${frac}`;
    } else {
      body = `0.${'0'.repeat(-e - 1)}${digits}`;
    }
  } else {
    const frac = digits.length > 1 ? digits.slice(1) : '0';
    body = `${digits[0]}.${frac}E${e}`;
  }
  return neg ? `-${body}` : body;
}

/** Shortest round-trip digits and decimal exponent of a finite non-zero number's `toPrecision` form. */
function digitsOf(text: string): { digits: string; exp10: number } {
  // text from toExponential(): d.ddde±x
  const [mant, ex] = text.split('e') as [string, string];
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp10: Number(ex) + 1 };
}

export function javaDoubleToString(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const neg = v < 0;
  const { digits, exp10 } = digitsOf(Math.abs(v).toExponential());
  return sciOrPlain(digits, exp10, neg);
}

/** Float.toString: the shortest decimal that rounds back to the same float. */
export function javaFloatToString(v: number): string {
  const f = Math.fround(v);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return 'Infinity';
  if (f === -Infinity) return '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  const a = Math.abs(f);
  let text = a.toExponential(8);
  for (let p = 1; p <= 9; p++) {
    const t = a.toExponential(p - 1);
    if (Math.fround(Number(t)) === a) {
      text = t;
      break;
    }
  }
  const { digits, exp10 } = digitsOf(text);
  return sciOrPlain(digits, exp10, f < 0);
}
