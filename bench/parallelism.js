// Parallelism benchmark: how much faster a job runs at `parallelism.default` = 2 (two worker
// threads: the main thread is worker 0, one more thread is worker 1) than at 1. Target: ≥ 1.7× on
// a machine with at least two cores. Prints figures; never fails on timings.
//
// Run: npm run build && node bench/parallelism.js [options]
//   --warm-up S     seconds a run runs before its measurement starts (default 5)
//   --window S      seconds a run is measured (default 8)
//   --runs N        runs per variant, the best (fastest) is reported (default 3)
//   --only a,b      the workloads to run (default all: group, group-minibatch, tumble, group-1k)
//   --parallelism a,b  the parallelisms compared, the first is the base (default 1,2)
//   --set key=value an extra setting for every run (repeatable), e.g.
//                   --set taskmanager.network.memory.floating-buffers-per-gate=32
//   --wait-idle S   on a shared machine: before each run, wait up to S seconds until other
//                   processes keep less than 0.2 cores busy (Linux; default 0, no waiting)
//
// Each run is the CLI in a fresh process (`node bin/weir.js run --set parallelism.default=P
// --set rest.port=0 script.sql`, what users run) over an unbounded datagen source. The headline
// is steady-state throughput, what a long-running job sustains, read from the job itself: the
// rows its sources have emitted (Flink's write-records of the source vertex, from the REST API)
// at the start and the end of a window that begins after the warm-up,
//   steady rows/s = rows emitted in the window / window seconds.
// Start-up and warm-up (JIT-compiling the hot code in every thread's isolate, growing the heaps:
// a second thread pays both again) are before the window. Their cost shows in the second figure:
//   rows/s including start-up = rows emitted until the window ends / seconds since spawn.
// Channel buffers are bounded (credits), so what the sources emitted is what the job processed,
// give or take a few chunks.
// Best of the runs rather than their median: other processes only ever slow a run down, and a
// run at parallelism 2 suffers more from them than one at 1 (its threads wait on each other when
// one is descheduled). The variants run interleaved (p1, p2, … per round), so drift of the
// machine hits all of them alike (on this shared VM, the speed of the same loop varies by up to a
// third over minutes: compare figures from one bench run only).
// On Linux, the run's CPU time (user + system, all threads: V8's GC helper threads too) is read
// from /proc/<pid>/stat at both ends of the window: "cores busy" = CPU seconds / window seconds,
// and CPU per row at p2 over CPU per row at p1 is the cost of running in two threads (hashing rows
// to their subtask, encode, postMessage, decode, a second heap). With N cores, the speed-up cannot
// exceed N / (that ratio) / (cores busy at p1). The cores other processes kept busy during the
// window (the machine's busy time from /proc/stat minus the run's) are printed when ≥ 0.2: those
// figures are skewed.
//
// Workloads (datagen as fast as possible → blackhole):
//   group           SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k, k random in 1..100,000:
//                   every row is hashed to its key's subtask, so half of the rows cross threads.
//   group-minibatch the same with mini-batch (1 s, 5,000 rows): local/global two-phase
//                   aggregation, the local aggregate's partial rows cross threads instead.
//   tumble          TUMBLE(1 s) COUNT(*), SUM(v) per key over 10,000 keys; event time is the
//                   wall clock (a random TIMESTAMP_LTZ field with max-past 0), watermark 1 s
//                   behind; a sequence field would split its range between the subtasks and hold
//                   the second half's windows in state until the first half catches up.
//   group-1k        the GROUP BY over 1,000 keys: its state stays in the CPU caches, so the
//                   aggregation is cheap and the exchange between the threads weighs most.
// Writes bench/results/parallelism-latest.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { keyValue, parseOptions } from './args.js';

const fmt = (n) => Math.round(n).toLocaleString('en-US');
/** The fastest of the runs. */
const best = (runs) => runs.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));

const BIN = new URL('../bin/weir.js', import.meta.url).pathname;
/** Other processes' load (cores busy, on average) from which a run's figures are marked as skewed. */
const OTHER_LOAD_NOTE = 0.2;
/** Seconds a run may take to print its REST address. */
const START_TIMEOUT = 60;

