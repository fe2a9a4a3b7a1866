import { describe, expect, it } from 'vitest';
import { BIGINT, DECIMAL, DOUBLE, FLOAT, INT } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import type { Decimal } from '../../types/values.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty, retractAll } from './test-helpers.js';
import { varianceAggregate } from './variance.js';

const dec = (s: string): Decimal => parseDecimal(s)!;

describe('VAR_POP / VAR_SAMP / STDDEV_POP / STDDEV_SAMP', () => {
  it('computes DOUBLE through sums of squares', () => {
    const rows = [1, 2, null, 3, 4];
    expect(aggregate(varianceAggregate('VAR_POP', DOUBLE(), DOUBLE()), rows)).toBe(1.25);
    expect(aggregate(varianceAggregate('VAR_SAMP', DOUBLE(), DOUBLE()), rows)).toBe(5 / 3);
    expect(aggregate(varianceAggregate('STDDEV_POP', DOUBLE(), DOUBLE()), rows)).toBe(Math.pow(1.25, 0.5));
    expect(aggregate(varianceAggregate('STDDEV_SAMP', DOUBLE(), DOUBLE()), rows)).toBe(Math.pow(5 / 3, 0.5));
  });
  it('keeps integer input in integer arithmetic (integer division, result in the input type)', () => {
    expect(aggregate(varianceAggregate('VAR_POP', INT(), INT()), [1, 2, 3, 4])).toBe(1);
    expect(aggregate(varianceAggregate('VAR_SAMP', INT(), INT()), [1, 2, 3, 4])).toBe(1);
    const rows = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(aggregate(varianceAggregate('STDDEV_POP', INT(), INT()), rows)).toBe(2);
    expect(aggregate(varianceAggregate('VAR_POP', BIGINT(), BIGINT()), rows.map(BigInt))).toBe(4n);
  });
  it('squares INT in INT, wrapping like Java', () => {
    // 50000 * 50000 overflows INT, as in Flink's generated code: the result is garbage, not 625000000.
    expect(aggregate(varianceAggregate('VAR_POP', INT(), INT()), [50000, 0])).toBe(-448741824);
  });
  it('computes DECIMAL in DECIMAL with the result scale max(6, s)', () => {
    const rows = [dec('1.00'), dec('2.00'), dec('3.00'), dec('4.00')];
    const t = DECIMAL(38, 6);
    expect(String(aggregate(varianceAggregate('VAR_POP', DECIMAL(10, 2), t), rows))).toBe('1.250000');
    expect(String(aggregate(varianceAggregate('VAR_SAMP', DECIMAL(10, 2), t), rows))).toBe('1.666667');
    expect(String(aggregate(varianceAggregate('STDDEV_POP', DECIMAL(10, 2), t), rows))).toBe('1.118034');
  });
  it('computes FLOAT in single precision', () => {
    expect(aggregate(varianceAggregate('VAR_POP', FLOAT(), FLOAT()), [1, 3])).toBe(1);
  });
  it('is NULL on empty input, and *_SAMP on a single row', () => {
    expect(aggregate(varianceAggregate('VAR_POP', DOUBLE(), DOUBLE()), [])).toBeNull();
    expect(aggregate(varianceAggregate('STDDEV_POP', DOUBLE(), DOUBLE()), [null])).toBeNull();
    expect(aggregate(varianceAggregate('VAR_SAMP', DOUBLE(), DOUBLE()), [5])).toBeNull();
    expect(aggregate(varianceAggregate('VAR_POP', DOUBLE(), DOUBLE()), [5])).toBe(0);
  });
  it('retracts and merges', () => {
    expectRetractToEmpty(varianceAggregate('VAR_SAMP', INT(), INT()), [1, 5, null, 9]);
    expectRetractToEmpty(varianceAggregate('STDDEV_POP', DECIMAL(5, 2), DECIMAL(38, 6)), [dec('1.5'), dec('2.25')]);
    const fn = varianceAggregate('VAR_POP', DOUBLE(), DOUBLE());
    expect(fn.getValue(retractAll(fn, [100], accumulateAll(fn, [1, 100, 2, 3, 4])))).toBe(1.25);
    expectMergeEquivalent(fn, [1, 2], [3, 4]);
    expectMergeEquivalent(varianceAggregate('STDDEV_SAMP', DECIMAL(5, 2), DECIMAL(38, 6)), [dec('1.5')], [dec('2.25'), dec('7')]);
  });
});
