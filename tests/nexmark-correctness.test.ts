// Nexmark correctness: on a small bounded run, each Nexmark query's final result on weir equals
// the same query computed by DuckDB in batch over the same generated events.
//
// - weir runs bench/nexmark/ddl.sql with the query file, its `INSERT INTO nexmark_qN` turned into
//   the bare SELECT so the changelog is printed; +I/+U add a row, -U/-D remove one.
// - DuckDB gets the events from the connector's generator (tables person, auction, bid appended in
//   event order, so rowid is the arrival order) and runs bench/nexmark/duckdb/qN.sql, the batch
//   translation of the query.
// - Both sides are compared as sorted multisets of print row texts.
//
// Runs:
// - 50,000 events, seed 1, rate 100 events/s: event times 10 ms apart, 500 s of event time, so
//   the 10-second windows, the 10-second session gap and the auctions' expiry see many distinct
//   windows and sessions (and, with seed 1, five bids exactly 10 s after the bidder's previous
//   one: q11's sessions merge on touching windows). No two events share a timestamp.
// - 5,000 events, seed 1, rate 1,000,000 events/s (the benchmark's kind of rate): the events span
//   5 ms, about 1,000 share each millisecond, so Top-N and deduplication meet ties on their sort
//   keys (with seed 1: 310 (bidder, auction) pairs whose latest bids tie in q18, 21 ties on price
//   and time in q9). Flink breaks them by arrival order (append-only Top-N ranks an equal row
//   after the rows it holds; keep-last-row deduplication replaces on an equal rowtime), which at
//   parallelism 1 is the event order; the translations break ties on rowid the same way.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DUCK_QUERIES,
  NEXMARK,
  QUERIES,
  diffRows,
  duckQuery,
  duckRows,
  loadEvents,
  runWeir,
  selectScript,
  substitute,
  type RunParams,
} from './nexmark/correctness-harness.js';
import { materialize } from './helpers/materialize.js';

const output = mkdtempSync(join(tmpdir(), 'weir-nexmark-correctness-'));
afterAll(() => rmSync(output, { recursive: true, force: true }));

/** Queries whose comparison fails because of a known weir bug: name → the bug. */
const WEIR_BUGS: Record<string, string> = {};

const queryNames = readdirSync(QUERIES)
  .filter((f) => /^q\d+\.sql$/.test(f))
  .map((f) => f.slice(0, -4))
  .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

it('every Nexmark query has a DuckDB translation', () => {
  const duck = readdirSync(DUCK_QUERIES).filter((f) => /^q\d+\.sql$/.test(f)).map((f) => f.slice(0, -4));
  expect(queryNames.length).toBeGreaterThan(0);
  expect(duck.sort()).toEqual([...queryNames].sort());
});

function defineRun(title: string, params: RunParams, names: readonly string[], views: boolean): void {
  describe(title, () => {
    let db: DuckDBInstance;
    let conn: DuckDBConnection;

    beforeAll(async () => {
      db = await DuckDBInstance.create(':memory:');
      conn = await db.connect();
      await loadEvents(conn, params);
    }, 60_000);

    afterAll(() => {
      conn?.closeSync();
      db?.closeSync();
    });

    // The export: weir's views over the nexmark connector hold exactly the events loaded into DuckDB.
    if (views) {
      for (const view of ['person', 'auction', 'bid']) {
        it(`the ${view} view on weir equals the ${view} table loaded into DuckDB`, async () => {
          const script = substitute(`${readFileSync(join(NEXMARK, 'ddl.sql'), 'utf8')}\nSELECT * FROM ${view};`, params);
          const { lines, stderr } = await runWeir(script, `${view}.sql`);
          expect(stderr.join('\n')).toBe('');
          const expected = await duckRows(conn, `SELECT * FROM ${view}`);
          expect(expected.length).toBeGreaterThan(0);
          expect(diffRows(materialize(lines), expected)).toBe('');
        });
      }
    }

    for (const name of names) {
      if (name === 'q12') {
        it('q12 (processing time: the deterministic part)', () => checkQ12(conn, params));
        continue;
      }
      const test = async () => {
        const { lines, stderr } = await runWeir(selectScript(name, params), `${name}.sql`);
        // The generator emits in event-time order: no record may be late.
        expect(stderr.join('\n')).toBe('');
        const expected = await duckRows(conn, duckQuery(name, params));
        expect(expected.length, 'DuckDB result is empty: the comparison would prove nothing').toBeGreaterThan(0);
        expect(diffRows(materialize(lines), expected), name).toBe('');
      };
      const bug = WEIR_BUGS[name];
      if (bug) it.fails(`${name} (weir bug: ${bug})`, test, 30_000);
      else it(name, test, 30_000);
    }
  });
}

