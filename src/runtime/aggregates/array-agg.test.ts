import { describe, expect, it } from 'vitest';
import { ARRAY, INT, STRING } from '../../types/data-type.js';
import { arrayAggAggregate } from './array-agg.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty, retractAll } from './test-helpers.js';

describe('ARRAY_AGG', () => {
  it('keeps NULLs by default (RESPECT NULLS) and skips them with IGNORE NULLS', () => {
    expect(aggregate(arrayAggAggregate(INT(), false), [3, null, 7])).toEqual([3, null, 7]);
    expect(aggregate(arrayAggAggregate(INT(), true), [3, null, 7])).toEqual([3, 7]);
  });
  it('is NULL, not an empty array, on empty input', () => {
    expect(aggregate(arrayAggAggregate(INT(), false), [])).toBeNull();
    expect(aggregate(arrayAggAggregate(INT(), true), [null])).toBeNull();
    expect(aggregate(arrayAggAggregate(INT(), false), [null])).toEqual([null]);
  });
  it('aggregates ARRAY values', () => {
    expect(aggregate(arrayAggAggregate(ARRAY(INT()), false), [[[1, 2]], [[3]]])).toEqual([[1, 2], [3]]);
  });
  it('does not share the result with the accumulator', () => {
    const fn = arrayAggAggregate(STRING(), false);
    const acc = accumulateAll(fn, ['a']);
    (fn.getValue(acc) as unknown[]).push('zzz');
    expect(fn.getValue(acc)).toEqual(['a']);
  });
  it('retracts the first equal value and merges', () => {
    const fn = arrayAggAggregate(STRING(), false);
    expect(fn.getValue(retractAll(fn, ['a', null], accumulateAll(fn, ['a', null, 'b', 'a'])))).toEqual(['b', 'a']);
    expectRetractToEmpty(fn, ['a', null, 'b']);
    expectMergeEquivalent(fn, ['a', null], ['b']);
    expectMergeEquivalent(fn, [], ['b']);
  });
});
