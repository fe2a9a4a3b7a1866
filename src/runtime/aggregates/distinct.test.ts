import { describe, expect, it } from 'vitest';
import { DECIMAL, INT, STRING } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import { countAggregate } from './count.js';
import { distinctAggregate } from './distinct.js';
import { listAggAggregate, listAggWithRetractAggregate } from './listagg.js';
import { minMaxAggregate } from './min-max.js';
import { sumAggregate } from './sum.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty, retractAll } from './test-helpers.js';

describe('distinctAggregate', () => {
  it('accumulates each distinct value once', () => {
    expect(aggregate(distinctAggregate(countAggregate(1), [INT()]), [1, 2, 1, null, 2, 3])).toBe(3n);
    expect(aggregate(distinctAggregate(sumAggregate(INT()), [INT()]), [1, 2, 1, 2, 3])).toBe(6);
    expect(aggregate(distinctAggregate(listAggAggregate(','), [STRING()]), ['b', 'a', 'b'])).toBe('b,a');
  });
  it('compares DECIMALs by value', () => {
    const fn = distinctAggregate(countAggregate(1), [DECIMAL(5, 2)]);
    expect(aggregate(fn, [parseDecimal('1.0'), parseDecimal('1.00')])).toBe(1n);
  });
  it('distinguishes multi-argument tuples', () => {
    expect(aggregate(distinctAggregate(countAggregate(2), [INT(), STRING()]), [[1, 'a'], [1, 'b'], [1, 'a']])).toBe(2n);
  });
  it('retracts only the last copy of a value', () => {
    const fn = distinctAggregate(sumAggregate(INT()), [INT()]);
    let acc = accumulateAll(fn, [5, 5, 7]);
    acc = retractAll(fn, [5], acc);
    expect(fn.getValue(acc)).toBe(12);
    acc = retractAll(fn, [5], acc);
    expect(fn.getValue(acc)).toBe(7);
    expectRetractToEmpty(fn, [1, 1, 2, null]);
    expectRetractToEmpty(distinctAggregate(countAggregate(1), [INT()]), [1, 1, 2, null]);
  });
  it('is retractable only when the inner function is', () => {
    expect(distinctAggregate(minMaxAggregate('MIN', INT()), [INT()]).retract).toBeUndefined();
    expect(distinctAggregate(listAggWithRetractAggregate(','), [STRING()]).retract).toBeDefined();
  });
  it('merges without counting values present on both sides twice', () => {
    expectMergeEquivalent(distinctAggregate(sumAggregate(INT()), [INT()]), [1, 2, 2], [2, 3, 1]);
    expectMergeEquivalent(distinctAggregate(countAggregate(1), [INT()]), [], [1, 1]);
    expectMergeEquivalent(distinctAggregate(listAggAggregate(','), [STRING()]), ['a', 'b'], ['c', 'a', 'd']);
    // A value retracted on one side survives when the other side still has it.
    const fn = distinctAggregate(sumAggregate(INT()), [INT()]);
    const a = accumulateAll(fn, [4]);
    const b = retractAll(fn, [4], accumulateAll(fn, [4, 4]));
    expect(fn.getValue(fn.merge(a, b))).toBe(4);
  });
});
