/**
 * Time zones with java.time semantics, backed by Intl (full ICU in Node 20).
 * Offsets are cached per zone and day: a day without a transition costs one Map lookup;
 * UTC and fixed offsets never touch Intl.
 */
import { MILLIS_PER_DAY, MILLIS_PER_HOUR, MILLIS_PER_MINUTE, civilToMillis } from './temporal-calendar.js';

interface DayOffsets {
  /** Offset at the start of the (UTC) day. */
  readonly start: number;
  /** Offset at the end of the day. */
  readonly end: number;
  /** First instant (epoch millis) at which `end` applies, when start ≠ end. */
  readonly transition: number;
}

interface ZoneInfo {
  /** Constant offset for UTC and offset ids; null for region zones. */
  readonly fixed: number | null;
  readonly fmt: Intl.DateTimeFormat | null;
  readonly days: Map<number, DayOffsets>;
}

const zones = new Map<string, ZoneInfo>();
const MAX_CACHED_DAYS = 200_000;

/** Parses `+8`, `+08`, `+0800`, `+08:00`, `+08:00:00` (as java.time ZoneOffset.of); millis or null. */
export function parseOffset(text: string): number | null {
  const m = /^([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  // ZoneOffset.of accepts 'H', 'HH', 'HHMM', 'HH:MM', 'HHMMSS', 'HH:MM:SS' only (no mixed colons).
  const body = text.slice(1);
  if (!/^(\d{1,2}|\d{2}:\d{2}|\d{4}|\d{2}:\d{2}:\d{2}|\d{6})$/.test(body)) return null;
  const h = Number(m[2]);
  const mi = m[3] ? Number(m[3]) : 0;
  const s = m[4] ? Number(m[4]) : 0;
  if (h > 18 || mi > 59 || s > 59) return null;
  const total = h * MILLIS_PER_HOUR + mi * MILLIS_PER_MINUTE + s * 1000;
  if (total > 18 * MILLIS_PER_HOUR) return null;
  return m[1] === '-' ? -total : total;
}

/** java.time's id of an offset: `Z`, `+08:00`, `-03:30`, `+05:45:30`. */
export function formatOffsetId(offsetMillis: number): string {
  if (offsetMillis === 0) return 'Z';
  const abs = Math.abs(offsetMillis);
  const h = Math.floor(abs / MILLIS_PER_HOUR);
  const mi = Math.floor((abs % MILLIS_PER_HOUR) / MILLIS_PER_MINUTE);
  const s = Math.floor((abs % MILLIS_PER_MINUTE) / 1000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${offsetMillis < 0 ? '-' : '+'}${p2(h)}:${p2(mi)}${s ? `:${p2(s)}` : ''}`;
}

function fixedOffsetOf(zone: string): number | null {
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT' || zone === 'UT') return 0;
  if (zone[0] === '+' || zone[0] === '-') return parseOffset(zone);
  const prefix = /^(UTC|GMT|UT)([+-].*)$/.exec(zone);
  if (prefix) return parseOffset(prefix[2]!);
  return null;
}

function intlZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone's canonical id (as java.time ZoneId.of(…).getId()), or null if it is not a valid zone. */
export function normalizeZone(zone: string): string | null {
  if (zone === 'Z') return 'Z';
  if (zone === 'UTC' || zone === 'GMT' || zone === 'UT') return zone;
  if (zone[0] === '+' || zone[0] === '-') {
    const off = parseOffset(zone);
    return off === null ? null : formatOffsetId(off);
  }
  const prefix = /^(UTC|GMT|UT)([+-].*)$/.exec(zone);
  if (prefix) {
    const off = parseOffset(prefix[2]!);
    if (off === null) return null;
    return off === 0 ? prefix[1]! : prefix[1]! + formatOffsetId(off);
  }
  // Region ids: java.time requires [A-Za-z][A-Za-z0-9~/._+-]+ and is case-sensitive.
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(zone)) return null;
  const resolved = intlZone(zone);
  if (resolved === null) return null;
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) return null;
  return zone;
}

let cachedSystemZone: string | undefined;
/** The machine's zone (TZ environment variable or the OS setting). */
export function systemZone(): string {
  cachedSystemZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return cachedSystemZone;
}

function zoneInfo(zone: string): ZoneInfo {
  let info = zones.get(zone);
  if (info) return info;
  const fixed = fixedOffsetOf(zone);
  let fmt: Intl.DateTimeFormat | null = null;
  if (fixed === null) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Invalid time zone: '${zone}'`);
    }
  }
  info = { fixed, fmt, days: new Map() };
  zones.set(zone, info);
  return info;
}

/** Offset by asking Intl for the wall clock at `epochMillis` (second resolution, as tzdb). */
function intlOffset(fmt: Intl.DateTimeFormat, epochMillis: number): number {
  const secondMillis = Math.floor(epochMillis / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of fmt.formatToParts(secondMillis)) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  if (bc) y = 1 - y;
  return civilToMillis(y, mo, d, h, mi, s, 0) - secondMillis;
}

function dayOffsets(info: ZoneInfo, day: number): DayOffsets {
  let e = info.days.get(day);
  if (e) return e;
  const fmt = info.fmt!;
  const t0 = day * MILLIS_PER_DAY;
  const t1 = t0 + MILLIS_PER_DAY - 1000;
  const start = intlOffset(fmt, t0);
  const end = intlOffset(fmt, t1);
  let transition = t0;
  if (start !== end) {
    // Binary search the first second with the new offset.
    let lo = t0;
    let hi = t1;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlOffset(fmt, mid) === start) lo = mid;
      else hi = mid;
    }
    transition = hi;
  }
  e = { start, end, transition };
  if (info.days.size >= MAX_CACHED_DAYS) info.days.clear();
  info.days.set(day, e);
  return e;
}

/** Offset in millis of `zone` at the instant `epochMillis`. */
export function zoneOffsetMillis(zone: string, epochMillis: number): number {
  const info = zoneInfo(zone);
  if (info.fixed !== null) return info.fixed;
  const e = dayOffsets(info, Math.floor(epochMillis / MILLIS_PER_DAY));
  return epochMillis < e.transition ? e.start : e.end;
}

/** Wall-clock millis in `zone` of an instant. */
export function instantMillisToLocal(epochMillis: number, zone: string): number {
  return epochMillis + zoneOffsetMillis(zone, epochMillis);
}

/**
 * Instant of a wall-clock time in `zone`, as java.time's LocalDateTime.atZone: in a gap the
 * time moves forward by the gap's length, in an overlap the earlier offset wins.
 */
export function localMillisToInstant(localMillis: number, zone: string): number {
  const info = zoneInfo(zone);
  if (info.fixed !== null) return localMillis - info.fixed;
  const before = zoneOffsetMillis(zone, localMillis - MILLIS_PER_DAY);
  const after = zoneOffsetMillis(zone, localMillis + MILLIS_PER_DAY);
  const a = localMillis - before;
  const aValid = zoneOffsetMillis(zone, a) === before;
  if (before === after) {
    if (aValid) return a;
  } else {
    const b = localMillis - after;
    const bValid = zoneOffsetMillis(zone, b) === after;
    if (aValid && bValid) return Math.min(a, b);
    if (aValid) return a;
    if (bValid) return b;
    // A gap: read the wall clock with the offset before the transition.
    return a;
  }
  // Rare: a transition within ±1 day in both directions; fall back to a direct check.
  const guess = localMillis - zoneOffsetMillis(zone, a);
  return zoneOffsetMillis(zone, guess) === localMillis - guess ? guess : a;
}
