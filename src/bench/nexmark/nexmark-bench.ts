/**
 * `weir bench nexmark`: runs each Nexmark query in a fresh process over a bounded, seeded
 * `nexmark` source, shows progress, prints the table (events/s per core against Flink's published
 * figures), and writes the run as JSON, an SVG chart and a line of history under bench/results/.
 */
import { execSync, fork } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ScriptIO } from '../../session/script-runner.js';
import { resultChart } from './report-svg.js';
import { perCore, resultTable } from './report-table.js';
import type { ChildMessage, QueryResult } from './run-query.js';
import type { ScriptParams } from './query-script.js';

export interface BenchOptions extends ScriptParams {
  readonly queries: readonly string[];
  /** bench/nexmark: DDL template, queries, side input, UDFs. */
  readonly suite: string;
  /** bench/results. */
  readonly results: string;
  readonly io: ScriptIO;
  /** Redraws one progress line on stderr (a terminal); otherwise prints one line per query. */
  readonly progress?: (line: string, final: boolean) => void;
}

/** Runs the queries; returns the exit code (1 when a query failed). */
export async function runNexmarkBench(o: BenchOptions): Promise<number> {
  const output = await mkdtemp(join(tmpdir(), 'weir-nexmark-'));
  const results: QueryResult[] = [];
  const failed: string[] = [];
  try {
    for (const query of o.queries) {
      const r = await runOne(query, o, output);
      if ('message' in r) {
        failed.push(query);
        o.io.stderr(`${query}: failed: ${r.message}`);
      } else results.push(r);
    }
  } finally {
    await rm(output, { recursive: true, force: true });
  }
  const history = join(o.results, 'nexmark-history.jsonl');
  const previous = await previousRun(history, o.events);
  o.io.stdout(`Nexmark on weir: ${o.events.toLocaleString('en-US')} events per query, seed ${o.seed}, parallelism ${o.parallelism}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);
  for (const line of resultTable(results, previous)) o.io.stdout(line);
  if (results.length > 0) await saveRun(o, results);
  if (failed.length) o.io.stderr(`failed: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

function runOne(query: string, o: BenchOptions, output: string): Promise<QueryResult | { message: string }> {
  const params: ScriptParams = { events: o.events, seed: o.seed, rate: o.rate, parallelism: o.parallelism };
  const child = fork(new URL('./run-query.js', import.meta.url), [query, JSON.stringify(params), JSON.stringify({ suite: o.suite, output })], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Unbounded joins keep every row in memory (Flink spills to RocksDB): let the heap use most of the machine.
    execArgv: [`--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const started = Date.now();
  return new Promise((resolve) => {
    let outcome: QueryResult | { message: string } | undefined;
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'progress') o.progress?.(progressLine(query, m.rows, o.events, started), false);
      else if (m.type === 'done') outcome = m.result;
      else outcome = { message: m.message };
    });
    child.on('exit', (code) => {
      o.progress?.(progressLine(query, outcome && !('message' in outcome) ? o.events : 0, o.events, started), true);
      resolve(outcome ?? { message: `the query process exited with code ${code}${stderr ? `: ${stderr.trim()}` : ''}` });
    });
  });
}

function progressLine(query: string, rows: number, events: number, started: number): string {
  const share = events > 0 ? Math.min(1, rows / events) : 0;
  const filled = Math.round(share * 30);
  return `${query.padEnd(4)} [${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${rows.toLocaleString('en-US')} events, ${((Date.now() - started) / 1000).toFixed(1)} s`;
}

/** Events/s per core per query of the latest earlier run with the same number of events. */
async function previousRun(history: string, events: number): Promise<Map<string, number> | undefined> {
  const text = await readFile(history, 'utf8').catch(() => '');
  const runs = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as SavedRun);
  const last = runs.reverse().find((r) => r.events === events);
  return last && new Map(last.results.map((r) => [r.query, perCore(r)]));
}

interface SavedRun {
  readonly date: string;
  readonly commit: string;
  readonly events: number;
  readonly seed: number;
  readonly parallelism: number;
  readonly machine: { readonly cores: number; readonly cpu: string; readonly node: string };
  readonly results: readonly QueryResult[];
}

async function saveRun(o: BenchOptions, results: readonly QueryResult[]): Promise<void> {
  const run: SavedRun = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    events: o.events,
    seed: o.seed,
    parallelism: o.parallelism,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    results,
  };
  await mkdir(o.results, { recursive: true });
  await writeFile(join(o.results, 'nexmark-latest.json'), `${JSON.stringify(run, null, 2)}\n`);
  await appendFile(join(o.results, 'nexmark-history.jsonl'), `${JSON.stringify(run)}\n`);
  const title = `Nexmark events/s per core: weir (${o.events.toLocaleString('en-US')} events, ${run.date.slice(0, 10)}, ${run.commit}) vs Flink's published figures`;
  await writeFile(join(o.results, 'nexmark.svg'), `${resultChart(results, title)}\n`);
  o.io.stdout(`Results: ${join(o.results, 'nexmark-latest.json')}, ${join(o.results, 'nexmark.svg')}, history in ${join(o.results, 'nexmark-history.jsonl')}`);
}

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}
