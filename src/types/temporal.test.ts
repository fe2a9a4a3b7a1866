import { describe, expect, it } from 'vitest';
import { Timestamp } from './values.js';
import {
  formatDate,
  formatTime,
  formatTimeIso,
  formatTimestamp,
  formatTimestampIso,
  instantToLocal,
  localToInstant,
  normalizeZone,
  parseDate,
  parseTime,
  parseTimestamp,
  parseTimestampLtz,
  systemZone,
  truncateTimestamp,
  zoneOffsetMillis,
} from './temporal.js';

const H = 3_600_000;
const utc = (s: string): number => Date.parse(`${s}Z`);

describe('parseDate / formatDate', () => {
  it('round-trips dates across eras', () => {
    for (const s of ['1970-01-01', '2020-04-15', '1969-12-31', '0001-01-01', '9999-12-31', '2000-02-29', '1900-03-01', '0000-01-01']) {
      const d = parseDate(s);
      expect(d).not.toBeNull();
      expect(formatDate(d!)).toBe(s);
    }
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('1969-12-31')).toBe(-1);
    expect(parseDate('2020-04-15')).toBe(18367);
    expect(parseDate('0001-01-01')).toBe(-719162);
  });
  it('accepts Flink leniencies and rejects bad dates', () => {
    expect(parseDate('2020-4-5')).toBe(parseDate('2020-04-05'));
    expect(parseDate('2017-12-12 09:30:00.0')).toBe(parseDate('2017-12-12'));
    expect(parseDate('2020')).toBe(parseDate('2020-01-01'));
    expect(parseDate('2019-02-29')).toBeNull();
    expect(parseDate('2020-13-01')).toBeNull();
    expect(parseDate('2020-04-31')).toBeNull();
    expect(parseDate('abc')).toBeNull();
    expect(parseDate('2020-04-15T08:00')).toBeNull();
  });
  it('matches Date for every day of a 2000-year span (sampled)', () => {
    for (let d = -700000; d < 2_900_000; d += 997) {
      const iso = new Date(d * 86_400_000).toISOString();
      if (iso.startsWith('-') || iso.startsWith('+')) continue;
      expect(formatDate(d)).toBe(iso.slice(0, 10));
      expect(parseDate(iso.slice(0, 10))).toBe(d);
    }
  });
});

describe('parseTime / formatTime', () => {
  it('parses Flink forms', () => {
    expect(parseTime('08:05:00')).toBe(8 * H + 5 * 60_000);
    expect(parseTime('8:5')).toBe(8 * H + 5 * 60_000);
    expect(parseTime('23:59:59.999')).toBe(86_399_999);
    expect(parseTime('12:00:00.1235')).toBe(12 * H + 124);
    expect(parseTime('12')).toBe(12 * H);
    expect(parseTime('25:00:00')).toBeNull();
    expect(parseTime('ab:cd')).toBeNull();
  });
  it('formats with Flink fraction rules', () => {
    expect(formatTime(8 * H + 5 * 60_000, 0)).toBe('08:05:00');
    expect(formatTime(12 * H + 500, 3)).toBe('12:00:00.5');
    expect(formatTime(12 * H, 3)).toBe('12:00:00.0');
    expect(formatTime(12 * H + 123, 3)).toBe('12:00:00.123');
    expect(formatTime(12 * H + 123, 1)).toBe('12:00:00.1');
    expect(formatTimeIso(8 * H + 5 * 60_000)).toBe('08:05');
    expect(formatTimeIso(8 * H + 5 * 60_000 + 1000)).toBe('08:05:01');
    expect(formatTimeIso(8 * H + 120)).toBe('08:00:00.120');
  });
});

