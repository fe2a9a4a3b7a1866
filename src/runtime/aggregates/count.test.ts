import { describe, expect, it } from 'vitest';
import { countAggregate } from './count.js';
import { aggregate, expectMergeEquivalent, expectRetractToEmpty } from './test-helpers.js';

describe('COUNT', () => {
  it('counts non-null values of COUNT(x) and every row of COUNT(*)', () => {
    expect(aggregate(countAggregate(1), [1, null, 3, null])).toBe(2n);
    expect(aggregate(countAggregate(0), [[], [], []])).toBe(3n);
  });
  it('counts rows where all arguments are non-null for COUNT(a, b)', () => {
    expect(aggregate(countAggregate(2), [[1, 2], [1, null], [null, 2], ['x', 'y']])).toBe(2n);
  });
  it('is 0, not NULL, on empty input', () => {
    expect(aggregate(countAggregate(1), [])).toBe(0n);
    expect(aggregate(countAggregate(1), [null, null])).toBe(0n);
  });
  it('retracts back to 0 and merges', () => {
    expectRetractToEmpty(countAggregate(1), [1, 2, null, 4]);
    expectMergeEquivalent(countAggregate(1), [1, null], [2, 3, null]);
    expectMergeEquivalent(countAggregate(0), [[], []], [[]]);
  });
});
