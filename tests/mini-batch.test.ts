import { expect, it } from 'vitest';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { scriptedConnector, type Step } from './helpers/scripted-connector.js';

async function run(sql: string, steps: Step[]): Promise<string[]> {
  const session = new Session({ registry: { connectors: new Map([['scripted', scriptedConnector({ s: steps })]]), formats: new Map() } });
  const out: string[] = [];
  let cancel = () => {};
  setTimeout(() => cancel(), 400);
  await runScript(sql, session, { mode: 'run', fileName: 'mb.sql', queryOutput: 'print', io: { stdout: (l) => out.push(l), stderr: () => {} }, onJob: (r) => (cancel = () => r.cancel()) });
  return out;
}

it('a mini-batch ends after allow-latency even when no more rows come', async () => {
  const sql = `SET 'table.exec.mini-batch.enabled' = 'true';
    SET 'table.exec.mini-batch.allow-latency' = '50 ms';
    SET 'table.exec.mini-batch.size' = '1000';
    CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
    SELECT k, COUNT(*), SUM(v) FROM s GROUP BY k;`;
  // The unbounded source then waits forever: only the latency timer can end the batch.
  expect(await run(sql, [{ rows: [['a', 1], ['a', 2], ['b', 5]] }])).toEqual(['+I[a, 2, 3]', '+I[b, 1, 5]']);
});
