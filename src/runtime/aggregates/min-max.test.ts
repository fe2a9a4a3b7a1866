import { describe, expect, it } from 'vitest';
import { BIGINT, DATE, DECIMAL, DOUBLE, INT, STRING, TIMESTAMP, VARBINARY } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import { Timestamp } from '../../types/values.js';
import { minMaxAggregate, minMaxWithRetractAggregate } from './min-max.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty, retractAll } from './test-helpers.js';

describe('MIN / MAX', () => {
  for (const variant of ['append', 'retract'] as const) {
    const make = variant === 'append' ? minMaxAggregate : minMaxWithRetractAggregate;
    describe(variant, () => {
      it('ignores NULL; NULL on empty input', () => {
        expect(aggregate(make('MIN', INT()), [3, null, 1, 2])).toBe(1);
        expect(aggregate(make('MAX', INT()), [3, null, 1, 2])).toBe(3);
        expect(aggregate(make('MIN', INT()), [])).toBeNull();
        expect(aggregate(make('MAX', INT()), [null])).toBeNull();
      });
      it('orders strings by code point (UTF-8 byte order), not UTF-16 units', () => {
        expect(aggregate(make('MAX', STRING()), ['apple', 'Banana', 'banana'])).toBe('banana');
        expect(aggregate(make('MIN', STRING()), ['b', 'B', 'a'])).toBe('B');
        // U+FF21 (one UTF-16 unit) sorts below U+1F600 (a surrogate pair) by code point.
        expect(aggregate(make('MAX', STRING()), ['\uFF21', '\u{1F600}'])).toBe('\u{1F600}');
      });
      it('compares BIGINT exactly, DECIMAL by value, DOUBLE, DATE, TIMESTAMP with nanos and bytes', () => {
        expect(aggregate(make('MAX', BIGINT()), [9007199254740993n, 9007199254740992n])).toBe(9007199254740993n);
        expect(String(aggregate(make('MAX', DECIMAL(10, 3)), [parseDecimal('1.5'), parseDecimal('1.49'), parseDecimal('-3')]))).toBe('1.5');
        expect(aggregate(make('MIN', DOUBLE()), [0.5, -0.0, 0.0])).toBe(-0);
        expect(aggregate(make('MAX', DATE()), [19000, 19500, 18000])).toBe(19500);
        const t = aggregate(make('MAX', TIMESTAMP(9)), [new Timestamp(1000, 5), new Timestamp(1000, 7), new Timestamp(999, 999999)]) as Timestamp;
        expect([t.millis, t.nanos]).toEqual([1000, 7]);
        expect(aggregate(make('MAX', VARBINARY(10)), [new Uint8Array([1, 2]), new Uint8Array([0xff]), new Uint8Array([1, 2, 0])])).toEqual(new Uint8Array([0xff]));
      });
      it('merges like accumulating everything', () => {
        expectMergeEquivalent(make('MIN', INT()), [3, 5], [4, 1]);
        expectMergeEquivalent(make('MAX', STRING()), ['a'], []);
        expectMergeEquivalent(make('MAX', STRING()), [], ['z', null]);
      });
    });
  }
  it('append-only MIN/MAX cannot retract', () => {
    expect(minMaxAggregate('MIN', INT()).retract).toBeUndefined();
  });
  it('retract variant recomputes the extreme when it is retracted, keeping duplicates', () => {
    const fn = minMaxWithRetractAggregate('MAX', INT());
    let acc = accumulateAll(fn, [5, 9, 9, 7]);
    acc = retractAll(fn, [9], acc);
    expect(fn.getValue(acc)).toBe(9);
    acc = retractAll(fn, [9], acc);
    expect(fn.getValue(acc)).toBe(7);
    acc = retractAll(fn, [5], acc);
    expect(fn.getValue(acc)).toBe(7);
    expectRetractToEmpty(fn, [5, 9, 9, null, 7]);
  });
  it('retract variant treats equal DECIMALs of different scales as one value', () => {
    const fn = minMaxWithRetractAggregate('MIN', DECIMAL(10, 2));
    const acc = retractAll(fn, [parseDecimal('1.0')], accumulateAll(fn, [parseDecimal('1.00'), parseDecimal('2.00')]));
    expect(String(fn.getValue(acc))).toBe('2.00');
  });
  it('retract variant ignores a value retracted before it was accumulated', () => {
    const fn = minMaxWithRetractAggregate('MIN', INT());
    const acc = accumulateAll(fn, [4], retractAll(fn, [1], fn.createAccumulator()));
    expect(fn.getValue(acc)).toBe(4);
    expect(fn.getValue(accumulateAll(fn, [1], acc))).toBe(4);
  });
});
