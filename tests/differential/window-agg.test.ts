// Differential test: window aggregations run by weir's streaming engine must equal the same
// aggregation computed in batch by DuckDB, on seeded random out-of-order event streams (and on
// streams with late rows, hand-made edge values, and TIMESTAMP_LTZ rowtime in a +05:30 zone).
// Both sides are compared as Flink print lines, formatted here from DuckDB's exact integers.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../src/session/script-runner.js';
import { Session } from '../../src/session/session.js';
import { goldenConnector } from '../golden/golden-connector.js';
import { formatDecimal, generateStream, goldenLines, printTimestamp, rowsWithWatermark, type Event, type StreamItem } from './event-stream.js';
import {
  DECIMAL_AGGS,
  EXTRA_AGGS,
  INT_AGGS,
  duckAggs,
  duckQuery,
  duckWindows,
  flinkTvf,
  flinkLegacyQuery,
  flinkTvfQuery,
  type AggSpec,
  type WindowSpec,
} from './window-queries.js';

const SEEDS = [1, 7, 42, 2024, 31337];
const WATERMARK_DELAY = 5_000;
const STREAM = { rows: 300, jitter: 3_000, watermarkDelay: WATERMARK_DELAY, meanGap: 400, start: Date.UTC(2024, 2, 1, 0, 0, 0) };

const ddl = (timeType: string) => `CREATE TABLE ev (
  k STRING,
  v INT,
  d DECIMAL(10, 2),
  ts ${timeType},
  WATERMARK FOR ts AS ts - INTERVAL '${WATERMARK_DELAY / 1000}' SECOND
) WITH ('connector' = 'golden');`;

/**
 * How event time is declared. With TIMESTAMP_LTZ rowtime, windows align to the session time zone
 * and window_start/window_end are local TIMESTAMP(3) values; DuckDB then works on local wall-clock
 * millis (a fixed zone offset, so no DST question).
 */
interface TimeMode {
  readonly ltz: boolean;
  readonly zone: string;
  readonly zoneOffset: number;
}
const UTC_TIMESTAMP: TimeMode = { ltz: false, zone: 'UTC', zoneOffset: 0 };

const ALL_AGGS = [...INT_AGGS, ...DECIMAL_AGGS];
const s = (n: number) => n * 1000;

interface Case {
  readonly name: string;
  readonly window: WindowSpec;
  readonly keyed: boolean;
  readonly aggs: readonly AggSpec[];
  readonly legacy?: boolean;
  /** Hand-written queries instead of the generated ones (same output columns: [k,] start, end, aggs). */
  readonly flink?: string;
  readonly duck?: string;
}

const TUMBLE_10S: WindowSpec = { kind: 'TUMBLE', size: s(10) };
const HOP_2_10: WindowSpec = { kind: 'HOP', slide: s(2), size: s(10) };
const CUMULATE_2_10: WindowSpec = { kind: 'CUMULATE', step: s(2), size: s(10) };
const COUNT_SUM_D: readonly AggSpec[] = [ALL_AGGS[0]!, DECIMAL_AGGS[1]!];
const COUNT_AVG_D: readonly AggSpec[] = [ALL_AGGS[0]!, DECIMAL_AGGS[4]!];
const WINDOW_TIME: AggSpec = { flink: 'window_time', duck: 'we - 1', kind: 'ts' };

