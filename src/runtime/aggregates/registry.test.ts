import { describe, expect, it } from 'vitest';
import type { AggCall } from '../../planner/logical/plan-node.js';
import { aggregateResultType } from '../../planner/analyzer/aggregate-types.js';
import { BIGINT, DECIMAL, DOUBLE, INT, STRING, type DataType } from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import { bindAggregate } from './bound-aggregate.js';
import { createAggregate, type AggregateCallSpec } from './registry.js';
import { aggregate } from './test-helpers.js';

const call = (name: string, argTypes: DataType[], extra: Partial<AggregateCallSpec> = {}): AggregateCallSpec => ({
  name,
  args: argTypes.map((_, i) => i),
  distinct: false,
  type: aggregateResultType(name, argTypes, true),
  constants: [],
  ...extra,
});
const run = (name: string, argTypes: DataType[], rows: unknown[], extra: Partial<AggregateCallSpec> = {}, retraction = false) =>
  aggregate(createAggregate(call(name, argTypes, extra), argTypes, { retraction }), rows);

describe('createAggregate', () => {
  it('builds every built-in with the planner result types', () => {
    expect(run('COUNT', [INT()], [1, null])).toBe(1n);
    expect(run('COUNT', [], [[], []])).toBe(2n);
    expect(run('SUM', [BIGINT()], [1n, 2n])).toBe(3n);
    expect(run('SUM0', [INT()], [])).toBe(0);
    expect(run('AVG', [INT()], [1, 2])).toBe(1);
    expect(String(run('AVG', [DECIMAL(10, 2)], [parseDecimal('1.00'), parseDecimal('2.00')]))).toBe('1.500000');
    expect(run('MIN', [STRING()], ['b', 'a'])).toBe('a');
    expect(run('MAX', [STRING()], ['b', 'a'], {}, true)).toBe('b');
    expect(run('VARIANCE', [DOUBLE()], [1, 3])).toBe(2);
    expect(run('STDDEV', [DOUBLE()], [1, 3])).toBe(Math.SQRT2);
    expect(run('COLLECT', [INT()], [1, 1])).toEqual(new Map([[1, 2]]));
    expect(run('LISTAGG', [STRING()], ['a', 'b'])).toBe('a,b');
    expect(run('LISTAGG', [STRING()], ['a', 'b'], { constants: ['|'] }, true)).toBe('a|b');
    expect(run('FIRST_VALUE', [INT()], [null, 1, 2])).toBe(1);
    expect(run('LAST_VALUE', [INT()], [1, 2, null], {}, true)).toBe(2);
    expect(run('ARRAY_AGG', [INT()], [1, null])).toEqual([1, null]);
    expect(run('ARRAY_AGG', [INT()], [1, null], { nulls: 'IGNORE' })).toEqual([1]);
    expect(run('JSON_OBJECTAGG', [STRING(), INT()], [['a', null]])).toBe('{"a":null}');
    expect(run('JSON_OBJECTAGG', [STRING(), INT()], [['a', null]], { onNull: 'ABSENT' })).toBe('{}');
    expect(run('JSON_ARRAYAGG', [INT()], [1, null])).toBe('[1]');
    expect(run('JSON_ARRAYAGG', [INT()], [1, null], { onNull: 'NULL' })).toBe('[1,null]');
    expect(run('BOOL_AND', [INT()], [true, false])).toBe(false);
    expect(run('SINGLE_VALUE', [INT()], [3])).toBe(3);
  });
  it('wraps DISTINCT calls', () => {
    expect(run('COUNT', [INT()], [1, 1, 2], { distinct: true })).toBe(2n);
    expect(run('SUM', [INT()], [1, 1, 2], { distinct: true })).toBe(3);
  });
  it('picks retractable variants only when asked', () => {
    const c = call('MAX', [INT()]);
    expect(createAggregate(c, [INT()]).retract).toBeUndefined();
    expect(createAggregate(c, [INT()], { retraction: true }).retract).toBeDefined();
    expect(createAggregate(call('SUM', [INT()]), [INT()]).retract).toBeDefined();
  });
  it('rejects unknown aggregates', () => {
    const c: AggCall = { name: 'PERCENTILE', args: [0], distinct: false, type: DOUBLE(), constants: [] };
    expect(() => createAggregate(c, [DOUBLE()])).toThrow(/PERCENTILE is not supported/);
  });
});

describe('bindAggregate', () => {
  it('projects arguments from rows and applies FILTER', () => {
    const c: AggCall = { name: 'SUM', args: [1], distinct: false, filterArg: 2, type: INT(), constants: [] };
    const b = bindAggregate(c, [STRING(), INT(), { kind: 'BOOLEAN', nullable: true }]);
    let acc = b.fn.createAccumulator();
    for (const row of [['x', 1, true], ['y', 10, false], ['z', 100, null], ['w', 1000, true]]) acc = b.accumulateRow(acc, row);
    expect(b.fn.getValue(acc)).toBe(1001);
    acc = b.retractRow(acc, ['w', 1000, true]);
    acc = b.retractRow(acc, ['y', 10, false]);
    expect(b.fn.getValue(acc)).toBe(1);
  });
  it('refuses to retract with an append-only function', () => {
    const b = bindAggregate({ name: 'MIN', args: [0], distinct: false, type: INT(), constants: [] }, [INT()]);
    expect(b.retractable).toBe(false);
    expect(() => b.retractRow(b.fn.createAccumulator(), [1])).toThrow(/cannot retract/);
  });
});
