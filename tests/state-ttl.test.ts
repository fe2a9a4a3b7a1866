import { describe, expect, it } from 'vitest';
import { KeyedStateTable } from '../src/runtime/state/keyed-state-table.js';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { scriptedConnector, type Step } from './helpers/scripted-connector.js';

const T0 = Date.UTC(2024, 0, 1);

async function run(sql: string, steps: Step[]): Promise<string[]> {
  let now = T0;
  const session = new Session({
    clock: () => now,
    registry: { connectors: new Map([['scripted', scriptedConnector({ s: steps }, (t) => (now = t))]]), formats: new Map() },
  });
  const out: string[] = [];
  let cancel = () => {};
  setTimeout(() => cancel(), 200);
  await runScript(sql, session, { mode: 'run', fileName: 'ttl.sql', queryOutput: 'print', io: { stdout: (l) => out.push(l), stderr: () => {} }, onJob: (r) => (cancel = () => r.cancel()) });
  return out;
}

describe('table.exec.state.ttl', () => {
  it('an expired group restarts from empty, as in Flink', async () => {
    const out = await run(
      `SET 'table.exec.state.ttl' = '1 s';
       CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
       SELECT k, COUNT(*), SUM(v) FROM s GROUP BY k;`,
      [{ rows: [['a', 1], ['a', 2]] }, { clock: T0 + 500 }, { rows: [['a', 3]] }, { clock: T0 + 2_000 }, { rows: [['a', 4]] }],
    );
    expect(out).toEqual(['+I[a, 1, 1]', '-U[a, 1, 1]', '+U[a, 2, 3]', '-U[a, 2, 3]', '+U[a, 3, 6]', '+I[a, 1, 4]']);
  });

  it('without a TTL the group keeps its state', async () => {
    const out = await run(
      `CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
       SELECT k, COUNT(*) FROM s GROUP BY k;`,
      [{ rows: [['a', 1]] }, { clock: T0 + 3_600_000 }, { rows: [['a', 4]] }],
    );
    expect(out).toEqual(['+I[a, 1]', '-U[a, 1]', '+U[a, 2]']);
  });

  it('expired keys are swept as writes arrive, so state stays bounded', () => {
    let now = 0;
    const table = new KeyedStateTable<number>('t', 128, { millis: 1_000, now: () => now });
    for (let i = 0; i < 100_000; i++) {
      now = i; // one new key per millisecond
      table.set(`k${i}`, i);
    }
    expect(table.size).toBeLessThanOrEqual(1_001);
    expect(table.get('k0')).toBeUndefined();
    expect(table.get('k99999')).toBe(99_999);
  });
});
