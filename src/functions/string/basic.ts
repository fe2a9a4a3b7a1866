/** Character string functions: length, case, search, trim, pad, substring, concatenation. */
import type { ScalarFunctionDef, TypeSite } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { INT, STRING, VARCHAR, isExactInteger, MAX_VARCHAR_LENGTH } from '../../types/data-type.js';
import {
  checkArity,
  lengthOf,
  requireInteger,
  requireString,
  scalar,
  strictResult,
  toInt,
} from './define.js';
import { charIndexOf, charSlice, initcap, numChars, substringSql, trimChars, utf8 } from './text.js';

const str = (site: TypeSite, len = MAX_VARCHAR_LENGTH): DataType => strictResult(site, VARCHAR(len, false));
const intResult = (site: TypeSite): DataType => strictResult(site, INT(false));

function stringArgs(site: TypeSite, min: number, max = min): void {
  checkArity(site, min, max);
  for (let i = 0; i < site.argTypes.length; i++) requireString(site, i);
}

const CHAR_LENGTH = scalar({
  names: ['CHAR_LENGTH', 'CHARACTER_LENGTH'],
  category: 'string',
  doc: 'CHAR_LENGTH(string): the number of characters in string.',
  inferType: (site) => (stringArgs(site, 1), intResult(site)),
  build: () => (s) => numChars(s as string),
});

const caseFn = (name: string, upper: boolean): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'string',
    doc: `${name}(string): string in ${upper ? 'upper' : 'lower'} case.`,
    inferType: (site) => (stringArgs(site, 1), str(site, lengthOf(site.argTypes[0]!))),
    build: () => (upper ? (s) => (s as string).toUpperCase() : (s) => (s as string).toLowerCase()),
  });

const POSITION = scalar({
  names: ['POSITION'],
  category: 'string',
  doc: 'POSITION(string1 IN string2): 1-based position of the first string1 in string2, 0 if absent.',
  inferType: (site) => (stringArgs(site, 2), intResult(site)),
  build: () => (needle, s) => charIndexOf(s as string, needle as string, 0) + 1,
});

const trimFn = (names: string[], leading: boolean, trailing: boolean, doc: string): ScalarFunctionDef =>
  scalar({
    names,
    category: 'string',
    doc,
    inferType: (site) => {
      stringArgs(site, 2);
      return str(site, lengthOf(site.argTypes[1]!));
    },
    build: () => (chars, s) => trimChars(s as string, chars as string, leading, trailing),
  });

/** LTRIM(s) / RTRIM(s) trim spaces; LTRIM(s, chars) / RTRIM(s, chars) trim any character of chars. */
const sideTrimFn = (name: string, leading: boolean): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'string',
    doc: `${name}(string[, chars]): removes ${leading ? 'leading' : 'trailing'} spaces (or characters of chars).`,
    inferType: (site) => (stringArgs(site, 1, 2), str(site, lengthOf(site.argTypes[0]!))),
    build: (site) =>
      site.argTypes.length === 1
        ? (s) => trimChars(s as string, ' ', leading, !leading)
        : (s, chars) => trimChars(s as string, chars as string, leading, !leading),
  });

const REPEAT = scalar({
  names: ['REPEAT'],
  category: 'string',
  doc: 'REPEAT(string, int): string repeated int times (empty when int <= 0).',
  inferType: (site) => {
    checkArity(site, 2);
    requireString(site, 0);
    requireInteger(site, 1);
    return str(site);
  },
  build: () => (s, n) => {
    const k = toInt(n);
    return k <= 0 ? '' : (s as string).repeat(k);
  },
});

const OVERLAY = scalar({
  names: ['OVERLAY'],
  category: 'string',
  doc: 'OVERLAY(string1 PLACING string2 FROM int1 [FOR int2]): replaces int2 characters of string1 from int1 with string2.',
  inferType: (site) => {
    checkArity(site, 3, 4);
    requireString(site, 0);
    requireString(site, 1);
    requireInteger(site, 2);
    if (site.argTypes.length === 4) requireInteger(site, 3);
    return str(site);
  },
  build: (site) => {
    const overlay = (s: string, r: string, start: number, len: number): string => {
      const n = numChars(s);
      if (start <= 0 || start > n) return s;
      let out = charSlice(s, 0, start - 1) + r;
      if (start + len <= n && len > 0) out += charSlice(s, start - 1 + len);
      return out;
    };
    return site.argTypes.length === 3
      ? (s, r, start) => overlay(s as string, r as string, toInt(start), numChars(r as string))
      : (s, r, start, len) => overlay(s as string, r as string, toInt(start), toInt(len));
  },
});

