import { describe, expect, it } from 'vitest';
import { ARRAY, BIGINT, INT, MAP, STRING, DECIMAL, ROW } from '../../types/data-type.js';
import { call, callTyped, dec, inferOf } from '../string/testing.js';
import { arrayElementAt, mapGet } from './access.js';

describe('value access', () => {
  it('arrayElementAt is 1-based and NULL out of range', () => {
    expect(arrayElementAt([10, 20], 1)).toBe(10);
    expect(arrayElementAt([10, 20], 2n)).toBe(20);
    expect(arrayElementAt([10, 20], 0)).toBeNull();
    expect(arrayElementAt([10, 20], 3)).toBeNull();
    expect(arrayElementAt(null, 1)).toBeNull();
  });

  it('mapGet compares keys by SQL value', () => {
    const m = new Map<unknown, unknown>([['a', 1], [5n, 'five'], [dec('1.0'), 'one']]);
    expect(mapGet(m, 'a')).toBe(1);
    expect(mapGet(m, 5n)).toBe('five');
    expect(mapGet(m, 5)).toBe('five');
    expect(mapGet(m, dec('1.00'))).toBe('one');
    expect(mapGet(m, 'zz')).toBeNull();
    expect(mapGet(null, 'a')).toBeNull();
  });
});

describe('array functions', () => {
  it('CARDINALITY and ELEMENT', () => {
    expect(call('CARDINALITY', [1, 2, 3])).toBe(3);
    expect(call('CARDINALITY', new Map([['a', 1]]))).toBe(1);
    expect(call('ELEMENT', [7])).toBe(7);
    expect(call('ELEMENT', [])).toBeNull();
    expect(() => call('ELEMENT', [1, 2])).toThrow('more than one');
  });

  it('ARRAY_APPEND / ARRAY_PREPEND add an element, NULL included', () => {
    expect(call('ARRAY_APPEND', [1, 2], 3)).toEqual([1, 2, 3]);
    expect(call('ARRAY_PREPEND', [1, 2], 0)).toEqual([0, 1, 2]);
    expect(callTyped('ARRAY_APPEND', [ARRAY(INT(false), false), INT(true)], [[1], null])).toEqual([1, null]);
    expect(callTyped('ARRAY_APPEND', [ARRAY(INT(false), true), INT(false)], [null, 1])).toBeNull();
    expect(inferOf('ARRAY_APPEND', [ARRAY(INT(false), false), INT(true)])).toEqual(ARRAY(INT(true), false));
    expect(callTyped('ARRAY_APPEND', [ARRAY(INT(false), false), BIGINT(false)], [[1], 2n])).toEqual([1n, 2n]);
  });

  it('ARRAY_CONTAINS / ARRAY_POSITION / ARRAY_REMOVE handle NULL elements', () => {
    expect(call('ARRAY_CONTAINS', [1, 2, 3], 2)).toBe(true);
    expect(call('ARRAY_CONTAINS', [1, 2, 3], 4)).toBe(false);
    expect(callTyped('ARRAY_CONTAINS', [ARRAY(INT(true), false), INT(true)], [[1, null], null])).toBe(true);
    expect(callTyped('ARRAY_CONTAINS', [ARRAY(INT(true), true), INT(true)], [null, 1])).toBeNull();
    expect(call('ARRAY_POSITION', [1, 2, 3, 2], 2)).toBe(2);
    expect(call('ARRAY_POSITION', [1, 2, 3], 5)).toBe(0);
    expect(call('ARRAY_REMOVE', [1, 2, 1, 3], 1)).toEqual([2, 3]);
    expect(callTyped('ARRAY_REMOVE', [ARRAY(INT(true), false), INT(true)], [[1, null, 2], null])).toEqual([1, 2]);
    expect(callTyped('ARRAY_CONTAINS', [ARRAY(DECIMAL(3, 1, false), false), INT(false)], [[dec('1.0')], 1])).toBe(true);
  });

  it('ARRAY_DISTINCT / ARRAY_REVERSE', () => {
    expect(call('ARRAY_DISTINCT', [1, 2, 1, null, null, 3])).toEqual([1, 2, null, 3]);
    expect(call('ARRAY_REVERSE', [1, 2, 3])).toEqual([3, 2, 1]);
  });

  it('ARRAY_SLICE', () => {
    const a = [1, 2, 3, 4, 5];
    expect(call('ARRAY_SLICE', a, 2, 4)).toEqual([2, 3, 4]);
    expect(call('ARRAY_SLICE', a, -2)).toEqual([4, 5]);
    expect(call('ARRAY_SLICE', a, 0, 2)).toEqual([1, 2]);
    expect(call('ARRAY_SLICE', a, 4, 2)).toEqual([]);
    expect(call('ARRAY_SLICE', a, 3, 100)).toEqual([3, 4, 5]);
    expect(call('ARRAY_SLICE', a, -3, -2)).toEqual([3, 4]);
    expect(call('ARRAY_SLICE', [], 1, 2)).toEqual([]);
  });

  it('ARRAY_SORT: ascending NULLs first by default, descending NULLs last', () => {
    expect(call('ARRAY_SORT', [3, null, 1, 2])).toEqual([null, 1, 2, 3]);
    expect(call('ARRAY_SORT', [3, null, 1, 2], false)).toEqual([3, 2, 1, null]);
    expect(call('ARRAY_SORT', [3, null, 1], true, false)).toEqual([1, 3, null]);
    expect(call('ARRAY_SORT', [3, null, 1], false, true)).toEqual([null, 3, 1]);
    expect(call('ARRAY_SORT', ['b', 'a'])).toEqual(['a', 'b']);
    expect(call('ARRAY_SORT', [1], null)).toBeNull();
  });

  it('ARRAY_UNION / ARRAY_EXCEPT / ARRAY_INTERSECT / ARRAY_CONCAT', () => {
    expect(call('ARRAY_UNION', [1, 2, 2], [2, 3])).toEqual([1, 2, 3]);
    expect(call('ARRAY_EXCEPT', [1, 2, 2, 3], [2])).toEqual([1, 2, 3]);
    expect(call('ARRAY_EXCEPT', [1, 2, 2], [2, 3, 4])).toEqual([1, 2]);
    expect(call('ARRAY_EXCEPT', [1, 1], [])).toEqual([1, 1]);
    expect(call('ARRAY_INTERSECT', [1, 2, 2, 3], [2, 3, 4])).toEqual([2, 3]);
    expect(call('ARRAY_CONCAT', [1, 2], [3], [4, 5])).toEqual([1, 2, 3, 4, 5]);
    expect(call('ARRAY_CONCAT', [1, 2], null)).toBeNull();
    expect(callTyped('ARRAY_UNION', [ARRAY(INT(false), false), ARRAY(BIGINT(false), false)], [[1], [1n, 2n]])).toEqual([1n, 2n]);
  });

  it('ARRAY_MAX / ARRAY_MIN skip NULLs', () => {
    expect(call('ARRAY_MAX', [1, null, 5, 3])).toBe(5);
    expect(call('ARRAY_MIN', [4, null, 2])).toBe(2);
    expect(call('ARRAY_MAX', [])).toBeNull();
    expect(call('ARRAY_MAX', ['a', 'c', 'b'])).toBe('c');
  });

  it('ARRAY_JOIN', () => {
    expect(call('ARRAY_JOIN', ['a', null, 'b'], ',')).toBe('a,b');
    expect(call('ARRAY_JOIN', ['a', null, 'b'], ',', 'N')).toBe('a,N,b');
    expect(call('ARRAY_JOIN', null, ',')).toBeNull();
    expect(call('ARRAY_JOIN', ['a', null], ',', null)).toBeNull();
    expect(() => inferOf('ARRAY_JOIN', [ARRAY(INT(false)), STRING(false)])).toThrow();
  });

  it('SPLIT', () => {
    expect(call('SPLIT', 'a,b,,c', ',')).toEqual(['a', 'b', '', 'c']);
    expect(call('SPLIT', ',a,', ',')).toEqual(['', 'a', '']);
    expect(call('SPLIT', 'abc', '')).toEqual(['a', 'b', 'c']);
    expect(call('SPLIT', 'abc', ',')).toEqual(['abc']);
    expect(call('SPLIT', null, ',')).toBeNull();
    expect(call('SPLIT', '', ',')).toEqual([]);
    expect(call('SPLIT', 'a😀', '')).toEqual(['a', '😀']);
  });
});

