/**
 * Helpers of the Nexmark correctness check (tests/nexmark-correctness.test.ts): run a Nexmark
 * query's SELECT on weir with the rows printed instead of sent to its sink, materialize the
 * printed changelog, load the same generated events into DuckDB and format DuckDB's rows as
 * Flink's print connector shows them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DuckDBDecimalValue,
  DuckDBTimestampValue,
  timestampValue,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { DEFAULT_CONFIG, EVENT_AUCTION, EVENT_PERSON, type NexmarkConfig } from '../../src/connectors/nexmark/nexmark-config.js';
import { NexmarkGenerator } from '../../src/connectors/nexmark/nexmark-generator.js';
import { runScript } from '../../src/session/script-runner.js';
import { Session } from '../../src/session/session.js';
import type { Timestamp } from '../../src/types/values.js';

export const NEXMARK = join(import.meta.dirname, '..', '..', 'bench', 'nexmark');
export const QUERIES = join(NEXMARK, 'queries');
export const DUCK_QUERIES = join(NEXMARK, 'duckdb');

/** What one correctness run generates. */
export interface RunParams {
  readonly events: number;
  readonly seed: number;
  /** first-event.rate: events per second of event time. */
  readonly rate: number;
  /** Directory for q10's filesystem sink (its rows are printed, the sink table only declared). */
  readonly output: string;
}

export function substitute(text: string, p: RunParams): string {
  const values: Record<string, string> = {
    rate: String(p.rate),
    events: String(p.events),
    seed: String(p.seed),
    output: p.output,
    data: join(NEXMARK, 'data'),
    udf: join(NEXMARK, 'udf'),
  };
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => values[name] ?? m);
}

/**
 * The query file with its `INSERT INTO nexmark_qN` turned into the bare SELECT, so weir prints the
 * changelog the sink would receive (the sink table is still declared, never written).
 */
export function selectScript(name: string, p: RunParams): string {
  const ddl = readFileSync(join(NEXMARK, 'ddl.sql'), 'utf8');
  const query = readFileSync(join(QUERIES, `${name}.sql`), 'utf8');
  const insert = new RegExp(`INSERT\\s+INTO\\s+nexmark_${name}\\s+`, 'i');
  if (!insert.test(query)) throw new Error(`${name}.sql has no INSERT INTO nexmark_${name}`);
  return substitute(`${ddl}\n${query.replace(insert, '')}`, p);
}

export interface WeirOutput {
  readonly lines: string[];
  readonly stderr: string[];
}

/**
 * Runs a script on weir (parallelism 1, UTC) and returns its print lines. `clock` replaces the
 * wall clock (processing time) when given.
 */
export async function runWeir(script: string, fileName: string, clock?: () => number): Promise<WeirOutput> {
  const session = new Session(clock ? { baseDir: QUERIES, clock } : { baseDir: QUERIES });
  session.config.set('table.local-time-zone', 'UTC');
  const lines: string[] = [];
  const stderr: string[] = [];
  const code = await runScript(script, session, {
    mode: 'run',
    fileName,
    queryOutput: 'print',
    warnings: false,
    io: { stdout: (l) => lines.push(...l.split('\n').filter((x) => x !== '')), stderr: (l) => stderr.push(l) },
  });
  if (code !== 0) throw new Error(`weir failed on ${fileName} (exit ${code}):\n${stderr.join('\n')}`);
  return { lines, stderr };
}

