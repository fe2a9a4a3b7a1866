import { describe, expect, it } from 'vitest';
import type { ConnectorFactory } from '../src/connectors/connector.js';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { UPSERT } from '../src/types/changelog-mode.js';
import { kindAt, ROW_KIND_SHORT } from '../src/types/row.js';
import { scriptedConnector, type Step } from './helpers/scripted-connector.js';

/** A sink that takes updates as upserts by key (like upsert-kafka or JDBC): I, UA and D only. */
function upsertSink(received: string[]): ConnectorFactory {
  return {
    identifier: 'upsert-test',
    requiredOptions: [],
    optionalOptions: [],
    createSink: () => ({
      acceptedChangelogMode: () => UPSERT,
      metadata: new Map(),
      createWriter: () => ({
        write: (chunk) => chunk.rows.forEach((row, i) => received.push(`${ROW_KIND_SHORT[kindAt(chunk, i)]}${JSON.stringify(row)}`)),
        finish: async () => {},
        close: async () => {},
      }),
    }),
  };
}

async function run(sql: string, scripts: Record<string, Step[]> = {}): Promise<{ received: string[]; stdout: string[] }> {
  const received: string[] = [];
  const connectors = new Map([['scripted', scriptedConnector({ s: [{ rows: [['a', 1], ['a', 2], ['b', 5]] }], ...scripts })], ['upsert-test', upsertSink(received)]]);
  const session = new Session({ registry: { connectors, formats: new Map() } });
  const stdout: string[] = [];
  let cancel = () => {};
  setTimeout(() => cancel(), 300);
  await runScript(sql, session, { mode: 'run', fileName: 'ub.sql', queryOutput: 'print', io: { stdout: (l) => stdout.push(l), stderr: (l) => stdout.push(l) }, onJob: (r) => (cancel = () => r.cancel()) });
  return { received, stdout };
}

const DDL = `CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
  CREATE TABLE out (k STRING, total INT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-test');`;

it('an upsert sink gets no UPDATE_BEFORE: the aggregation emits [I,UA] (no -D over an insert-only input)', async () => {
  const { stdout } = await run(`${DDL} EXPLAIN INSERT INTO out SELECT k, SUM(v) FROM s GROUP BY k;`);
  expect(stdout.join('\n')).toContain('GroupAggregate(groupBy=[k], select=[k, SUM(v) AS EXPR$1], changelogMode=[I,UA]');
  const { received } = await run(`${DDL} INSERT INTO out SELECT k, SUM(v) FROM s GROUP BY k;`);
  expect(received).toEqual(['+I["a",1]', '+U["a",3]', '+I["b",5]']);
});

it('a filter after the aggregation still needs both halves of each update', async () => {
  const { stdout } = await run(`${DDL} EXPLAIN INSERT INTO out SELECT k, t FROM (SELECT k, SUM(v) AS t FROM s GROUP BY k) WHERE t > 2;`);
  expect(stdout.join('\n')).toContain('GroupAggregate(groupBy=[k], select=[k, SUM(v) AS t], changelogMode=[I,UB,UA]');
});

it('deduplication into an upsert sink sends only +U for a replaced row', async () => {
  const sql = `CREATE TABLE s (k STRING, v INT, pt AS PROCTIME()) WITH ('connector' = 'scripted', 'script' = 's');
    CREATE TABLE out (k STRING, total INT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-test');
    INSERT INTO out SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt DESC) AS rn FROM s) WHERE rn = 1;`;
  const { received } = await run(sql);
  expect(received).toEqual(['+I["a",1]', '+U["a",2]', '+I["b",5]']);
});

