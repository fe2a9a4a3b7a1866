// Checkpoint benchmark (issue 6): what a checkpoint of a large keyed state costs, and what
// checkpointing every second costs a running job. Prints figures; never fails on timings.
//
// Run: npm run build && node bench/checkpoints.js [options]
//   --keys N        distinct keys of the size run (default 1,000,000)
//   --checkpoints N checkpoints taken in the size run (default 5)
//   --rows N        rows of each throughput run (default 10,000,000)
//   --tkeys N       distinct keys of the throughput runs (default 200,000)
//   --runs N        runs per throughput variant, the median is reported (default 3)
//   --only size,throughput   the parts to run (default both)
//
// 1. Size run (one child process): an unbounded datagen source feeds
//    `SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k` with k = id mod N; once N keys are in state,
//    N checkpoints are triggered one after the other (`runner.checkpoints.trigger`) into a temp
//    `state.checkpoints.dir` while the source keeps running. Per checkpoint: state size, the sync
//    part (the task's lock held: flush, snapshot, encode), total duration (trigger → complete).
//    Then, in a clean child process, the same work split into its steps on the last checkpoint's
//    state: read the file, decode, load into empty tables; snapshot by key group, encode, write.
// 2. Restore run (a fresh child process, as after a restart): the same script restored from the
//    last checkpoint (`restore` in ScriptOptions); time from runScript to the first row at the
//    sink, and from the runner's creation (checkpoint metadata loaded) to the first row.
// 3. Throughput runs (a fresh child each, `--expose-gc`): a bounded datagen → the same GROUP BY
//    → blackhole, without checkpointing and with `execution.checkpointing.interval` = 1 s to a
//    temp directory. rows/s per CPU second = rows / process CPU time (all threads, so file writes
//    on libuv's pool count too). Median of the runs; cost = 1 − with / without.
// Writes bench/results/checkpoints-latest.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runScript } from '../dist/session/script-runner.js';
import { Session } from '../dist/session/session.js';
import { snapshotOperator, restoreOperator } from '../dist/runtime/checkpoint/operator-snapshot.js';
import { encodeValues, decodeValues } from '../dist/runtime/checkpoint/value-codec.js';
import { loadCheckpoint } from '../dist/runtime/checkpoint/checkpoint-storage.js';
import { KeyedStateTable } from '../dist/runtime/state/keyed-state-table.js';
import { parseOptions } from './args.js';

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const mb = (b) => b / 2 ** 20;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuSeconds = (c) => (c.user + c.system) / 1e6;
const quiet = { stdout: () => {}, stderr: (l) => (/was cancelled/.test(l) ? undefined : process.stderr.write(`${l}\n`)) };

/** The keyed aggregation; `rows` undefined: unbounded. */
function script({ rows, keys, sink = 'blackhole', settings = {} }) {
  const set = Object.entries(settings).map(([k, v]) => `SET '${k}' = '${v}';`).join('\n');
  const end = rows === undefined ? 2 ** 52 : rows - 1;
  return `
${set}
CREATE TABLE src (id BIGINT, v INT, k AS MOD(id, ${keys})) WITH (
  'connector' = 'datagen', ${rows === undefined ? '' : `'number-of-rows' = '${rows}', `}'rows-per-second' = '1000000000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '${end}',
  'fields.v.min' = '0', 'fields.v.max' = '1000');
CREATE TABLE sink (k BIGINT, cnt BIGINT, total INT) WITH ('connector' = '${sink}');
INSERT INTO sink SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k;
`;
}

/** A blackhole sink that calls `onWrite(rows)` with each chunk's row count. */
function probeConnector(onWrite) {
  return {
    identifier: 'probe',
    requiredOptions: [],
    optionalOptions: [],
    createSink: () => ({
      acceptedChangelogMode: (requested) => requested,
      metadata: new Map(),
      createWriter: () => ({ write: (chunk) => onWrite(chunk.rows.length), finish: async () => {}, close: async () => {} }),
    }),
  };
}

