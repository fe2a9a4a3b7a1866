import { describe, expect, it } from 'vitest';
import { erase, type AggregateFunction } from './aggregate-function.js';
import { listAggAggregate, listAggWithRetractAggregate } from './listagg.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty, retractAll } from './test-helpers.js';

describe('LISTAGG', () => {
  const variants: [string, (sep: string) => AggregateFunction][] = [
    ['append', (sep) => erase(listAggAggregate(sep))],
    ['retract', (sep) => erase(listAggWithRetractAggregate(sep))],
  ];
  for (const [variant, make] of variants) {
    describe(variant, () => {
      it('joins non-null values in arrival order with the separator', () => {
        expect(aggregate(make(','), ['a', null, 'b', 'a'])).toBe('a,b,a');
        expect(aggregate(make('; '), ['x', 'y'])).toBe('x; y');
        expect(aggregate(make(''), ['x', 'y'])).toBe('xy');
      });
      it('is NULL on empty or all-null input; an empty string is a value', () => {
        expect(aggregate(make(','), [])).toBeNull();
        expect(aggregate(make(','), [null])).toBeNull();
        expect(aggregate(make(','), [''])).toBe('');
      });
      it('merges in order', () => {
        expectMergeEquivalent(make(','), ['a', 'b'], ['c', null]);
        expectMergeEquivalent(make(','), [], ['c']);
        expectMergeEquivalent(make(','), ['a'], []);
      });
    });
  }
  it('retract variant removes the first equal value', () => {
    const fn = listAggWithRetractAggregate(',');
    expect(fn.getValue(retractAll(fn, ['a'], accumulateAll(fn, ['a', 'b', 'a'])))).toBe('b,a');
    expectRetractToEmpty(fn, ['a', 'b', null]);
  });
  it('retract variant settles a retraction that arrives before its value when merging', () => {
    const fn = listAggWithRetractAggregate(',');
    const early = retractAll(fn, ['x'], accumulateAll(fn, ['a']));
    expect(fn.getValue(early)).toBe('a');
    const merged = fn.merge(early, accumulateAll(fn, ['x', 'b']));
    expect(fn.getValue(merged)).toBe('a,b');
  });
  it('append variant cannot retract', () => {
    expect(listAggAggregate(',').retract).toBeUndefined();
  });
});
