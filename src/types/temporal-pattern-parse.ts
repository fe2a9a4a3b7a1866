/**
 * Parsing with Java date patterns (see temporal-pattern.ts for the two flavours): 'simple' is
 * as lenient as SimpleDateFormat, 'java' as strict as DateTimeFormatter.
 */
import {
  MILLIS_PER_DAY,
  MILLIS_PER_HOUR,
  MILLIS_PER_MINUTE,
  civilToMillis,
  floorMod,
} from './temporal-calendar.js';
import { tokenizePattern } from './temporal-pattern.js';
import type { PatternFlavor } from './temporal-pattern.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** What a parse found; missing fields default as in Flink (1970-01-01 00:00:00). */
export interface ParsedDateTime {
  /** Wall-clock millis (read as UTC). */
  readonly localMillis: number;
  readonly nanos: number;
  /** An offset given in the text (`Z`, `+0800`), else null. */
  readonly offsetMillis: number | null;
}

/**
 * Parses `text` with a Java pattern; null if it does not match. 'simple' is lenient like
 * SimpleDateFormat (unpadded numbers, trailing text ignored, out-of-range fields roll over);
 * 'java' needs exact widths and the whole text.
 */
export function parseWithPattern(text: string, pattern: string, flavor: PatternFlavor): ParsedDateTime | null {
  const tokens = tokenizePattern(pattern);
  let pos = 0;
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nano = 0;
  let pm: boolean | null = null;
  let hour12: number | null = null;
  let offset: number | null = null;
  let dayOfYearField: number | null = null;
  let bc = false;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    if (t.kind === 'text') {
      for (const ch of t.text) {
        if (flavor === 'simple' && ch === ' ' && text[pos] !== ' ') continue;
        if (text[pos] !== ch) return null;
        pos++;
      }
      continue;
    }
    const next = tokens[ti + 1];
    // Numeric fields followed directly by another numeric field take exactly `count` digits.
    const abutting = next !== undefined && next.kind === 'field' && isNumericField(next.letter, next.count, flavor);
    const readNum = (minW: number, maxW: number): number | null => {
      let j = pos;
      let neg = false;
      if (flavor === 'simple' && (text[j] === '-' || text[j] === '+') && t.letter === 'y' && !abutting) {
        neg = text[j] === '-';
        j++;
      }
      const start = j;
      while (j < text.length && j - start < maxW && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j - start < minW || j === start) return null;
      const v = Number(text.slice(start, j));
      pos = j;
      return neg ? -v : v;
    };
    const n = t.count;
    const [minW, maxW] = abutting
      ? [n, n]
      : flavor === 'simple'
        ? [1, 19]
        : t.letter === 'y' || t.letter === 'u'
          ? n === 2
            ? [2, 2]
            : [n, 19]
          : n === 1
            ? [1, 2]
            : [n, n];
    const text3 = (names: string[], full: boolean): number | null => {
      for (let k = 0; k < names.length; k++) {
        const cand = [names[k]!, names[k]!.slice(0, 3)];
        for (const c of full ? cand : [cand[1]!, cand[0]!]) {
          if (text.slice(pos, pos + c.length).toLowerCase() === c.toLowerCase()) {
            pos += c.length;
            return k;
          }
        }
      }
      return null;
    };
    switch (t.letter) {
      case 'y':
      case 'Y':
      case 'u': {
        if (t.letter === 'u' && flavor === 'simple') {
          if (readNum(minW, maxW) === null) return null;
          break;
        }
        const startPos = pos;
        const v = readNum(minW, maxW);
        if (v === null) return null;
        if (n === 2 && pos - startPos === 2) {
          if (flavor === 'java') year = 2000 + v;
          else {
            // SimpleDateFormat: within 80 years before and 20 after now.
            const base = new Date().getUTCFullYear() - 80;
            year = base - floorMod(base, 100) + v;
            if (year < base) year += 100;
          }
        } else year = v;
        break;
      }
      case 'G': {
        const g = text.slice(pos, pos + 2).toUpperCase();
        if (g !== 'AD' && g !== 'BC') return null;
        bc = g === 'BC';
        pos += 2;
        break;
      }
      case 'M':
      case 'L': {
        const v = n >= 3 ? text3(MONTHS, n >= 4) : readNum(minW, maxW);
        if (v === null) return null;
        month = n >= 3 ? v + 1 : v;
        break;
      }
      case 'E': {
        if (text3(DAYS, n >= 4) === null) return null;
        break;
      }
      case 'a': {
        const a = text.slice(pos, pos + 2).toUpperCase();
        if (a !== 'AM' && a !== 'PM') return null;
        pm = a === 'PM';
        pos += 2;
        break;
      }
      case 'S': {
        const startPos = pos;
        const v = readNum(flavor === 'java' ? n : minW, flavor === 'java' ? n : maxW);
        if (v === null) return null;
        const digits = pos - startPos;
        nano = flavor === 'simple' ? v * 1_000_000 : v * 10 ** (9 - digits);
        break;
      }
      case 'Z':
      case 'X':
      case 'x':
      case 'z':
      case 'V': {
        const m = /^(Z|[+-]\d{2}(?::?\d{2})?)/.exec(text.slice(pos));
        if (!m) return null;
        pos += m[0].length;
        if (m[0] === 'Z') offset = 0;
        else {
          const digits = m[0].replace(':', '');
          const sign = digits[0] === '-' ? -1 : 1;
          offset = sign * (Number(digits.slice(1, 3)) * MILLIS_PER_HOUR + Number(digits.slice(3, 5) || '0') * MILLIS_PER_MINUTE);
        }
        break;
      }
      default: {
        const v = readNum(minW, maxW);
        if (v === null) return null;
        switch (t.letter) {
          case 'd':
            day = v;
            break;
          case 'D':
            dayOfYearField = v;
            break;
          case 'H':
            hour = v;
            break;
          case 'k':
            hour = v === 24 ? 0 : v;
            break;
          case 'K':
          case 'h':
            hour12 = v % 12;
            break;
          case 'm':
            minute = v;
            break;
          case 's':
            second = v;
            break;
          case 'n':
            nano = v;
            break;
          default:
            break; // week fields etc. are read but do not change the date
        }
      }
    }
  }
  if (flavor === 'java' && pos !== text.length) return null;
  if (hour12 !== null) hour = hour12 + (pm ? 12 : 0);
  else if (pm && hour < 12) hour += 12;
  if (bc) year = 1 - year;
  if (flavor === 'java' && (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)) return null;
  // Lenient roll-over (SimpleDateFormat): civilToMillis handles out-of-range day/time arithmetic.
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const mo = floorMod(m0, 12) + 1;
  let millis: number;
  if (dayOfYearField !== null) millis = civilToMillis(y, 1, 1, hour, minute, second, 0) + (dayOfYearField - 1) * MILLIS_PER_DAY;
  else millis = civilToMillis(y, mo, 1, hour, minute, second, 0) + (day - 1) * MILLIS_PER_DAY;
  millis += Math.floor(nano / 1_000_000);
  return { localMillis: millis, nanos: nano % 1_000_000, offsetMillis: offset };
}

function isNumericField(letter: string, count: number, flavor: PatternFlavor): boolean {
  if (letter === 'M' || letter === 'L') return count < 3;
  if (letter === 'S') return flavor === 'simple';
  return 'yYudDHkKhmsnwWFAe'.includes(letter);
}