function stateKeys(runner) {
  let n = 0;
  for (const v of runner.dag.vertices) for (const t of v.operator.stateTables?.() ?? []) if (typeof t.size === 'number') n += t.size;
  return n;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const time = async (f) => {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
};

/** Child: the size run. */
async function sizeChild({ keys, checkpoints, dir }) {
  const settings = { 'state.checkpoints.dir': dir, 'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION' };
  const session = new Session({ registry: { connectors: new Map([['probe', probeConnector(() => {})]]), formats: new Map() } });
  let runner;
  const records = [];
  let fillSeconds = 0;
  let failure;
  const t0 = performance.now();
  const drive = async () => {
    while (stateKeys(runner) < keys) await sleep(20);
    fillSeconds = (performance.now() - t0) / 1000;
    for (let i = 0; i < checkpoints; i++) {
      const r = await runner.checkpoints.trigger('CHECKPOINT');
      records.push({ id: r.id, stateSize: r.stateSize, syncMillis: r.syncMillis, totalMillis: r.endTime - r.triggerTime, location: r.location });
      await sleep(200);
    }
  };
  const onJob = (r) => {
    runner = r;
    drive().catch((e) => (failure = e)).finally(() => runner.cancel());
  };
  const rc = await runScript(script({ keys, sink: 'probe', settings }), session, { mode: 'run', fileName: 'size.sql', io: quiet, onJob });
  if (failure) throw failure;
  if (rc !== 130 && rc !== 0) throw new Error(`size job failed (${rc})`);
  const rowsRead = runner.rowsRead();

  const entries = stateKeys(runner);
  process.stdout.write(JSON.stringify({ keys, entries, rowsRead, fillSeconds, records }));
}

/**
 * Child: a checkpoint's work step by step, in a clean process holding just this state: read the
 * operator's file, decode it, load it into empty tables (the restore), then snapshot those tables
 * by key group, encode them (the sync part) and write the file (the async part) with an idle loop.
 */
async function stepsChild({ path, dir }) {
  const checkpoint = await loadCheckpoint(path);
  const entry = checkpoint.metadata.operators.find((o) => o.subtasks[0].bytes > 0);
  const file = join(checkpoint.path, entry.subtasks[0].file);
  const fresh = (names) => {
    const tables = names.map((n) => new KeyedStateTable(n, checkpoint.metadata.maxParallelism));
    return { name: entry.uid, stateTables: () => tables };
  };
  globalThis.gc?.();
  const read = await time(() => readFile(file));
  const dec = await time(() => decodeValues(read.value)[0]);
  const op = fresh(Object.keys(dec.value.tables));
  const load = await time(() => restoreOperator(op, [dec.value], { from: 0, to: checkpoint.metadata.maxParallelism - 1 }));
  const keys = op.stateTables().reduce((n, t) => n + t.size, 0);
  read.value = undefined;
  dec.value = undefined;
  globalThis.gc?.();
  const snap = await time(() => snapshotOperator(op));
  const enc = await time(() => encodeValues([snap.value]));
  snap.value = undefined;
  const write = await time(() => writeFile(join(dir, 'steps.bin'), enc.value));
  process.stdout.write(JSON.stringify({
    keys, bytes: enc.value.length, readMs: read.ms, decodeMs: dec.ms, loadMs: load.ms, snapshotMs: snap.ms, encodeMs: enc.ms, writeMs: write.ms,
  }));
}

/** Child: restore the size run's script from `path` and time until the first row. */
async function restoreChild({ keys, path, dir }) {
  const settings = { 'state.checkpoints.dir': dir };
  let runner;
  let createdAt;
  let firstRowAt;
  const session = new Session({
    registry: {
      connectors: new Map([['probe', probeConnector(() => {
        if (firstRowAt !== undefined) return;
        firstRowAt = performance.now();
        runner.cancel();
      })]]),
      formats: new Map(),
    },
  });
  const t0 = performance.now();
  const rc = await runScript(script({ keys, sink: 'probe', settings }), session, {
    mode: 'run', fileName: 'size.sql', io: quiet, restore: { path, allowNonRestoredState: false },
    onJob: (r) => {
      runner = r;
      createdAt = performance.now();
    },
  });
  if (rc !== 130 && rc !== 0) throw new Error(`restore job failed (${rc})`);
  if (firstRowAt === undefined) throw new Error('the restored job wrote no row');
  process.stdout.write(JSON.stringify({
    toFirstRowMs: firstRowAt - t0, fromRunnerMs: firstRowAt - createdAt, restoredKeys: stateKeys(runner),
    restoredId: runner.checkpoints.stats.restored?.id,
  }));
}

/** Child: one throughput run. */
async function throughputChild({ rows, keys, interval, dir }) {
  const settings = interval ? { 'execution.checkpointing.interval': interval, 'state.checkpoints.dir': dir } : {};
  // Warm up the compiler (same operators, small state, no checkpoints).
  await runScript(script({ rows: 300_000, keys: 10_000 }), new Session(), { mode: 'run', fileName: 'warmup.sql', io: quiet });
  globalThis.gc?.();
  const completed = [];
  const onJob = (runner) => {
    const stats = runner.checkpoints.stats;
    const done = stats.completed.bind(stats);
    stats.completed = (r, location) => {
      done(r, location);
      completed.push(r);
    };
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rc = await runScript(script({ rows, keys, settings }), new Session(), { mode: 'run', fileName: 'throughput.sql', io: quiet, onJob });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(process.cpuUsage(cpu0));
  if (rc !== 0) throw new Error(`throughput job failed (${rc})`);
  const sync = completed.map((r) => r.syncMillis);
  process.stdout.write(JSON.stringify({
    rows, keys, interval: interval ?? null, seconds, cpuSeconds: cpu,
    checkpoints: completed.length,
    syncMillisTotal: sync.reduce((a, b) => a + b, 0),
    syncMillisMax: Math.max(0, ...sync),
    totalMillisMedian: completed.length ? median(completed.map((r) => r.endTime - r.triggerTime)) : null,
    lastStateSize: completed.at(-1)?.stateSize ?? 0,
  }));
}

function spawnChild(kind, params, nodeArgs = []) {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', ...nodeArgs, new URL(import.meta.url).pathname, '--child', kind, JSON.stringify(params)];
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`benchmark child ${kind} exited with ${code}`))));
  });
}

