import { describe, expect, it } from 'vitest';
import { boolAggregate } from './bool-agg.js';
import { singleValueAggregate } from './single-value.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty } from './test-helpers.js';

describe('BOOL_AND / BOOL_OR', () => {
  it('ignores NULL; NULL on empty input', () => {
    expect(aggregate(boolAggregate('BOOL_AND'), [true, null, true])).toBe(true);
    expect(aggregate(boolAggregate('BOOL_AND'), [true, false])).toBe(false);
    expect(aggregate(boolAggregate('BOOL_OR'), [false, null, true])).toBe(true);
    expect(aggregate(boolAggregate('BOOL_OR'), [false])).toBe(false);
    expect(aggregate(boolAggregate('BOOL_OR'), [null])).toBeNull();
  });
  it('retracts and merges', () => {
    expectRetractToEmpty(boolAggregate('BOOL_AND'), [true, false, null]);
    expectMergeEquivalent(boolAggregate('BOOL_AND'), [true], [false]);
    expectMergeEquivalent(boolAggregate('BOOL_OR'), [], [false]);
  });
});

describe('SINGLE_VALUE', () => {
  it('returns the only value (NULL included) and NULL on empty input', () => {
    expect(aggregate(singleValueAggregate(), [5])).toBe(5);
    expect(aggregate(singleValueAggregate(), [null])).toBeNull();
    expect(aggregate(singleValueAggregate(), [])).toBeNull();
  });
  it('fails on a second row, also across a merge', () => {
    expect(() => aggregate(singleValueAggregate(), [1, 2])).toThrow(/more than one element/);
    const fn = singleValueAggregate();
    expect(() => fn.merge(accumulateAll(fn, [1]), accumulateAll(fn, [2]))).toThrow(/more than one element/);
  });
  it('retracts and merges', () => {
    expectRetractToEmpty(singleValueAggregate(), [7]);
    expectMergeEquivalent(singleValueAggregate(), [], [7]);
    expectMergeEquivalent(singleValueAggregate(), [7], []);
  });
});