describe('map functions', () => {
  const m = new Map<unknown, unknown>([['a', 1], ['b', 2]]);
  it('MAP_KEYS / MAP_VALUES / MAP_ENTRIES', () => {
    expect(call('MAP_KEYS', m)).toEqual(['a', 'b']);
    expect(call('MAP_VALUES', m)).toEqual([1, 2]);
    expect(call('MAP_ENTRIES', m)).toEqual([['a', 1], ['b', 2]]);
    const t = inferOf('MAP_ENTRIES', [MAP(STRING(false), INT(true), false)]);
    expect(t).toEqual(ARRAY(ROW([{ name: 'key', type: STRING(false) }, { name: 'value', type: INT(true) }], false), false));
  });

  it('MAP_FROM_ARRAYS', () => {
    expect(call('MAP_FROM_ARRAYS', ['a', 'b'], [1, 2])).toEqual(m);
    expect(call('MAP_FROM_ARRAYS', ['a', 'a'], [1, 2])).toEqual(new Map([['a', 2]]));
    expect(() => call('MAP_FROM_ARRAYS', ['a'], [1, 2])).toThrow('not equal');
  });

  it('MAP_UNION: later maps win', () => {
    expect(call('MAP_UNION', m, new Map([['b', 3], ['c', 4]]))).toEqual(new Map([['a', 1], ['b', 3], ['c', 4]]));
    expect(call('MAP_UNION', m, null)).toBeNull();
    expect([...(call('MAP_UNION', m, new Map([['b', 3]])) as Map<unknown, unknown>).keys()]).toEqual(['b', 'a']);
  });
});