/** java.time's LocalDateTime.toString of epoch micros (UTC wall clock), as Flink's print shows TIMESTAMP. */
export function javaLocalDateTime(micros: bigint): string {
  const millis = Number(micros / 1000n);
  const subMicros = Number(((micros % 1000n) + 1000n) % 1000n);
  const d = new Date(millis);
  const p2 = (n: number) => String(n).padStart(2, '0');
  let out = `${String(d.getUTCFullYear()).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
  const nano = d.getUTCMilliseconds() * 1_000_000 + subMicros * 1000;
  if (d.getUTCSeconds() > 0 || nano > 0) {
    out += `:${p2(d.getUTCSeconds())}`;
    if (nano > 0) {
      if (nano % 1_000_000 === 0) out += `.${String(nano / 1_000_000).padStart(3, '0')}`;
      else if (nano % 1000 === 0) out += `.${String(nano / 1000).padStart(6, '0')}`;
      else out += `.${String(nano).padStart(9, '0')}`;
    }
  }
  return out;
}

/** BigDecimal.toString of a DuckDB DECIMAL (plain: all the scale's digits, no exponent at these sizes). */
export function javaDecimal(v: DuckDBDecimalValue): string {
  const neg = v.value < 0n;
  const digits = (neg ? -v.value : v.value).toString().padStart(v.scale + 1, '0');
  const body = v.scale === 0 ? digits : `${digits.slice(0, -v.scale)}.${digits.slice(-v.scale)}`;
  return neg ? `-${body}` : body;
}

function printValue(x: DuckDBValue): string {
  if (x === null) return 'null';
  if (x instanceof DuckDBTimestampValue) return javaLocalDateTime(x.micros);
  if (x instanceof DuckDBDecimalValue) return javaDecimal(x);
  if (typeof x === 'string' || typeof x === 'bigint' || typeof x === 'number' || typeof x === 'boolean') return String(x);
  throw new Error(`no print form for DuckDB value ${String(x)}`);
}

/** DuckDB's result as print row texts, sorted. */
export async function duckRows(conn: DuckDBConnection, sql: string): Promise<string[]> {
  const result = await conn.runAndReadAll(sql);
  return result
    .getRows()
    .map((row) => row.map(printValue).join(', '))
    .sort();
}

export function duckQuery(name: string, p: RunParams): string {
  return substitute(readFileSync(join(DUCK_QUERIES, `${name}.sql`), 'utf8'), p);
}

/** Multiset difference of two sorted row lists, as a short report ('' when equal). */
export function diffRows(actual: readonly string[], expected: readonly string[], show = 8): string {
  const count = (rows: readonly string[]) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r, (m.get(r) ?? 0) + 1);
    return m;
  };
  const a = count(actual);
  const e = count(expected);
  const extra: string[] = [];
  const missing: string[] = [];
  for (const [r, n] of a) for (let i = e.get(r) ?? 0; i < n; i++) extra.push(r);
  for (const [r, n] of e) for (let i = a.get(r) ?? 0; i < n; i++) missing.push(r);
  if (extra.length === 0 && missing.length === 0) return '';
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);
  return [
    `weir ${actual.length} rows, DuckDB ${expected.length} rows; ${extra.length} only in weir, ${missing.length} only in DuckDB`,
    ...extra.sort().slice(0, show).map((r) => `  weir only:   ${cut(r)}`),
    ...missing.sort().slice(0, show).map((r) => `  DuckDB only: ${cut(r)}`),
  ].join('\n');
}

const DUCK_DDL = `
CREATE TABLE person (id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR, state VARCHAR,
  "dateTime" TIMESTAMP, extra VARCHAR);
CREATE TABLE auction (id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT,
  "dateTime" TIMESTAMP, expires TIMESTAMP, seller BIGINT, category BIGINT, extra VARCHAR);
CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, "dateTime" TIMESTAMP, extra VARCHAR);
`;

/** The generator's config for the options ddl.sql sets (rate, events, seed; default proportions). */
export function generatorConfig(p: RunParams): NexmarkConfig {
  return { ...DEFAULT_CONFIG, firstEventRate: p.rate, nextEventRate: p.rate, eventsNum: p.events, seed: BigInt(p.seed) };
}

function appendRow(app: DuckDBAppender, row: readonly unknown[]): void {
  for (const v of row) {
    if (v === null) app.appendNull();
    else if (typeof v === 'bigint') app.appendBigInt(v);
    else if (typeof v === 'string') app.appendVarchar(v);
    else if (typeof v === 'object' && 'millis' in (v as object)) {
      const ts = v as Timestamp;
      app.appendTimestamp(timestampValue(BigInt(ts.millis) * 1000n + BigInt(Math.floor(ts.nanos / 1000))));
    } else throw new Error(`unexpected generated value ${String(v)}`);
  }
  app.endRow();
}

/**
 * Generates events 0..events-1 with the connector's generator (the single-subtask stream, in
 * event order) and appends them to DuckDB tables person, auction and bid, so each table's rowid
 * is the arrival order.
 */
export async function loadEvents(conn: DuckDBConnection, p: RunParams): Promise<void> {
  await conn.run(DUCK_DDL);
  const gen = new NexmarkGenerator(generatorConfig(p));
  const apps = {
    person: await conn.createAppender('person'),
    auction: await conn.createAppender('auction'),
    bid: await conn.createAppender('bid'),
  };
  for (let n = 0; n < p.events; n++) {
    const [kind, person, auction, bid] = gen.event(n) as [number, unknown[] | null, unknown[] | null, unknown[] | null];
    if (kind === EVENT_PERSON) appendRow(apps.person, person!);
    else if (kind === EVENT_AUCTION) appendRow(apps.auction, auction!);
    else appendRow(apps.bid, bid!);
  }
  for (const app of Object.values(apps)) {
    app.flushSync();
    app.closeSync();
  }
}
