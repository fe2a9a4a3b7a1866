import { describe, expect, it } from 'vitest';
import { parseScript } from '../sql/parser.js';
import { Session } from '../session/session.js';
import { buildRuntimeDag } from '../runtime/task/job-graph-builder.js';
import type { RuntimeDag } from '../runtime/task/runtime-dag.js';
import { directShipStrategy, jobVertices, nodeName } from './job-vertices.js';

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

const strip = (name: string) => name.replace(/\[\d+\]/g, '');

/** The job vertices: name (without the `[id]`s), parallelism and, per input, `producer:SHIP_STRATEGY`. */
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
      ['Source: src -> Calc', 2, []],
      ['GroupAggregate -> Sink: out', 1, ['Source: src -> Calc:HASH']],
    ]);
  });

  it('shows HASH for a keyed edge into an aggregate at parallelism 1 (built DAG)', async () => {
    expect(planOf(await dagOf(`${source(2)}\n${GROUP_BY}`))[1]).toEqual(['GroupAggregate -> Sink: out', 1, ['Source: src -> Calc:HASH']]);
  });

  it('shows HASH through an exchange sender into a keyed aggregate at parallelism 2', async () => {
    expect(planOf(await dagOf(`SET 'parallelism.default' = '2';\n${source(1)}\n${GROUP_BY}`))).toEqual([
      ['Source: src -> Calc', 1, []],
      ['GroupAggregate -> Sink: out', 2, ['Source: src -> Calc:HASH']],
    ]);
  });

  it('shows GLOBAL into an aggregate without GROUP BY', async () => {
    expect(planOf(await dagOf(`${source(2)}
      CREATE TABLE out (c BIGINT) WITH ('connector' = 'print');
      INSERT INTO out SELECT COUNT(*) FROM src;`))).toEqual([
      ['Source: src -> Calc', 2, []],
      ['GroupAggregate -> Sink: out', 1, ['Source: src -> Calc:GLOBAL']],
    ]);
  });

  it('shows GLOBAL into a sink at parallelism 1 after a non-keyed input at parallelism 2, REBALANCE into more subtasks', async () => {
    expect(planOf(await dagOf(`${source(2)}
      CREATE TABLE out (k INT, v INT) WITH ('connector' = 'print', 'sink.parallelism' = '1');
      INSERT INTO out SELECT k, v FROM src WHERE v > 0;`))).toEqual([
      ['Source: src -> Calc', 2, []],
      ['Sink: out', 1, ['Source: src -> Calc:GLOBAL']],
    ]);
    expect(planOf(await dagOf(`${source(1)}
      CREATE TABLE out (k INT, v INT) WITH ('connector' = 'print', 'sink.parallelism' = '3');
      INSERT INTO out SELECT k, v FROM src WHERE v > 0;`))).toEqual([
      ['Source: src -> Calc', 1, []],
      ['Sink: out', 3, ['Source: src -> Calc:REBALANCE']],
    ]);
  });
});

const table = (name: string) => `CREATE TABLE ${name} (k INT, v INT) WITH ('connector' = 'datagen', 'number-of-rows' = '10');`;

