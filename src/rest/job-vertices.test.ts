import { describe, expect, it } from 'vitest';
import { parseScript } from '../sql/parser.js';
import { Session } from '../session/session.js';
import { buildRuntimeDag } from '../runtime/task/job-graph-builder.js';
import type { RuntimeDag } from '../runtime/task/runtime-dag.js';
import { directShipStrategy, jobVertices } from './job-vertices.js';

async function dagOf(sql: string): Promise<RuntimeDag> {
  const session = new Session();
  const script = parseScript(sql);
  expect(script.errors).toEqual([]);
  let dag: RuntimeDag | undefined;
  for (const stmt of script.statements) {
    const r = await session.execute(stmt, sql);
    if (r.kind === 'job') dag = buildRuntimeDag(r.job, { ...session.runtimeOptions(), writer: { stdout: () => {}, stderr: () => {} } });
  }
  return dag!;
}

const strip = (name: string) => name.replace(/\[\d+\]$/, '');

/** The job vertices: name (without the `[id]`), parallelism and, per input, `producer:SHIP_STRATEGY`. */
function planOf(dag: RuntimeDag): [string, number, string[]][] {
  return jobVertices(dag, (name) => name).map((v) => [strip(v.name), v.parallelism, v.inputs.map((e) => `${strip(e.id)}:${e.shipStrategy}`)]);
}

const source = (parallelism: number) => `CREATE TABLE src (k INT, v INT) WITH ('connector' = 'datagen', 'number-of-rows' = '10', 'scan.parallelism' = '${parallelism}');`;
const GROUP_BY = `CREATE TABLE out (k INT, c BIGINT) WITH ('connector' = 'print');
  INSERT INTO out SELECT k, COUNT(*) FROM src GROUP BY k;`;

describe('ship strategies of the job vertices', () => {
  it('classifies a direct edge by the distribution its consumer needs', () => {
    // Keyed: HASH whatever the parallelisms.
    expect(directShipStrategy(2, 1, 'hash')).toBe('HASH');
    expect(directShipStrategy(1, 1, 'hash')).toBe('HASH');
    // Single (a global aggregate): GLOBAL, also from one subtask.
    expect(directShipStrategy(2, 1, 'single')).toBe('GLOBAL');
    expect(directShipStrategy(1, 1, 'single')).toBe('GLOBAL');
    // Forward: FORWARD at equal parallelism, GLOBAL from several subtasks into one.
    expect(directShipStrategy(2, 2, 'forward')).toBe('FORWARD');
    expect(directShipStrategy(1, 1, 'forward')).toBe('FORWARD');
    expect(directShipStrategy(3, 1, 'forward')).toBe('GLOBAL');
    expect(directShipStrategy(3, 1, undefined)).toBe('GLOBAL');
    expect(directShipStrategy(1, 1, undefined)).toBe('FORWARD');
  });

  it('shows HASH for a keyed edge into an aggregate at parallelism 1 when the DAG records its distribution', async () => {
    const dag = await dagOf(`${source(2)}\n${GROUP_BY}`);
    // What connect-subtasks.ts would record on the direct edges into the aggregate's one subtask.
    for (const v of dag.vertices.filter((x) => x.operator.name.startsWith('Calc['))) {
      v.consumers.forEach((c, i) => (v.consumers[i] = { ...c, distribution: 'hash' } as typeof c));
    }
    expect(planOf(dag)).toEqual([
      ['Source: src', 2, []],
      ['Calc', 2, ['Source: src:FORWARD']],
      ['GroupAggregate', 1, ['Calc:HASH']],
      ['Sink: out', 1, ['GroupAggregate:FORWARD']],
    ]);
  });

  it('shows HASH for a keyed edge into an aggregate at parallelism 1 (built DAG)', async () => {
    expect(planOf(await dagOf(`${source(2)}\n${GROUP_BY}`))[2]).toEqual(['GroupAggregate', 1, ['Calc:HASH']]);
  });

  it('shows HASH through an exchange sender into a keyed aggregate at parallelism 2', async () => {
    expect(planOf(await dagOf(`SET 'parallelism.default' = '2';\n${source(1)}\n${GROUP_BY}`))).toEqual([
      ['Source: src', 1, []],
      ['Calc', 1, ['Source: src:FORWARD']],
      ['GroupAggregate', 2, ['Calc:HASH']],
      ['Sink: out', 2, ['GroupAggregate:FORWARD']],
    ]);
  });

  it('shows GLOBAL into an aggregate without GROUP BY', async () => {
    expect(planOf(await dagOf(`${source(2)}
      CREATE TABLE out (c BIGINT) WITH ('connector' = 'print');
      INSERT INTO out SELECT COUNT(*) FROM src;`))).toEqual([
      ['Source: src', 2, []],
      ['Calc', 2, ['Source: src:FORWARD']],
      ['GroupAggregate', 1, ['Calc:GLOBAL']],
      ['Sink: out', 1, ['GroupAggregate:FORWARD']],
    ]);
  });

  it('shows GLOBAL into a sink at parallelism 1 after a non-keyed input at parallelism 2, REBALANCE into more subtasks', async () => {
    expect(planOf(await dagOf(`${source(2)}
      CREATE TABLE out (k INT, v INT) WITH ('connector' = 'print', 'sink.parallelism' = '1');
      INSERT INTO out SELECT k, v FROM src WHERE v > 0;`))).toEqual([
      ['Source: src', 2, []],
      ['Calc', 2, ['Source: src:FORWARD']],
      ['Sink: out', 1, ['Calc:GLOBAL']],
    ]);
    expect(planOf(await dagOf(`${source(1)}
      CREATE TABLE out (k INT, v INT) WITH ('connector' = 'print', 'sink.parallelism' = '3');
      INSERT INTO out SELECT k, v FROM src WHERE v > 0;`))).toEqual([
      ['Source: src', 1, []],
      ['Calc', 1, ['Source: src:FORWARD']],
      ['Sink: out', 3, ['Calc:REBALANCE']],
    ]);
  });
});