const SUBSTRING = scalar({
  names: ['SUBSTRING', 'SUBSTR'],
  category: 'string',
  doc: 'SUBSTRING(string FROM int1 [FOR int2]): substring from 1-based int1 (negative counts from the end), int2 characters long.',
  inferType: (site) => {
    checkArity(site, 2, 3);
    requireString(site, 0);
    requireInteger(site, 1);
    if (site.argTypes.length === 3) requireInteger(site, 2);
    // A negative length gives NULL, so the result is nullable whenever a length is given.
    const t = str(site, lengthOf(site.argTypes[0]!));
    return site.argTypes.length === 3 ? { ...t, nullable: true } : t;
  },
  build: (site) =>
    site.argTypes.length === 2
      ? (s, pos) => substringSql(s as string, toInt(pos))
      : (s, pos, len) => {
          const l = typeof len === 'bigint' ? (len > 2147483647n ? -1 : Number(len)) : (len as number);
          return substringSql(s as string, toInt(pos), l);
        },
});

const REPLACE = scalar({
  names: ['REPLACE'],
  category: 'string',
  doc: 'REPLACE(string1, string2, string3): replaces every occurrence of string2 in string1 with string3.',
  inferType: (site) => (stringArgs(site, 3), str(site)),
  build: () => (s, from, to) => (s as string).replaceAll(from as string, () => to as string),
});

const INITCAP = scalar({
  names: ['INITCAP'],
  category: 'string',
  doc: 'INITCAP(string): first character of each (ASCII) alphanumeric word in upper case, the rest in lower case.',
  inferType: (site) => (stringArgs(site, 1), str(site, lengthOf(site.argTypes[0]!))),
  build: () => (s) => initcap(s as string),
});

const CONCAT = scalar({
  names: ['CONCAT'],
  category: 'string',
  doc: 'CONCAT(string1, string2, ...): the concatenation; NULL if any argument is NULL.',
  inferType: (site) => {
    stringArgs(site, 1, Infinity);
    const len = site.argTypes.reduce((a, t) => a + lengthOf(t), 0);
    return str(site, Math.min(len, MAX_VARCHAR_LENGTH));
  },
  build: () => (...xs) => xs.join(''),
});

const CONCAT_WS = scalar({
  names: ['CONCAT_WS'],
  category: 'string',
  doc: 'CONCAT_WS(sep, string1, ...): the strings joined by sep, skipping NULLs; NULL if sep is NULL.',
  nulls: 'custom',
  inferType: (site) => {
    stringArgs(site, 1, Infinity);
    return VARCHAR(MAX_VARCHAR_LENGTH, site.argTypes[0]!.nullable);
  },
  build: () => (sep, ...xs) => (sep === null ? null : xs.filter((x) => x !== null).join(sep as string)),
});

/** LPAD / RPAD as Flink: NULL for a negative length or an empty pad; truncates a longer string. */
function pad(base: string, len: number, padStr: string, left: boolean): string | null {
  if (len < 0 || padStr === '') return null;
  if (len === 0) return '';
  const b = Array.from(base);
  const p = Array.from(padStr);
  if (b.length >= len) return b.slice(0, len).join('');
  const need = len - b.length;
  let fill = '';
  for (let i = 0; i < need; i++) fill += p[i % p.length];
  return left ? fill + base : base + fill;
}

const padFn = (name: string, left: boolean): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'string',
    doc: `${name}(string1, int, string2): string1 ${left ? 'left' : 'right'}-padded with string2 to int characters.`,
    inferType: (site) => {
      checkArity(site, 3);
      requireString(site, 0);
      requireInteger(site, 1);
      requireString(site, 2);
      return STRING(true);
    },
    build: () => (s, n, p) => pad(s as string, toInt(n), p as string, left),
  });

const LEFT = scalar({
  names: ['LEFT'],
  category: 'string',
  doc: 'LEFT(string, int): the leftmost int characters (empty when int is negative).',
  inferType: (site) => {
    checkArity(site, 2);
    requireString(site, 0);
    requireInteger(site, 1);
    return str(site, lengthOf(site.argTypes[0]!));
  },
  build: () => (s, n) => {
    const k = toInt(n);
    return k <= 0 ? '' : charSlice(s as string, 0, k);
  },
});

const RIGHT = scalar({
  names: ['RIGHT'],
  category: 'string',
  doc: 'RIGHT(string, int): the rightmost int characters (empty when int is negative).',
  inferType: (site) => {
    checkArity(site, 2);
    requireString(site, 0);
    requireInteger(site, 1);
    return str(site, lengthOf(site.argTypes[0]!));
  },
  build: () => (s, n) => {
    const k = toInt(n);
    if (k <= 0) return '';
    const len = numChars(s as string);
    return k >= len ? s : charSlice(s as string, len - k);
  },
});

