import { describe, expect, it } from 'vitest';
import { Timestamp } from '../src/types/values.js';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { scriptedConnector } from './helpers/scripted-connector.js';

const at = (hhmm: string) => Timestamp.ofMillis(Date.parse(`2020-04-15T${hhmm}:00Z`));

async function run(idleTimeout: string): Promise<string[]> {
  const session = new Session({
    registry: {
      connectors: new Map([['scripted', scriptedConnector({
        quiet: [{ rows: [[at('08:01'), 1]] }],
        busy: [{ wait: 20 }, { rows: [[at('08:02'), 2], [at('08:12'), 3]] }, { watermark: at('08:12') }, { wait: 100 }, { rows: [[at('08:25'), 4]] }, { watermark: at('08:25') }],
      })]]),
      formats: new Map(),
    },
  });
  session.config.set('table.local-time-zone', 'UTC');
  session.config.set('table.exec.source.idle-timeout', idleTimeout);
  const out: string[] = [];
  let cancel = () => {};
  setTimeout(() => cancel(), 400);
  await runScript(
    `CREATE TABLE quiet (ts TIMESTAMP(3), v INT, WATERMARK FOR ts AS ts) WITH ('connector' = 'scripted', 'script' = 'quiet');
     CREATE TABLE busy (ts TIMESTAMP(3), v INT, WATERMARK FOR ts AS ts) WITH ('connector' = 'scripted', 'script' = 'busy');
     SELECT window_start, SUM(v) FROM TABLE(TUMBLE(TABLE (SELECT * FROM quiet UNION ALL SELECT * FROM busy), DESCRIPTOR(ts), INTERVAL '10' MINUTES))
     GROUP BY window_start, window_end;`,
    session,
    { mode: 'run', fileName: 'idle.sql', queryOutput: 'print', io: { stdout: (l) => out.push(l), stderr: (l) => out.push(`stderr: ${l}`) }, onJob: (r) => (cancel = () => r.cancel()) },
  );
  return out.filter((l) => !l.startsWith('stderr: idle.sql: the job was cancelled'));
}

describe('table.exec.source.idle-timeout', () => {
  it('an idle source does not hold back the watermark of a union', async () => {
    expect(await run('50 ms')).toEqual(['+I[2020-04-15T08:00, 3]', '+I[2020-04-15T08:10, 3]']);
  });

  it('without the timeout, the quiet source holds every window back', async () => {
    expect(await run('0 ms')).toEqual([]);
  });
});