/** Queries written out: grouping sets, a filter on the TVF, window_time, cascading windows. */
const CUSTOM_CASES: readonly Case[] = [
  {
    name: 'TUMBLE 10 s with GROUPING SETS ((k), ())',
    window: TUMBLE_10S,
    keyed: true,
    aggs: COUNT_SUM_D,
    flink: `SELECT k, window_start, window_end, COUNT(*), SUM(d) FROM TABLE(${flinkTvf(TUMBLE_10S)})
GROUP BY window_start, window_end, GROUPING SETS ((k), ());`,
    duck: `SELECT k, ws, we, ${duckAggs(COUNT_SUM_D)} FROM (${duckWindows(TUMBLE_10S)}) GROUP BY GROUPING SETS ((ws, we, k), (ws, we))`,
  },
  {
    name: 'HOP 2 s / 10 s with ROLLUP (k)',
    window: HOP_2_10,
    keyed: true,
    aggs: COUNT_SUM_D,
    flink: `SELECT k, window_start, window_end, COUNT(*), SUM(d) FROM TABLE(${flinkTvf(HOP_2_10)})
GROUP BY window_start, window_end, ROLLUP (k);`,
    duck: `SELECT k, ws, we, ${duckAggs(COUNT_SUM_D)} FROM (${duckWindows(HOP_2_10)}) GROUP BY GROUPING SETS ((ws, we, k), (ws, we))`,
  },
  {
    name: 'CUMULATE 2 s / 10 s per key with WHERE on the TVF output',
    window: CUMULATE_2_10,
    keyed: true,
    aggs: COUNT_AVG_D,
    flink: `SELECT k, window_start, window_end, COUNT(*), AVG(d) FROM TABLE(${flinkTvf(CUMULATE_2_10)})
WHERE v > 0 OR v IS NULL
GROUP BY k, window_start, window_end;`,
    duck: `SELECT k, ws, we, ${duckAggs(COUNT_AVG_D)} FROM (${duckWindows(CUMULATE_2_10)}) WHERE v > 0 OR v IS NULL GROUP BY k, ws, we`,
  },
  {
    name: 'HOP 2 s / 10 s per key selecting window_time',
    window: HOP_2_10,
    keyed: true,
    aggs: [WINDOW_TIME, ALL_AGGS[0]!],
    flink: `SELECT k, window_start, window_end, window_time, COUNT(*) FROM TABLE(${flinkTvf(HOP_2_10)})
GROUP BY k, window_start, window_end, window_time;`,
    duck: `SELECT k, ws, we, ${duckAggs([WINDOW_TIME, ALL_AGGS[0]!])} FROM (${duckWindows(HOP_2_10)}) GROUP BY k, ws, we`,
  },
  {
    name: 'cascading: TUMBLE 10 s per key, then TUMBLE 1 min on window_time',
    window: { kind: 'TUMBLE', size: s(60) },
    keyed: true,
    aggs: [ALL_AGGS[0]!, DECIMAL_AGGS[1]!, INT_AGGS[4]!],
    flink: `CREATE VIEW w10 AS
SELECT k, window_time AS rt, COUNT(*) AS cnt, SUM(d) AS sd, MAX(v) AS mx FROM TABLE(${flinkTvf(TUMBLE_10S)})
GROUP BY k, window_start, window_end, window_time;
SELECT k, window_start, window_end, SUM(cnt), SUM(sd), MAX(mx)
FROM TABLE(TUMBLE(TABLE w10, DESCRIPTOR(rt), INTERVAL '1' MINUTE))
GROUP BY k, window_start, window_end;`,
    // The inner results (rowtime window_end - 1) are never late for the outer windows.
    duck: `SELECT k, ms, ms + 60000, sum(cnt)::HUGEINT, sum(sd)::HUGEINT, max(mx)::HUGEINT FROM (
  SELECT *, (we - 1) - (we - 1) % 60000 AS ms FROM (
    SELECT k, ws, we, count(*) AS cnt, sum(du) AS sd, max(v) AS mx FROM (${duckWindows(TUMBLE_10S)}) GROUP BY k, ws, we))
GROUP BY k, ms`,
  },
];

