import { describe, expect, it } from 'vitest';
import { KeyedStateTable } from '../src/runtime/state/keyed-state-table.js';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { scriptedConnector, type Step } from './helpers/scripted-connector.js';

const T0 = Date.UTC(2024, 0, 1);

async function run(sql: string, steps: Step[], right: Step[] = []): Promise<string[]> {
  let now = T0;
  const session = new Session({
    clock: () => now,
    registry: { connectors: new Map([['scripted', scriptedConnector({ s: steps, r: right }, (t) => (now = t))]]), formats: new Map() },
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
    expect(table.size).toBeLessThanOrEqual(1_101); // TTL + the sweep interval (a tenth of it)
    expect(table.get('k0')).toBeUndefined();
    expect(table.get('k99999')).toBe(99_999);
  });
});

describe('STATE_TTL hint', () => {
  const tables = `CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
    CREATE TABLE r (k STRING, name STRING) WITH ('connector' = 'scripted', 'script' = 'r');`;
  // The right side's row arrives 2 s (test clock) after the left side's.
  const later: Step[] = [{ wait: 50 }, { clock: T0 + 2_000 }, { rows: [['a', 'x']] }];

  it("gives a group aggregation its input's time-to-live", async () => {
    const out = await run(`${tables} SELECT /*+ STATE_TTL('s' = '1 s') */ k, COUNT(*) FROM s GROUP BY k;`,
      [{ rows: [['a', 1]] }, { clock: T0 + 2_000 }, { rows: [['a', 2]] }]);
    expect(out).toEqual(['+I[a, 1]', '+I[a, 1]']);
  });

  it('gives each side of a regular join its own time-to-live, by alias or table name', async () => {
    const expired = await run(`${tables} SELECT /*+ STATE_TTL('x' = '1 s', 'r' = '1 d') */ x.v, r.name FROM s AS x JOIN r ON x.k = r.k;`, [{ rows: [['a', 1]] }], later);
    expect(expired).toEqual([]);
    const kept = await run(`${tables} SELECT /*+ STATE_TTL('x' = '1 d', 'r' = '1 s') */ x.v, r.name FROM s AS x JOIN r ON x.k = r.k;`, [{ rows: [['a', 1]] }], later);
    expect(kept).toEqual(['+I[1, x]']);
  });

  it('rejects names that are not inputs, with Flink\'s message', async () => {
    const session = new Session({ registry: { connectors: new Map([['scripted', scriptedConnector({})]]), formats: new Map() } });
    const err: string[] = [];
    await runScript(`${tables} SELECT /*+ STATE_TTL('t9' = '1 d') */ s.v FROM s JOIN r ON s.k = r.k;`, session, { mode: 'run', fileName: 'h.sql', queryOutput: 'print', io: { stdout: () => {}, stderr: (l) => err.push(l) } });
    expect(err.join('\n')).toContain('The options of following hints cannot match the name of input tables or views: \n`t9` in `STATE_TTL`');
  });
});