const MINI_BATCH = {
  'table.exec.mini-batch.enabled': 'true',
  'table.exec.mini-batch.allow-latency': '1 s',
  'table.exec.mini-batch.size': '5000',
};

const groupScript = (keys) => `
CREATE TABLE src (k BIGINT, v BIGINT) WITH (
  'connector' = 'datagen', 'rows-per-second' = '1000000000',
  'fields.k.min' = '1', 'fields.k.max' = '${keys}', 'fields.v.min' = '1', 'fields.v.max' = '100');
CREATE TABLE out1 (k BIGINT, c BIGINT, s BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'blackhole');
INSERT INTO out1 SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k;
`;

const WORKLOADS = {
  group: {
    label: 'GROUP BY k (COUNT(*), SUM(v)), 100,000 keys',
    settings: {},
    script: groupScript(100_000),
  },
  'group-minibatch': {
    label: 'the same GROUP BY with mini-batch (1 s, 5,000 rows): local/global aggregation',
    settings: MINI_BATCH,
    script: groupScript(100_000),
  },
  tumble: {
    label: 'TUMBLE(1 s) COUNT(*), SUM(v) per key, 10,000 keys, event time = wall clock',
    settings: {},
    script: `
CREATE TABLE src (k BIGINT, v BIGINT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'datagen', 'rows-per-second' = '1000000000',
  'fields.k.min' = '1', 'fields.k.max' = '10000', 'fields.v.min' = '1', 'fields.v.max' = '100',
  'fields.ts.max-past' = '0');
CREATE TABLE out1 (k BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), c BIGINT, s BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out1
SELECT k, window_start, window_end, COUNT(*), SUM(v)
FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND))
GROUP BY k, window_start, window_end;
`,
  },
  'group-1k': {
    label: 'GROUP BY k (COUNT(*), SUM(v)), 1,000 keys: state in cache, the exchange weighs most',
    settings: {},
    script: groupScript(1_000),
  },
};

/** CPU seconds (user + system, all threads) of process `pid` so far, or undefined off Linux. */
function processCpuSeconds(pid) {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  const stat = readFileSync(file, 'utf8');
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name; in clock ticks (USER_HZ, 100).
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** CPU seconds all cores of the machine spent busy so far (every process), or undefined off Linux. */
function machineBusySeconds() {
  if (!existsSync('/proc/stat')) return undefined;
  // cpu  user nice system idle iowait irq softirq steal …, in clock ticks.
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + (steal || 0)) / 100;
}

/** Waits (up to `seconds`) until the machine has been idle for a second: < OTHER_LOAD_NOTE cores busy. */
function waitIdle(seconds) {
  if (!(seconds > 0) || machineBusySeconds() === undefined) return;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const b0 = machineBusySeconds();
    Atomics.wait(pause, 0, 0, 1000);
    if (machineBusySeconds() - b0 < OTHER_LOAD_NOTE) return;
  }
}

/** Resolves with the REST API's URL once the run prints it on stderr. */
function restUrl(child) {
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no REST address after ${START_TIMEOUT} s:\n${err}`)), START_TIMEOUT * 1000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      err += d;
      const m = /REST API at (\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the run exited with ${code ?? signal} before its REST API started:\n${err}`));
    });
  });
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Rows the job's sources have emitted so far (write-records of the source vertices, all subtasks). */
async function sourceRows(url, jobId) {
  const job = await getJson(`${url}/jobs/${jobId}`);
  return job.vertices.filter((v) => v.name.startsWith('Source:')).reduce((n, v) => n + v.metrics['write-records'], 0);
}

/** A sample of a run: when, rows emitted, the run's CPU and the machine's busy seconds. */
async function sample(url, jobId, pid) {
  const rows = await sourceRows(url, jobId);
  return { at: performance.now(), rows, cpu: processCpuSeconds(pid), busy: machineBusySeconds() };
}

/**
 * One CLI run of an unbounded job, measured over `o.window` seconds after `o.warmUp`; returns its
 * steady rows/s, CPU figures and the cores other processes kept busy meanwhile (other load skews
 * the figures: the note is printed). Throws if the job fails (a benchmark's timings never do).
 */
