import { describe, expect, it } from 'vitest';
import { BIGINT, DECIMAL, DOUBLE, FLOAT, INT, SMALLINT, TINYINT } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import { Decimal } from '../../types/values.js';
import { sum0Aggregate, sumAggregate } from './sum.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty, retractAll } from './test-helpers.js';

const dec = (s: string): Decimal => parseDecimal(s)!;

describe('SUM', () => {
  it('ignores NULL and is NULL with no non-null input', () => {
    expect(aggregate(sumAggregate(INT()), [1, null, 2])).toBe(3);
    expect(aggregate(sumAggregate(INT()), [])).toBeNull();
    expect(aggregate(sumAggregate(INT()), [null, null])).toBeNull();
  });
  it('wraps on overflow like Java for INT, SMALLINT, TINYINT and BIGINT', () => {
    expect(aggregate(sumAggregate(INT()), [2147483647, 1])).toBe(-2147483648);
    expect(aggregate(sumAggregate(SMALLINT()), [32767, 2])).toBe(-32767);
    expect(aggregate(sumAggregate(TINYINT()), [127, 1])).toBe(-128);
    expect(aggregate(sumAggregate(BIGINT()), [9223372036854775807n, 1n])).toBe(-9223372036854775808n);
  });
  it('is exact for BIGINT beyond 2^53', () => {
    expect(aggregate(sumAggregate(BIGINT()), [9007199254740993n, 2n, -1n])).toBe(9007199254740994n);
  });
  it('sums DECIMAL exactly in DECIMAL(38, s)', () => {
    const v = aggregate(sumAggregate(DECIMAL(38, 2)), [dec('0.10'), dec('0.20'), null, dec('12345678901234567890.01')]) as Decimal;
    expect(v.toString()).toBe('12345678901234567890.31');
    expect(v.scale).toBe(2);
  });
  it('becomes NULL when a DECIMAL sum overflows 38 digits', () => {
    const big = new Decimal(10n ** 37n * 9n, 0);
    expect(aggregate(sumAggregate(DECIMAL(38, 0)), [big, big])).toBeNull();
  });
  it('sums FLOAT in single precision and DOUBLE in double', () => {
    expect(aggregate(sumAggregate(FLOAT()), [0.1, 0.2])).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    expect(aggregate(sumAggregate(DOUBLE()), [0.1, 0.2])).toBe(0.1 + 0.2);
  });
  it('retracts back to NULL, and to the remaining sum', () => {
    expectRetractToEmpty(sumAggregate(INT()), [1, 2, null, 3]);
    const fn = sumAggregate(BIGINT());
    expect(fn.getValue(retractAll(fn, [5n], accumulateAll(fn, [5n, 7n])))).toBe(7n);
    // Retraction before accumulation (out-of-order changelog) keeps the arithmetic right.
    const acc = accumulateAll(fn, [4n], retractAll(fn, [3n], fn.createAccumulator()));
    expect(fn.getValue(acc)).toBeNull();
    expect(fn.getValue(accumulateAll(fn, [10n], acc))).toBe(11n);
  });
  it('merges like accumulating everything', () => {
    expectMergeEquivalent(sumAggregate(INT()), [1, null], [2, 3]);
    expectMergeEquivalent(sumAggregate(INT()), [], [2, 3]);
    expectMergeEquivalent(sumAggregate(INT()), [null], []);
    expectMergeEquivalent(sumAggregate(DECIMAL(38, 1)), [dec('1.5')], [dec('2.5'), null]);
  });
});

describe('SUM0', () => {
  it('is 0 on empty input and ignores NULL', () => {
    expect(aggregate(sum0Aggregate(INT(false)), [])).toBe(0);
    expect(aggregate(sum0Aggregate(BIGINT(false)), [null, 5n])).toBe(5n);
    expect((aggregate(sum0Aggregate(DECIMAL(38, 2, false)), []) as Decimal).toString()).toBe('0.00');
  });
  it('retracts and merges', () => {
    expectRetractToEmpty(sum0Aggregate(INT(false)), [1, 2, null]);
    expectMergeEquivalent(sum0Aggregate(DOUBLE(false)), [1.5], [2.5, null]);
  });
});
