/**
 * Time units as in Flink's DateTimeUtils.TimeUnitRange: EXTRACT fields, FLOOR/CEIL … TO unit,
 * TIMESTAMPADD/TIMESTAMPDIFF units. Values are those of values.ts.
 */
import {
  MILLIS_PER_DAY,
  MILLIS_PER_HOUR,
  MILLIS_PER_MINUTE,
  addMonthsToDate,
  civilFromDays,
  dayOfWeek,
  dayOfYear,
  daysFromCivil,
  floorMod,
  isoDayOfWeek,
  isoWeekDate,
} from './temporal-calendar.js';
import { zoneOffsetMillis } from './temporal-zone.js';

export type TimeUnit =
  | 'MILLENNIUM'
  | 'CENTURY'
  | 'DECADE'
  | 'YEAR'
  | 'ISOYEAR'
  | 'QUARTER'
  | 'MONTH'
  | 'WEEK'
  | 'DAY'
  | 'DOW'
  | 'ISODOW'
  | 'DOY'
  | 'HOUR'
  | 'MINUTE'
  | 'SECOND'
  | 'MILLISECOND'
  | 'MICROSECOND'
  | 'NANOSECOND'
  | 'EPOCH';

const UNITS: ReadonlySet<string> = new Set([
  'MILLENNIUM',
  'CENTURY',
  'DECADE',
  'YEAR',
  'ISOYEAR',
  'QUARTER',
  'MONTH',
  'WEEK',
  'DAY',
  'DOW',
  'ISODOW',
  'DOY',
  'HOUR',
  'MINUTE',
  'SECOND',
  'MILLISECOND',
  'MICROSECOND',
  'NANOSECOND',
  'EPOCH',
]);

/** `year`, `SQL_TSI_DAY`, `FRAC_SECOND` … → the unit, or null. */
export function parseTimeUnit(text: string): TimeUnit | null {
  let u = text.trim().toUpperCase();
  if (u.startsWith('SQL_TSI_')) u = u.slice(8);
  if (u === 'FRAC_SECOND') u = 'MICROSECOND';
  if (u === 'DAYOFWEEK') u = 'DOW';
  if (u === 'DAYOFYEAR') u = 'DOY';
  return UNITS.has(u) ? (u as TimeUnit) : null;
}

/** Milliseconds of the fixed-length units (DAY and below). */
export const UNIT_MILLIS: Partial<Record<TimeUnit, number>> = {
  WEEK: 7 * MILLIS_PER_DAY,
  DAY: MILLIS_PER_DAY,
  HOUR: MILLIS_PER_HOUR,
  MINUTE: MILLIS_PER_MINUTE,
  SECOND: 1000,
  MILLISECOND: 1,
};

/** Months of the calendar units. */
export const UNIT_MONTHS: Partial<Record<TimeUnit, number>> = {
  MILLENNIUM: 12000,
  CENTURY: 1200,
  DECADE: 120,
  YEAR: 12,
  QUARTER: 3,
  MONTH: 1,
};

/** EXTRACT of a date field from a DATE (days since epoch). */
export function extractFromDate(unit: TimeUnit, days: number): number {
  switch (unit) {
    case 'EPOCH':
      return days * 86400;
    case 'YEAR':
      return civilFromDays(days).year;
    case 'MONTH':
      return civilFromDays(days).month;
    case 'DAY':
      return civilFromDays(days).day;
    case 'QUARTER':
      return Math.floor((civilFromDays(days).month + 2) / 3);
    case 'DOW':
      return dayOfWeek(days);
    case 'ISODOW':
      return isoDayOfWeek(days);
    case 'DOY':
      return dayOfYear(days);
    case 'WEEK':
      return isoWeekDate(days).week;
    case 'ISOYEAR':
      return isoWeekDate(days).isoYear;
    case 'DECADE':
      return Math.trunc(civilFromDays(days).year / 10);
    case 'CENTURY': {
      const y = civilFromDays(days).year;
      return y > 0 ? Math.trunc((y + 99) / 100) : Math.trunc((y - 99) / 100);
    }
    case 'MILLENNIUM': {
      const y = civilFromDays(days).year;
      return y > 0 ? Math.trunc((y + 999) / 1000) : Math.trunc((y - 999) / 1000);
    }
    default:
      // Time fields of a DATE are zero.
      return 0;
  }
}

/** EXTRACT of a time field from a time of day (millis), with nanos within the milli. */
export function extractFromTimeOfDay(unit: TimeUnit, millisOfDay: number, nanos = 0): number {
  switch (unit) {
    case 'HOUR':
      return Math.floor(millisOfDay / MILLIS_PER_HOUR);
    case 'MINUTE':
      return Math.floor((millisOfDay % MILLIS_PER_HOUR) / MILLIS_PER_MINUTE);
    case 'SECOND':
      return Math.floor((millisOfDay % MILLIS_PER_MINUTE) / 1000);
    case 'MILLISECOND':
      return millisOfDay % 1000;
    case 'MICROSECOND':
      return (millisOfDay % 1000) * 1000 + Math.floor(nanos / 1000);
    case 'NANOSECOND':
      return (millisOfDay % 1000) * 1_000_000 + nanos;
    case 'EPOCH':
      return Math.trunc(millisOfDay / 1000);
    default:
      return 0;
  }
}

