import { describe, expect, it } from 'vitest';
import {
  ARRAY, BIGINT, BOOLEAN, BYTES, DATE, DECIMAL, DOUBLE, FLOAT, INT, MAP, MULTISET, ROW, STRING, TIME, TIMESTAMP,
  TIMESTAMP_LTZ,
} from './data-type.js';
import type { IntervalType } from './data-type.js';
import { parseDecimal } from './decimal.js';
import { formatDuration, formatPeriod, formatRowForPrint, formatValueForPrint, formatValueForTableau } from './format-print.js';
import { RowKind } from './row.js';
import { Decimal, Timestamp } from './values.js';

const ts = (iso: string, nanos = 0): Timestamp => new Timestamp(Date.parse(`${iso}Z`), nanos);

describe('formatRowForPrint', () => {
  it('prints rows as Row.toString', () => {
    expect(formatRowForPrint(RowKind.INSERT, [1, 'Alice', parseDecimal('2.50')], [INT(), STRING(), DECIMAL(10, 2)])).toBe('+I[1, Alice, 2.50]');
    expect(formatRowForPrint(RowKind.UPDATE_BEFORE, [null, true], [INT(), BOOLEAN()])).toBe('-U[null, true]');
    expect(formatRowForPrint(RowKind.DELETE, [5n], [BIGINT()])).toBe('-D[5]');
  });
});

describe('formatValueForPrint', () => {
  it('prints numbers as Java', () => {
    expect(formatValueForPrint(1, DOUBLE())).toBe('1.0');
    expect(formatValueForPrint(1e-5, DOUBLE())).toBe('1.0E-5');
    expect(formatValueForPrint(12345678, DOUBLE())).toBe('1.2345678E7');
    expect(formatValueForPrint(Math.fround(0.1), FLOAT())).toBe('0.1');
    expect(formatValueForPrint(new Decimal(0n, 10), DECIMAL(20, 10))).toBe('0E-10');
  });
  it('prints temporal values as java.time', () => {
    expect(formatValueForPrint(18367, DATE())).toBe('2020-04-15');
    expect(formatValueForPrint((8 * 60 + 5) * 60000, TIME())).toBe('08:05');
    expect(formatValueForPrint((8 * 60 + 5) * 60000 + 30000, TIME())).toBe('08:05:30');
    expect(formatValueForPrint(ts('2020-04-15T08:05:00'), TIMESTAMP(3))).toBe('2020-04-15T08:05');
    expect(formatValueForPrint(ts('2020-04-15T08:05:30.123'), TIMESTAMP(3))).toBe('2020-04-15T08:05:30.123');
    expect(formatValueForPrint(ts('2020-04-15T08:05:30.100'), TIMESTAMP(3))).toBe('2020-04-15T08:05:30.100');
    expect(formatValueForPrint(ts('2020-04-15T00:05:00'), TIMESTAMP_LTZ(3))).toBe('2020-04-15T00:05:00Z');
    expect(formatValueForPrint(ts('2020-04-15T00:05:00.120'), TIMESTAMP_LTZ(3))).toBe('2020-04-15T00:05:00.120Z');
    expect(formatValueForPrint(ts('2020-04-15T00:05:00.123', 400000), TIMESTAMP_LTZ(6))).toBe('2020-04-15T00:05:00.123400Z');
  });
  it('prints intervals as Period / Duration', () => {
    const ym = (resolution: IntervalType['resolution']): IntervalType => ({ kind: 'INTERVAL_YEAR_MONTH', resolution, precision: 2, fractionalPrecision: 6, nullable: true });
    expect(formatValueForPrint(14, ym('YEAR_TO_MONTH'))).toBe('P1Y2M');
    expect(formatValueForPrint(14, ym('MONTH'))).toBe('P14M');
    expect(formatValueForPrint(24, ym('YEAR'))).toBe('P2Y');
    expect(formatPeriod(0, 'MONTH')).toBe('P0D');
    expect(formatPeriod(-14, 'YEAR_TO_MONTH')).toBe('P-1Y-2M');
    expect(formatDuration(3_600_000)).toBe('PT1H');
    expect(formatDuration(90_061_001)).toBe('PT25H1M1.001S');
    expect(formatDuration(1)).toBe('PT0.001S');
    expect(formatDuration(-500)).toBe('PT-0.5S');
    expect(formatDuration(-90_000)).toBe('PT-1M-30S');
    expect(formatDuration(0)).toBe('PT0S');
  });
  it('prints collections, bytes and nested rows', () => {
    expect(formatValueForPrint(new Uint8Array([1, 2, 255]), BYTES())).toBe('[1, 2, -1]');
    expect(formatValueForPrint([1, null, 3], ARRAY(INT()))).toBe('[1, null, 3]');
    expect(formatValueForPrint([1, 'a'], ROW([{ name: 'a', type: INT() }, { name: 'b', type: STRING() }]))).toBe('+I[1, a]');
    expect(formatValueForPrint(new Map([['a', 1], ['b', 2]]), MAP(STRING(), INT()))).toBe('{a=1, b=2}');
    // HashMap order: "b" (98) before "c" (99) whatever the insertion order; 17 in bucket 1, then 18 and 2 share bucket 2 in insertion order
    expect(formatValueForPrint(new Map([['c', 1], ['b', 2]]), MAP(STRING(), INT()))).toBe('{b=2, c=1}');
    expect(formatValueForPrint(new Map([[18, 'x'], [17, 'y'], [2, 'z']]), MAP(INT(), STRING()))).toBe('{17=y, 18=x, 2=z}');
    expect(formatValueForPrint(new Map([['x', 2]]), MULTISET(STRING()))).toBe('{x=2}');
  });
});

describe('formatValueForTableau', () => {
  it('uses the CAST AS STRING forms', () => {
    expect(formatValueForTableau(null, INT())).toBe('<NULL>');
    expect(formatValueForTableau(true, BOOLEAN())).toBe('TRUE');
    expect(formatValueForTableau(ts('2020-04-15T08:05:00'), TIMESTAMP(3))).toBe('2020-04-15 08:05:00.000');
    expect(formatValueForTableau(parseDecimal('2.50'), DECIMAL(10, 2))).toBe('2.50');
    expect(formatValueForTableau('x', STRING())).toBe('x');
    expect(formatValueForTableau(new Uint8Array([1, 171]), BYTES())).toBe("x'01ab'");
  });
});
