import { describe, expect, it } from 'vitest';
import { Decimal, Timestamp } from '../../types/values.js';
import { formatDate, formatTimestamp } from '../../types/temporal.js';
import { BIGINT, DATE, INT, STRING, STRING_LIT, TIME, TIMESTAMP, TIMESTAMP_LTZ, d, ts } from './test-values.js';
import { ctxOf, run, typeOf } from './test-harness.js';

const str = (s: string | null) => ({ type: STRING(s === null), value: s });
const lit = (s: string) => ({ type: STRING_LIT, value: s, literal: true });
const int = (n: number) => ({ type: INT(false), value: n });
const big = (n: bigint) => ({ type: BIGINT(false), value: n });
const date = (s: string) => ({ type: DATE(false), value: d(s) });
const tsArg = (s: string, p = 3) => ({ type: TIMESTAMP(p, false), value: ts(s) });
const ltzArg = (s: string) => ({ type: TIMESTAMP_LTZ(3, false), value: ts(s) });
const show = (v: unknown, p = 3) => formatTimestamp(v as Timestamp, p);
const NOW = Date.parse('2021-03-14T09:30:15.250Z'); // 01:30:15 PST, 17:30:15 in Shanghai

describe('current time functions', () => {
  it('have FLIP-162 types', () => {
    expect(typeOf('CURRENT_TIMESTAMP', [])).toEqual(TIMESTAMP_LTZ(3, false));
    expect(typeOf('NOW', [])).toEqual(TIMESTAMP_LTZ(3, false));
    expect(typeOf('CURRENT_ROW_TIMESTAMP', [])).toEqual(TIMESTAMP_LTZ(3, false));
    expect(typeOf('LOCALTIMESTAMP', [])).toEqual(TIMESTAMP(3, false));
    expect(typeOf('LOCALTIME', [])).toEqual(TIME(0, false));
    expect(typeOf('CURRENT_TIME', [])).toEqual(TIME(0, false));
    expect(typeOf('CURRENT_DATE', [])).toEqual(DATE(false));
    expect(typeOf('PROCTIME', [])).toEqual({ ...TIMESTAMP_LTZ(3, false), timeAttribute: 'PROCTIME' });
  });
  it('read now() in the session zone', () => {
    const sh = ctxOf('Asia/Shanghai', NOW);
    expect(run('CURRENT_TIMESTAMP', [], sh)).toEqual(Timestamp.ofMillis(NOW));
    expect(show(run('LOCALTIMESTAMP', [], sh))).toBe('2021-03-14 17:30:15.250');
    expect(run('LOCALTIME', [], sh)).toBe((17 * 3600 + 30 * 60 + 15) * 1000);
    expect(formatDate(run('CURRENT_DATE', [], ctxOf('America/Los_Angeles', NOW)) as number)).toBe('2021-03-14');
    expect(formatDate(run('CURRENT_DATE', [], ctxOf('Pacific/Honolulu', NOW)) as number)).toBe('2021-03-13');
  });
});

describe('DATE_FORMAT', () => {
  it('formats timestamps, LTZ in the session zone, and strings', () => {
    expect(run('DATE_FORMAT', [tsArg('2020-04-15 08:05:00'), lit('yyyy/MM/dd HH:mm')])).toBe('2020/04/15 08:05');
    expect(run('DATE_FORMAT', [ltzArg('2020-04-15 08:05:00'), lit('yyyy-MM-dd HH:mm:ss')], ctxOf('Asia/Shanghai'))).toBe('2020-04-15 16:05:00');
    expect(run('DATE_FORMAT', [str('2020-04-15 08:05:00'), lit('yyyyMMdd')])).toBe('20200415');
    expect(run('DATE_FORMAT', [str('garbage'), lit('yyyyMMdd')])).toBeNull();
    expect(run('DATE_FORMAT', [date('2020-04-15'), lit('EEE dd MMM yyyy')])).toBe('Wed 15 Apr 2020');
    expect(typeOf('DATE_FORMAT', [tsArg('2020-04-15 08:05:00'), lit('yyyy')])).toEqual(STRING(true));
    expect(() => typeOf('DATE_FORMAT', [int(1), lit('yyyy')])).toThrow(/Cannot apply 'DATE_FORMAT'/);
  });
});

