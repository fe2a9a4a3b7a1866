import { expect, it } from 'vitest';
import type { ConnectorFactory } from '../src/connectors/connector.js';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { UPSERT } from '../src/types/changelog-mode.js';
import { kindAt, ROW_KIND_SHORT } from '../src/types/row.js';
import { scriptedConnector } from './helpers/scripted-connector.js';

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

async function run(sql: string): Promise<{ received: string[]; stdout: string[] }> {
  const received: string[] = [];
  const connectors = new Map([['scripted', scriptedConnector({ s: [{ rows: [['a', 1], ['a', 2], ['b', 5]] }] })], ['upsert-test', upsertSink(received)]]);
  const session = new Session({ registry: { connectors, formats: new Map() } });
  const stdout: string[] = [];
  let cancel = () => {};
  setTimeout(() => cancel(), 300);
  await runScript(sql, session, { mode: 'run', fileName: 'ub.sql', queryOutput: 'print', io: { stdout: (l) => stdout.push(l), stderr: (l) => stdout.push(l) }, onJob: (r) => (cancel = () => r.cancel()) });
  return { received, stdout };
}

const DDL = `CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
  CREATE TABLE out (k STRING, total INT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-test');`;

it('an upsert sink gets no UPDATE_BEFORE: the aggregation emits [I,UA,D]', async () => {
  const { stdout } = await run(`${DDL} EXPLAIN INSERT INTO out SELECT k, SUM(v) FROM s GROUP BY k;`);
  expect(stdout.join('\n')).toContain('GroupAggregate(groupBy=[k], select=[k, SUM(v) AS EXPR$1], changelogMode=[I,UA,D]');
  const { received } = await run(`${DDL} INSERT INTO out SELECT k, SUM(v) FROM s GROUP BY k;`);
  expect(received).toEqual(['+I["a",1]', '+U["a",3]', '+I["b",5]']);
});

it('a filter after the aggregation still needs both halves of each update', async () => {
  const { stdout } = await run(`${DDL} EXPLAIN INSERT INTO out SELECT k, t FROM (SELECT k, SUM(v) AS t FROM s GROUP BY k) WHERE t > 2;`);
  expect(stdout.join('\n')).toContain('GroupAggregate(groupBy=[k], select=[k, SUM(v) AS t], changelogMode=[I,UB,UA,D]');
});

it('deduplication into an upsert sink sends only +U for a replaced row', async () => {
  const sql = `CREATE TABLE s (k STRING, v INT, pt AS PROCTIME()) WITH ('connector' = 'scripted', 'script' = 's');
    CREATE TABLE out (k STRING, total INT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-test');
    INSERT INTO out SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt DESC) AS rn FROM s) WHERE rn = 1;`;
  const { received } = await run(sql);
  expect(received).toEqual(['+I["a",1]', '+U["a",2]', '+I["b",5]']);
});