async function runCli(file, parallelism, settings, o) {
  const sets = Object.entries({ ...settings, 'parallelism.default': String(parallelism), 'rest.port': '0' }).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'run', ...sets, file], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const url = await restUrl(child);
    const { jobs } = await getJson(`${url}/jobs/overview`);
    const jobId = jobs[0].jid;
    await sleep(Math.max(0, o.warmUp * 1000 - (performance.now() - t0)));
    const a = await sample(url, jobId, child.pid);
    await sleep(o.window * 1000);
    const b = await sample(url, jobId, child.pid);
    const seconds = (b.at - a.at) / 1000;
    const cpuSeconds = a.cpu === undefined ? null : b.cpu - a.cpu;
    const otherCores = cpuSeconds === null || a.busy === undefined ? null : Math.max(0, b.busy - a.busy - cpuSeconds) / seconds;
    return {
      rowsPerSecond: (b.rows - a.rows) / seconds,
      rowsPerCpuSecond: cpuSeconds ? (b.rows - a.rows) / cpuSeconds : null,
      coresBusy: cpuSeconds === null ? null : cpuSeconds / seconds,
      withStartUp: b.rows / ((b.at - t0) / 1000),
      otherCores,
    };
  } finally {
    child.kill('SIGKILL');
  }
}

function parseArgs(argv) {
  const o = { warmUp: 5, window: 8, runs: 3, only: Object.keys(WORKLOADS), parallelism: [1, 2], settings: {}, waitIdle: 0 };
  parseOptions(argv, {
    '--warm-up': (v) => (o.warmUp = Number(v)),
    '--window': (v) => (o.window = Number(v)),
    '--runs': (v) => (o.runs = Number(v)),
    '--only': (v) => (o.only = v.split(',')),
    '--parallelism': (v) => (o.parallelism = v.split(',').map(Number)),
    '--set': (v) => {
      const [key, value] = keyValue(v);
      o.settings[key] = value;
    },
    '--wait-idle': (v) => (o.waitIdle = Number(v)),
  });
  if (!(o.warmUp >= 0)) throw new Error('--warm-up must be a number of seconds');
  if (!(o.window > 0)) throw new Error('--window must be a positive number of seconds');
  if (!(Number.isSafeInteger(o.runs) && o.runs > 0)) throw new Error('--runs must be a positive integer');
  if (!(o.waitIdle >= 0)) throw new Error('--wait-idle must be a number of seconds');
  for (const w of o.only) if (!WORKLOADS[w]) throw new Error(`unknown workload ${w} (${Object.keys(WORKLOADS).join(', ')})`);
  for (const p of o.parallelism) if (!(Number.isSafeInteger(p) && p > 0)) throw new Error(`bad parallelism ${p}`);
  return o;
}