describe('parseTimestamp / formatTimestamp', () => {
  it('parses space, T, minute-only and nanosecond forms', () => {
    expect(parseTimestamp('2020-04-15 08:05:00')).toEqual(new Timestamp(utc('2020-04-15T08:05:00'), 0));
    expect(parseTimestamp('2020-04-15 08:05')).toEqual(new Timestamp(utc('2020-04-15T08:05:00'), 0));
    expect(parseTimestamp('2020-04-15')).toEqual(new Timestamp(utc('2020-04-15T00:00:00'), 0));
    expect(parseTimestamp('2020-04-15T08:05:00.123456789')).toEqual(new Timestamp(utc('2020-04-15T08:05:00.123'), 456789));
    expect(parseTimestamp('1969-12-31 23:59:59.5')).toEqual(new Timestamp(-500, 0));
    expect(parseTimestamp('2020-02-30 00:00:00')).toBeNull();
    expect(parseTimestamp('2020-04-15 24:00:00')).toBeNull();
    expect(parseTimestamp('hello')).toBeNull();
  });
  it("has a strict variant with exactly Flink's CAST form", async () => {
    const { parseTimestampStrict } = await import('./temporal.js');
    expect(parseTimestampStrict('2020-4-5 8:05:00.5')).toEqual(new Timestamp(utc('2020-04-05T08:05:00.5'), 0));
    expect(parseTimestampStrict('2020-04-15')).toEqual(new Timestamp(utc('2020-04-15T00:00:00'), 0));
    expect(parseTimestampStrict('2020-04-15T08:05:00')).toBeNull();
    expect(parseTimestampStrict('2020-04-15 08:05')).toBeNull();
  });
  it('formats as CAST AS STRING', () => {
    const ts = parseTimestamp('2020-04-15 08:05:00.1')!;
    expect(formatTimestamp(ts, 3)).toBe('2020-04-15 08:05:00.100');
    expect(formatTimestamp(ts, 0)).toBe('2020-04-15 08:05:00.1');
    expect(formatTimestamp(parseTimestamp('2020-04-15 08:05:00')!, 0)).toBe('2020-04-15 08:05:00');
    expect(formatTimestamp(parseTimestamp('2020-04-15 08:05:00.123456789')!, 9)).toBe('2020-04-15 08:05:00.123456789');
    expect(formatTimestamp(new Timestamp(-1, 0), 3)).toBe('1969-12-31 23:59:59.999');
    expect(formatTimestampIso(parseTimestamp('2020-04-15 08:05:00')!)).toBe('2020-04-15T08:05');
    expect(formatTimestampIso(parseTimestamp('2020-04-15 08:05:00.000001')!)).toBe('2020-04-15T08:05:00.000001');
  });
  it('truncates to precision', () => {
    const ts = parseTimestamp('2020-04-15 08:05:00.123456789')!;
    expect(formatTimestamp(truncateTimestamp(ts, 3), 3)).toBe('2020-04-15 08:05:00.123');
    expect(formatTimestamp(truncateTimestamp(ts, 5), 5)).toBe('2020-04-15 08:05:00.12345');
    expect(formatTimestamp(truncateTimestamp(ts, 0), 0)).toBe('2020-04-15 08:05:00');
    expect(truncateTimestamp(new Timestamp(-1, 0), 0)).toEqual(new Timestamp(-1000, 0));
  });
});