const CASES: readonly Case[] = [
  ...CUSTOM_CASES,
  { name: 'CUMULATE 2 s / 10 s per key with FILTER, DISTINCT', window: CUMULATE_2_10, keyed: true, aggs: EXTRA_AGGS },
  { name: 'TUMBLE 10 s per key', window: { kind: 'TUMBLE', size: s(10) }, keyed: true, aggs: ALL_AGGS },
  { name: 'TUMBLE 10 s global', window: { kind: 'TUMBLE', size: s(10) }, keyed: false, aggs: ALL_AGGS },
  { name: 'TUMBLE 1 min global', window: { kind: 'TUMBLE', size: s(60) }, keyed: false, aggs: ALL_AGGS },
  { name: 'TUMBLE 7 s offset 3 s per key', window: { kind: 'TUMBLE', size: s(7), offset: s(3) }, keyed: true, aggs: ALL_AGGS },
  { name: 'HOP 2 s / 10 s per key', window: { kind: 'HOP', slide: s(2), size: s(10) }, keyed: true, aggs: ALL_AGGS },
  { name: 'HOP 3 s / 12 s global', window: { kind: 'HOP', slide: s(3), size: s(12) }, keyed: false, aggs: ALL_AGGS },
  { name: 'HOP 5 s / 15 s offset 1 s per key', window: { kind: 'HOP', slide: s(5), size: s(15), offset: s(1) }, keyed: true, aggs: ALL_AGGS },
  { name: 'CUMULATE 2 s / 10 s per key', window: { kind: 'CUMULATE', step: s(2), size: s(10) }, keyed: true, aggs: ALL_AGGS },
  { name: 'CUMULATE 5 s / 30 s global', window: { kind: 'CUMULATE', step: s(5), size: s(30) }, keyed: false, aggs: ALL_AGGS },
  { name: 'CUMULATE 3 s / 12 s offset 2 s per key', window: { kind: 'CUMULATE', step: s(3), size: s(12), offset: s(2) }, keyed: true, aggs: ALL_AGGS },
  { name: 'TUMBLE 10 s global with FILTER, DISTINCT, MAX(STRING)', window: { kind: 'TUMBLE', size: s(10) }, keyed: false, aggs: EXTRA_AGGS },
  { name: 'HOP 2 s / 10 s per key with FILTER, DISTINCT', window: { kind: 'HOP', slide: s(2), size: s(10) }, keyed: true, aggs: EXTRA_AGGS },
  { name: 'legacy GROUP BY TUMBLE 10 s per key', window: { kind: 'TUMBLE', size: s(10) }, keyed: true, aggs: ALL_AGGS, legacy: true },
  { name: 'legacy GROUP BY HOP 2 s / 10 s global', window: { kind: 'HOP', slide: s(2), size: s(10) }, keyed: false, aggs: ALL_AGGS, legacy: true },
];

/** Suites alternate the aggregation strategy, so the one- and two-phase paths are both compared with DuckDB. */
let phaseStrategy = 'TWO_PHASE';
let suiteCount = 0;

/** Runs one query through the whole engine; returns the print lines. */
async function runWeir(input: readonly string[], query: string, time: TimeMode): Promise<string[]> {
  let session!: Session;
  const connector = goldenConnector(new Map([['ev', input]]), () => session.functions());
  session = new Session({ registry: { connectors: new Map([['golden', connector]]), formats: new Map() } });
  session.config.set('table.local-time-zone', time.zone);
  session.config.set('table.optimizer.agg-phase-strategy', phaseStrategy);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runScript(`${ddl(time.ltz ? 'TIMESTAMP_LTZ(3)' : 'TIMESTAMP(3)')}\n${query}`, session, {
    mode: 'run',
    fileName: 'differential.sql',
    queryOutput: 'print',
    warnings: false,
    io: { stdout: (l) => stdout.push(...l.split('\n')), stderr: (l) => stderr.push(...l.split('\n')) },
  });
  if (code !== 0) throw new Error(`weir failed (exit ${code}):\n${stderr.join('\n')}\n--- query\n${query}`);
  return stdout;
}

async function loadEvents(conn: DuckDBConnection, items: readonly StreamItem[], zoneOffset: number): Promise<void> {
  const lit = (x: string | number | bigint | null) => (x === null ? 'NULL' : typeof x === 'string' ? `'${x}'` : String(x));
  await conn.run('CREATE OR REPLACE TABLE ev (k VARCHAR, v INTEGER, d DECIMAL(10, 2), du BIGINT, ts BIGINT, wm BIGINT)');
  const values = rowsWithWatermark(items).map(
    ({ row: r, watermark }) =>
      `(${lit(r.k)}, ${lit(r.v)}, ${r.d === null ? 'NULL' : formatDecimal(r.d, 2)}, ${lit(r.d)}, ${r.ts + zoneOffset}, ${watermark === -Infinity ? -(2 ** 53) : watermark + zoneOffset})`,
  );
  await conn.run(`INSERT INTO ev VALUES ${values.join(', ')}`);
  // Sanity check of the loaded data: the decimal and its unscaled twin agree.
  const check = await conn.runAndReadAll('SELECT count(*) FROM ev WHERE (d * 100)::BIGINT IS DISTINCT FROM du');
  if (Number(check.getRows()[0]![0]) !== 0) throw new Error('DuckDB decimal load mismatch');
}