const TIME_FIELDS: ReadonlySet<TimeUnit> = new Set(['HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND']);

/** EXTRACT from wall-clock millis (a TIMESTAMP, or a TIMESTAMP_LTZ moved to the session zone). */
export function extractFromMillis(unit: TimeUnit, millis: number, nanos = 0): number {
  if (unit === 'EPOCH') return Math.trunc(millis / 1000);
  const days = Math.floor(millis / MILLIS_PER_DAY);
  if (TIME_FIELDS.has(unit)) return extractFromTimeOfDay(unit, millis - days * MILLIS_PER_DAY, nanos);
  return extractFromDate(unit, days);
}

/** Calendar floor/ceil of a date to YEAR, QUARTER, MONTH, WEEK (Sunday), DECADE, CENTURY, MILLENNIUM or DAY. */
export function floorCeilDate(unit: TimeUnit, days: number, floor: boolean): number {
  const { year, month, day } = civilFromDays(days);
  switch (unit) {
    case 'MILLENNIUM': {
      const base = 1000 * Math.trunc((year + 999) / 1000);
      return daysFromCivil(floor ? base - 999 : base + 1, 1, 1);
    }
    case 'CENTURY': {
      const base = 100 * Math.trunc((year + 99) / 100);
      return daysFromCivil(floor ? base - 99 : base + 1, 1, 1);
    }
    case 'DECADE':
      return daysFromCivil(floor ? 10 * Math.trunc(year / 10) : 10 * (1 + Math.trunc(year / 10)), 1, 1);
    case 'YEAR':
      return daysFromCivil(!floor && (month > 1 || day > 1) ? year + 1 : year, 1, 1);
    case 'QUARTER': {
      let q = Math.floor((month + 2) / 3);
      // As Flink: any date after January 1st rounds up to the next quarter start.
      if (!floor && (month > 1 || day > 1)) q += 1;
      return q > 4 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, q * 3 - 2, 1);
    }
    case 'MONTH':
      return !floor && day > 1 ? addMonthsToDate(daysFromCivil(year, month, 1), 1) : daysFromCivil(year, month, 1);
    case 'WEEK': {
      let offset = dayOfWeek(days) - 1; // Sunday = 0
      if (!floor && offset > 0) offset -= 7;
      return days - offset;
    }
    case 'DAY':
      return days;
    default:
      throw new RangeError(`Cannot round a date to ${unit}`);
  }
}

const CALENDAR_UNITS: ReadonlySet<TimeUnit> = new Set(['MILLENNIUM', 'CENTURY', 'DECADE', 'YEAR', 'QUARTER', 'MONTH', 'WEEK']);

function floorTo(a: number, b: number): number {
  return a - floorMod(a, b);
}
function ceilTo(a: number, b: number): number {
  const r = floorMod(a, b);
  return r === 0 ? a : a - r + b;
}

/**
 * FLOOR/CEIL of TIMESTAMP wall-clock millis. Calendar units round the date only, as Flink
 * (so CEIL of a time on the 1st of a month TO MONTH stays on that day).
 */
export function floorCeilMillis(unit: TimeUnit, millis: number, floor: boolean): number {
  if (CALENDAR_UNITS.has(unit)) {
    return floorCeilDate(unit, Math.floor(millis / MILLIS_PER_DAY), floor) * MILLIS_PER_DAY;
  }
  const m = UNIT_MILLIS[unit];
  if (m === undefined) throw new RangeError(`Cannot round a timestamp to ${unit}`);
  return floor ? floorTo(millis, m) : ceilTo(millis, m);
}

/** FLOOR/CEIL of a TIMESTAMP_LTZ instant in `zone` (as Flink's timestampFloor/Ceil). */
export function floorCeilInstant(unit: TimeUnit, epochMillis: number, zone: string, floor: boolean): number {
  if (unit === 'HOUR' || unit === 'DAY' || CALENDAR_UNITS.has(unit)) {
    const offset = zoneOffsetMillis(zone, epochMillis);
    return floorCeilMillis(unit, epochMillis + offset, floor) - offset;
  }
  const m = UNIT_MILLIS[unit];
  if (m === undefined) throw new RangeError(`Cannot round a timestamp to ${unit}`);
  return floor ? floorTo(epochMillis, m) : ceilTo(epochMillis, m);
}

/** FLOOR/CEIL of a TIME (millis of day) to HOUR, MINUTE, SECOND or MILLISECOND. */
export function floorCeilTime(unit: TimeUnit, millisOfDay: number, floor: boolean): number {
  const m = UNIT_MILLIS[unit];
  // DAY and larger units round a time of day to midnight.
  if (m === undefined || m >= MILLIS_PER_DAY) return 0;
  return floorMod(floor ? floorTo(millisOfDay, m) : ceilTo(millisOfDay, m), MILLIS_PER_DAY);
}
