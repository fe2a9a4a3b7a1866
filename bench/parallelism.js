// Parallelism benchmark: how much faster a job runs at `parallelism.default` = 2 (two worker
// threads: the main thread is worker 0, one more thread is worker 1) than at 1. Target: ≥ 1.7× on
// a machine with at least two cores. Prints figures; never fails on timings.
//
// Run: npm run build && node bench/parallelism.js [options]
//   --rows N        rows of every workload's short run; the long run has twice as many
//                   (default: per workload, ~5–10 s at p1; WEIR_BENCH_ROWS sets it too)
//   --runs N        runs per variant, the best (fastest) is reported (default 3)
//   --only a,b      the workloads to run (default all: group, group-minibatch, tumble)
//   --parallelism a,b  the parallelisms compared, the first is the base (default 1,2)
//   --set key=value an extra setting for every run (repeatable), e.g.
//                   --set taskmanager.network.memory.floating-buffers-per-gate=32
//   --wait-idle S   on a shared machine: before each run, wait up to S seconds until other
//                   processes keep less than 0.2 cores busy (Linux; default 0, no waiting)
//
// Each run is the CLI in a fresh process (`node bin/weir.js run --set parallelism.default=P
// script.sql`, what users run), timed from spawn to exit. Every variant runs the job three times
// per round: over a tiny number of rows (the baseline), over N rows (short) and over 2N (long).
// The headline figure is the steady-state throughput, what a long-running job sustains:
//   steady rows/s = N / (best wall of the long run − best wall of the short run)
// Start-up (process, planning, worker threads, shutdown) and warm-up (JIT-compiling the hot code
// in every thread's isolate, growing the heaps: a second thread pays both again) are in both runs
// and cancel. Including warm-up, as the figure was before:
//   rows/s including warm-up = N / (best wall of the short run − best wall of the baseline)
// is printed too: on short jobs the second thread's warm-up costs a good part of its gain.
// Best of the runs rather than their median: other processes only ever slow a run down, and a
// run at parallelism 2 suffers more from them than one at 1 (its threads wait on each other when
// one is descheduled). The variants run interleaved (p1's three runs, p2's three, … per round), so
// drift of the machine hits all of them alike (on this shared VM, the speed of the same loop
// varies by up to a third over minutes: compare figures from one bench run only).
// On Linux, the children's CPU time (user + system, all threads: V8's GC helper threads too) is
// read from /proc/self/stat after each run: "cores busy" = steady CPU / steady seconds, and CPU per
// row at p2 over CPU per row at p1 is the cost of running in two threads (hashing rows to their
// subtask, encode, postMessage, decode, a second heap). With N cores, the speed-up cannot exceed
// N / (that ratio) / (cores busy at p1). The cores other processes kept busy during a run (the
// machine's busy time from /proc/stat minus the run's) are printed when ≥ 0.2: those figures are
// skewed.
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
// Writes bench/results/parallelism-latest.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const fmt = (n) => Math.round(n).toLocaleString('en-US');
/** The fastest of the runs. */
const best = (runs) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));

const BIN = new URL('../bin/weir.js', import.meta.url).pathname;
/** Other processes' load (cores busy, on average) from which a run's figures are marked as skewed. */
const OTHER_LOAD_NOTE = 0.2;
/** Rows of a baseline run: the job's fixed cost (start, plan, threads, shutdown), almost no data. */
const BASELINE_ROWS = 1000;

const MINI_BATCH = {
  'table.exec.mini-batch.enabled': 'true',
  'table.exec.mini-batch.allow-latency': '1 s',
  'table.exec.mini-batch.size': '5000',
};

const groupScript = (rows) => `
CREATE TABLE src (k BIGINT, v BIGINT) WITH (
  'connector' = 'datagen', 'number-of-rows' = '${rows}', 'rows-per-second' = '1000000000',
  'fields.k.min' = '1', 'fields.k.max' = '100000', 'fields.v.min' = '1', 'fields.v.max' = '100');
CREATE TABLE out1 (k BIGINT, c BIGINT, s BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'blackhole');
INSERT INTO out1 SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k;
`;

const WORKLOADS = {
  group: {
    label: 'GROUP BY k (COUNT(*), SUM(v)), 100,000 keys',
    rows: 3_000_000,
    settings: {},
    script: groupScript,
  },
  'group-minibatch': {
    label: 'the same GROUP BY with mini-batch (1 s, 5,000 rows): local/global aggregation',
    rows: 2_000_000,
    settings: MINI_BATCH,
    script: groupScript,
  },
  tumble: {
    label: 'TUMBLE(1 s) COUNT(*), SUM(v) per key, 10,000 keys, event time = wall clock',
    rows: 4_000_000,
    settings: {},
    script: (rows) => `
CREATE TABLE src (k BIGINT, v BIGINT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'datagen', 'number-of-rows' = '${rows}', 'rows-per-second' = '1000000000',
  'fields.k.min' = '1', 'fields.k.max' = '10000', 'fields.v.min' = '1', 'fields.v.max' = '100',
  'fields.ts.max-past' = '0');
CREATE TABLE out1 (k BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), c BIGINT, s BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out1
SELECT k, window_start, window_end, COUNT(*), SUM(v)
FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND))
GROUP BY k, window_start, window_end;
`,
  },
};

