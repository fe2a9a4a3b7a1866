/**
 * Character-level helpers with Flink's semantics. Flink's StringData counts characters as code
 * points (its binary form is UTF-8), so lengths and positions count a surrogate pair as one.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

export const hasSurrogates = (s: string): boolean => SURROGATE.test(s);

/** Number of characters (code points), as Flink's numChars(). */
export function numChars(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Code points of `s` between character indexes [start, end). */
export function charSlice(s: string, start: number, end?: number): string {
  if (!hasSurrogates(s)) return s.slice(start, end);
  return Array.from(s).slice(start, end).join('');
}

/**
 * Index (in characters) of `needle` in `s` from character `from` (negative counts as 0), or -1.
 * As Flink's StringData.indexOf, an empty needle is found at 0 whatever `from` is.
 */
export function charIndexOf(s: string, needle: string, from: number): number {
  if (needle === '') return 0;
  if (from < 0) from = 0;
  if (!hasSurrogates(s)) return s.indexOf(needle, from);
  const chars = Array.from(s);
  const unitFrom = chars.slice(0, from).join('').length;
  const idx = s.indexOf(needle, unitFrom);
  return idx < 0 ? -1 : numChars(s.slice(0, idx));
}

/** Flink's SQL SUBSTRING: 1-based, negative start counts from the end, negative length gives NULL. */
export function substringSql(s: string, pos: number, length = 2147483647): string | null {
  if (length < 0) return null;
  if (s === '') return '';
  const n = numChars(s);
  let start: number;
  if (pos > 0) {
    start = pos - 1;
    if (start >= n) return '';
  } else if (pos < 0) {
    start = n + pos;
    if (start < 0) return '';
  } else {
    start = 0;
  }
  const end = n - start < length ? n : start + length;
  return charSlice(s, start, end);
}

/** Removes leading and/or trailing characters that occur in `chars`. */
export function trimChars(s: string, chars: string, leading: boolean, trailing: boolean): string {
  const set = new Set(Array.from(chars));
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  if (leading) while (a < b && set.has(cps[a]!)) a++;
  if (trailing) while (b > a && set.has(cps[b - 1]!)) b--;
  return a === 0 && b === cps.length ? s : cps.slice(a, b).join('');
}

/**
 * Calcite's INITCAP (which Flink calls): words are runs of ASCII letters and digits; only ASCII
 * letters change case; every other character (non-ASCII letters included) separates words.
 */
export function initcap(s: string): string {
  let out = '';
  let start = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = c > 47 && c < 58;
    const upper = c > 64 && c < 91;
    const lower = c > 96 && c < 123;
    if (start) {
      if (digit || upper || lower) start = false;
      out += lower ? String.fromCharCode(c - 32) : s[i];
    } else {
      if (!digit && !upper && !lower) start = true;
      out += upper ? String.fromCharCode(c + 32) : s[i];
    }
  }
  return out;
}

/** Compares strings by code point (Flink compares UTF-8 bytes, which orders the same way). */
export function compareStrings(a: string, b: string): number {
  if (!hasSurrogates(a) && !hasSurrogates(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length - y.length < 0 ? -1 : x.length === y.length ? 0 : 1;
}

const encoder = new TextEncoder();
export const utf8 = (s: string): Uint8Array => encoder.encode(s);
const decoder = new TextDecoder('utf-8');
export const fromUtf8 = (b: Uint8Array): string => decoder.decode(b);