/** DuckDB's result as Flink print lines. */
async function expectedLines(conn: DuckDBConnection, c: Case): Promise<string[]> {
  const result = await conn.runAndReadAll(c.duck ?? duckQuery(c.window, c.aggs, c.keyed));
  const big = (x: unknown) => (typeof x === 'bigint' ? x : BigInt(x as number));
  return result.getRows().map((row) => {
    const fields: string[] = [];
    let i = 0;
    if (c.keyed) fields.push(row[i++] === null ? 'null' : String(row[i - 1]));
    fields.push(printTimestamp(Number(row[i++])), printTimestamp(Number(row[i++])));
    for (const a of c.aggs) {
      const x = row[i++];
      if (x === null) fields.push('null');
      else if (a.kind === 'str') fields.push(String(x));
      else if (a.kind === 'ts') fields.push(printTimestamp(Number(x)));
      else if (a.kind === 'dec') fields.push(formatDecimal(big(x), a.scale!));
      else fields.push(big(x).toString());
    }
    return `+I[${fields.join(', ')}]`;
  });
}

/** One suite: a stream loaded into DuckDB once, and each case run through weir and compared. */
function defineSuite(title: string, items: readonly StreamItem[], cases: readonly Case[], time = UTC_TIMESTAMP, late = false): void {
  const strategy = suiteCount++ % 2 === 0 ? 'TWO_PHASE' : 'ONE_PHASE';
  describe(`${title} (${strategy})`, () => {
    const input = goldenLines(items, time.ltz);
    let db: DuckDBInstance;
    let conn: DuckDBConnection;
    beforeAll(async () => {
      phaseStrategy = strategy;
      db = await DuckDBInstance.create(':memory:');
      conn = await db.connect();
      await loadEvents(conn, items, time.zoneOffset);
    });
    afterAll(() => {
      conn.closeSync();
      db.closeSync();
    });

    it(late ? 'has late rows' : 'has no late rows', () => {
      const behind = rowsWithWatermark(items).filter(({ row, watermark }) => row.ts <= watermark).length;
      if (late) expect(behind).toBeGreaterThan(5);
      else expect(behind).toBe(0);
    });

    for (const c of cases) {
      it(c.name, async () => {
        const query = c.flink ?? (c.legacy ? flinkLegacyQuery : flinkTvfQuery)(c.window, c.aggs, c.keyed);
        const [actual, expected] = [await runWeir(input, query, time), await expectedLines(conn, c)];
        expect(expected.length).toBeGreaterThan(0);
        expect([...actual].sort(), `${title}\n${query}`).toEqual([...expected].sort());
      });
    }
  });
}

for (const seed of SEEDS) {
  const items = generateStream(seed, STREAM);
  it(`seed ${seed} streams are out of order and watermarked`, () => {
    const rows = items.filter((i): i is { row: Event } => 'row' in i).map((i) => i.row.ts);
    expect(rows.some((t, i) => i > 0 && t < rows[i - 1]!)).toBe(true);
    expect(items.filter((i) => 'watermark' in i).length).toBeGreaterThan(5);
  });
  defineSuite(`window aggregation vs DuckDB, seed ${seed}`, items, CASES);
}

// Flink's slicing window aggregation rejects HOP windows whose size is not a multiple of the slide.
it('rejects HOP window aggregation with size not a multiple of slide, as Flink does', async () => {
  const query = flinkTvfQuery({ kind: 'HOP', slide: s(4), size: s(10) }, ALL_AGGS, true);
  await expect(runWeir([], query, UTC_TIMESTAMP)).rejects.toThrow(
    'HOP table function based aggregate requires size must be an integral multiple of slide, but got size 10000 ms and slide 4000 ms.',
  );
});

/**
 * Hand-made edge values: AVG(DECIMAL) quotients exactly halfway at the 7th decimal (Flink rounds
 * HALF_UP, away from zero), AVG(INT) truncating towards zero, SUM(INT) wrapping around, sums past
 * DECIMAL(10, 2), and groups whose values are all NULL.
 */