/** CPU seconds (user + system) of this process's reaped children, or undefined off Linux. */
function childrenCpuSeconds() {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the name; in clock ticks (USER_HZ, 100).
  return (Number(f[13]) + Number(f[14])) / 100;
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

/**
 * One CLI run; returns its wall seconds, its CPU seconds and the cores other processes kept busy
 * meanwhile (other load skews the figures: the note is printed). Throws if the job fails (a
 * benchmark's timings never do).
 */
function runCli(file, parallelism, settings) {
  const sets = Object.entries({ ...settings, 'parallelism.default': String(parallelism) }).flatMap(([k, v]) => ['--set', `${k}=${v}`]);
  const cpu0 = childrenCpuSeconds();
  const busy0 = machineBusySeconds();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'run', ...sets, file], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = childrenCpuSeconds();
  const busy1 = machineBusySeconds();
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`weir run ${file} at parallelism ${parallelism} exited with ${r.status ?? r.signal}:\n${r.stderr}${r.stdout}`);
  }
  const cpuSeconds = cpu0 === undefined ? null : cpu1 - cpu0;
  const otherCores = cpuSeconds === null || busy0 === undefined ? null : Math.max(0, busy1 - busy0 - cpuSeconds) / seconds;
  return { seconds, cpuSeconds, otherCores };
}

