/**
 * Proleptic Gregorian calendar arithmetic on epoch days (as java.time's LocalDate), exact for
 * every year Flink supports (0000–9999) and beyond.
 */

export const MILLIS_PER_SECOND = 1000;
export const MILLIS_PER_MINUTE = 60_000;
export const MILLIS_PER_HOUR = 3_600_000;
export const MILLIS_PER_DAY = 86_400_000;

/** Floor division and modulo (as Math.floorDiv / floorMod). */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}
export function floorMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r + 0;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function lastDayOfMonth(y: number, m: number): number {
  switch (m) {
    case 2:
      return isLeapYear(y) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** Days since 1970-01-01 of a civil date (Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Civil date of days since 1970-01-01 (Hinnant's civil_from_days). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOfDays(days: number): number {
  return civilFromDays(days).year;
}

/** Day of week as Flink's DAYOFWEEK / EXTRACT(DOW): 1 = Sunday … 7 = Saturday. */
export function dayOfWeek(days: number): number {
  return floorMod(days + 4, 7) + 1;
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(days: number): number {
  return floorMod(days + 3, 7) + 1;
}

/** 1-based day of the year. */
export function dayOfYear(days: number): number {
  return days - daysFromCivil(civilFromDays(days).year, 1, 1) + 1;
}

/** Days of the Monday that starts ISO week 1 of `isoYear`. */
function isoWeek1Monday(isoYear: number): number {
  const jan4 = daysFromCivil(isoYear, 1, 4);
  return jan4 - (isoDayOfWeek(jan4) - 1);
}

/** ISO-8601 week-based year and week number (1–53). */
export function isoWeekDate(days: number): { isoYear: number; week: number } {
  const y = civilFromDays(days).year;
  let isoYear = y;
  if (days >= isoWeek1Monday(y + 1)) isoYear = y + 1;
  else if (days < isoWeek1Monday(y)) isoYear = y - 1;
  return { isoYear, week: Math.floor((days - isoWeek1Monday(isoYear)) / 7) + 1 };
}

/** Adds months to a date, clamping the day to the target month's last day (as Flink/java.time). */
export function addMonthsToDate(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const m0 = month - 1 + months;
  const y = year + Math.floor(m0 / 12);
  const m = floorMod(m0, 12) + 1;
  return daysFromCivil(y, m, Math.min(day, lastDayOfMonth(y, m)));
}

/** Adds months to epoch millis (wall clock), keeping the time of day. */
export function addMonthsToMillis(millis: number, months: number): number {
  const tod = floorMod(millis, MILLIS_PER_DAY);
  const days = (millis - tod) / MILLIS_PER_DAY;
  return addMonthsToDate(days, months) * MILLIS_PER_DAY + tod;
}

/** Whole months from date1 to date0 (Flink's DateTimeUtils.subtractMonths on dates). */
export function subtractMonthsDates(date0: number, date1: number): number {
  if (date0 < date1) return -subtractMonthsDates(date1, date0);
  let m = Math.floor((date0 - date1) / 31);
  for (;;) {
    if (addMonthsToDate(date1, m) >= date0) return m;
    if (addMonthsToDate(date1, m + 1) > date0) return m;
    m++;
  }
}

/** Whole months from t1 to t0 (epoch millis; Flink's subtractMonths on timestamps). */
export function subtractMonthsMillis(t0: number, t1: number): number {
  const millis0 = floorMod(t0, MILLIS_PER_DAY);
  const d0 = (t0 - millis0) / MILLIS_PER_DAY;
  const millis1 = floorMod(t1, MILLIS_PER_DAY);
  const d1 = (t1 - millis1) / MILLIS_PER_DAY;
  let x = subtractMonthsDates(d0, d1);
  if (addMonthsToDate(d1, x) === d0 && millis0 < millis1) x--;
  return x;
}

/** Date part of wall-clock millis. */
export function millisToDays(millis: number): number {
  return Math.floor(millis / MILLIS_PER_DAY);
}

/** Time-of-day part of wall-clock millis. */
export function millisToTimeOfDay(millis: number): number {
  return floorMod(millis, MILLIS_PER_DAY);
}

/** Epoch millis of a civil date-time read as UTC. */
export function civilToMillis(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  return daysFromCivil(y, mo, d) * MILLIS_PER_DAY + h * MILLIS_PER_HOUR + mi * MILLIS_PER_MINUTE + s * 1000 + ms;
}