function edgeStream(): StreamItem[] {
  const t0 = STREAM.start;
  const items: StreamItem[] = [];
  const row = (k: string | null, v: number | null, d: bigint | null, ts: number) => items.push({ row: { k, v, d, ts } });
  for (let i = 0; i < 32; i++) row('a', 0, i === 0 ? 1n : 0n, t0 + i * 100); // AVG(d) = 0.0003125
  row('b', -7, -5n, t0 + 500);
  row('b', 0, -4n, t0 + 600);
  items.push({ watermark: t0 + 3_000 });
  for (let i = 0; i < 32; i++) row('a', 0, i === 0 ? -1n : 0n, t0 + 10_000 + i * 100); // AVG(d) = -0.0003125
  row('c', 2147483647, 9999999999n, t0 + 11_000);
  row('c', 2147483647, 9999999999n, t0 + 12_000);
  row('c', 1, 9999999999n, t0 + 13_000);
  row('c', 5, -9999999999n, t0 + 13_500); // SUM(v) wraps to 4
  items.push({ watermark: t0 + 14_000 });
  row('d', null, null, t0 + 21_000);
  row(null, null, null, t0 + 22_000);
  row('d', null, null, t0 + 23_000);
  row(null, 3, 3n, t0 + 24_000);
  return items;
}

defineSuite('window aggregation vs DuckDB, edge values', edgeStream(), [
  { name: 'TUMBLE 10 s per key', window: { kind: 'TUMBLE', size: s(10) }, keyed: true, aggs: ALL_AGGS },
  { name: 'TUMBLE 10 s global', window: { kind: 'TUMBLE', size: s(10) }, keyed: false, aggs: ALL_AGGS },
  { name: 'HOP 5 s / 10 s per key', window: { kind: 'HOP', slide: s(5), size: s(10) }, keyed: true, aggs: ALL_AGGS },
  { name: 'CUMULATE 2 s / 30 s global', window: { kind: 'CUMULATE', step: s(2), size: s(30) }, keyed: false, aggs: ALL_AGGS },
  { name: 'legacy GROUP BY TUMBLE 10 s per key', window: { kind: 'TUMBLE', size: s(10) }, keyed: true, aggs: ALL_AGGS, legacy: true },
]);

const h = (n: number) => n * 3_600_000;
const LTZ_STREAM = { ...STREAM, meanGap: 60_000, start: Date.UTC(2024, 2, 1, 16, 0, 0) };
const KOLKATA: TimeMode = { ltz: true, zone: 'Asia/Kolkata', zoneOffset: h(5.5) };
for (const seed of [3, 99]) {
  // About 5 hours of events from 21:30 local time, so windows cross the local midnight.
  defineSuite(`window aggregation vs DuckDB, TIMESTAMP_LTZ rowtime in Asia/Kolkata, seed ${seed}`, generateStream(seed, LTZ_STREAM), [
    { name: 'TUMBLE 1 h per key', window: { kind: 'TUMBLE', size: h(1) }, keyed: true, aggs: ALL_AGGS },
    { name: 'HOP 30 min / 2 h global', window: { kind: 'HOP', slide: h(0.5), size: h(2) }, keyed: false, aggs: ALL_AGGS },
    { name: 'CUMULATE 1 h / 1 day per key', window: { kind: 'CUMULATE', step: h(1), size: h(24) }, keyed: true, aggs: ALL_AGGS },
    { name: 'legacy GROUP BY TUMBLE 1 h global', window: { kind: 'TUMBLE', size: h(1) }, keyed: false, aggs: ALL_AGGS, legacy: true },
  ], KOLKATA);
}

// Late rows (behind the watermark): Flink drops a late row from the windows that have already
// fired and counts it in those that have not; DuckDB applies the same rule with each row's
// watermark at arrival.
const LATE_STREAM = { ...STREAM, rows: 400, lateShare: 0.08, lateBy: 12_000 };
for (const seed of [5, 77, 1009]) {
  defineSuite(`window aggregation vs DuckDB, late rows, seed ${seed}`, generateStream(seed, LATE_STREAM), CASES, UTC_TIMESTAMP, true);
}
