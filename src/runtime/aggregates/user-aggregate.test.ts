import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadJsFunction, loadJsUserFunction, type JsAggregateDef } from '../../functions/user/load-js-function.js';
import { resolveType } from '../../planner/analyzer/resolve-type.js';
import { parseType } from '../../sql/parser.js';
import { BIGINT, INT } from '../../types/data-type.js';
import type { AggCall } from '../../planner/logical/plan-node.js';
import { createAggregate } from './registry.js';
import { accumulateAll, aggregate, expectMergeEquivalent, expectRetractToEmpty } from './test-helpers.js';
import { userAggregate } from './user-aggregate.js';

const parse = (t: string) => resolveType(parseType(t));
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'weir-udaf-'));
  // A weighted sum keeping [sum, count]; mutates in place for accumulate, returns new for merge.
  writeFileSync(
    join(dir, 'wsum.js'),
    `export const kind = 'aggregate';
export const returns = 'BIGINT';
export function createAccumulator() { return [0n, 0]; }
export function accumulate(acc, v, w) { if (v === null) return; acc[0] += v * BigInt(w); acc[1]++; }
export function retract(acc, v, w) { if (v === null) return; acc[0] -= v * BigInt(w); acc[1]--; }
export function merge(acc, other) { return [acc[0] + other[0], acc[1] + other[1]]; }
export function getValue(acc) { return acc[1] === 0 ? null : acc[0]; }
`,
  );
  writeFileSync(
    join(dir, 'nomerge.js'),
    `export const kind = 'aggregate';
export const returns = 'INT';
export function createAccumulator() { return { n: 0 }; }
export function accumulate(acc) { return { n: acc.n + 1 }; }
export function getValue(acc) { if (acc.n > 2) throw new Error('too many'); return acc.n; }
`,
  );
  writeFileSync(join(dir, 'bad.js'), `export const kind = 'aggregate';\nexport const returns = 'INT';\nexport function accumulate() {}\n`);
});

const load = async (file: string): Promise<JsAggregateDef> => {
  const def = await loadJsUserFunction('f', file, dir, parse);
  if (def.kind !== 'aggregate') throw new Error('expected an aggregate');
  return def;
};

describe('JavaScript user-defined aggregates', () => {
  it('loads an aggregate module with its result type', async () => {
    const def = await load('wsum.js');
    expect(def.names).toEqual(['F']);
    expect(def.resultType).toEqual(BIGINT());
  });
  it('accumulates, retracts and merges through the module', async () => {
    const fn = userAggregate(await load('wsum.js'));
    expect(aggregate(fn, [[2n, 3], [null, 1], [1n, 10]])).toBe(16n);
    expect(aggregate(fn, [])).toBeNull();
    expectRetractToEmpty(fn, [[2n, 3], [1n, 1]]);
    expectMergeEquivalent(fn, [[2n, 3]], [[1n, 10]]);
  });
  it('is found by createAggregate by name', async () => {
    const def = await load('wsum.js');
    const call: AggCall = { name: 'F', args: [0, 1], distinct: false, type: BIGINT(), constants: [] };
    const fn = createAggregate(call, [BIGINT(), INT()], { userAggregates: new Map([['F', def]]) });
    expect(aggregate(fn, [[1n, 2]])).toBe(2n);
  });
  it('reports a missing merge and errors thrown by the module', async () => {
    const fn = userAggregate(await load('nomerge.js'));
    expect(fn.retract).toBeUndefined();
    expect(() => fn.merge(fn.createAccumulator(), fn.createAccumulator())).toThrow(/does not export 'merge'/);
    expect(() => fn.getValue(accumulateAll(fn, [1, 2, 3]))).toThrow(/User aggregate function 'F' failed in getValue: too many/);
  });
  it('rejects a module without the required functions, and aggregates where scalars are expected', async () => {
    await expect(loadJsUserFunction('f', 'bad.js', dir, parse)).rejects.toThrow(/must export a function named 'createAccumulator'/);
    await expect(loadJsFunction('f', 'wsum.js', dir, parse)).rejects.toThrow(/is an aggregate function/);
  });
});
