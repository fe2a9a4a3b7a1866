import { describe, expect, it } from 'vitest';
import { INT, STRING } from '../../types/data-type.js';
import { firstLastAggregate, firstLastWithRetractAggregate } from './first-last.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty, retractAll } from './test-helpers.js';

describe('FIRST_VALUE / LAST_VALUE', () => {
  for (const variant of ['append', 'retract'] as const) {
    const make = (kind: 'FIRST_VALUE' | 'LAST_VALUE', respect = false) =>
      variant === 'append' ? firstLastAggregate(kind, respect) : firstLastWithRetractAggregate(kind, STRING(), respect);
    describe(variant, () => {
      it('returns the first / last non-null value in arrival order', () => {
        expect(aggregate(make('FIRST_VALUE'), [null, 'b', 'a', null])).toBe('b');
        expect(aggregate(make('LAST_VALUE'), [null, 'b', 'a', null])).toBe('a');
      });
      it('counts NULLs with RESPECT NULLS', () => {
        expect(aggregate(make('FIRST_VALUE', true), [null, 'b'])).toBeNull();
        expect(aggregate(make('LAST_VALUE', true), ['b', null])).toBeNull();
      });
      it('is NULL on empty input', () => {
        expect(aggregate(make('FIRST_VALUE'), [])).toBeNull();
        expect(aggregate(make('LAST_VALUE'), [null])).toBeNull();
      });
      it('merges an earlier accumulator with a later one', () => {
        expectMergeEquivalent(make('FIRST_VALUE'), ['a', 'b'], ['c']);
        expectMergeEquivalent(make('FIRST_VALUE'), [null], ['c']);
        expectMergeEquivalent(make('LAST_VALUE'), ['a', 'b'], ['c', null]);
        expectMergeEquivalent(make('LAST_VALUE'), ['a'], []);
      });
    });
  }
  it('retract variant removes the earliest copy and falls back to the next value', () => {
    const first = firstLastWithRetractAggregate('FIRST_VALUE', INT());
    let acc = accumulateAll(first, [1, 2, 1]);
    acc = retractAll(first, [1], acc);
    expect(first.getValue(acc)).toBe(2);
    const last = firstLastWithRetractAggregate('LAST_VALUE', INT());
    let lacc = accumulateAll(last, [1, 2, 3]);
    lacc = retractAll(last, [3], lacc);
    expect(last.getValue(lacc)).toBe(2);
    expectRetractToEmpty(first, [1, null, 2]);
    expectRetractToEmpty(last, [1, 2, 2]);
  });
  it('append variant cannot retract', () => {
    expect(firstLastAggregate('FIRST_VALUE').retract).toBeUndefined();
  });
});