const LOCATE = scalar({
  names: ['LOCATE'],
  category: 'string',
  doc: 'LOCATE(string1, string2[, int]): position of string1 in string2 searching from int; 0 if not found.',
  inferType: (site) => {
    checkArity(site, 2, 3);
    requireString(site, 0);
    requireString(site, 1);
    if (site.argTypes.length === 3) requireInteger(site, 2);
    return intResult(site);
  },
  build: (site) =>
    site.argTypes.length === 2
      ? (needle, s) => charIndexOf(s as string, needle as string, 0) + 1
      : (needle, s, from) => charIndexOf(s as string, needle as string, toInt(from) - 1) + 1,
});

const INSTR = scalar({
  names: ['INSTR'],
  category: 'string',
  doc: 'INSTR(string1, string2): position of the first string2 in string1; 0 if not found.',
  inferType: (site) => (stringArgs(site, 2), intResult(site)),
  build: () => (s, needle) => charIndexOf(s as string, needle as string, 0) + 1,
});

const REVERSE = scalar({
  names: ['REVERSE'],
  category: 'string',
  doc: 'REVERSE(string): the characters of string in reverse order.',
  inferType: (site) => (stringArgs(site, 1), str(site, lengthOf(site.argTypes[0]!))),
  build: () => (s) => Array.from(s as string).reverse().join(''),
});

const ASCII = scalar({
  names: ['ASCII'],
  category: 'string',
  doc: 'ASCII(string): the numeric value of the first byte of string (0 for an empty string).',
  inferType: (site) => (stringArgs(site, 1), intResult(site)),
  build: () => (s) => {
    if (s === '') return 0;
    const b = utf8((s as string).slice(0, 2))[0]!;
    return b > 127 ? b - 256 : b; // Java bytes are signed
  },
});

const CHR = scalar({
  names: ['CHR'],
  category: 'string',
  doc: 'CHR(int): the character whose code is int modulo 256 (empty for a negative int).',
  inferType: (site) => {
    checkArity(site, 1);
    requireInteger(site, 0);
    return strictResult(site, VARCHAR(1, false));
  },
  build: () => (n) => {
    const v = typeof n === 'bigint' ? n : BigInt(n as number);
    if (v < 0n) return '';
    return String.fromCharCode(Number(v & 0xffn));
  },
});

/** Commons-lang splitByWholeSeparatorPreserveAllTokens; an empty separator splits on whitespace. */
function splitWhole(s: string, sep: string): string[] {
  if (s === '') return [];
  if (sep === '') return s.split(/\s/);
  return s.split(sep);
}

const SPLIT_INDEX = scalar({
  names: ['SPLIT_INDEX'],
  category: 'string',
  doc: 'SPLIT_INDEX(string, sep, int): the int-th (0-based) part of string split by sep; NULL if out of range.',
  inferType: (site) => {
    checkArity(site, 3);
    requireString(site, 0);
    if (!isExactInteger(site.argTypes[1]!)) requireString(site, 1);
    requireInteger(site, 2);
    return STRING(true);
  },
  build: (site) => {
    const byChar = isExactInteger(site.argTypes[1]!);
    return (s, sep, idx) => {
      const i = toInt(idx);
      if (i < 0) return null;
      let parts: string[];
      if (byChar) {
        const c = toInt(sep);
        if (c > 255 || c < 1) return null;
        parts = s === '' ? [] : (s as string).split(String.fromCharCode(c));
      } else {
        parts = splitWhole(s as string, sep as string);
      }
      return i < parts.length ? parts[i]! : null;
    };
  },
});

export const BASIC_STRING_FUNCTIONS: readonly ScalarFunctionDef[] = [
  CHAR_LENGTH,
  caseFn('UPPER', true),
  caseFn('LOWER', false),
  POSITION,
  trimFn(['TRIM_BOTH'], true, true, 'TRIM([BOTH] chars FROM string): removes chars from both ends.'),
  trimFn(['TRIM_LEADING'], true, false, 'TRIM(LEADING chars FROM string): removes leading chars.'),
  trimFn(['TRIM_TRAILING'], false, true, 'TRIM(TRAILING chars FROM string): removes trailing chars.'),
  sideTrimFn('LTRIM', true),
  sideTrimFn('RTRIM', false),
  REPEAT,
  OVERLAY,
  SUBSTRING,
  REPLACE,
  INITCAP,
  CONCAT,
  CONCAT_WS,
  padFn('LPAD', true),
  padFn('RPAD', false),
  LEFT,
  RIGHT,
  LOCATE,
  INSTR,
  REVERSE,
  ASCII,
  CHR,
  SPLIT_INDEX,
];

