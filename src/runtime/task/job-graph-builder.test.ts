import { describe, expect, it } from 'vitest';
import { parseScript } from '../../sql/parser.js';
import { Session } from '../../session/session.js';
import { buildRuntimeDag } from './job-graph-builder.js';

async function dagOf(sql: string) {
  const session = new Session();
  const script = parseScript(sql);
  expect(script.errors).toEqual([]);
  let dag;
  for (const stmt of script.statements) {
    const r = await session.execute(stmt, sql);
    if (r.kind === 'job') dag = buildRuntimeDag(r.job, { ...session.runtimeOptions(), writer: { stdout: () => {}, stderr: () => {} } });
  }
  return dag!;
}

describe('buildRuntimeDag', () => {
  it('shares one source between the INSERTs of a statement set', async () => {
    const dag = await dagOf(`
      CREATE TABLE src (id INT, s STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
      CREATE TABLE a (id INT) WITH ('connector' = 'blackhole');
      CREATE TABLE b (s STRING) WITH ('connector' = 'blackhole');
      EXECUTE STATEMENT SET BEGIN
        INSERT INTO a SELECT id FROM src;
        INSERT INTO b SELECT s FROM src WHERE id > 0;
      END;`);
    expect(dag.sources).toHaveLength(1);
    expect(dag.sources[0]!.consumers).toHaveLength(2);
    expect(dag.sinks).toHaveLength(2);
  });

  it('reads a table twice when the scans differ (OPTIONS hint)', async () => {
    const dag = await dagOf(`
      CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
      CREATE TABLE a (id INT) WITH ('connector' = 'blackhole');
      INSERT INTO a SELECT id FROM src UNION ALL SELECT id FROM src /*+ OPTIONS('number-of-rows' = '2') */;`);
    expect(dag.sources).toHaveLength(2);
  });
});
