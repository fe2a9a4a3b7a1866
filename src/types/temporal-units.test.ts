import { describe, expect, it } from 'vitest';
import { formatDate, formatTimestamp, parseDate, parseTimestamp } from './temporal.js';
import { addMonthsToDate, isoWeekDate, subtractMonthsDates } from './temporal-calendar.js';
import { formatWithPattern } from './temporal-pattern.js';
import { parseWithPattern } from './temporal-pattern-parse.js';
import { extractFromDate, extractFromMillis, floorCeilDate, floorCeilInstant, floorCeilMillis, floorCeilTime, parseTimeUnit } from './temporal-units.js';
import { Timestamp } from './values.js';

const d = (s: string): number => parseDate(s)!;
const ms = (s: string): number => parseTimestamp(s)!.millis;

describe('calendar', () => {
  it('computes ISO weeks around year boundaries', () => {
    expect(isoWeekDate(d('2021-01-03'))).toEqual({ isoYear: 2020, week: 53 });
    expect(isoWeekDate(d('2021-01-04'))).toEqual({ isoYear: 2021, week: 1 });
    expect(isoWeekDate(d('2019-12-30'))).toEqual({ isoYear: 2020, week: 1 });
    expect(isoWeekDate(d('1994-09-27'))).toEqual({ isoYear: 1994, week: 39 });
    expect(isoWeekDate(d('1969-12-31'))).toEqual({ isoYear: 1970, week: 1 });
  });
  it('adds months with day clamping and subtracts months', () => {
    expect(formatDate(addMonthsToDate(d('2020-01-31'), 1))).toBe('2020-02-29');
    expect(formatDate(addMonthsToDate(d('2021-01-31'), 1))).toBe('2021-02-28');
    expect(formatDate(addMonthsToDate(d('2020-03-31'), -13))).toBe('2019-02-28');
    expect(formatDate(addMonthsToDate(d('1969-12-15'), 1))).toBe('1970-01-15');
    expect(subtractMonthsDates(d('2020-03-31'), d('2020-01-31'))).toBe(2);
    expect(subtractMonthsDates(d('2020-02-28'), d('2020-01-31'))).toBe(0);
    expect(subtractMonthsDates(d('2019-01-01'), d('2020-01-01'))).toBe(-12);
  });
});

describe('extract', () => {
  it('extracts date fields', () => {
    const x = d('1994-09-27');
    expect(extractFromDate('YEAR', x)).toBe(1994);
    expect(extractFromDate('QUARTER', x)).toBe(3);
    expect(extractFromDate('MONTH', x)).toBe(9);
    expect(extractFromDate('WEEK', x)).toBe(39);
    expect(extractFromDate('DOY', x)).toBe(270);
    expect(extractFromDate('DAY', x)).toBe(27);
    expect(extractFromDate('DOW', x)).toBe(3);
    expect(extractFromDate('ISODOW', x)).toBe(2);
    expect(extractFromDate('DECADE', x)).toBe(199);
    expect(extractFromDate('CENTURY', x)).toBe(20);
    expect(extractFromDate('MILLENNIUM', x)).toBe(2);
    expect(extractFromDate('EPOCH', x)).toBe(x * 86400);
  });
  it('extracts time fields, before 1970 too', () => {
    const t = ms('1994-09-27 13:14:15.678');
    expect(extractFromMillis('HOUR', t)).toBe(13);
    expect(extractFromMillis('MINUTE', t)).toBe(14);
    expect(extractFromMillis('SECOND', t)).toBe(15);
    expect(extractFromMillis('MILLISECOND', t)).toBe(678);
    expect(extractFromMillis('MICROSECOND', t, 9000)).toBe(678009);
    const old = ms('1969-12-31 23:59:58');
    expect(extractFromMillis('HOUR', old)).toBe(23);
    expect(extractFromMillis('SECOND', old)).toBe(58);
    expect(extractFromMillis('YEAR', old)).toBe(1969);
  });
  it('parses unit names', () => {
    expect(parseTimeUnit('sql_tsi_day')).toBe('DAY');
    expect(parseTimeUnit('Year')).toBe('YEAR');
    expect(parseTimeUnit('fortnight')).toBeNull();
  });
});

