import { describe, expect, it } from 'vitest';
import { ARRAY, BIGINT, BOOLEAN, BYTES, DECIMAL, DOUBLE, INT, MAP, ROW, STRING, TIMESTAMP } from './data-type.js';
import { parseDecimal } from './decimal.js';
import { buildKeyOf, hashKey, keyHash32 } from './value-hash.js';
import { compareStringsUtf8, compareValues, valuesEqual } from './values-compare.js';
import { Timestamp } from './values.js';

describe('compareValues', () => {
  it('orders NULL lowest and numbers naturally', () => {
    expect(compareValues(null, 1, INT())).toBe(-1);
    expect(compareValues(1, null, INT())).toBe(1);
    expect(compareValues(null, null, INT())).toBe(0);
    expect(compareValues(2, 10, INT())).toBe(-1);
    expect(compareValues(9007199254740993n, 9007199254740992n, BIGINT())).toBe(1);
    expect(compareValues(parseDecimal('1.10'), parseDecimal('1.09'), DECIMAL(3, 2))).toBe(1);
  });
  it('orders doubles like Double.compare', () => {
    expect(compareValues(-0, 0, DOUBLE())).toBe(-1);
    expect(compareValues(NaN, Infinity, DOUBLE())).toBe(1);
    expect(compareValues(NaN, NaN, DOUBLE())).toBe(0);
  });
  it('orders strings by UTF-8 bytes', () => {
    expect(compareValues('a', 'b', STRING())).toBe(-1);
    expect(compareValues('ab', 'a', STRING())).toBe(1);
    expect(compareValues('B', 'a', STRING())).toBe(-1);
    // U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) in UTF-8 but after it in UTF-16
    expect(compareStringsUtf8('\uff21', '\u{1f600}')).toBe(-1);
    expect(compareStringsUtf8('\u{1f600}', '\uff21')).toBe(1);
  });
  it('orders other kinds', () => {
    expect(compareValues(false, true, BOOLEAN())).toBe(-1);
    expect(compareValues(new Uint8Array([0x80]), new Uint8Array([0x7f]), BYTES())).toBe(1);
    expect(compareValues(new Timestamp(5, 1), new Timestamp(5, 2), TIMESTAMP(9))).toBeLessThan(0);
    expect(compareValues([1, 2], [1, 3], ARRAY(INT()))).toBe(-1);
    expect(compareValues([1], [1, 0], ARRAY(INT()))).toBe(-1);
    expect(compareValues([1, 'b'], [1, 'a'], ROW([{ name: 'a', type: INT() }, { name: 'b', type: STRING() }]))).toBe(1);
  });
});

describe('valuesEqual and hashKey', () => {
  it('treats NULLs as equal for grouping', () => {
    expect(valuesEqual(null, null, INT())).toBe(true);
    expect(valuesEqual(null, 0, INT())).toBe(false);
    expect(valuesEqual(NaN, NaN, DOUBLE())).toBe(true);
    expect(valuesEqual(parseDecimal('1.0'), parseDecimal('1.00'), DECIMAL(3, 2))).toBe(true);
    expect(valuesEqual(new Map([[1, 'a'], [2, 'b']]), new Map([[2, 'b'], [1, 'a']]), MAP(INT(), STRING()))).toBe(true);
  });
  it('gives equal keys exactly for equal tuples', () => {
    const types = [STRING(), INT()];
    expect(hashKey(['a', 1], types)).toBe(hashKey(['a', 1], types));
    expect(hashKey(['a|i1', null], types)).not.toBe(hashKey(['a', 1], types));
    expect(hashKey([null], [STRING()])).not.toBe(hashKey(['n'], [STRING()]));
    expect(hashKey(['n'], [STRING()])).not.toBe(hashKey([''], [STRING()]));
    expect(hashKey([7], [INT()])).toBe(7);
    expect(hashKey([7n], [BIGINT()])).toBe(hashKey([7n], [BIGINT()]));
    expect(hashKey([new Uint8Array([1, 2])], [BYTES()])).toBe(hashKey([new Uint8Array([1, 2])], [BYTES()]));
    expect(hashKey([[1, null]], [ARRAY(INT())])).not.toBe(hashKey([[null, 1]], [ARRAY(INT())]));
    const keyOf = buildKeyOf([INT(), STRING()], [2, 0]);
    expect(keyOf(['x', 0, 5])).toBe(hashKey([5, 'x'], [INT(), STRING()]));
  });
  it('hashes keys stably to 32 bits', () => {
    expect(keyHash32('abc')).toBe(keyHash32('abc'));
    expect(keyHash32(1)).not.toBe(keyHash32(2));
    expect(keyHash32('abc')).toBeGreaterThanOrEqual(0);
    expect(keyHash32('abc')).toBeLessThan(2 ** 32);
  });
});