describe('TIMESTAMPADD / TIMESTAMPDIFF', () => {
  it('adds units', () => {
    expect(formatDate(run('TIMESTAMPADD', [lit('WEEK'), int(1), date('2003-01-02')]) as number)).toBe('2003-01-09');
    expect(formatDate(run('TIMESTAMPADD', [lit('MONTH'), int(1), date('2020-01-31')]) as number)).toBe('2020-02-29');
    expect(show(run('TIMESTAMPADD', [lit('HOUR'), int(-25), tsArg('2020-03-01 00:00:00')]), 0)).toBe('2020-02-28 23:00:00');
    expect(show(run('TIMESTAMPADD', [lit('YEAR'), int(1), tsArg('2020-02-29 10:00:00')]), 0)).toBe('2021-02-28 10:00:00');
    expect(show(run('TIMESTAMPADD', [lit('HOUR'), int(2), date('2020-01-01')]), 0)).toBe('2020-01-01 02:00:00');
    expect(run('TIMESTAMPADD', [lit('MINUTE'), int(90), { type: TIME(0, false), value: 23 * 3_600_000 }])).toBe(30 * 60_000);
    expect(show(run('TIMESTAMPADD', [lit('MICROSECOND'), int(-1), tsArg('2020-01-01 00:00:00', 6)]), 6)).toBe('2019-12-31 23:59:59.999999');
    expect(typeOf('TIMESTAMPADD', [lit('DAY'), int(1), date('2020-01-01')])).toEqual(DATE(false));
    expect(typeOf('TIMESTAMPADD', [lit('HOUR'), int(1), date('2020-01-01')]).kind).toBe('TIMESTAMP');
    expect(typeOf('TIMESTAMPADD', [lit('DAY'), int(1), ltzArg('2020-01-01 00:00:00')]).kind).toBe('TIMESTAMP_LTZ');
  });
  it('diffs units as INT, truncating toward zero', () => {
    expect(run('TIMESTAMPDIFF', [lit('DAY'), tsArg('2003-01-02 10:00:00'), tsArg('2003-01-03 09:00:00')])).toBe(0);
    expect(run('TIMESTAMPDIFF', [lit('HOUR'), tsArg('2003-01-03 09:00:00'), tsArg('2003-01-02 10:00:00')])).toBe(-23);
    // Flink counts Jan 31 + 1 month = Feb 28 as a whole month.
    expect(run('TIMESTAMPDIFF', [lit('MONTH'), date('2019-01-31'), date('2019-02-28')])).toBe(1);
    expect(run('TIMESTAMPDIFF', [lit('MONTH'), date('2019-01-31'), date('2019-02-27')])).toBe(0);
    expect(run('TIMESTAMPDIFF', [lit('MONTH'), date('2019-01-31'), date('2019-03-31')])).toBe(2);
    expect(run('TIMESTAMPDIFF', [lit('YEAR'), tsArg('2000-06-15 00:00:00'), tsArg('2020-06-14 23:59:59')])).toBe(19);
    expect(run('TIMESTAMPDIFF', [lit('SECOND'), date('1970-01-01'), tsArg('1970-01-01 00:01:00')])).toBe(60);
    expect(run('TIMESTAMPDIFF', [lit('SECOND'), ltzArg('1970-01-01 00:00:00'), ltzArg('1970-01-01 00:00:02')])).toBe(2);
    expect(run('TIMESTAMPDIFF', [lit('SECOND'), tsArg('1900-01-01 00:00:00'), tsArg('2000-01-01 00:00:00')])).toBe(3155673600 - 2 ** 32); // Java int overflow
    expect(typeOf('TIMESTAMPDIFF', [lit('DAY'), date('2020-01-01'), { type: DATE(true), value: null }])).toEqual(INT(true));
  });
  it('rejects TIMESTAMP_LTZ mixed with another type, as Flink', () => {
    expect(() => typeOf('TIMESTAMPDIFF', [lit('SECOND'), tsArg('2020-01-01 00:00:00'), ltzArg('2020-01-01 00:00:00')])).toThrow(
      'TIMESTAMP_LTZ only supports diff between the same type.',
    );
    expect(() => typeOf('TIMESTAMPDIFF', [lit('SECOND'), ltzArg('2020-01-01 00:00:00'), str('x')])).toThrow(/Cannot apply 'TIMESTAMPDIFF'/);
  });
});

