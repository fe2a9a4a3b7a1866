import { describe, expect, it } from 'vitest';
import { DECIMAL, STRING } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import { collectAggregate } from './collect.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty, retractAll } from './test-helpers.js';

describe('COLLECT', () => {
  it('builds a multiset of the non-null values with counts', () => {
    expect(aggregate(collectAggregate(STRING()), ['a', 'b', null, 'a'])).toEqual(new Map([['a', 2], ['b', 1]]));
  });
  it('is an empty multiset on empty input', () => {
    expect(aggregate(collectAggregate(STRING()), [])).toEqual(new Map());
    expect(aggregate(collectAggregate(STRING()), [null])).toEqual(new Map());
  });
  it('treats equal DECIMALs as one element', () => {
    const m = aggregate(collectAggregate(DECIMAL(5, 2)), [parseDecimal('1.0'), parseDecimal('1.00')]) as Map<unknown, number>;
    expect([...m.values()]).toEqual([2]);
  });
  it('retracts counts, dropping elements at zero, and keeps -1 for an unknown element', () => {
    const fn = collectAggregate(STRING());
    const acc = retractAll(fn, ['a', 'z'], accumulateAll(fn, ['a', 'a', 'b']));
    expect(fn.getValue(acc)).toEqual(new Map([['a', 1], ['b', 1], ['z', -1]]));
    expectRetractToEmpty(fn, ['a', 'b', 'a', null]);
  });
  it('merges', () => {
    expectMergeEquivalent(collectAggregate(STRING()), ['a', 'b'], ['a', 'c']);
    expectMergeEquivalent(collectAggregate(STRING()), [], ['a']);
  });
});
