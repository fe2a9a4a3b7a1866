/**
 * The date/time text forms Flink's JSON and CSV formats read and write (java.time formatters:
 * ISO_LOCAL_DATE, ISO_LOCAL_TIME, and Flink's SQL timestamp format `yyyy-MM-dd HH:mm:ss[.f]`).
 */
import { Timestamp } from '../../../types/values.js';
import { civilFromDays, daysFromCivil } from '../../../types/temporal-calendar.js';
import { isValidDate } from '../../../types/temporal.js';

const MS_PER_DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO_LOCAL_DATE `yyyy-MM-dd` → days; null if malformed. */
export function parseIsoDate(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return isValidDate(y, mo, d) ? daysFromCivil(y, mo, d) : null;
}

/** java.sql.Date.valueOf: `yyyy-[m]m-[d]d`. */
export function parseSqlDate(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return isValidDate(y, mo, d) ? daysFromCivil(y, mo, d) : null;
}

/** Time of day as millis plus nanos within the milli. */
export interface TimeOfDay {
  millis: number;
  nanos: number;
}

/** `HH:mm[:ss[.f{1,9}]]`; `secondsRequired` for Flink's SQL time format `HH:mm:ss[.f]`. */
export function parseTimeOfDay(text: string, secondsRequired: boolean): TimeOfDay | null {
  const m = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(text);
  if (!m) return null;
  if (secondsRequired && m[3] === undefined) return null;
  const h = Number(m[1]), mi = Number(m[2]), s = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || mi > 59 || s > 59) return null;
  const frac = (m[4] ?? '').padEnd(9, '0');
  const nanosOfSecond = Number(frac);
  return {
    millis: ((h * 60 + mi) * 60 + s) * 1000 + Math.floor(nanosOfSecond / 1e6),
    nanos: nanosOfSecond % 1e6,
  };
}

/** `<date><sep><time>[Z]` → Timestamp (wall clock read as UTC). */
export function parseDateTime(text: string, sep: ' ' | 'T', secondsRequired: boolean, zulu: boolean): Timestamp | null {
  if (zulu) {
    if (!text.endsWith('Z')) return null;
    text = text.slice(0, -1);
  }
  const i = text.indexOf(sep);
  if (i !== 10) return null;
  const days = parseIsoDate(text.slice(0, 10));
  const tod = parseTimeOfDay(text.slice(11), secondsRequired);
  if (days === null || tod === null) return null;
  return new Timestamp(days * MS_PER_DAY + tod.millis, tod.nanos);
}

/** java.sql.Timestamp.valueOf: `yyyy-[m]m-[d]d hh:mm:ss[.f{1,9}]`. */
export function parseSqlTimestampValueOf(text: string): Timestamp | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const h = Number(m[4]), mi = Number(m[5]), s = Number(m[6]);
  if (!isValidDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const ns = Number((m[7] ?? '').padEnd(9, '0'));
  const millis = daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + Math.floor(ns / 1e6);
  return new Timestamp(millis, ns % 1e6);
}

const p2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

export function formatIsoDate(days: number): string {
  const { year: y, month: m, day: d } = civilFromDays(days);
  const ys = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : y > 9999 ? `+${y}` : `-${String(-y).padStart(4, '0')}`;
  return `${ys}-${p2(m)}-${p2(d)}`;
}

/** Fraction as java.time's appendFraction(NANO, 0, 9, true): omitted when zero, trailing zeros dropped. */
function fraction(nanosOfSecond: number): string {
  if (nanosOfSecond === 0) return '';
  return `.${String(nanosOfSecond).padStart(9, '0').replace(/0+$/, '')}`;
}

/** `HH:mm:ss[.f]` (ISO_LOCAL_TIME / Flink SQL time format when printing). */
export function formatTimeOfDay(millisOfDay: number, nanos = 0, withFraction = true): string {
  const s = Math.floor(millisOfDay / 1000);
  const base = `${p2(Math.floor(s / 3600))}:${p2(Math.floor(s / 60) % 60)}:${p2(s % 60)}`;
  return withFraction ? base + fraction((millisOfDay % 1000) * 1e6 + nanos) : base;
}

export function formatDateTime(ts: Timestamp, sep: ' ' | 'T', zulu: boolean): string {
  const days = Math.floor(ts.millis / MS_PER_DAY);
  const tod = ts.millis - days * MS_PER_DAY;
  return `${formatIsoDate(days)}${sep}${formatTimeOfDay(tod, ts.nanos)}${zulu ? 'Z' : ''}`;
}
