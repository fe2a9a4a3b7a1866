/**
 * Date, time and timestamp arithmetic, parsing and formatting (values as in values.ts).
 * Time zones are IANA ids or offsets (`+08:00`, `UTC`, `GMT+8`), resolved with Intl.
 * Calendar helpers live in temporal-calendar.ts, zones in temporal-zone.ts, Java date patterns
 * in temporal-pattern.ts, unit arithmetic (EXTRACT, FLOOR/CEIL) in temporal-units.ts.
 */
import { Timestamp } from './values.js';
import {
  MILLIS_PER_DAY,
  MILLIS_PER_HOUR,
  MILLIS_PER_MINUTE,
  civilFromDays,
  civilToMillis,
  daysFromCivil,
  floorMod,
  lastDayOfMonth,
} from './temporal-calendar.js';
import { instantMillisToLocal, localMillisToInstant, parseOffset } from './temporal-zone.js';

export { normalizeZone, systemZone, zoneOffsetMillis } from './temporal-zone.js';

const DIGITS = /^[0-9]+$/;

/** Flink's date-validity check: years 0000–9999 and a real day of the month. */
export function isValidDate(y: number, m: number, d: number): boolean {
  return y >= 0 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

/**
 * `yyyy[-m[-d]]`, as Flink's CAST(string AS DATE): a time part after a space is ignored,
 * fields may be unpadded. Null if malformed or not a real date.
 */
export function parseDate(text: string): number | null {
  let s = text;
  const sp = s.indexOf(' ');
  if (sp > 0) s = s.slice(0, sp);
  const parts = s.split('-').map((p) => p.trim());
  if (parts.length > 3 || parts.some((p) => !DIGITS.test(p) || p.length > 9)) return null;
  const y = Number(parts[0]);
  const m = parts.length > 1 ? Number(parts[1]) : 1;
  const d = parts.length > 2 ? Number(parts[2]) : 1;
  if (!isValidDate(y, m, d)) return null;
  return daysFromCivil(y, m, d);
}

/**
 * Fraction digits to millis, rounding half up on the fourth digit (as Flink's parseFraction).
 */
function parseFractionMillis(f: string): number {
  let r = 0;
  let mult = 100;
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    r += mult * (c >= 48 && c <= 57 ? c - 48 : 0);
    if (mult < 10) {
      if (i + 1 < f.length && f.charCodeAt(i + 1) >= 53) r++;
      break;
    }
    mult /= 10;
  }
  return r;
}

/** `H[:m[:s[.fff]]]` with an optional trailing `±hh[:mm]` offset, as Flink's CAST(string AS TIME). */
export function parseTime(text: string): number | null {
  const m = /^\s*(\d{1,2})\s*(?::\s*(\d{1,2})\s*(?::\s*(\d{1,2})\s*(?:\.\s*(\d*))?)?)?\s*(?:([+-])\s*(\d{1,2})\s*(?::\s*(\d{1,2}))?\s*)?$/.exec(
    text,
  );
  if (!m) return null;
  let h = Number(m[1]);
  let mi = m[2] ? Number(m[2]) : 0;
  const s = m[3] ? Number(m[3]) : 0;
  const ms = m[4] ? parseFractionMillis(m[4]) : 0;
  if (m[5]) {
    const sign = m[5] === '-' ? -1 : 1;
    h += sign * Number(m[6]);
    mi += sign * (m[7] ? Number(m[7]) : 0);
  }
  const total = h * MILLIS_PER_HOUR + mi * MILLIS_PER_MINUTE + s * 1000 + ms;
  // Flink would build an out-of-range TIME here; we refuse it instead.
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s > 59 || total >= MILLIS_PER_DAY) return null;
  return total;
}

const TS_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?$/;

/** Parts of a timestamp string: wall-clock millis and nanos within the milli, or null. */
function parseTimestampParts(text: string): { millis: number; nanos: number } | null {
  const m = TS_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidDate(y, mo, d)) return null;
  const h = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const s = m[6] ? Number(m[6]) : 0;
  if (h > 23 || mi > 59 || s > 59) return null;
  const frac = (m[7] ?? '').padEnd(9, '0');
  const nanoOfSecond = Number(frac);
  return {
    millis: civilToMillis(y, mo, d, h, mi, s, Math.floor(nanoOfSecond / 1_000_000)),
    nanos: nanoOfSecond % 1_000_000,
  };
}

/**
 * `yyyy-M-d[ H:m[:s[.fffffffff]]]`, also with `T`; null if malformed. Flink's CAST accepts only
 * the space form with seconds; we also take the ISO `T` form and omitted seconds.
 */
export function parseTimestamp(text: string): Timestamp | null {
  const p = parseTimestampParts(text.trim());
  return p ? new Timestamp(p.millis, p.nanos) : null;
}

const DEFAULT_TS = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{0,9}))?)?$/;