/**
 * q12 counts bids per bidder in 10-second processing-time windows. Which window a bid lands in
 * depends on the clock, and windows still open when the bounded input ends never fire (Flink does
 * not fire processing-time timers at end of input), so the result is not deterministic. weir runs
 * it with a clock 10,000 times faster than the wall clock, so windows fire during the run, and the
 * test checks what holds for any clock: every fired window is 10 seconds long and aligned, no
 * (bidder, window) appears twice, and, as rows are stamped in arrival order by a monotonic clock,
 * the fired windows taken in time order split a prefix of the bid stream into consecutive
 * segments: window k's per-bidder counts are the counts of the next sum(bid_count) bids.
 */
async function checkQ12(conn: DuckDBConnection, params: RunParams): Promise<void> {
  const t0 = Date.now();
  const base = Date.UTC(2026, 0, 1);
  const { lines, stderr } = await runWeir(selectScript('q12', params), 'q12.sql', () => base + (Date.now() - t0) * 10_000);
  expect(stderr.join('\n')).toBe('');
  const windows = new Map<number, Map<string, number>>();
  for (const row of materialize(lines)) {
    const [bidder, count, start, end] = row.split(', ') as [string, string, string, string];
    const s = Date.parse(`${start}Z`);
    expect(Date.parse(`${end}Z`) - s, `window ${start} – ${end}`).toBe(10_000);
    expect(s % 10_000, `window ${start} is aligned`).toBe(0);
    const w = windows.get(s) ?? new Map<string, number>();
    expect(w.has(bidder), `bidder ${bidder} twice in window ${start}`).toBe(false);
    windows.set(s, w.set(bidder, Number(count)));
  }
  expect(windows.size, 'no processing-time window fired').toBeGreaterThan(1);
  // The bid stream's bidders in arrival order (DuckDB's q12.sql gives only the per-bidder totals).
  const bidders = (await conn.runAndReadAll('SELECT bidder FROM bid ORDER BY rowid')).getRows().map((r) => String(r[0]));
  const totals = new Map((await duckRows(conn, duckQuery('q12', params))).map((r) => r.split(', ') as [string, string]));
  let next = 0;
  for (const [start, counts] of [...windows].sort((a, b) => a[0] - b[0])) {
    const size = [...counts.values()].reduce((a, b) => a + b, 0);
    const segment = new Map<string, number>();
    for (const b of bidders.slice(next, next + size)) segment.set(b, (segment.get(b) ?? 0) + 1);
    const text = (m: Map<string, number>) => [...m].sort().map(([b, n]) => `${b}:${n}`).join(' ');
    expect(text(counts), `window ${new Date(start).toISOString()}: bids ${next}..${next + size - 1}`).toBe(text(segment));
    next += size;
  }
  expect(next).toBeLessThanOrEqual(bidders.length);
  const fired = new Map<string, number>();
  for (const counts of windows.values()) for (const [b, n] of counts) fired.set(b, (fired.get(b) ?? 0) + n);
  for (const [b, n] of fired) expect(n, `bidder ${b}`).toBeLessThanOrEqual(Number(totals.get(b) ?? 0));
}

defineRun('Nexmark on weir vs DuckDB batch: 50,000 events, seed 1, 10 ms apart', { events: 50_000, seed: 1, rate: 100, output }, queryNames, true);
defineRun('Nexmark on weir vs DuckDB batch: 5,000 events, seed 1, ~1,000 per millisecond (ties)', { events: 5_000, seed: 1, rate: 1_000_000, output }, queryNames, true);
