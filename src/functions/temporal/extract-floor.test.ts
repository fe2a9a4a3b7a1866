import { describe, expect, it } from 'vitest';
import { BIGINT, DATE, INTERVAL_FOR_TEST, STRING_LIT, TIME, TIMESTAMP, TIMESTAMP_LTZ, d, ts } from './test-values.js';
import { ctxOf, run, typeOf } from './test-harness.js';
import { formatTimestamp } from '../../types/temporal.js';
import type { Timestamp } from '../../types/values.js';

const unit = (u: string) => ({ type: STRING_LIT, value: u, literal: true });
const date = (s: string) => ({ type: DATE(false), value: d(s) });
const tsArg = (s: string, p = 3) => ({ type: TIMESTAMP(p, false), value: ts(s) });

describe('EXTRACT and shorthands', () => {
  it('gives the documented examples as BIGINT', () => {
    expect(run('YEAR', [date('1994-09-27')])).toBe(1994n);
    expect(run('QUARTER', [date('1994-09-27')])).toBe(3n);
    expect(run('MONTH', [date('1994-09-27')])).toBe(9n);
    expect(run('WEEK', [date('1994-09-27')])).toBe(39n);
    expect(run('DAYOFYEAR', [date('1994-09-27')])).toBe(270n);
    expect(run('DAYOFMONTH', [date('1994-09-27')])).toBe(27n);
    expect(run('DAYOFWEEK', [date('1994-09-27')])).toBe(3n);
    expect(run('HOUR', [tsArg('1994-09-27 13:14:15')])).toBe(13n);
    expect(run('MINUTE', [tsArg('1994-09-27 13:14:15')])).toBe(14n);
    expect(run('SECOND', [tsArg('1994-09-27 13:14:15')])).toBe(15n);
    expect(run('EXTRACT', [unit('DAY'), date('2006-06-05')])).toBe(5n);
    expect(run('EXTRACT', [unit('YEAR'), tsArg('2006-06-05 10:00:00')])).toBe(2006n);
    expect(typeOf('YEAR', [date('1994-09-27')])).toEqual(BIGINT(false));
    expect(typeOf('EXTRACT', [unit('YEAR'), { type: DATE(true), value: null }])).toEqual(BIGINT(true));
  });
  it('reads TIME, TIMESTAMP_LTZ in the session zone, and intervals', () => {
    expect(run('HOUR', [{ type: TIME(0, false), value: 13 * 3_600_000 }])).toBe(13n);
    const ltz = { type: TIMESTAMP_LTZ(3, false), value: ts('2021-01-01 02:00:00') };
    expect(run('HOUR', [ltz], ctxOf('Asia/Shanghai'))).toBe(10n);
    expect(run('DAYOFMONTH', [ltz], ctxOf('America/Los_Angeles'))).toBe(31n);
    expect(run('EXTRACT', [unit('DAY'), { type: INTERVAL_FOR_TEST, value: 2 * 86_400_000 + 3_600_000 }])).toBe(2n);
  });
  it('rejects what Calcite rejects', () => {
    expect(() => typeOf('YEAR', [{ type: TIME(0, false), value: 0 }])).toThrow(/Cannot apply 'YEAR'/);
    expect(() => typeOf('HOUR', [date('2020-01-01')])).toThrow(/Cannot apply 'HOUR'/);
    expect(() => typeOf('EXTRACT', [unit('FORTNIGHT'), date('2020-01-01')])).toThrow(/unknown time unit/);
  });
  it('is null for a null argument', () => {
    expect(run('YEAR', [{ type: DATE(true), value: null }])).toBeNull();
  });
});

describe('FLOOR_TIME / CEIL_TIME', () => {
  const show = (v: unknown) => formatTimestamp(v as Timestamp, 0);
  it('rounds TIME as documented', () => {
    const t = { type: TIME(0, false), value: 12 * 3_600_000 + 44 * 60_000 + 31_000 };
    expect(run('FLOOR_TIME', [t, unit('MINUTE')])).toBe(12 * 3_600_000 + 44 * 60_000);
    expect(run('CEIL_TIME', [t, unit('MINUTE')])).toBe(12 * 3_600_000 + 45 * 60_000);
    expect(typeOf('FLOOR_TIME', [t, unit('MINUTE')])).toEqual(TIME(0, false));
  });
  it('rounds TIMESTAMP and DATE', () => {
    expect(show(run('FLOOR_TIME', [tsArg('2021-06-15 10:20:30'), unit('HOUR')]))).toBe('2021-06-15 10:00:00');
    expect(show(run('CEIL_TIME', [tsArg('2021-06-15 10:20:30'), unit('DAY')]))).toBe('2021-06-16 00:00:00');
    expect(show(run('FLOOR_TIME', [tsArg('2021-06-15 10:20:30'), unit('YEAR')]))).toBe('2021-01-01 00:00:00');
    expect(show(run('CEIL_TIME', [{ type: TIMESTAMP(9, false), value: ts('2021-06-15 10:20:30.000000001') }, unit('SECOND')]))).toBe(
      '2021-06-15 10:20:31',
    );
    expect(run('FLOOR_TIME', [date('2021-06-15'), unit('MONTH')])).toBe(d('2021-06-01'));
  });
  it('rounds TIMESTAMP_LTZ to days of the session zone', () => {
    const v = { type: TIMESTAMP_LTZ(3, false), value: ts('2021-06-15 20:00:00') };
    const r = run('FLOOR_TIME', [v, unit('DAY')], ctxOf('Asia/Shanghai')) as Timestamp;
    expect(formatTimestamp(r, 0)).toBe('2021-06-15 16:00:00');
  });
});
