/** Regular-expression string functions (Java regex syntax, see java-regex.ts). */
import type { ScalarFunctionDef } from '../function-def.js';
import { BOOLEAN, STRING } from '../../types/data-type.js';
import { checkArity, requireInteger, requireString, scalar, strictResult, toInt } from './define.js';
import { javaRegex } from './java-regex.js';

/**
 * REGEXP_REPLACE: Flink quotes the replacement (Matcher.quoteReplacement), so `$1` and `\` in it
 * are literal text. An invalid regex gives NULL.
 */
export function regexpReplace(s: string, regex: string, replacement: string): string | null {
  let re: RegExp;
  try {
    re = javaRegex(regex);
  } catch {
    return null;
  }
  return s.replace(re, () => replacement);
}

/** REGEXP_EXTRACT: group `index` of the first match; NULL if no match, bad regex or bad group. */
export function regexpExtract(s: string, regex: string, index: number): string | null {
  let re: RegExp;
  try {
    re = javaRegex(regex);
  } catch {
    return null;
  }
  const m = re.exec(s);
  if (m === null || index < 0 || index >= m.length) return null;
  return m[index] ?? null;
}

const REGEXP_REPLACE = scalar({
  names: ['REGEXP_REPLACE'],
  category: 'string',
  doc: 'REGEXP_REPLACE(string1, string2, string3): replaces every match of regex string2 in string1 with string3.',
  inferType: (site) => {
    checkArity(site, 3);
    for (let i = 0; i < 3; i++) requireString(site, i);
    return STRING(true);
  },
  build: () => (s, r, t) => regexpReplace(s as string, r as string, t as string),
});

const REGEXP_EXTRACT = scalar({
  names: ['REGEXP_EXTRACT'],
  category: 'string',
  doc: 'REGEXP_EXTRACT(string1, string2[, int]): group int (0 = whole match) of the first match of regex string2.',
  inferType: (site) => {
    checkArity(site, 2, 3);
    requireString(site, 0);
    requireString(site, 1);
    if (site.argTypes.length === 3) requireInteger(site, 2);
    return STRING(true);
  },
  build: (site) =>
    site.argTypes.length === 2
      ? (s, r) => regexpExtract(s as string, r as string, 0)
      : (s, r, i) => regexpExtract(s as string, r as string, toInt(i)),
});

const REGEXP = scalar({
  names: ['REGEXP'],
  category: 'string',
  doc: 'REGEXP(string1, string2): TRUE if any substring of string1 matches the Java regex string2.',
  inferType: (site) => {
    checkArity(site, 2);
    requireString(site, 0);
    requireString(site, 1);
    return strictResult(site, BOOLEAN(false));
  },
  build: () => (s, r) => {
    if (r === '') return false;
    try {
      return javaRegex(r as string).test(s as string);
    } catch {
      return false;
    }
  },
});

export const REGEX_FUNCTIONS: readonly ScalarFunctionDef[] = [REGEXP_REPLACE, REGEXP_EXTRACT, REGEXP];
