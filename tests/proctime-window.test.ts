import { describe, expect, it } from 'vitest';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { scriptedConnector, type Step } from './helpers/scripted-connector.js';

const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const SEC = 1000;

async function run(sql: string, steps: Step[], zone = 'UTC'): Promise<string[]> {
  let now = T0;
  const session = new Session({
    clock: () => now,
    registry: { connectors: new Map([['scripted', scriptedConnector({ s: steps }, (t) => (now = t))]]), formats: new Map() },
  });
  session.config.set('table.local-time-zone', zone);
  const out: string[] = [];
  let cancel = () => {};
  setTimeout(() => cancel(), 300);
  await runScript(sql, session, {
    mode: 'run',
    fileName: 'p.sql',
    queryOutput: 'print',
    io: { stdout: (l) => out.push(l), stderr: () => {} },
    onJob: (r) => (cancel = () => r.cancel()),
  });
  return out;
}

const DDL = `CREATE TABLE s (k STRING, v INT, pt AS PROCTIME()) WITH ('connector' = 'scripted', 'script' = 's');`;

describe('processing-time windows (injected clock)', () => {
  it('a TUMBLE window fires when the clock passes its end', async () => {
    const out = await run(
      `${DDL}
       SELECT k, window_start, window_end, SUM(v) FROM TABLE(TUMBLE(TABLE s, DESCRIPTOR(pt), INTERVAL '10' SECONDS)) GROUP BY k, window_start, window_end;`,
      [
        { rows: [['a', 1], ['b', 2]] },
        { clock: T0 + 5 * SEC },
        { rows: [['a', 3]] },
        { clock: T0 + 12 * SEC },
        { rows: [['a', 10]] },
      ],
    );
    expect(out.sort()).toEqual(['+I[a, 2024-01-01T10:00, 2024-01-01T10:00:10, 4]', '+I[b, 2024-01-01T10:00, 2024-01-01T10:00:10, 2]']);
  });

  it('windows are aligned in the session time zone', async () => {
    const out = await run(
      `${DDL}
       SELECT window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE s, DESCRIPTOR(pt), INTERVAL '1' DAY)) GROUP BY window_start, window_end;`,
      [{ rows: [['a', 1]] }, { clock: T0 + 86_400 * SEC }, { rows: [['a', 1]] }],
      'Asia/Shanghai',
    );
    // 10:00 UTC is 18:00 in Shanghai: the day window is the Shanghai calendar day.
    expect(out).toEqual(['+I[2024-01-01T00:00, 2024-01-02T00:00, 1]']);
  });

  it('a processing-time SESSION window closes when the clock passes its gap', async () => {
    const out = await run(
      `${DDL}
       SELECT k, window_start, window_end, SUM(v) FROM TABLE(SESSION(TABLE s PARTITION BY k, DESCRIPTOR(pt), INTERVAL '5' SECONDS)) GROUP BY k, window_start, window_end;`,
      [
        { rows: [['a', 1]] },
        { clock: T0 + 3 * SEC },
        { rows: [['a', 2]] },
        { clock: T0 + 20 * SEC },
        { rows: [['b', 7]] },
      ],
    );
    expect(out).toEqual(['+I[a, 2024-01-01T10:00, 2024-01-01T10:00:08, 3]']);
  });

  it('a processing-time OVER aggregation processes rows as they arrive', async () => {
    const out = await run(`${DDL}\nSELECT k, v, SUM(v) OVER (PARTITION BY k ORDER BY pt ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM s;`, [
      { rows: [['a', 1], ['b', 5]] },
      { clock: T0 + SEC },
      { rows: [['a', 2], ['a', 3]] },
    ]);
    expect(out).toEqual(['+I[a, 1, 1]', '+I[b, 5, 5]', '+I[a, 2, 3]', '+I[a, 3, 5]']);
  });

  it('a processing-time window TVF stamps rows with the clock', async () => {
    const out = await run(`${DDL}\nSELECT k, window_start, window_end FROM TABLE(TUMBLE(TABLE s, DESCRIPTOR(pt), INTERVAL '1' MINUTE));`, [
      { clock: T0 + 61 * SEC },
      { rows: [['a', 1]] },
    ]);
    expect(out).toEqual(['+I[a, 2024-01-01T10:01, 2024-01-01T10:02]']);
  });
});
