import { describe, expect, it } from 'vitest';
import { BIGINT, BOOLEAN, DECIMAL, DOUBLE, INT, STRING } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import { jsonArrayAggAggregate, jsonObjectAggAggregate } from './json-agg.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty, retractAll } from './test-helpers.js';

describe('JSON_OBJECTAGG', () => {
  it('builds a JSON object with NULL ON NULL by default', () => {
    expect(aggregate(jsonObjectAggAggregate(INT()), [['b', 2], ['a', 1], ['c', null]])).toBe('{"a":1,"b":2,"c":null}');
  });
  it('drops NULL values with ABSENT ON NULL', () => {
    expect(aggregate(jsonObjectAggAggregate(INT(), 'ABSENT'), [['a', 1], ['c', null]])).toBe('{"a":1}');
  });
  it('writes values as JSON: strings quoted and escaped, exact BIGINT and DECIMAL, booleans', () => {
    expect(aggregate(jsonObjectAggAggregate(STRING()), [['k', 'say "hi"\n']])).toBe('{"k":"say \\"hi\\"\\n"}');
    expect(aggregate(jsonObjectAggAggregate(BIGINT()), [['id', 9007199254740993n]])).toBe('{"id":9007199254740993}');
    expect(aggregate(jsonObjectAggAggregate(DECIMAL(5, 2)), [['p', parseDecimal('1.50')]])).toBe('{"p":1.50}');
    expect(aggregate(jsonObjectAggAggregate(BOOLEAN()), [['t', true]])).toBe('{"t":true}');
    expect(aggregate(jsonObjectAggAggregate(DOUBLE()), [['d', 1.5]])).toBe('{"d":1.5}');
  });
  it('inserts JSON text raw when the value is a nested JSON call', () => {
    expect(aggregate(jsonObjectAggAggregate(STRING(), 'NULL', true), [['o', '{"x":1}']])).toBe('{"o":{"x":1}}');
  });
  it('is {} on empty input', () => {
    expect(aggregate(jsonObjectAggAggregate(INT()), [])).toBe('{}');
  });
  it('rejects duplicate keys, also across merges', () => {
    expect(() => aggregate(jsonObjectAggAggregate(INT()), [['a', 1], ['a', 2]])).toThrow(/Key 'a' is already present/);
    const fn = jsonObjectAggAggregate(INT());
    expect(() => fn.merge(accumulateAll(fn, [['a', 1]]), accumulateAll(fn, [['a', 2]]))).toThrow(/Duplicate keys/);
  });
  it('retracts keys and merges', () => {
    const fn = jsonObjectAggAggregate(INT());
    expect(fn.getValue(retractAll(fn, [['a', 1]], accumulateAll(fn, [['a', 1], ['b', 2]])))).toBe('{"b":2}');
    expectRetractToEmpty(fn, [['a', 1], ['b', null]]);
    expectMergeEquivalent(fn, [['a', 1]], [['b', 2], ['c', null]]);
  });
});

describe('JSON_ARRAYAGG', () => {
  it('skips NULLs by default (ABSENT ON NULL) and keeps them with NULL ON NULL', () => {
    expect(aggregate(jsonArrayAggAggregate(INT()), [1, null, 2])).toBe('[1,2]');
    expect(aggregate(jsonArrayAggAggregate(INT(), 'NULL'), [1, null, 2])).toBe('[1,null,2]');
  });
  it('is [] on empty input', () => {
    expect(aggregate(jsonArrayAggAggregate(STRING()), [])).toBe('[]');
    expect(aggregate(jsonArrayAggAggregate(STRING()), [null])).toBe('[]');
  });
  it('quotes strings and keeps arrival order', () => {
    expect(aggregate(jsonArrayAggAggregate(STRING()), ['b', 'a'])).toBe('["b","a"]');
  });
  it('retracts and merges', () => {
    const fn = jsonArrayAggAggregate(INT(), 'NULL');
    expect(fn.getValue(retractAll(fn, [1], accumulateAll(fn, [1, 2, 1])))).toBe('[2,1]');
    expectRetractToEmpty(fn, [1, null, 2]);
    expectMergeEquivalent(fn, [1, null], [2]);
  });
});