function parseArgs(argv) {
  const env = process.env.WEIR_BENCH_ROWS;
  const o = { rows: env ? Number(env) : undefined, runs: 3, only: Object.keys(WORKLOADS), parallelism: [1, 2], settings: {}, waitIdle: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--rows') o.rows = Number(val());
    else if (a === '--runs') o.runs = Number(val());
    else if (a === '--only') o.only = val().split(',');
    else if (a === '--parallelism') o.parallelism = val().split(',').map(Number);
    else if (a === '--wait-idle') o.waitIdle = Number(val());
    else if (a === '--set') {
      const kv = val();
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new Error(`--set expects key=value, got ${kv}`);
      o.settings[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else throw new Error(`unknown option ${a} (use --rows, --runs, --only, --parallelism, --set, --wait-idle)`);
  }
  if (o.rows !== undefined && !(Number.isSafeInteger(o.rows) && o.rows > BASELINE_ROWS)) throw new Error(`--rows must be an integer above ${BASELINE_ROWS}`);
  if (!(Number.isSafeInteger(o.runs) && o.runs > 0)) throw new Error('--runs must be a positive integer');
  if (!(o.waitIdle >= 0)) throw new Error('--wait-idle must be a number of seconds');
  for (const w of o.only) if (!WORKLOADS[w]) throw new Error(`unknown workload ${w} (${Object.keys(WORKLOADS).join(', ')})`);
  for (const p of o.parallelism) if (!(Number.isSafeInteger(p) && p > 0)) throw new Error(`bad parallelism ${p}`);
  return o;
}

/**
 * Rows per second and per CPU second of the `rows` more that `more` ran than `less` (each the best
 * of its runs): what is common to both, start-up or warm-up, cancels.
 */
function rate(rows, more, less) {
  const seconds = Math.max(more.seconds - less.seconds, 1e-3);
  const cpu = more.cpuSeconds === null ? null : more.cpuSeconds - less.cpuSeconds;
  return { seconds, rowsPerSecond: rows / seconds, cpuSeconds: cpu, rowsPerCpuSecond: cpu === null || cpu <= 0 ? null : rows / cpu, coresBusy: cpu === null ? null : cpu / seconds };
}

function measureWorkload(name, o, work, cores) {
  const w = WORKLOADS[name];
  const rows = o.rows ?? w.rows;
  const settings = { ...w.settings, ...o.settings };
  const files = { baseline: BASELINE_ROWS, short: rows, long: 2 * rows };
  for (const [kind, n] of Object.entries(files)) writeFileSync(join(work, `${name}-${kind}.sql`), w.script(n));
  console.log(`\n${name}: ${w.label}; runs of ${fmt(BASELINE_ROWS)}, ${fmt(rows)} and ${fmt(2 * rows)} rows, best of ${o.runs}`);
  const runs = Object.fromEntries(o.parallelism.map((p) => [p, { baseline: [], short: [], long: [] }]));
  for (let i = 0; i < o.runs; i++) {
    const line = [];
    for (const p of o.parallelism) {
      const times = [];
      for (const kind of Object.keys(files)) {
        waitIdle(o.waitIdle);
        const r = runCli(join(work, `${name}-${kind}.sql`), p, settings);
        runs[p][kind].push(r);
        times.push(r.seconds.toFixed(2));
        if (r.otherCores !== null && r.otherCores >= OTHER_LOAD_NOTE) times[times.length - 1] += ` (other processes ${r.otherCores.toFixed(1)} cores busy)`;
      }
      line.push(`p${p} ${times.join(' / ')} s`);
    }
    console.log(`  run ${i + 1}: ${line.join(', ')}`);
  }
  const summary = o.parallelism.map((p) => {
    const [baseline, short, long] = ['baseline', 'short', 'long'].map((kind) => best(runs[p][kind]));
    return { parallelism: p, wallSeconds: { baseline: baseline.seconds, short: short.seconds, long: long.seconds }, steady: rate(rows, long, short), withWarmUp: rate(rows, short, baseline), otherCores: long.otherCores };
  });
  const base = summary[0];
  for (const s of summary) {
    for (const k of ['steady', 'withWarmUp']) s[k].speedUp = s[k].rowsPerSecond / base[k].rowsPerSecond;
    s.cpuPerRowVsBase = s.steady.rowsPerCpuSecond && base.steady.rowsPerCpuSecond ? base.steady.rowsPerCpuSecond / s.steady.rowsPerCpuSecond : null;
  }
  console.log('  parallelism   steady rows/s   speed-up   rows/CPU-s   cores busy   |  incl. warm-up rows/s   speed-up');
  for (const s of summary) {
    const { steady: st, withWarmUp: wu } = s;
    const perCpu = st.rowsPerCpuSecond === null ? '–' : fmt(st.rowsPerCpuSecond);
    const busy = st.coresBusy === null ? '–' : st.coresBusy.toFixed(2);
    console.log(`  ${String(s.parallelism).padStart(11)} ${fmt(st.rowsPerSecond).padStart(15)} ${`${st.speedUp.toFixed(2)}×`.padStart(10)} ${perCpu.padStart(12)} ${busy.padStart(12)}   |  ${fmt(wu.rowsPerSecond).padStart(20)} ${`${wu.speedUp.toFixed(2)}×`.padStart(10)}`);
  }
  const loaded = summary.filter((s) => s.otherCores !== null && s.otherCores >= OTHER_LOAD_NOTE);
  if (loaded.length) {
    console.log(`  note: other processes kept ${loaded.map((s) => `${s.otherCores.toFixed(1)} cores busy during the p${s.parallelism} runs`).join(', ')} (in the best run): these figures are skewed`);
  }
  for (const s of summary.slice(1)) {
    let cpu = s.cpuPerRowVsBase === null ? '' : `; CPU per row ${s.cpuPerRowVsBase.toFixed(2)}× that of p${base.parallelism}`;
    // All cores busy: the CPU the job needs bounds its speed-up (at p1 GC helpers get a spare core).
    if (cpu && cores <= s.parallelism) cpu += `, which caps the speed-up on ${cores} cores at ${(cores / base.steady.coresBusy / s.cpuPerRowVsBase).toFixed(2)}×`;
    const target = s.parallelism === 2 && base.parallelism === 1 ? ` (target ≥ 1.7×: ${s.steady.speedUp >= 1.7 ? 'met' : 'not met'})` : '';
    console.log(`  p${s.parallelism} / p${base.parallelism}: ${s.steady.speedUp.toFixed(2)}× steady${target}${cpu}; ${s.withWarmUp.speedUp.toFixed(2)}× including warm-up`);
  }
  return { workload: name, label: w.label, rows, baselineRows: BASELINE_ROWS, settings, runs, summary };
}

function main() {
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
    for (const name of o.only) out.workloads.push(measureWorkload(name, o, work, cores));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log('\nsummary (steady-state rows/s; in brackets: including warm-up)');
  for (const w of out.workloads) {
    const [base, ...rest] = w.summary;
    const others = rest.map((s) => `p${s.parallelism} ${fmt(s.steady.rowsPerSecond).padStart(9)}  ${s.steady.speedUp.toFixed(2)}× (${s.withWarmUp.speedUp.toFixed(2)}×)`).join('   ');
    console.log(`  ${w.workload.padEnd(16)} p${base.parallelism} ${fmt(base.steady.rowsPerSecond).padStart(9)}   ${others}`);
  }
  const results = new URL('./results/', import.meta.url).pathname;
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'parallelism-latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwrote bench/results/parallelism-latest.json');
}

main();