describe('operator chains', () => {
  it('chains a source, a Calc and a sink into one vertex named by its operators, its id by that name', async () => {
    const dag = await dagOf(`${source(1)}
      CREATE TABLE out (k INT, v INT) WITH ('connector' = 'print');
      INSERT INTO out SELECT k, v FROM src WHERE v > 0;`);
    const names: string[] = [];
    const vertices = jobVertices(dag, (name) => (names.push(name), `id of ${name}`));
    expect(vertices).toHaveLength(1);
    const [v] = vertices as [(typeof vertices)[number]];
    expect(v.name).toMatch(/^Source: src\[\d+\] -> Calc\[\d+\] -> Sink: out\[\d+\]$/);
    expect(v.id).toBe(`id of ${v.name}`);
    expect(names).toEqual([v.name]);
    expect(v).toMatchObject({ kind: 'source', parallelism: 1, inputs: [] });
    expect(v.operators.map((o) => o.kind)).toEqual(['source', 'operator', 'operator']);
    expect(v.operators.map((o) => o.name).join(' -> ')).toBe(v.name);
    // A subtask is the chain's operators' subtasks, head first.
    expect(v.subtasks.map((t) => t.map(nodeName).join(' -> '))).toEqual([v.name]);
  });

  it('chains subtask k of each operator into subtask k of the vertex at parallelism 2', async () => {
    const dag = await dagOf(`SET 'parallelism.default' = '2';\n${source(2)}
      CREATE TABLE out (k INT, v INT) WITH ('connector' = 'print');
      INSERT INTO out SELECT k, v FROM src WHERE v > 0;`);
    const vertices = jobVertices(dag, (name) => name);
    expect(planOf(dag)).toEqual([['Source: src -> Calc -> Sink: out', 2, []]]);
    const subtaskOf = (n: (typeof vertices)[number]['subtasks'][number][number]) => (n.kind === 'source' ? n.source.subtask : n.vertex.subtask);
    expect(vertices[0]!.subtasks.map((t) => t.map(subtaskOf))).toEqual([[0, 0, 0], [1, 1, 1]]);
  });

  it('splits a keyed aggregation at the HASH edge, also at the same parallelism', async () => {
    expect(planOf(await dagOf(`SET 'parallelism.default' = '2';\n${source(2)}\n${GROUP_BY}`))).toEqual([
      ['Source: src -> Calc', 2, []],
      ['GroupAggregate -> Sink: out', 2, ['Source: src -> Calc:HASH']],
    ]);
    // Parallelism 1 everywhere: the keyed edge is direct, still HASH, still a new vertex.
    expect(planOf(await dagOf(`${source(1)}\n${GROUP_BY}`))).toEqual([
      ['Source: src -> Calc', 1, []],
      ['GroupAggregate -> Sink: out', 1, ['Source: src -> Calc:HASH']],
    ]);
  });

  it('starts a new vertex at a join, and at a union of several inputs even along FORWARD edges', async () => {
    expect(planOf(await dagOf(`${table('a')} ${table('b')}
      CREATE TABLE out (k INT, v INT, w INT) WITH ('connector' = 'print');
      INSERT INTO out SELECT a.k, a.v, b.v FROM a JOIN b ON a.k = b.k WHERE a.v > 0;`))).toEqual([
      ['Source: a', 1, []],
      ['Source: b', 1, []],
      ['Join -> Calc -> Sink: out', 1, ['Source: a:HASH', 'Source: b:HASH']],
    ]);
    expect(planOf(await dagOf(`${table('a')} ${table('b')}
      CREATE TABLE out (k INT, v INT) WITH ('connector' = 'print');
      INSERT INTO out SELECT k, v FROM a UNION ALL SELECT k, v FROM b;`))).toEqual([
      ['Source: a', 1, []],
      ['Source: b', 1, []],
      ['Union -> Sink: out', 1, ['Source: a:FORWARD', 'Source: b:FORWARD']],
    ]);
  });

  it('does not chain an operator whose output feeds several consumers', async () => {
    expect(planOf(await dagOf(`${table('a')}
      CREATE TABLE o1 (k INT, v INT) WITH ('connector' = 'print');
      CREATE TABLE o2 (k INT, v INT) WITH ('connector' = 'print');
      EXECUTE STATEMENT SET BEGIN INSERT INTO o1 SELECT k, v FROM a; INSERT INTO o2 SELECT k, v FROM a; END;`))).toEqual([
      ['Source: a', 1, []],
      ['Sink: o1', 1, ['Source: a:FORWARD']],
      ['Sink: o2', 1, ['Source: a:FORWARD']],
    ]);
  });
});
