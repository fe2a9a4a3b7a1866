import { describe, expect, it } from 'vitest';
import { BIGINT, CHAR, DECIMAL, DOUBLE, INT, NULL_TYPE, STRING, VARCHAR, BOOLEAN } from '../../types/data-type.js';
import { FunctionTypeError } from '../function-def.js';
import { Decimal } from '../../types/values.js';
import { call, callTyped, dec, inferOf } from '../string/testing.js';
import { leastRestrictive } from './common-type.js';
import { compareValues, valueEquals, valueKey } from './compare.js';

describe('common type', () => {
  it('widens numerics and strings', () => {
    expect(leastRestrictive([INT(false), BIGINT(false)])).toEqual(BIGINT(false));
    expect(leastRestrictive([INT(false), DECIMAL(5, 2, true)])).toEqual(DECIMAL(12, 2, true));
    expect(leastRestrictive([INT(false), DOUBLE(false)])).toEqual(DOUBLE(false));
    expect(leastRestrictive([CHAR(3, false), VARCHAR(5, false)])).toEqual(VARCHAR(5, false));
    expect(leastRestrictive([NULL_TYPE, CHAR(7, false)])).toEqual(CHAR(7, true));
    expect(leastRestrictive([INT(false), STRING(false)])).toBeNull();
  });

  it('compares decimals by value, NaN and -0.0 like Java', () => {
    expect(valueEquals(dec('1.0'), dec('1.00'))).toBe(true);
    expect(valueKey(dec('1.0'))).toBe(valueKey(dec('1')));
    expect(compareValues(dec('1.5'), dec('1.25'))).toBe(1);
    expect(compareValues(-0, 0)).toBe(-1);
    expect(compareValues(NaN, 1)).toBe(1);
    expect(compareValues('b', 'a')).toBe(1);
    expect(valueEquals([1, null], [1, null])).toBe(true);
    expect(valueEquals(new Map([[1, 'a']]), new Map([[1, 'a']]))).toBe(true);
  });
});

describe('conditional functions', () => {
  it('COALESCE returns the first non-NULL, coerced to the common type', () => {
    expect(call('COALESCE', null, 'default')).toBe('default');
    expect(call('COALESCE', null, null)).toBeNull();
    expect(callTyped('COALESCE', [INT(true), BIGINT(false)], [null, 5n])).toBe(5n);
    expect(callTyped('COALESCE', [INT(true), BIGINT(false)], [3, 5n])).toBe(3n);
    expect(inferOf('COALESCE', [INT(true), INT(false)])).toEqual(INT(false));
    expect(inferOf('COALESCE', [INT(true), INT(true)])).toEqual(INT(true));
    expect(String(callTyped('COALESCE', [INT(true), DECIMAL(5, 2, false)], [7, dec('1.00')]))).toBe('7.00');
  });

  it('IF takes the false branch on NULL', () => {
    expect(call('IF', true, 5, 3)).toBe(5);
    expect(call('IF', false, 5, 3)).toBe(3);
    expect(callTyped('IF', [BOOLEAN(true), INT(false), INT(false)], [null, 5, 3])).toBe(3);
    expect(() => inferOf('IF', [INT(false), INT(false), INT(false)])).toThrow(FunctionTypeError);
  });

  it('IFNULL is nullable only if the replacement is', () => {
    expect(callTyped('IFNULL', [INT(true), INT(false)], [null, 5])).toBe(5);
    expect(callTyped('IFNULL', [INT(true), INT(false)], [1, 5])).toBe(1);
    expect(inferOf('IFNULL', [INT(true), INT(false)])).toEqual(INT(false));
  });

  it('NULLIF', () => {
    expect(call('NULLIF', 5, 5)).toBeNull();
    expect(call('NULLIF', 5, 0)).toBe(5);
    expect(call('NULLIF', null, 0)).toBeNull();
    expect(callTyped('NULLIF', [INT(false), INT(true)], [5, null])).toBe(5);
    expect(call('NULLIF', dec('1.0'), dec('1.00'))).toBeNull();
    expect(inferOf('NULLIF', [INT(false), INT(false)])).toEqual(INT(true));
  });

  it('GREATEST / LEAST are NULL if any argument is', () => {
    expect(call('GREATEST', 1, 5, 3)).toBe(5);
    expect(call('LEAST', 'b', 'a', 'c')).toBe('a');
    expect(call('GREATEST', 1, null)).toBeNull();
    expect(callTyped('GREATEST', [INT(false), BIGINT(false)], [7, 5n])).toBe(7n);
    expect(String(callTyped('LEAST', [INT(false), DECIMAL(3, 1, false)], [1, new Decimal(5n, 1)]))).toBe('0.5');
  });

  it('IS_ALPHA / IS_DIGIT / IS_DECIMAL', () => {
    expect(call('IS_ALPHA', 'abcXYZ')).toBe(true);
    expect(call('IS_ALPHA', 'ab1')).toBe(false);
    expect(call('IS_ALPHA', '')).toBe(false);
    expect(call('IS_ALPHA', null)).toBe(false);
    expect(call('IS_DIGIT', '0123')).toBe(true);
    expect(call('IS_DIGIT', '-1')).toBe(false);
    expect(call('IS_DIGIT', null)).toBe(false);
    expect(call('IS_DECIMAL', '1.5e3')).toBe(true);
    expect(call('IS_DECIMAL', '-12')).toBe(true);
    expect(call('IS_DECIMAL', ' 12 ')).toBe(true);
    expect(call('IS_DECIMAL', '1d')).toBe(true);
    expect(call('IS_DECIMAL', 'NaN')).toBe(true);
    expect(call('IS_DECIMAL', 'abc')).toBe(false);
    expect(call('IS_DECIMAL', '1.2.3')).toBe(false);
    expect(call('IS_DECIMAL', '')).toBe(false);
    expect(call('IS_DECIMAL', null)).toBe(false);
  });
});