describe('FROM_UNIXTIME / UNIX_TIMESTAMP', () => {
  it('formats epoch seconds in the session zone', () => {
    expect(run('FROM_UNIXTIME', [int(44)])).toBe('1970-01-01 00:00:44');
    expect(run('FROM_UNIXTIME', [int(44)], ctxOf('Asia/Tokyo'))).toBe('1970-01-01 09:00:44');
    expect(run('FROM_UNIXTIME', [big(1_586_937_900n), lit('yyyy/MM/dd HH:mm')], ctxOf('Asia/Shanghai'))).toBe('2020/04/15 16:05');
    expect(run('FROM_UNIXTIME', [big(-1n)])).toBe('1969-12-31 23:59:59');
    expect(typeOf('FROM_UNIXTIME', [int(1)])).toEqual(STRING(true));
    expect(() => typeOf('FROM_UNIXTIME', [{ type: DATE(false), value: 0 }])).toThrow(/Cannot apply/);
  });
  it('parses text to epoch seconds', () => {
    expect(run('UNIX_TIMESTAMP', [str('1970-01-01 08:00:44')], ctxOf('Asia/Shanghai'))).toBe(44n);
    expect(run('UNIX_TIMESTAMP', [str('2020-04-15'), lit('yyyy-MM-dd')])).toBe(1_586_908_800n);
    expect(run('UNIX_TIMESTAMP', [str('1969-12-31 23:59:59.5')])).toBe(-1n);
    expect(run('UNIX_TIMESTAMP', [str('20200415 080500'), lit('yyyyMMdd HHmmss')])).toBe(1_586_937_900n);
    expect(run('FROM_UNIXTIME', [run('UNIX_TIMESTAMP', [str('2021-05-01 12:00:00')], ctxOf('Asia/Shanghai')) as bigint].map((v) => big(v)), ctxOf('Asia/Shanghai'))).toBe(
      '2021-05-01 12:00:00',
    );
    // Both 01:00 of the Los Angeles fall-back day.
    expect(run('FROM_UNIXTIME', [big(1_636_272_000n)], ctxOf('America/Los_Angeles'))).toBe('2021-11-07 01:00:00');
    expect(run('FROM_UNIXTIME', [big(1_636_275_600n)], ctxOf('America/Los_Angeles'))).toBe('2021-11-07 01:00:00');
    expect(run('UNIX_TIMESTAMP', [str('nope')])).toBe(-9223372036854775808n);
    expect(run('UNIX_TIMESTAMP', [], ctxOf('UTC', 1_500_999))).toBe(1500n);
    expect(typeOf('UNIX_TIMESTAMP', [])).toEqual(BIGINT(false));
    expect(typeOf('UNIX_TIMESTAMP', [str(null)])).toEqual(BIGINT(true));
  });
});

