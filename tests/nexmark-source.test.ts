import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';

const DDL = readFileSync(new URL('../bench/nexmark/ddl.sql', import.meta.url), 'utf8');
const ddl = (events: number, seed = 0) => DDL.replace(/{{rate}}/g, '10000000').replace(/{{events}}/g, String(events)).replace(/{{seed}}/g, String(seed));

async function run(sql: string): Promise<string[]> {
  const out: string[] = [];
  const err: string[] = [];
  const rc = await runScript(sql, new Session(), { mode: 'run', fileName: 'nexmark.sql', queryOutput: 'print', io: { stdout: (l) => out.push(l), stderr: (l) => err.push(l) } });
  expect(err).toEqual([]);
  expect(rc).toBe(0);
  return out;
}

/** The final row per key of a printed changelog whose first column is the key. */
function finalRows(lines: string[]): Map<string, string> {
  const rows = new Map<string, string>();
  for (const l of lines) {
    const m = /^([+-][IUD])\[(.*)\]$/.exec(l);
    if (m === null) continue;
    const key = m[2]!.split(', ')[0]!;
    if (m[1] === '+I' || m[1] === '+U') rows.set(key, m[2]!);
    else rows.delete(key);
  }
  return rows;
}

it('runs the suite DDL through weir: 5000 events in the 1 / 3 / 46 mix', async () => {
  const out = await run(`${ddl(5000)}\nSELECT event_type, COUNT(*) FROM nexmark GROUP BY event_type;`);
  expect([...finalRows(out).values()].sort()).toEqual(['0, 100', '1, 300', '2, 4600']);
});

it('exposes the views with the ROW fields and the rowtime', async () => {
  const out = await run(`${ddl(5000, 3)}
SELECT 'p', COUNT(*), MIN(id), MAX(id), MIN(\`dateTime\`), MAX(\`dateTime\`) FROM person
UNION ALL SELECT 'a', COUNT(*), MIN(id), MAX(id), MIN(\`dateTime\`), MAX(expires) FROM auction
UNION ALL SELECT 'b', COUNT(*), MIN(auction), MAX(bidder), MIN(\`dateTime\`), MAX(\`dateTime\`) FROM bid;`);
  // Seed 3 fixes the random picks: the highest bidder is one of the 10 people ids past the newest (1099).
  expect(finalRows(out)).toEqual(
    new Map([
      ['p', 'p, 100, 1000, 1099, 2015-07-15T00:00, 2015-07-15T00:00'],
      ['a', 'a, 300, 1000, 1299, 2015-07-15T00:00, 2015-07-15T00:00:00.001'],
      ['b', 'b, 4600, 1000, 1106, 2015-07-15T00:00, 2015-07-15T00:00'],
    ]),
  );
});

it('carries the rowtime through the views into event-time windows', async () => {
  // At 1000 events/s, 25 000 events span 25 s of event time: 9200 bids per full 10 s window.
  const sql = ddl(25_000).replace(/'first-event.rate' = '\d+'/, "'first-event.rate' = '1000'");
  const out = await run(`${sql}
SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(\`dateTime\`), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;`);
  expect(out).toEqual(['+I[2015-07-15T00:00, 9200]', '+I[2015-07-15T00:00:10, 9200]', '+I[2015-07-15T00:00:20, 4600]']);
});