function parseArgs(argv) {
  const o = { keys: 1_000_000, checkpoints: 5, rows: 10_000_000, tkeys: 200_000, runs: 3, only: ['size', 'throughput'] };
  parseOptions(argv, {
    '--keys': (v) => (o.keys = Number(v)),
    '--checkpoints': (v) => (o.checkpoints = Number(v)),
    '--rows': (v) => (o.rows = Number(v)),
    '--tkeys': (v) => (o.tkeys = Number(v)),
    '--runs': (v) => (o.runs = Number(v)),
    '--only': (v) => (o.only = v.split(',')),
  });
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'weir-bench-checkpoints-'));
  const out = { date: new Date().toISOString(), node: process.version, options: o };
  try {
    if (o.only.includes('size')) {
      const dir = join(work, 'size');
      console.log(`Checkpoint size and duration: datagen → GROUP BY k (COUNT(*), SUM(v)) over ${fmt(o.keys)} keys, ${o.checkpoints} checkpoints to local files while the source keeps running`);
      const s = await spawnChild('size', { keys: o.keys, checkpoints: o.checkpoints, dir });
      const size = median(s.records.map((r) => r.stateSize));
      const sync = median(s.records.map((r) => r.syncMillis));
      const total = median(s.records.map((r) => r.totalMillis));
      console.log(`  ${fmt(s.entries)} keys in state after ${s.fillSeconds.toFixed(1)} s (${fmt(s.rowsRead)} rows read by the end)`);
      console.log('  id   state size   bytes/key   sync (task held)   async   total (trigger → complete)');
      for (const r of s.records) {
        console.log(`  ${String(r.id).padStart(2)}  ${mb(r.stateSize).toFixed(1).padStart(7)} MB  ${(r.stateSize / s.entries).toFixed(1).padStart(9)}  ${fmt(r.syncMillis).padStart(12)} ms  ${fmt(r.totalMillis - r.syncMillis).padStart(6)} ms  ${fmt(r.totalMillis).padStart(10)} ms`);
      }
      const last = s.records.at(-1).location;
      const st = await spawnChild('steps', { path: last, dir: work });
      console.log(`  the same work step by step, in a clean process (${fmt(st.keys)} keys, ${mb(st.bytes).toFixed(1)} MB):`);
      console.log(`    checkpoint: snapshot by key group ${fmt(st.snapshotMs)} ms + encode ${fmt(st.encodeMs)} ms (both with the task held); write the file ${fmt(st.writeMs)} ms (idle event loop)`);
      console.log(`    restore:    read the file ${fmt(st.readMs)} ms + decode ${fmt(st.decodeMs)} ms + load into empty tables ${fmt(st.loadMs)} ms`);
      const r = await spawnChild('restore', { keys: o.keys, path: last, dir: join(work, 'restored') });
      console.log(`  restore in a fresh process: ${fmt(r.toFirstRowMs)} ms from runScript to the first row (${fmt(r.fromRunnerMs)} ms of it from the runner's creation), ${fmt(r.restoredKeys)} keys restored from chk-${r.restoredId}`);
      out.size = {
        keys: s.entries, fillSeconds: s.fillSeconds, checkpoints: s.records.map(({ location, ...rest }) => rest),
        median: { stateSizeBytes: size, stateSizeMB: mb(size), bytesPerKey: size / s.entries, syncMillis: sync, asyncMillis: total - sync, totalMillis: total },
        steps: st, restore: r,
      };
    }
    if (o.only.includes('throughput')) {
      console.log(`\nThroughput cost of checkpointing every second: datagen (${fmt(o.rows)} rows, as fast as possible) → GROUP BY k over ${fmt(o.tkeys)} keys → blackhole; fresh process per run, median of ${o.runs}`);
      const variants = [
        { name: 'no checkpointing', interval: undefined },
        { name: 'interval 1 s, file storage', interval: '1 s' },
      ];
      const runs = Object.fromEntries(variants.map((v) => [v.name, []]));
      // Interleaved, so drift of the machine hits both variants alike.
      for (let i = 0; i < o.runs; i++) {
        for (const v of variants) {
          const dir = join(work, `tp-${i}`);
          mkdirSync(dir, { recursive: true });
          const r = await spawnChild('throughput', { rows: o.rows, keys: o.tkeys, interval: v.interval, dir });
          rmSync(dir, { recursive: true, force: true });
          r.rowsPerCpuSecond = r.rows / r.cpuSeconds;
          r.rowsPerSecond = r.rows / r.seconds;
          runs[v.name].push(r);
          const cp = r.checkpoints ? `, ${r.checkpoints} checkpoints (sync ${fmt(r.syncMillisTotal)} ms in all, max ${fmt(r.syncMillisMax)} ms; ${mb(r.lastStateSize).toFixed(1)} MB each)` : '';
          console.log(`  run ${i + 1} ${v.name.padEnd(28)} ${r.seconds.toFixed(1).padStart(5)} s, CPU ${r.cpuSeconds.toFixed(1).padStart(5)} s: ${fmt(r.rowsPerCpuSecond).padStart(10)} rows/CPU-s, ${fmt(r.rowsPerSecond).padStart(10)} rows/s${cp}`);
        }
      }
      const summary = variants.map((v) => ({
        variant: v.name,
        interval: v.interval ?? null,
        rowsPerCpuSecond: median(runs[v.name].map((r) => r.rowsPerCpuSecond)),
        rowsPerSecond: median(runs[v.name].map((r) => r.rowsPerSecond)),
        checkpoints: median(runs[v.name].map((r) => r.checkpoints)),
        syncShareOfWall: median(runs[v.name].map((r) => r.syncMillisTotal / 1000 / r.seconds)),
      }));
      const [base, cp] = summary;
      const cost = 1 - cp.rowsPerCpuSecond / base.rowsPerCpuSecond;
      const wallCost = 1 - cp.rowsPerSecond / base.rowsPerSecond;
      console.log('  variant                        rows/CPU-s     rows/s   checkpoints   task held');
      for (const s of summary) {
        console.log(`  ${s.variant.padEnd(28)} ${fmt(s.rowsPerCpuSecond).padStart(11)} ${fmt(s.rowsPerSecond).padStart(10)} ${String(s.checkpoints).padStart(12)}   ${(100 * s.syncShareOfWall).toFixed(1).padStart(6)}% of wall`);
      }
      console.log(`  cost of checkpointing every second: ${(100 * cost).toFixed(1)}% of rows per CPU second, ${(100 * wallCost).toFixed(1)}% of rows per second (issue 6's target: < 10%)`);
      out.throughput = { rows: o.rows, keys: o.tkeys, runs, summary, costPercent: 100 * cost, wallCostPercent: 100 * wallCost };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const results = new URL('./results/', import.meta.url).pathname;
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'checkpoints-latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwrote bench/results/checkpoints-latest.json');
}

if (process.argv[2] === '--child') {
  const kind = process.argv[3];
  const params = JSON.parse(process.argv[4]);
  if (kind === 'size') await sizeChild(params);
  else if (kind === 'restore') await restoreChild(params);
  else if (kind === 'steps') await stepsChild(params);
  else if (kind === 'throughput') await throughputChild(params);
  else throw new Error(`unknown child ${kind}`);
} else {
  await main();
}
