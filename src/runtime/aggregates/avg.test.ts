import { describe, expect, it } from 'vitest';
import { BIGINT, DECIMAL, DOUBLE, FLOAT, INT, TINYINT } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import type { Decimal } from '../../types/values.js';
import { avgAggregate } from './avg.js';
import { aggregate, expectMergeEquivalent, expectRetractToEmpty } from './test-helpers.js';

const dec = (s: string): Decimal => parseDecimal(s)!;

describe('AVG', () => {
  it('divides integers with truncation toward zero and keeps the input type', () => {
    expect(aggregate(avgAggregate(INT(), INT()), [1, 2])).toBe(1);
    expect(aggregate(avgAggregate(INT(), INT()), [-1, -2])).toBe(-1);
    expect(aggregate(avgAggregate(INT(), INT()), [1, 2, null, 6])).toBe(3);
  });
  it('sums small integers in BIGINT, so the sum does not wrap', () => {
    expect(aggregate(avgAggregate(TINYINT(), TINYINT()), [100, 100, 100])).toBe(100);
    expect(aggregate(avgAggregate(INT(), INT()), [2147483647, 2147483647])).toBe(2147483647);
  });
  it('is exact for BIGINT (wrapping only past 64 bits, as Java)', () => {
    expect(aggregate(avgAggregate(BIGINT(), BIGINT()), [9007199254740993n, 9007199254740995n])).toBe(9007199254740994n);
    expect(aggregate(avgAggregate(BIGINT(), BIGINT()), [9223372036854775807n, 9223372036854775807n])).toBe(-1n);
  });
  it('computes DECIMAL averages rounded HALF_UP to scale max(6, s)', () => {
    const v = aggregate(avgAggregate(DECIMAL(10, 2), DECIMAL(38, 6)), [dec('1.00'), dec('2.00'), dec('2.00')]) as Decimal;
    expect(v.toString()).toBe('1.666667');
    const w = aggregate(avgAggregate(DECIMAL(20, 8), DECIMAL(38, 8)), [dec('0.00000001'), dec('0.00000002')]) as Decimal;
    expect(w.toString()).toBe('0.00000002');
  });
  it('averages FLOAT and DOUBLE', () => {
    expect(aggregate(avgAggregate(DOUBLE(), DOUBLE()), [1, 2])).toBe(1.5);
    expect(aggregate(avgAggregate(FLOAT(), FLOAT()), [0.1, 0.2])).toBe(Math.fround((Math.fround(0.1) + Math.fround(0.2)) / 2));
  });
  it('is NULL on empty or all-NULL input', () => {
    expect(aggregate(avgAggregate(INT(), INT()), [])).toBeNull();
    expect(aggregate(avgAggregate(DOUBLE(), DOUBLE()), [null])).toBeNull();
  });
  it('retracts and merges', () => {
    expectRetractToEmpty(avgAggregate(INT(), INT()), [1, 2, null, 9]);
    expectRetractToEmpty(avgAggregate(DECIMAL(5, 1), DECIMAL(38, 6)), [dec('1.5'), dec('2.5')]);
    expectMergeEquivalent(avgAggregate(INT(), INT()), [1, 2], [4, null]);
    expectMergeEquivalent(avgAggregate(DECIMAL(5, 1), DECIMAL(38, 6)), [dec('1.5')], [dec('2.6'), dec('3.1')]);
    expectMergeEquivalent(avgAggregate(DOUBLE(), DOUBLE()), [], [1.5]);
  });
});
