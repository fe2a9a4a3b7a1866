/**
 * When a FULL lookup cache reloads, as Flink's PeriodicCacheReloadTrigger and
 * TimedCacheReloadTrigger schedule it, computed on the processing-time clock so tests can move it.
 */
import { PlanError } from '../../types/errors.js';

const DAY = 86_400_000;

/** A time of day from `lookup.full-cache.timed-reload.iso-time` (Java's LocalTime or OffsetTime). */
export interface ReloadTime {
  readonly millisOfDay: number;
  /** A fixed UTC offset in minutes (`10:15+07:00`, `10:15Z`); absent, the process's local zone (a Java LocalTime). */
  readonly offsetMinutes?: number;
}

export type ReloadSchedule =
  /** FIXED_DELAY counts the interval from the end of a load, FIXED_RATE from its start. */
  | { readonly strategy: 'PERIODIC'; readonly interval: number; readonly mode: 'FIXED_DELAY' | 'FIXED_RATE' }
  /** The first reload at the next `time`, then every `intervalDays` days. */
  | { readonly strategy: 'TIMED'; readonly time: ReloadTime; readonly intervalDays: number };

/** The local zone's UTC offset in minutes at an instant. */
export type ZoneOffset = (millis: number) => number;
export const processZoneOffset: ZoneOffset = (millis) => -new Date(millis).getTimezoneOffset();

/**
 * The first reload after the load at job start, which ran from `start` to `end`. Both triggers load
 * at once when opened; PERIODIC then waits its interval, TIMED until its time of day comes (today or
 * tomorrow, in its offset or the local zone).
 */
export function firstReload(s: ReloadSchedule, start: number, end: number, zone: ZoneOffset): number {
  if (s.strategy === 'PERIODIC') return (s.mode === 'FIXED_DELAY' ? end : start) + s.interval;
  const offset = s.time.offsetMinutes ?? zone(start);
  const nowOfDay = (((start + offset * 60_000) % DAY) + DAY) % DAY;
  const delay = s.time.millisOfDay - nowOfDay;
  return start + (delay < 0 ? delay + DAY : delay);
}

/**
 * The reload after the one due at `due` whose load took `loadMillis`. Reloads only happen when a
 * lookup comes, so instants already past at `now` are skipped: the table read now is the newest.
 */
export function nextReload(s: ReloadSchedule, due: number, loadMillis: number, now: number): number {
  const period = s.strategy === 'PERIODIC' ? s.interval : s.intervalDays * DAY;
  let next = due + period + (s.strategy === 'PERIODIC' && s.mode === 'FIXED_DELAY' ? loadMillis : 0);
  if (next <= now) next += Math.ceil((now - next + 1) / period) * period;
  return next;
}

const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?/;
const OFFSET = /^(?:Z|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)/;

/** Parses an ISO-8601 time as Java's DateTimeFormatter.ISO_TIME does (`10:15`, `10:15:30.5`, `10:15Z`, `10:15+07:00`), with its messages. */
export function parseReloadTime(key: string, text: string): ReloadTime {
  const fail = (why: string) => new PlanError(`Invalid value for option '${key}'.`, undefined, `Text '${text}' could not be parsed${why}`);
  const t = TIME.exec(text);
  if (!t) throw fail(` at index ${failIndex(text)}`);
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (hour > 23) throw fail(`: Invalid value for HourOfDay (valid values 0 - 23): ${hour}`);
  if (minute > 59) throw fail(`: Invalid value for MinuteOfHour (valid values 0 - 59): ${minute}`);
  if (second > 59) throw fail(`: Invalid value for SecondOfMinute (valid values 0 - 59): ${second}`);
  const millisOfDay = ((hour * 60 + minute) * 60 + second) * 1000 + Math.floor(Number(`0.${t[4] ?? '0'}`) * 1000);
  const rest = text.slice(t[0].length);
  if (rest === '') return { millisOfDay };
  const o = OFFSET.exec(rest);
  if (!o) throw fail(`, unparsed text found at index ${t[0].length}`);
  if (o[0].length < rest.length) throw fail(`, unparsed text found at index ${t[0].length + o[0].length}`);
  const minutes = o[1] === undefined ? 0 : (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  return { millisOfDay, offsetMinutes: minutes };
}

/** Where `HH:mm` stops matching: Java reports the first index its parser could not read. */
function failIndex(text: string): number {
  const shape = '00:00';
  for (let i = 0; i < shape.length; i++) {
    const c = text[i];
    if (c === undefined || (shape[i] === ':' ? c !== ':' : !/\d/.test(c))) return shape[i] === ':' || i % 3 === 0 ? i : i - 1;
  }
  return shape.length;
}
