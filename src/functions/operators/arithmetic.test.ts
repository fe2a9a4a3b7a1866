import { describe, expect, it } from 'vitest';
import {
  BIGINT, DATE, DECIMAL, DOUBLE, FLOAT, INT, NULL_TYPE, SMALLINT, STRING, TIME, TIMESTAMP, TIMESTAMP_LTZ, TINYINT,
} from '../../types/data-type.js';
import type { IntervalType } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import { typeToString } from '../../types/type-string.js';
import { Timestamp } from '../../types/values.js';
import { evalOp, inferOp } from './test-site.js';

const dec = (s: string) => parseDecimal(s)!;
const dayTime: IntervalType = { kind: 'INTERVAL_DAY_TIME', resolution: 'SECOND', precision: 2, fractionalPrecision: 3, nullable: false };
const months: IntervalType = { kind: 'INTERVAL_YEAR_MONTH', resolution: 'MONTH', precision: 2, fractionalPrecision: 6, nullable: false };
const ts = (iso: string) => new Timestamp(Date.parse(`${iso}Z`), 0);

describe('integer arithmetic', () => {
  it('wraps like Java', () => {
    expect(evalOp('+', [INT(), INT()], [2147483647, 1])).toBe(-2147483648);
    expect(evalOp('*', [INT(), INT()], [65536, 65536])).toBe(0);
    expect(evalOp('+', [TINYINT(), TINYINT()], [100, 100])).toBe(-56);
    expect(evalOp('-', [SMALLINT(), SMALLINT()], [-32768, 1])).toBe(32767);
    expect(evalOp('+', [BIGINT(), BIGINT()], [9223372036854775807n, 1n])).toBe(-9223372036854775808n);
    expect(evalOp('+', [INT(), BIGINT()], [1, 2n])).toBe(3n);
    expect(evalOp('NEGATE', [INT()], [-2147483648])).toBe(-2147483648);
  });
  it('divides by truncation and fails on zero', () => {
    expect(evalOp('/', [INT(), INT()], [7, 2])).toBe(3);
    expect(evalOp('/', [INT(), INT()], [-7, 2])).toBe(-3);
    expect(evalOp('/', [BIGINT(), BIGINT()], [-7n, 2n])).toBe(-3n);
    expect(() => evalOp('/', [INT(), INT()], [1, 0])).toThrow('/ by zero');
    expect(() => evalOp('%', [BIGINT(), BIGINT()], [1n, 0n])).toThrow('/ by zero');
    expect(evalOp('%', [INT(), INT()], [-7, 3])).toBe(-1);
    expect(evalOp('%', [BIGINT(), INT()], [7n, 3])).toBe(1);
    expect(evalOp('/', [INT(), INT()], [-2147483648, -1])).toBe(-2147483648);
  });
  it('returns NULL for NULL operands', () => {
    expect(evalOp('+', [INT(), INT()], [1, null])).toBeNull();
    expect(typeToString(inferOp('+', [INT(false), NULL_TYPE]))).toBe('INT');
  });
});

describe('approximate and decimal arithmetic', () => {
  it('follows IEEE for doubles', () => {
    expect(evalOp('/', [DOUBLE(), DOUBLE()], [1, 0])).toBe(Infinity);
    expect(evalOp('+', [DOUBLE(), INT()], [0.1, 1])).toBe(1.1);
    expect(evalOp('+', [DOUBLE(), DECIMAL(3, 2)], [0.5, dec('1.25')])).toBe(1.75);
    expect(evalOp('*', [FLOAT(), INT()], [Math.fround(0.1), 3])).toBe(Math.fround(Math.fround(0.1) * 3));
  });
  it('is exact for decimals', () => {
    expect(String(evalOp('+', [DECIMAL(3, 2), DECIMAL(3, 2)], [dec('0.10'), dec('0.20')]))).toBe('0.30');
    expect(String(evalOp('+', [DECIMAL(10, 2), INT()], [dec('1.50'), 2]))).toBe('3.50');
    expect(String(evalOp('*', [DECIMAL(3, 1), DECIMAL(3, 2)], [dec('1.5'), dec('1.25')]))).toBe('1.875');
    expect(String(evalOp('/', [DECIMAL(10, 2), INT()], [dec('10.00'), 3]))).toBe('3.3333333333333');
    expect(String(evalOp('%', [DECIMAL(4, 1), INT()], [dec('7.5'), 2]))).toBe('1.5');
    expect(String(evalOp('NEGATE', [DECIMAL(3, 2)], [dec('1.25')]))).toBe('-1.25');
    expect(evalOp('%', [DECIMAL(10, 0), INT()], [dec('-7'), 3])).toBe(-1);
    expect(String(evalOp('%', [INT(), DECIMAL(5, 0)], [7, dec('3')]))).toBe('1');
    // DECIMAL(38, 0) + DECIMAL(38, 0) → DECIMAL(38, 0): overflow gives NULL
    const big = dec('99999999999999999999999999999999999999');
    expect(evalOp('+', [DECIMAL(38, 0), DECIMAL(38, 0)], [big, big])).toBeNull();
  });
  it('rejects non-numeric operands', () => {
    expect(() => inferOp('+', [INT(), STRING()])).toThrow("Cannot apply '+' to arguments of type '<INT> + <STRING>'");
    expect(() => inferOp('%', [DOUBLE(), INT()])).toThrow("Cannot apply '%'");
  });
});

describe('temporal arithmetic', () => {
  it('adds intervals to timestamps and dates', () => {
    expect(evalOp('+', [TIMESTAMP(3), dayTime], [ts('2020-04-15T08:05:00'), 3_600_000])).toEqual(ts('2020-04-15T09:05:00'));
    expect(evalOp('-', [TIMESTAMP(3), dayTime], [ts('2020-04-15T08:05:00'), 1000])).toEqual(ts('2020-04-15T08:04:59'));
    expect(evalOp('+', [TIMESTAMP(3), months], [ts('2020-01-31T10:00:00'), 1])).toEqual(ts('2020-02-29T10:00:00'));
    expect(evalOp('+', [dayTime, TIMESTAMP_LTZ(3)], [60_000, ts('2020-04-15T08:05:00')])).toEqual(ts('2020-04-15T08:06:00'));
    expect(evalOp('+', [DATE(), dayTime], [18367, 2 * 86_400_000])).toBe(18369);
    expect(evalOp('-', [DATE(), months], [18367, 12])).toBe(18367 - 366);
    expect(evalOp('+', [TIME(), dayTime], [23 * 3_600_000, 2 * 3_600_000])).toBe(3_600_000);
    expect(evalOp('+', [dayTime, dayTime], [1, 2])).toBe(3);
    expect(evalOp('*', [dayTime, INT()], [1000, 3])).toBe(3000);
    expect(evalOp('/', [dayTime, INT()], [1000, 3])).toBe(333);
    expect(typeToString(inferOp('+', [TIMESTAMP(3, false), dayTime]))).toBe('TIMESTAMP(3) NOT NULL');
    expect(() => inferOp('-', [TIMESTAMP(3), TIMESTAMP(3)])).toThrow("Cannot apply '-'");
  });
});
