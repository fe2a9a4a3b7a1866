import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { scriptedConnector, type Step } from './helpers/scripted-connector.js';

const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * Runs a lookup join of a scripted probe stream against a CSV dimension file; `edits` rewrite the
 * file when the test clock reaches their instant, so each probe row shows which version it saw.
 */
async function run(cacheOptions: string, steps: Step[], initial: string, edits: Record<number, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'weir-full-cache-'));
  dirs.push(dir);
  const file = join(dir, 'dim.csv');
  writeFileSync(file, initial);
  let now = T0;
  const session = new Session({
    clock: () => now,
    registry: {
      connectors: new Map([['scripted', scriptedConnector({ s: steps }, (t) => {
        now = t;
        if (edits[t] !== undefined) writeFileSync(file, edits[t]);
      })]]),
      formats: new Map(),
    },
  });
  session.config.set('table.local-time-zone', 'UTC');
  const out: string[] = [];
  let cancel = () => {};
  setTimeout(() => cancel(), 300);
  await runScript(
    `CREATE TABLE probe (id INT, pt AS PROCTIME()) WITH ('connector' = 'scripted', 'script' = 's');
     CREATE TABLE dim (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${file}', 'format' = 'csv', 'lookup.cache' = 'FULL', ${cacheOptions});
     SELECT p.id, d.name FROM probe AS p JOIN dim FOR SYSTEM_TIME AS OF p.pt AS d ON p.id = d.id;`,
    session,
    { mode: 'run', fileName: 'full-cache.sql', queryOutput: 'print', io: { stdout: (l) => out.push(l), stderr: (l) => { if (!l.includes('was cancelled')) out.push(`ERR ${l}`); } }, onJob: (r) => (cancel = () => r.cancel()) },
  );
  return out;
}

describe('lookup.cache = FULL', () => {
  it('loads the table when the job starts: a change before the first probe row is not seen until the reload', async () => {
    const out = await run(
      `'lookup.full-cache.periodic-reload.interval' = '1 h'`,
      [{ clock: T0 + MIN }, { rows: [[1]] }, { clock: T0 + 60 * MIN - 1 }, { rows: [[1]] }, { clock: T0 + 60 * MIN }, { rows: [[1]] }],
      '1,start\n',
      { [T0 + MIN]: '1,edited\n' },
    );
    expect(out).toEqual(['+I[1, start]', '+I[1, start]', '+I[1, edited]']);
  });

  it('TIMED reloads at the given time of day and then every interval-in-days', async () => {
    const reloadAt = Date.UTC(2024, 0, 1, 10, 30);
    const out = await run(
      `'lookup.full-cache.reload-strategy' = 'TIMED', 'lookup.full-cache.timed-reload.iso-time' = '10:30Z', 'lookup.full-cache.timed-reload.interval-in-days' = '2'`,
      [
        { clock: T0 + MIN }, { rows: [[1]] },
        { clock: reloadAt }, { rows: [[1]] },
        { clock: reloadAt + MIN }, { rows: [[1]] },
        { clock: reloadAt + DAY }, { rows: [[1]] },
        { clock: reloadAt + 2 * DAY }, { rows: [[1]] },
      ],
      '1,v1\n',
      { [T0 + MIN]: '1,v2\n', [reloadAt + MIN]: '1,v3\n' },
    );
    expect(out).toEqual(['+I[1, v1]', '+I[1, v2]', '+I[1, v2]', '+I[1, v2]', '+I[1, v3]']);
  });
});