describe('time zones', () => {
  it('normalizes zone ids like java.time ZoneId.of', () => {
    expect(normalizeZone('UTC')).toBe('UTC');
    expect(normalizeZone('Z')).toBe('Z');
    expect(normalizeZone('+08:00')).toBe('+08:00');
    expect(normalizeZone('+8')).toBe('+08:00');
    expect(normalizeZone('-0530')).toBe('-05:30');
    expect(normalizeZone('+00:00')).toBe('Z');
    expect(normalizeZone('GMT+8')).toBe('GMT+08:00');
    expect(normalizeZone('UTC+0')).toBe('UTC');
    expect(normalizeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(normalizeZone('America/Los_Angeles')).toBe('America/Los_Angeles');
    expect(normalizeZone('asia/shanghai')).toBeNull();
    expect(normalizeZone('Mars/Olympus')).toBeNull();
    expect(normalizeZone('+19:00')).toBeNull();
    expect(normalizeZone('')).toBeNull();
    expect(typeof systemZone()).toBe('string');
  });
  it('gives offsets, fast paths included', () => {
    expect(zoneOffsetMillis('UTC', 0)).toBe(0);
    expect(zoneOffsetMillis('+08:00', 0)).toBe(8 * H);
    expect(zoneOffsetMillis('GMT-03:30', 0)).toBe(-3.5 * H);
    expect(zoneOffsetMillis('Asia/Shanghai', utc('2021-06-01T00:00:00'))).toBe(8 * H);
    expect(zoneOffsetMillis('America/Los_Angeles', utc('2021-01-15T00:00:00'))).toBe(-8 * H);
    expect(zoneOffsetMillis('America/Los_Angeles', utc('2021-07-15T00:00:00'))).toBe(-7 * H);
    // Shanghai had DST in 1988.
    expect(zoneOffsetMillis('Asia/Shanghai', utc('1988-07-01T00:00:00'))).toBe(9 * H);
  });
  it('finds the exact DST transition instants in Los Angeles', () => {
    const springUtc = utc('2021-03-14T10:00:00'); // 02:00 PST → 03:00 PDT
    expect(zoneOffsetMillis('America/Los_Angeles', springUtc - 1)).toBe(-8 * H);
    expect(zoneOffsetMillis('America/Los_Angeles', springUtc)).toBe(-7 * H);
    const fallUtc = utc('2021-11-07T09:00:00'); // 02:00 PDT → 01:00 PST
    expect(zoneOffsetMillis('America/Los_Angeles', fallUtc - 1)).toBe(-7 * H);
    expect(zoneOffsetMillis('America/Los_Angeles', fallUtc)).toBe(-8 * H);
  });
  it('has 23- and 25-hour days in Los Angeles', () => {
    const la = 'America/Los_Angeles';
    const mid = (s: string) => localToInstant(parseTimestamp(s)!, la).millis;
    expect(mid('2021-03-15 00:00:00') - mid('2021-03-14 00:00:00')).toBe(23 * H);
    expect(mid('2021-11-08 00:00:00') - mid('2021-11-07 00:00:00')).toBe(25 * H);
    expect(mid('2021-06-02 00:00:00') - mid('2021-06-01 00:00:00')).toBe(24 * H);
  });
  it('resolves gaps forward and overlaps to the earlier offset', () => {
    const la = 'America/Los_Angeles';
    // 02:30 does not exist on 2021-03-14: java.time gives 03:30 PDT.
    const gap = localToInstant(parseTimestamp('2021-03-14 02:30:00')!, la);
    expect(gap.millis).toBe(utc('2021-03-14T10:30:00'));
    expect(formatTimestamp(instantToLocal(gap, la), 0)).toBe('2021-03-14 03:30:00');
    // 01:30 happens twice on 2021-11-07: java.time takes PDT (-07:00).
    const overlap = localToInstant(parseTimestamp('2021-11-07 01:30:00')!, la);
    expect(overlap.millis).toBe(utc('2021-11-07T08:30:00'));
    const shanghai = localToInstant(parseTimestamp('2020-04-15 08:05:00.5')!, 'Asia/Shanghai');
    expect(shanghai).toEqual(new Timestamp(utc('2020-04-15T00:05:00.5'), 0));
    expect(instantToLocal(shanghai, 'Asia/Shanghai')).toEqual(parseTimestamp('2020-04-15 08:05:00.5'));
  });
  it('agrees with Intl on many instants', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    for (let t = utc('2019-01-01T00:00:00'); t < utc('2022-01-01T00:00:00'); t += 7_777_777) {
      const local = instantToLocal(Timestamp.ofMillis(t), 'Europe/London');
      const want = fmt.format(t).replace(', ', ' ');
      expect(formatTimestamp(local, 0).slice(0, 19)).toBe(want);
    }
  });
  it('parses TIMESTAMP_LTZ strings with and without offsets', () => {
    expect(parseTimestampLtz('2020-04-15 08:05:00', 'Asia/Shanghai')!.millis).toBe(utc('2020-04-15T00:05:00'));
    expect(parseTimestampLtz('2020-04-15 08:05:00Z', 'Asia/Shanghai')!.millis).toBe(utc('2020-04-15T08:05:00'));
    expect(parseTimestampLtz('2020-04-15T08:05:00+02:00', 'UTC')!.millis).toBe(utc('2020-04-15T06:05:00'));
    expect(parseTimestampLtz('2020-04-15', 'UTC')!.millis).toBe(utc('2020-04-15T00:00:00'));
    expect(parseTimestampLtz('nope', 'UTC')).toBeNull();
  });
});

describe('conversion helpers', () => {
  it('moves between DATE, TIME and TIMESTAMP_LTZ in a zone', async () => {
    const m = await import('./temporal.js');
    const sh = 'Asia/Shanghai';
    const inst = m.dateToTimestampLtz(parseDate('2020-04-15')!, sh);
    expect(inst.millis).toBe(utc('2020-04-14T16:00:00'));
    expect(m.timestampLtzToDate(inst, sh)).toBe(parseDate('2020-04-15'));
    expect(m.timestampLtzToDate(inst, 'UTC')).toBe(parseDate('2020-04-14'));
    expect(m.timestampLtzToTime(inst, 'UTC')).toBe(16 * H);
    expect(m.timeToTimestampLtz(8 * H, sh).millis).toBe(0);
    expect(m.formatTimestampLtz(Timestamp.ofMillis(4001), sh, 3)).toBe('1970-01-01 08:00:04.001');
    // Midnight does not exist in Sao Paulo on 2018-11-04: java.time gives 01:00.
    expect(m.dateToTimestampLtz(parseDate('2018-11-04')!, 'America/Sao_Paulo').millis).toBe(utc('2018-11-04T03:00:00'));
  });
  it('formats intervals as Flink', async () => {
    const m = await import('./temporal.js');
    expect(m.formatIntervalYearMonth(18)).toBe('+1-06');
    expect(m.formatIntervalYearMonth(-3)).toBe('-0-03');
    expect(m.formatIntervalDayTime(2 * 86_400_000 + 3 * H + 4 * 60_000 + 5_000)).toBe('+2 03:04:05.000');
    expect(m.formatIntervalDayTime(-1500)).toBe('-0 00:00:01.500');
  });
  it('handles the extremes of the supported range', () => {
    for (const s of ['0001-01-01 00:00:00', '9999-12-31 23:59:59']) {
      const local = parseTimestamp(s)!;
      const inst = localToInstant(local, 'Asia/Shanghai');
      expect(instantToLocal(inst, 'Asia/Shanghai')).toEqual(local);
    }
  });
});