describe('regular joins (Flink: a join serves only +U if each updating input has a unique key containing its join key)', () => {
  // Two aggregations keyed by k joined on k: the right side arrives after the left one.
  const JOIN_DDL = `CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
    CREATE TABLE s2 (k STRING, w INT) WITH ('connector' = 'scripted', 'script' = 's2');
    CREATE TABLE out2 (k STRING, a INT, b INT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-test');`;
  const scripts = { s2: [{ wait: 50 }, { rows: [['a', 10], ['b', 1], ['a', 5]] }] };
  const aggs = 'FROM (SELECT k, SUM(v) AS total FROM s GROUP BY k) a';
  const right = '(SELECT k, SUM(w) AS total FROM s2 GROUP BY k) b ON a.k = b.k';

  it('inner join of inputs keyed by the join key: only +U from the aggregations and the join', async () => {
    const sql = `${JOIN_DDL} EXPLAIN CHANGELOG_MODE INSERT INTO out2 SELECT a.k, a.total, b.total ${aggs} JOIN ${right};`;
    const plan = (await run(sql, scripts)).stdout.join('\n');
    expect(plan).toContain('leftInputSpec=[JoinKeyContainsUniqueKey], rightInputSpec=[JoinKeyContainsUniqueKey], changelogMode=[I,UA]');
    expect(plan.match(/GroupAggregate\(.*changelogMode=\[I,UA\]/g)).toHaveLength(2);
    expect(plan).not.toContain('UB');
    const { received } = await run(`${JOIN_DDL} INSERT INTO out2 SELECT a.k, a.total, b.total ${aggs} JOIN ${right};`, scripts);
    // The left +U(a, 3) replaces (a, 1) in the join's state; the right +U(a, 15) is joined as +U.
    expect(received).toEqual(['+I["a",3,10]', '+I["b",5,1]', '+U["a",3,15]']);
  });

  it('left join: only +U in, the outer join emits +I/-D (mode [I,UA,D])', async () => {
    const sql = `${JOIN_DDL} EXPLAIN CHANGELOG_MODE INSERT INTO out2 SELECT a.k, a.total, b.total ${aggs} LEFT JOIN ${right};`;
    const plan = (await run(sql, scripts)).stdout.join('\n');
    expect(plan).toContain('Join(joinType=[LeftOuterJoin]');
    expect(plan).toContain('rightInputSpec=[JoinKeyContainsUniqueKey], changelogMode=[I,UA,D]');
    expect(plan).not.toContain('UB');
    const { received } = await run(`${JOIN_DDL} INSERT INTO out2 SELECT a.k, a.total, b.total ${aggs} LEFT JOIN ${right};`, scripts);
    expect(received).toEqual([
      '+I["a",1,null]', '+I["a",3,null]', '+I["b",5,null]',
      '-D["a",3,null]', '+I["a",3,10]', '-D["b",5,null]', '+I["b",5,1]', '+I["a",3,15]',
    ]);
  });

  it('an updating input whose unique key does not contain the join key keeps -U/+U, and so does the join', async () => {
    // The sink's key (k, x) is the join's upsert key, so the sink asks for only +U; but b, keyed by k,
    // is joined on (k, total): an update of total moves its row to another join key.
    const sql = `${JOIN_DDL} CREATE TABLE out3 (k STRING, x INT, t INT, PRIMARY KEY (k, x) NOT ENFORCED) WITH ('connector' = 'upsert-test');
      EXPLAIN CHANGELOG_MODE INSERT INTO out3 SELECT a.k, a.x, b.total FROM (SELECT k, v AS x, COUNT(*) AS c FROM s GROUP BY k, v) a
      JOIN (SELECT k, SUM(w) AS total FROM s2 GROUP BY k) b ON a.k = b.k AND a.x = b.total;`;
    const plan = (await run(sql, scripts)).stdout.join('\n');
    expect(plan).not.toContain('upsertMaterialize');
    expect(plan).toContain('leftInputSpec=[JoinKeyContainsUniqueKey], rightInputSpec=[JoinKeyContainsUniqueKey], changelogMode=[I,UB,UA]');
    expect(plan.match(/GroupAggregate\(.*changelogMode=\[I,UB,UA\]/g)).toHaveLength(2);
  });

  it('a join whose input still sends -U (a filter below) falls back to -U/+U on both inputs, as Flink does', async () => {
    const filtered = '(SELECT k, total FROM (SELECT k, SUM(v) AS total FROM s GROUP BY k) WHERE total > 0) a';
    const sql = `${JOIN_DDL} EXPLAIN CHANGELOG_MODE INSERT INTO out2 SELECT a.k, a.total, b.total FROM ${filtered} JOIN ${right};`;
    const plan = (await run(sql, scripts)).stdout.join('\n');
    expect(plan).toContain('rightInputSpec=[JoinKeyContainsUniqueKey], changelogMode=[I,UB,UA]');
    expect(plan.match(/GroupAggregate\(.*changelogMode=\[I,UB,UA\]/g)).toHaveLength(2);
  });
});