describe('TO_DATE / TO_TIMESTAMP / TO_TIMESTAMP_LTZ / CONVERT_TZ', () => {
  it('TO_DATE', () => {
    expect(formatDate(run('TO_DATE', [str('2020-04-15')]) as number)).toBe('2020-04-15');
    expect(formatDate(run('TO_DATE', [str('15/04/2020'), lit('dd/MM/yyyy')]) as number)).toBe('2020-04-15');
    expect(run('TO_DATE', [str('x')])).toBeNull();
    expect(typeOf('TO_DATE', [str('2020-04-15')])).toEqual(DATE(true));
  });
  it('TO_TIMESTAMP', () => {
    expect(show(run('TO_TIMESTAMP', [str('1970-01-01 08:00:01')]), 0)).toBe('1970-01-01 08:00:01');
    expect(show(run('TO_TIMESTAMP', [str('2020-04-15 08:05:00.123456')]))).toBe('2020-04-15 08:05:00.123');
    expect(show(run('TO_TIMESTAMP', [str('2020-04-15')]), 0)).toBe('2020-04-15 00:00:00');
    expect(run('TO_TIMESTAMP', [str('2020-04-15T08:05:00')])).toBeNull();
    expect(run('TO_TIMESTAMP', [str('abc')])).toBeNull();
    expect(show(run('TO_TIMESTAMP', [str('20200415 0805'), lit('yyyyMMdd HHmm')]), 0)).toBe('2020-04-15 08:05:00');
    expect(show(run('TO_TIMESTAMP', [str('1999-9-10 05:20:10'), lit('yyyy-MM-dd HH:mm:ss')]), 0)).toBe('1999-09-10 05:20:10');
    expect(run('TO_TIMESTAMP', [str('nope'), lit('yyyy')])).toBeNull();
    expect(typeOf('TO_TIMESTAMP', [str('x')])).toEqual(TIMESTAMP(3, true));
  });
  it('TO_TIMESTAMP_LTZ', () => {
    expect(run('TO_TIMESTAMP_LTZ', [big(1_621_649_473n), { type: INT(false), value: 0, literal: true }])).toEqual(Timestamp.ofMillis(1_621_649_473_000));
    expect(run('TO_TIMESTAMP_LTZ', [big(1_621_649_473_123n), { type: INT(false), value: 3, literal: true }])).toEqual(Timestamp.ofMillis(1_621_649_473_123));
    expect(run('TO_TIMESTAMP_LTZ', [{ type: { kind: 'DOUBLE', nullable: false }, value: 1.5 }, int(0)])).toEqual(Timestamp.ofMillis(1500));
    expect(run('TO_TIMESTAMP_LTZ', [{ type: { kind: 'DECIMAL', precision: 10, scale: 3, nullable: false }, value: new Decimal(12345n, 3) }, int(3)])).toEqual(
      Timestamp.ofMillis(12),
    );
    expect(run('TO_TIMESTAMP_LTZ', [big(999_999_999_999_999n), int(0)])).toBeNull();
    expect(() => typeOf('TO_TIMESTAMP_LTZ', [big(1n), { type: INT(false), value: 6, literal: true }])).toThrow(/precision value '6'/);
    expect(typeOf('TO_TIMESTAMP_LTZ', [big(1n), int(3)])).toEqual(TIMESTAMP_LTZ(3, true));
    const sh = run('TO_TIMESTAMP_LTZ', [str('2023-01-01 08:00:00')], ctxOf('Asia/Shanghai'));
    expect(sh).toEqual(Timestamp.ofMillis(Date.parse('2023-01-01T00:00:00Z')));
    const tz = run('TO_TIMESTAMP_LTZ', [str('01/01/2023 00:00'), lit('dd/MM/yyyy HH:mm'), lit('America/Los_Angeles')]);
    expect(tz).toEqual(Timestamp.ofMillis(Date.parse('2023-01-01T08:00:00Z')));
  });
  it('CONVERT_TZ', () => {
    expect(run('CONVERT_TZ', [str('1970-01-01 00:00:00'), lit('UTC'), lit('America/Los_Angeles')])).toBe('1969-12-31 16:00:00');
    expect(run('CONVERT_TZ', [str('2021-03-14 01:59:59'), lit('America/Los_Angeles'), lit('GMT+08:00')])).toBe('2021-03-14 17:59:59');
    expect(run('CONVERT_TZ', [str('bad'), lit('UTC'), lit('UTC')])).toBeNull();
  });
});

describe('OVERLAPS', () => {
  const time = (h: number, m = 0) => ({ type: TIME(0, false), value: (h * 60 + m) * 60_000 });
  const hours = (n: number) => ({
    type: { kind: 'INTERVAL_DAY_TIME', resolution: 'HOUR', precision: 2, fractionalPrecision: 6, nullable: false } as const,
    value: n * 3_600_000,
  });
  it('gives the documented examples', () => {
    expect(run('OVERLAPS', [time(2, 55), hours(1), time(3, 30), hours(2)])).toBe(true);
    expect(run('OVERLAPS', [time(9), time(10), time(10, 15), hours(3)])).toBe(false);
  });
});
