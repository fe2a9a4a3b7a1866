/** Java's Byte/Short/Integer/Long.parseXxx on trimmed text, exact for BIGINT. */

/** Java String.trim(): strips chars <= U+0020 at both ends. */
export function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const INT_RE = /^[+-]?\d+$/;
const RANGES = {
  TINYINT: [-128, 127],
  SMALLINT: [-32768, 32767],
  INT: [-2147483648, 2147483647],
} as const;

export function parseJavaIntegral(text: string, kind: 'TINYINT' | 'SMALLINT' | 'INT'): number | null {
  if (!INT_RE.test(text)) return null;
  const n = Number(text);
  const [lo, hi] = RANGES[kind];
  return n < lo || n > hi ? null : n;
}

export function parseJavaLong(text: string): bigint | null {
  if (!INT_RE.test(text)) return null;
  const n = BigInt(text);
  return n < -(2n ** 63n) || n > 2n ** 63n - 1n ? null : n;
}

/** Boolean.parseBoolean: true only for "true" in any case; never fails. */
export function parseJavaBoolean(text: string): boolean {
  return text.toLowerCase() === 'true';
}