async function measureWorkload(name, o, work, cores) {
  const w = WORKLOADS[name];
  const settings = { ...w.settings, ...o.settings };
  const file = join(work, `${name}.sql`);
  writeFileSync(file, w.script);
  console.log(`\n${name}: ${w.label}; ${o.warmUp} s warm-up, ${o.window} s measured, best of ${o.runs}`);
  const runs = Object.fromEntries(o.parallelism.map((p) => [p, []]));
  for (let i = 0; i < o.runs; i++) {
    const line = [];
    for (const p of o.parallelism) {
      waitIdle(o.waitIdle);
      const r = await runCli(file, p, settings, o);
      runs[p].push(r);
      let text = `p${p} ${fmt(r.rowsPerSecond)} rows/s`;
      if (r.otherCores !== null && r.otherCores >= OTHER_LOAD_NOTE) text += ` (other processes ${r.otherCores.toFixed(1)} cores busy)`;
      line.push(text);
    }
    console.log(`  run ${i + 1}: ${line.join(', ')}`);
  }
  const summary = o.parallelism.map((p) => ({ parallelism: p, ...best(runs[p]) }));
  const base = summary[0];
  for (const s of summary) {
    s.speedUp = s.rowsPerSecond / base.rowsPerSecond;
    s.withStartUpSpeedUp = s.withStartUp / base.withStartUp;
    s.cpuPerRowVsBase = s.rowsPerCpuSecond && base.rowsPerCpuSecond ? base.rowsPerCpuSecond / s.rowsPerCpuSecond : null;
  }
  console.log('  parallelism   steady rows/s   speed-up   rows/CPU-s   cores busy   |  incl. start-up rows/s   speed-up');
  for (const s of summary) {
    const perCpu = s.rowsPerCpuSecond === null ? '–' : fmt(s.rowsPerCpuSecond);
    const busy = s.coresBusy === null ? '–' : s.coresBusy.toFixed(2);
    console.log(`  ${String(s.parallelism).padStart(11)} ${fmt(s.rowsPerSecond).padStart(15)} ${`${s.speedUp.toFixed(2)}×`.padStart(10)} ${perCpu.padStart(12)} ${busy.padStart(12)}   |  ${fmt(s.withStartUp).padStart(21)} ${`${s.withStartUpSpeedUp.toFixed(2)}×`.padStart(10)}`);
  }
  const loaded = summary.filter((s) => s.otherCores !== null && s.otherCores >= OTHER_LOAD_NOTE);
  if (loaded.length) {
    console.log(`  note: other processes kept ${loaded.map((s) => `${s.otherCores.toFixed(1)} cores busy during the p${s.parallelism} run`).join(', ')} (the best run): these figures are skewed`);
  }
  for (const s of summary.slice(1)) {
    let cpu = s.cpuPerRowVsBase === null ? '' : `; CPU per row ${s.cpuPerRowVsBase.toFixed(2)}× that of p${base.parallelism}`;
    // All cores busy: the CPU the job needs bounds its speed-up (at p1 GC helpers get a spare core).
    if (cpu && cores <= s.parallelism) cpu += `, which caps the speed-up on ${cores} cores at ${(cores / base.coresBusy / s.cpuPerRowVsBase).toFixed(2)}×`;
    const target = s.parallelism === 2 && base.parallelism === 1 ? ` (target ≥ 1.7×: ${s.speedUp >= 1.7 ? 'met' : 'not met'})` : '';
    console.log(`  p${s.parallelism} / p${base.parallelism}: ${s.speedUp.toFixed(2)}× steady${target}${cpu}; ${s.withStartUpSpeedUp.toFixed(2)}× including start-up`);
  }
  return { workload: name, label: w.label, settings, runs, summary };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const cores = availableParallelism();
  console.log(`Parallelism: datagen → aggregation → blackhole through the CLI (a fresh process per run), parallelism ${o.parallelism.join(' vs ')}; ${cores} cores, node ${process.version}`);
  const nodeOptions = process.env.NODE_OPTIONS || null;
  if (nodeOptions) console.log(`  NODE_OPTIONS=${nodeOptions} (the runs inherit it)`);
  if (Object.keys(o.settings).length) console.log(`  extra settings: ${Object.entries(o.settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  if (cores < Math.max(...o.parallelism)) console.log(`  note: fewer cores (${cores}) than workers (${Math.max(...o.parallelism)}); the speed-up cannot reach the parallelism`);
  const work = mkdtempSync(join(tmpdir(), 'weir-bench-parallelism-'));
  const out = { date: new Date().toISOString(), node: process.version, nodeOptions, cores, options: o, workloads: [] };
  try {
    for (const name of o.only) out.workloads.push(await measureWorkload(name, o, work, cores));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log('\nsummary (steady-state rows/s; in brackets: the speed-up including start-up)');
  for (const w of out.workloads) {
    const [base, ...rest] = w.summary;
    const others = rest.map((s) => `p${s.parallelism} ${fmt(s.rowsPerSecond).padStart(9)}  ${s.speedUp.toFixed(2)}× (${s.withStartUpSpeedUp.toFixed(2)}×)`).join('   ');
    console.log(`  ${w.workload.padEnd(16)} p${base.parallelism} ${fmt(base.rowsPerSecond).padStart(9)}   ${others}`);
  }
  const results = new URL('./results/', import.meta.url).pathname;
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'parallelism-latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwrote bench/results/parallelism-latest.json');
}

await main();
