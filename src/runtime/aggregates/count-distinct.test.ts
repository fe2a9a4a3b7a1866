import { expect, it } from 'vitest';
import { DECIMAL, INT, STRING } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import { countAggregate } from './count.js';
import { countDistinctAggregate } from './count-distinct.js';
import { distinctAggregate } from './distinct.js';
import { accumulateAll, aggregate, expectMergeEquivalent, retractAll } from './test-helpers.js';

it('counts distinct non-NULL values, DECIMALs by value, tuples by all arguments', () => {
  expect(aggregate(countDistinctAggregate([INT()]), [1, 2, 1, null, 2, 3])).toBe(3n);
  expect(aggregate(countDistinctAggregate([DECIMAL(5, 2)]), [parseDecimal('1.0'), parseDecimal('1.00')])).toBe(1n);
  expect(aggregate(countDistinctAggregate([INT(), STRING()]), [[1, 'a'], [1, 'b'], [1, 'a'], [1, null]])).toBe(2n);
});

it('retracts a value only with its last copy; a retraction before its row leaves nothing counted', () => {
  const fn = countDistinctAggregate([INT()]);
  let acc = accumulateAll(fn, [5, 5, 7]);
  acc = retractAll(fn, [5], acc);
  expect(fn.getValue(acc)).toBe(2n);
  acc = retractAll(fn, [5, 9], acc);
  expect(fn.getValue(acc)).toBe(1n);
  acc = accumulateAll(fn, [9], acc);
  expect(fn.getValue(acc)).toBe(1n);
});

it('gives what distinct COUNT gives, merged too', () => {
  const values = [3, 1, 3, null, 4, 1, 5];
  expect(aggregate(countDistinctAggregate([INT()]), values)).toBe(aggregate(distinctAggregate(countAggregate(1), [INT()]), values));
  expectMergeEquivalent(countDistinctAggregate([INT()]), values.slice(0, 3), values.slice(3));
});