describe('floor / ceil', () => {
  it('rounds timestamps', () => {
    const t = ms('2020-05-17 12:44:31.5');
    const f = (u: Parameters<typeof floorCeilMillis>[0], floor: boolean) => formatTimestamp(new Timestamp(floorCeilMillis(u, t, floor)), 3);
    expect(f('MINUTE', true)).toBe('2020-05-17 12:44:00.000');
    expect(f('MINUTE', false)).toBe('2020-05-17 12:45:00.000');
    expect(f('HOUR', true)).toBe('2020-05-17 12:00:00.000');
    expect(f('DAY', false)).toBe('2020-05-18 00:00:00.000');
    expect(f('MONTH', true)).toBe('2020-05-01 00:00:00.000');
    expect(f('MONTH', false)).toBe('2020-06-01 00:00:00.000');
    expect(f('YEAR', true)).toBe('2020-01-01 00:00:00.000');
    expect(f('YEAR', false)).toBe('2021-01-01 00:00:00.000');
    expect(f('WEEK', true)).toBe('2020-05-17 00:00:00.000'); // a Sunday
    expect(f('QUARTER', true)).toBe('2020-04-01 00:00:00.000');
    expect(formatTimestamp(new Timestamp(floorCeilMillis('SECOND', ms('1969-12-31 23:59:59.5'), true)), 0)).toBe('1969-12-31 23:59:59');
  });
  it('rounds dates and times', () => {
    expect(formatDate(floorCeilDate('MONTH', d('2020-05-17'), true))).toBe('2020-05-01');
    expect(formatDate(floorCeilDate('MONTH', d('2020-12-17'), false))).toBe('2021-01-01');
    expect(formatDate(floorCeilDate('YEAR', d('2020-01-01'), false))).toBe('2020-01-01');
    expect(floorCeilTime('MINUTE', 12 * 3_600_000 + 44 * 60_000 + 31_000, true)).toBe(12 * 3_600_000 + 44 * 60_000);
    expect(floorCeilTime('MINUTE', 12 * 3_600_000 + 44 * 60_000 + 31_000, false)).toBe(12 * 3_600_000 + 45 * 60_000);
  });
  it('rounds instants in the session zone', () => {
    const la = 'America/Los_Angeles';
    // 2021-03-14 12:00 PDT = 19:00Z; the local day starts at 08:00Z (PST).
    const t = Date.parse('2021-03-14T19:00:00Z');
    expect(new Date(floorCeilInstant('DAY', t, la, true)).toISOString()).toBe('2021-03-14T07:00:00.000Z');
    expect(new Date(floorCeilInstant('HOUR', Date.parse('2021-06-01T10:30:00Z'), 'Asia/Kolkata', true)).toISOString()).toBe('2021-06-01T10:30:00.000Z');
    expect(new Date(floorCeilInstant('DAY', Date.parse('2021-06-01T10:30:00Z'), 'Asia/Shanghai', true)).toISOString()).toBe('2021-05-31T16:00:00.000Z');
  });
});

describe('java patterns', () => {
  const t = ms('2020-04-05 08:05:03.123');
  it('formats SimpleDateFormat and java.time patterns', () => {
    expect(formatWithPattern(t, 0, 'yyyy-MM-dd HH:mm:ss', 'simple')).toBe('2020-04-05 08:05:03');
    expect(formatWithPattern(t, 0, 'yyyyMMdd', 'simple')).toBe('20200405');
    expect(formatWithPattern(t, 0, "EEE, d MMM yy 'at' h:mm a", 'simple')).toBe('Sun, 5 Apr 20 at 8:05 AM');
    expect(formatWithPattern(t, 0, 'EEEE MMMM', 'java')).toBe('Sunday April');
    expect(formatWithPattern(t, 0, 'HH:mm:ss.SSS', 'simple')).toBe('08:05:03.123');
    expect(formatWithPattern(t, 456000, 'ss.SSSSSS', 'java')).toBe('03.123456');
    expect(formatWithPattern(t, 0, 'SSSS', 'simple')).toBe('0123');
    expect(formatWithPattern(t, 0, "''yy''", 'simple')).toBe("'20'");
    expect(formatWithPattern(t, 0, 'Z', 'simple', 8 * 3_600_000)).toBe('+0800');
    expect(() => formatWithPattern(t, 0, 'yyyy-bb', 'simple')).toThrow(/Illegal pattern character 'b'/);
  });
  it('parses leniently (simple) and strictly (java)', () => {
    expect(parseWithPattern('2020-4-5 8:5:3', 'yyyy-MM-dd HH:mm:ss', 'simple')!.localMillis).toBe(ms('2020-04-05 08:05:03'));
    expect(parseWithPattern('20200405', 'yyyyMMdd', 'simple')!.localMillis).toBe(ms('2020-04-05 00:00:00'));
    expect(parseWithPattern('2020-04-15 08:05:00.999', 'yyyy-MM-dd HH:mm:ss', 'simple')!.localMillis).toBe(ms('2020-04-15 08:05:00'));
    expect(parseWithPattern('2020-13-01', 'yyyy-MM-dd', 'simple')!.localMillis).toBe(ms('2021-01-01 00:00:00'));
    expect(parseWithPattern('2020-04-15', 'yyyy-MM-dd HH:mm:ss', 'simple')).toBeNull();
    expect(parseWithPattern('2020-4-5', 'yyyy-MM-dd', 'java')).toBeNull();
    expect(parseWithPattern('2020-04-05 08:05:03.5', 'yyyy-MM-dd HH:mm:ss.S', 'java')!.localMillis).toBe(ms('2020-04-05 08:05:03.5'));
    expect(parseWithPattern('05/Apr/2020:08:05:03 +0800', 'dd/MMM/yyyy:HH:mm:ss Z', 'simple')).toEqual({
      localMillis: ms('2020-04-05 08:05:03'),
      nanos: 0,
      offsetMillis: 8 * 3_600_000,
    });
    expect(parseWithPattern('08:05 PM', 'hh:mm a', 'simple')!.localMillis).toBe(ms('1970-01-01 20:05:00'));
  });
});
