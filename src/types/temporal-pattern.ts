/**
 * Java date patterns (`yyyy-MM-dd HH:mm:ss`, `EEE`, `MMM`, quoted text) for DATE_FORMAT,
 * FROM_UNIXTIME, UNIX_TIMESTAMP, TO_DATE and TO_TIMESTAMP. Two flavours, as in Flink:
 * 'simple' is java.text.SimpleDateFormat (lenient, `S` = milliseconds), 'java' is
 * java.time DateTimeFormatter (strict widths, `S` = fraction of second).
 */
import { RuntimeError } from './errors.js';
import {
  MILLIS_PER_DAY,
  MILLIS_PER_HOUR,
  MILLIS_PER_MINUTE,
  civilFromDays,
  dayOfWeek,
  dayOfYear,
  floorMod,
  isoWeekDate,
} from './temporal-calendar.js';
import { formatOffsetId } from './temporal-zone.js';

export type PatternFlavor = 'simple' | 'java';

type Token = { readonly kind: 'field'; readonly letter: string; readonly count: number } | { readonly kind: 'text'; readonly text: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LETTERS = new Set('GyYuMLdDEeaHkKhmsSnAwWFzZXxVQq'.split(''));

const tokenCache = new Map<string, readonly Token[]>();

/** Splits a pattern into fields and literal text; throws on letters Java rejects. */
export function tokenizePattern(pattern: string): readonly Token[] {
  const cached = tokenCache.get(pattern);
  if (cached) return cached;
  const out: Token[] = [];
  let i = 0;
  const pushText = (t: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + t };
    else out.push({ kind: 'text', text: t });
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        pushText("'");
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length) throw new RuntimeError(`Unterminated quote in date pattern '${pattern}'`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j];
        j++;
      }
      pushText(text);
      i = j + 1;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (!LETTERS.has(c)) throw new RuntimeError(`Illegal pattern character '${c}' in date pattern '${pattern}'`);
      let j = i;
      while (pattern[j] === c) j++;
      out.push({ kind: 'field', letter: c, count: j - i });
      i = j;
    } else {
      pushText(c);
      i++;
    }
  }
  if (tokenCache.size > 1000) tokenCache.clear();
  tokenCache.set(pattern, out);
  return out;
}

const pad = (n: number, w: number): string => {
  const s = String(Math.abs(n)).padStart(w, '0');
  return n < 0 ? `-${s}` : s;
};

/** Formats a wall-clock time (`localMillis` read as UTC, plus nanos) with a Java pattern. */
export function formatWithPattern(
  localMillis: number,
  nanosWithinMilli: number,
  pattern: string,
  flavor: PatternFlavor,
  offsetMillis = 0,
  zoneId = 'UTC',
): string {
  const days = Math.floor(localMillis / MILLIS_PER_DAY);
  const tod = localMillis - days * MILLIS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(tod / MILLIS_PER_HOUR);
  const minute = Math.floor((tod % MILLIS_PER_HOUR) / MILLIS_PER_MINUTE);
  const second = Math.floor((tod % MILLIS_PER_MINUTE) / 1000);
  const milli = tod % 1000;
  const nano = milli * 1_000_000 + nanosWithinMilli;
  let out = '';
  for (const t of tokenizePattern(pattern)) {
    if (t.kind === 'text') {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y': {
        const y = t.letter === 'Y' ? isoWeekDate(days).isoYear : year;
        out += n === 2 ? pad(floorMod(y, 100), 2) : pad(y, n);
        break;
      }
      case 'u':
        if (flavor === 'simple') out += pad(((dayOfWeek(days) + 5) % 7) + 1, n);
        else out += n === 2 ? pad(floorMod(year, 100), 2) : pad(year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[month - 1] : n === 3 ? MONTHS[month - 1]!.slice(0, 3) : pad(month, n);
        break;
      case 'd':
        out += pad(day, n);
        break;
      case 'D':
        out += pad(dayOfYear(days), n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[dayOfWeek(days) - 1] : DAYS[dayOfWeek(days) - 1]!.slice(0, 3);
        break;
      case 'e':
        out += pad(dayOfWeek(days), n);
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(hour, n);
        break;
      case 'k':
        out += pad(hour === 0 ? 24 : hour, n);
        break;
      case 'K':
        out += pad(hour % 12, n);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
        break;
      case 'm':
        out += pad(minute, n);
        break;
      case 's':
        out += pad(second, n);
        break;
      case 'S':
        // SimpleDateFormat prints milliseconds as a number; java.time prints the fraction.
        out += flavor === 'simple' ? pad(milli, n) : String(nano).padStart(9, '0').slice(0, Math.min(n, 9)).padEnd(n, '0');
        break;
      case 'n':
        out += pad(nano, n);
        break;
      case 'A':
        out += pad(tod, n);
        break;
      case 'w':
        out += pad(isoWeekDate(days).week, n);
        break;
      case 'W':
        out += pad(Math.floor((day - 1 + ((dayOfWeek(days - day + 1) + 5) % 7)) / 7) + 1, n);
        break;
      case 'F':
        out += pad(Math.floor((day - 1) / 7) + 1, n);
        break;
      case 'Q':
      case 'q':
        out += n >= 3 ? `Q${Math.ceil(month / 3)}` : pad(Math.ceil(month / 3), n);
        break;
      case 'z':
      case 'V':
        out += zoneId;
        break;
      case 'Z':
        out += offsetCompact(offsetMillis);
        break;
      case 'X':
        out += offsetMillis === 0 ? 'Z' : n === 1 ? offsetCompact(offsetMillis).slice(0, 3) : n === 2 ? offsetCompact(offsetMillis) : formatOffsetId(offsetMillis);
        break;
      case 'x':
        out += n === 1 ? offsetCompact(offsetMillis).slice(0, 3) : n === 2 ? offsetCompact(offsetMillis) : offsetMillis === 0 ? '+00:00' : formatOffsetId(offsetMillis);
        break;
      default:
        throw new RuntimeError(`Unsupported pattern letter '${t.letter}' in '${pattern}'`);
    }
  }
  return out;
}

function offsetCompact(offsetMillis: number): string {
  const abs = Math.abs(offsetMillis);
  const h = Math.floor(abs / MILLIS_PER_HOUR);
  const m = Math.floor((abs % MILLIS_PER_HOUR) / MILLIS_PER_MINUTE);
  return `${offsetMillis < 0 ? '-' : '+'}${pad(h, 2)}${pad(m, 2)}`;
}