/**
 * Exactly Flink's CAST / TO_TIMESTAMP form `yyyy-M-d[ H:m:s[.fffffffff]]` (space only, seconds
 * required); null otherwise. parseTimestamp is the lenient variant.
 */
export function parseTimestampStrict(text: string): Timestamp | null {
  const m = DEFAULT_TS.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isValidDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const nano = Number((m[7] ?? '').padEnd(9, '0'));
  return new Timestamp(civilToMillis(y, mo, d, h, mi, s, Math.floor(nano / 1_000_000)), nano % 1_000_000);
}

/**
 * A TIMESTAMP_LTZ string: a timestamp in `zone`, or with an explicit trailing offset
 * (`Z`, `+08:00`, ` +0800`), which then wins over `zone`.
 */
export function parseTimestampLtz(text: string, zone: string): Timestamp | null {
  const t = text.trim();
  const m = /^(.*?)\s*(Z|[+-]\d{1,2}(?::?\d{2})?)$/.exec(t);
  if (m && m[1]!.length >= 10 && /[ T]/.test(m[1]!)) {
    const p = parseTimestampParts(m[1]!);
    const off = m[2] === 'Z' ? 0 : parseOffset(m[2]!);
    if (p && off !== null) return new Timestamp(p.millis - off, p.nanos);
  }
  const p = parseTimestampParts(t);
  return p ? new Timestamp(localMillisToInstant(p.millis, zone), p.nanos) : null;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** `yyyy-MM-dd`. */
export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

function hms(millisOfDay: number): string {
  const h = Math.floor(millisOfDay / MILLIS_PER_HOUR);
  const mi = Math.floor((millisOfDay % MILLIS_PER_HOUR) / MILLIS_PER_MINUTE);
  const s = Math.floor((millisOfDay % MILLIS_PER_MINUTE) / 1000);
  return `${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

/**
 * `HH:mm:ss[.fff]`: as Flink, with precision > 0 the fraction shows at least one digit and
 * stops early at trailing zeros (`12:00:00.5`, `12:00:00.0`).
 */
export function formatTime(millisOfDay: number, precision: number): string {
  const t = floorMod(millisOfDay, MILLIS_PER_DAY);
  let out = hms(t);
  if (precision > 0) {
    let ms = t % 1000;
    out += '.';
    let p = precision;
    while (p > 0) {
      out += String(Math.floor(ms / 100));
      ms = (ms % 100) * 10;
      if (ms === 0) break;
      p--;
    }
  }
  return out;
}

/**
 * `yyyy-MM-dd HH:mm:ss[.fff…]` (Flink's CAST AS STRING form): nine fraction digits with trailing
 * zeros dropped down to `precision` digits.
 */
export function formatTimestamp(ts: Timestamp, precision: number): string {
  const days = Math.floor(ts.millis / MILLIS_PER_DAY);
  const tod = ts.millis - days * MILLIS_PER_DAY;
  let fraction = String((tod % 1000) * 1_000_000 + ts.nanos).padStart(9, '0');
  let end = fraction.length;
  while (end > precision && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  const base = `${formatDate(days)} ${hms(tod)}`;
  return fraction.length > 0 ? `${base}.${fraction}` : base;
}

/** java.time's LocalDateTime.toString form (`2020-04-15T08:05`, `…T08:05:00.123`), used by print. */
export function formatTimestampIso(ts: Timestamp): string {
  const days = Math.floor(ts.millis / MILLIS_PER_DAY);
  const tod = ts.millis - days * MILLIS_PER_DAY;
  return `${formatDate(days)}T${formatTimeIso(tod, ts.nanos)}`;
}

/** java.time's LocalTime.toString form: `HH:mm`, `HH:mm:ss`, then 3, 6 or 9 fraction digits. */
export function formatTimeIso(millisOfDay: number, nanosWithinMilli = 0): string {
  const h = Math.floor(millisOfDay / MILLIS_PER_HOUR);
  const mi = Math.floor((millisOfDay % MILLIS_PER_HOUR) / MILLIS_PER_MINUTE);
  const s = Math.floor((millisOfDay % MILLIS_PER_MINUTE) / 1000);
  const nano = (millisOfDay % 1000) * 1_000_000 + nanosWithinMilli;
  let out = `${pad2(h)}:${pad2(mi)}`;
  if (s > 0 || nano > 0) {
    out += `:${pad2(s)}`;
    if (nano > 0) {
      if (nano % 1_000_000 === 0) out += `.${String(nano / 1_000_000).padStart(3, '0')}`;
      else if (nano % 1000 === 0) out += `.${String(nano / 1000).padStart(6, '0')}`;
      else out += `.${String(nano).padStart(9, '0')}`;
    }
  }
  return out;
}

/** Drops fraction digits beyond `precision` (0–9), as Flink's DateTimeUtils.truncate. */
export function truncateTimestamp(ts: Timestamp, precision: number): Timestamp {
  if (precision >= 9) return ts;
  if (precision >= 3) {
    const unit = 10 ** (9 - precision);
    const nanos = ts.nanos - (ts.nanos % unit);
    return nanos === ts.nanos ? ts : new Timestamp(ts.millis, nanos);
  }
  const unit = 10 ** (3 - precision);
  const millis = ts.millis - floorMod(ts.millis, unit);
  return millis === ts.millis && ts.nanos === 0 ? ts : new Timestamp(millis, 0);
}

/** TIMESTAMP_LTZ instant → TIMESTAMP wall clock in `zone`. */
export function instantToLocal(ts: Timestamp, zone: string): Timestamp {
  return new Timestamp(instantMillisToLocal(ts.millis, zone), ts.nanos);
}

/** TIMESTAMP wall clock in `zone` → TIMESTAMP_LTZ instant (gaps move forward, overlaps take the earlier offset, like java.time). */
export function localToInstant(ts: Timestamp, zone: string): Timestamp {
  return new Timestamp(localMillisToInstant(ts.millis, zone), ts.nanos);
}

/** DATE → TIMESTAMP (midnight). */
export function dateToTimestamp(days: number): Timestamp {
  return new Timestamp(days * MILLIS_PER_DAY, 0);
}

/** TIMESTAMP → DATE (its day). */
export function timestampToDate(ts: Timestamp): number {
  return Math.floor(ts.millis / MILLIS_PER_DAY);
}

/** TIMESTAMP → TIME (its time of day, millis). */
export function timestampToTime(ts: Timestamp): number {
  return floorMod(ts.millis, MILLIS_PER_DAY);
}

/** A timestamp plus a DAY TO SECOND interval (millis). */
export function addMillis(ts: Timestamp, millis: number): Timestamp {
  return new Timestamp(ts.millis + millis, ts.nanos);
}

/** Wall clock of TIME plus an interval, wrapping around midnight as Flink does. */
export function addMillisToTime(millisOfDay: number, millis: number): number {
  return floorMod(millisOfDay + millis, MILLIS_PER_DAY);
}

/** TIMESTAMP_LTZ → DATE: the day of the instant in `zone`. */
export function timestampLtzToDate(ts: Timestamp, zone: string): number {
  return Math.floor(instantMillisToLocal(ts.millis, zone) / MILLIS_PER_DAY);
}

/** TIMESTAMP_LTZ → TIME: the time of day of the instant in `zone`. */
export function timestampLtzToTime(ts: Timestamp, zone: string): number {
  return floorMod(instantMillisToLocal(ts.millis, zone), MILLIS_PER_DAY);
}

/** DATE → TIMESTAMP_LTZ: midnight of that day in `zone`. */
export function dateToTimestampLtz(days: number, zone: string): Timestamp {
  return new Timestamp(localMillisToInstant(days * MILLIS_PER_DAY, zone), 0);
}

/** TIME → TIMESTAMP_LTZ: that time on 1970-01-01 in `zone` (as Flink). */
export function timeToTimestampLtz(millisOfDay: number, zone: string): Timestamp {
  return new Timestamp(localMillisToInstant(millisOfDay, zone), 0);
}

/** CAST(TIMESTAMP_LTZ AS STRING): the wall clock in `zone`, as formatTimestamp. */
export function formatTimestampLtz(ts: Timestamp, zone: string, precision: number): string {
  return formatTimestamp(instantToLocal(ts, zone), precision);
}

/** CAST(INTERVAL YEAR TO MONTH AS STRING), as Flink: `+1-06`, `-0-03`. */
export function formatIntervalYearMonth(months: number): string {
  const abs = Math.abs(months);
  return `${months < 0 ? '-' : '+'}${Math.floor(abs / 12)}-${pad2(abs % 12)}`;
}

/** CAST(INTERVAL DAY TO SECOND AS STRING), as Flink: `+2 03:04:05.000`. */
export function formatIntervalDayTime(millis: number): string {
  const abs = Math.abs(millis);
  const d = Math.floor(abs / MILLIS_PER_DAY);
  const rest = abs % MILLIS_PER_DAY;
  return `${millis < 0 ? '-' : '+'}${d} ${hms(rest)}.${String(rest % 1000).padStart(3, '0')}`;
}

export {
  MILLIS_PER_DAY,
  MILLIS_PER_HOUR,
  MILLIS_PER_MINUTE,
  addMonthsToDate,
  addMonthsToMillis,
  civilFromDays,
  daysFromCivil,
  dayOfWeek,
  dayOfYear,
  isoDayOfWeek,
  isoWeekDate,
  subtractMonthsDates,
  subtractMonthsMillis,
} from './temporal-calendar.js';
export { instantMillisToLocal, localMillisToInstant } from './temporal-zone.js';
