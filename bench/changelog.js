// Changelog-engine benchmark (regular, non-window operators): GROUP BY over 1 M keys, the same
// GROUP BY over ever-new keys with a state TTL, Top-10 per key with the rank column, a two-stream
// regular inner join, and a TTL run ('table.exec.state.ttl') over streams of ever-new keys that
// samples the live heap and the state entries over time. Prints figures; never fails on timings.
//
// Run: npm run build && node bench/changelog.js [options]
//   --seconds S | --minutes M   length of the TTL run (default 20 s; the issue's run: --minutes 10)
//   --ttl 5s | --ttl off        the TTL of that run (off: state grows, for comparison)
//   --rate N                    rows per second of each of its two sources (default 5000)
//   --every S                   seconds between its samples (default 2)
//   --only groupby,groupby-ttl,topn,join,ttl   the parts to run (default all)
//   WEIR_BENCH_EVENTS_SCALE=0.2 scales the event counts of the throughput runs
//
// Each throughput run has its own child process (`--expose-gc`, clean heap): a warm-up job, then
// the measured job into blackhole. Events/s per core = events / process CPU time. State entries
// are read from the operators' state tables (`stateTables()`) after the job ended (operators keep
// their state after close); the live heap is measured after a full GC against the heap before
// the job, so "B per entry" is the heap the job retains divided by the state entries.
// The TTL run paces its sources (`rows-per-second`) and, from a sink, every few seconds runs a
// full GC and prints heap used, RSS and the entries of every state table.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { runScript } from '../dist/session/script-runner.js';
import { Session } from '../dist/session/session.js';
import { parseOptions } from './args.js';

const quiet = { stdout: () => {}, stderr: (l) => process.stderr.write(`${l}\n`) };
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MB`;

/** The measured jobs; `events` is the total of source rows (both sides for the join). */
const BENCHES = {
  groupby: {
    label: (p) => `GROUP BY k: COUNT(*), SUM(v) over ${fmt(p.keys)} distinct keys, insert-only source`,
    params: (scale) => ({ events: Math.round(5_000_000 * scale), keys: 1_000_000 }),
    warmup: { events: 200_000, keys: 10_000 },
    // Every key appears events/keys times (k = id mod keys), so all keys are in state at the end.
    sql: ({ events, keys }) => `
CREATE TABLE src (id BIGINT, v INT, k AS MOD(id, ${keys})) WITH (
  'connector' = 'datagen', 'number-of-rows' = '${events}', 'rows-per-second' = '1000000000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '${events - 1}',
  'fields.v.min' = '0', 'fields.v.max' = '1000');
CREATE TABLE sink (k BIGINT, cnt BIGINT, total INT) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k;
`,
  },
  'groupby-ttl': {
    label: (p) => `GROUP BY k with table.exec.state.ttl = ${p.ttl}: COUNT(*), SUM(v) over ever-new keys (every row a new key), unpaced`,
    params: (scale) => ({ events: Math.round(2_000_000 * scale), ttl: '1 s' }),
    warmup: { events: 200_000, ttl: '1 s' },
    // Processing time runs while the job runs: once the first TTL has passed, every write also
    // sweeps the expired keys, so this is the cost of TTL bookkeeping at a steady state size.
    sql: ({ events, ttl }) => `
SET 'table.exec.state.ttl' = '${ttl}';
CREATE TABLE src (id BIGINT, v INT, k AS id) WITH (
  'connector' = 'datagen', 'number-of-rows' = '${events}', 'rows-per-second' = '1000000000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '${events - 1}',
  'fields.v.min' = '0', 'fields.v.max' = '1000');
CREATE TABLE sink (k BIGINT, cnt BIGINT, total INT) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k;
`,
  },
  topn: {
    label: (p) => `Top-10 per key: ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) <= 10 with rn, ${fmt(p.keys)} keys`,
    params: (scale) => ({ events: Math.round(3_000_000 * scale), keys: 10_000 }),
    warmup: { events: 200_000, keys: 1_000 },
    sql: ({ events, keys }) => `
CREATE TABLE src (id BIGINT, v INT, k AS MOD(id, ${keys})) WITH (
  'connector' = 'datagen', 'number-of-rows' = '${events}', 'rows-per-second' = '1000000000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '${events - 1}',
  'fields.v.min' = '0', 'fields.v.max' = '1000000');
CREATE TABLE sink (k BIGINT, v INT, id BIGINT, rn BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO sink
SELECT k, v, id, rn FROM (
  SELECT k, v, id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM src)
WHERE rn <= 10;
`,
  },
  join: {
    label: (p) => `regular inner join orders ⋈ payments ON order_id, ${fmt(p.events / 2)} rows per side (1:1 matches)`,
    params: (scale) => ({ events: Math.round(2_000_000 * scale) }),
    warmup: { events: 200_000 },
    // Both sides cover every order id once; payments arrive in another order (a permutation).
    sql: ({ events }) => {
      const n = events / 2;
      return `
CREATE TABLE orders (id BIGINT, amount INT, order_id AS id) WITH (
  'connector' = 'datagen', 'number-of-rows' = '${n}', 'rows-per-second' = '1000000000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '${n - 1}',
  'fields.amount.min' = '1', 'fields.amount.max' = '1000');
CREATE TABLE payments (id BIGINT, pay_type INT, order_id AS MOD(id * 7919, ${n})) WITH (
  'connector' = 'datagen', 'number-of-rows' = '${n}', 'rows-per-second' = '1000000000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '${n - 1}',
  'fields.pay_type.min' = '0', 'fields.pay_type.max' = '9');
CREATE TABLE sink (order_id BIGINT, amount INT, pay_type INT) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT o.order_id, o.amount, p.pay_type FROM orders o JOIN payments p ON o.order_id = p.order_id;
`;
    },
  },
};

/** The TTL job: GROUP BY, Top-N and an inner join, all over ever-new keys, in one statement set. */
function ttlScript({ ttl, rate }) {
  const src = (name, extra) => `
CREATE TABLE ${name} (id BIGINT, v INT${extra}) WITH (
  'connector' = 'datagen', 'rows-per-second' = '${rate}',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '${2 ** 52}',
  'fields.v.min' = '0', 'fields.v.max' = '1000');`;
  return `
${ttl ? `SET 'table.exec.state.ttl' = '${ttl}';` : ''}
${src('a', ', k AS id')}
${src('b', ', k AS id')}
CREATE TABLE agg_sink (k BIGINT, cnt BIGINT, total INT) WITH ('connector' = 'tick');
CREATE TABLE top_sink (k BIGINT, v INT, rn BIGINT) WITH ('connector' = 'blackhole');
CREATE TABLE join_sink (k BIGINT, v1 INT, v2 INT) WITH ('connector' = 'blackhole');
EXECUTE STATEMENT SET BEGIN
INSERT INTO agg_sink SELECT k, COUNT(*), SUM(v) FROM a GROUP BY k;
INSERT INTO top_sink SELECT k, v, rn FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM a) WHERE rn <= 3;
INSERT INTO join_sink SELECT a.k, a.v, b.v FROM a JOIN b ON a.k = b.k;
END;
`;
}

/** Entries of every keyed state table of the job's operators ("Operator/table" → size). */
function stateEntries(runner) {
  const out = [];
  for (const v of runner.dag.vertices) {
    for (const t of v.operator.stateTables?.() ?? []) {
      if (typeof t.size !== 'number') continue;
      out.push({ operator: v.operator.name, table: t.name, entries: t.size });
    }
  }
  return out;
}

/** Rows held in list-valued state (Top-N rows, join records), or undefined for other state. */
function stateRows(runner) {
  const out = {};
  for (const v of runner.dag.vertices) {
    for (const t of v.operator.stateTables?.() ?? []) {
      if (typeof t.values !== 'function') continue;
      let rows = 0;
      for (const value of t.values()) {
        if (!Array.isArray(value)) return undefined;
        rows += value.length;
      }
      out[`${v.operator.name} ${t.name}`] = rows;
    }
  }
  return out;
}

async function runJob(sql, name, onJob) {
  const rc = await runScript(sql, new Session(), { mode: 'run', fileName: `${name}.sql`, io: quiet, onJob });
  if (rc !== 0) throw new Error(`${name} job failed`);
}

/** Child process: one measured job (1–3), reported as JSON on stdout. */
async function child(name, params) {
  const b = BENCHES[name];
  await runJob(b.sql(b.warmup), name); // warm up the compiler
  globalThis.gc();
  const base = process.memoryUsage();
  let runner;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await runJob(b.sql(params), name, (r) => (runner = r));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  globalThis.gc();
  const liveHeap = process.memoryUsage().heapUsed - base.heapUsed;
  const state = stateEntries(runner); // `runner` (and so the state) is still reachable at the GC above
  const rows = stateRows(runner);
  process.stdout.write(JSON.stringify({ name, ...params, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, baseRss: base.rss, peakRss, liveHeap, state, rows }));
}

function spawnChild(name, params) {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', new URL(import.meta.url).pathname, '--child', name, JSON.stringify(params)];
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`benchmark child ${name} exited with ${code}`))));
  });
}

function report(r) {
  console.log(`${BENCHES[r.name].label(r)}:`);
  console.log(`  ${fmt(r.events)} events in ${r.seconds.toFixed(2)} s: ${fmt(r.events / r.seconds)} events/s, ${fmt(r.events / r.cpuSeconds)} events/s per core (CPU ${r.cpuSeconds.toFixed(2)} s)`);
  const entries = r.state.reduce((n, s) => n + s.entries, 0);
  const tables = r.state.map((s) => `${s.operator} ${s.table}: ${fmt(s.entries)}`).join(', ');
  const rows = r.rows && Object.entries(r.rows).map(([t, n]) => `${t}: ${fmt(n)}`).join(', ');
  console.log(`  state: ${fmt(entries)} entries (${tables})${rows ? `; rows held: ${rows}` : ''}`);
  console.log(`  live heap after GC +${mb(r.liveHeap)}: ≈ ${fmt(r.liveHeap / entries)} B per entry; peak RSS ${mb(r.peakRss)} (+${mb(r.peakRss - r.baseRss)} during the job)`);
}

/** Parses a duration like 5s, 500ms, 2min, 1h into ms (for the sampling interval). */
function durationMs(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1]) * { ms: 1, s: 1000, min: 60_000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'];
}

/** A blackhole that calls `tick` with the rows it received, at most every 200 ms (samples follow the data). */
function tickConnector(tick) {
  let last = 0;
  let rows = 0;
  return {
    identifier: 'tick',
    requiredOptions: [],
    optionalOptions: [],
    createSink: () => ({
      acceptedChangelogMode: (requested) => requested,
      metadata: new Map(),
      createWriter: () => ({
        write: (chunk) => {
          rows += chunk.rows.length;
          const now = performance.now();
          if (now - last < 200) return;
          last = now;
          tick(rows);
        },
        finish: async () => {},
        close: async () => {},
      }),
    }),
  };
}

/** The TTL run, in this process: samples heap and state until the duration has passed. */
async function ttlRun({ seconds, ttl, rate, every }) {
  const ttlMs = ttl ? durationMs(ttl) : 0;
  console.log(
    `TTL run: ${ttl ? `table.exec.state.ttl = ${ttl}` : 'no TTL'}; two datagen streams of ever-new keys at ${fmt(rate)} rows/s each → ` +
      `GROUP BY k, Top-3 per k, a ⋈ b ON k (one job); ${seconds} s, a sample every ${every} s (full GC first)`,
  );
  if (ttlMs) console.log(`  expected steady state: ≈ ${fmt((rate * ttlMs) / 1000)} keys per state table (rate × TTL; swept as writes arrive)`);
  globalThis.gc();
  const base = process.memoryUsage().heapUsed;
  console.log(`  heap before the job: ${mb(base)}`);
  let runner;
  const t0 = performance.now();
  let nextSample = every;
  const samples = [];
  const tick = (rows) => {
    const t = (performance.now() - t0) / 1000;
    if (t >= seconds) runner.cancel();
    if (t < nextSample && t < seconds) return;
    nextSample += every;
    globalThis.gc();
    const mem = process.memoryUsage();
    const state = stateEntries(runner);
    const total = state.reduce((n, s) => n + s.entries, 0);
    samples.push({ t, heap: mem.heapUsed, total });
    const per = state.map((s) => `${s.table} ${fmt(s.entries)}`).join(', ');
    console.log(
      `  t=${t.toFixed(0).padStart(4)} s  ${fmt(rows / t).padStart(7)} rows/s in  heap used ${mb(mem.heapUsed).padStart(9)}  rss ${mb(mem.rss).padStart(9)}  ` +
        `state entries ${fmt(total).padStart(9)} (${per})`,
    );
  };
  const session = new Session({ registry: { connectors: new Map([['tick', tickConnector(tick)]]), formats: new Map() } });
  const cpu0 = process.cpuUsage();
  // The job ends by cancellation, so leave out runScript's "the job was cancelled" line.
  const io = { stdout: () => {}, stderr: (l) => (/was cancelled/.test(l) ? undefined : process.stderr.write(`${l}\n`)) };
  const rc = await runScript(ttlScript({ ttl, rate }), session, { mode: 'run', fileName: 'ttl.sql', io, onJob: (r) => (runner = r) });
  if (rc !== 130 && rc !== 0) throw new Error('TTL job failed');
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  console.log(`  process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s in ${wall.toFixed(1)} s of the job (${((100 * (cpu.user + cpu.system)) / 1e6 / wall).toFixed(0)}% of a core, full GCs of the samples included)`);
  // Steady state: the samples after twice the TTL (or the second half of a short run).
  const settled = samples.filter((s) => s.t >= Math.min(seconds / 2, (ttlMs / 1000) * 2));
  if (settled.length >= 2) {
    const heaps = settled.map((s) => s.heap);
    const totals = settled.map((s) => s.total);
    const d = heaps.at(-1) - heaps[0];
    console.log(
      `  from t=${settled[0].t.toFixed(0)} s on (${settled.length} samples): heap used ${mb(Math.min(...heaps))}–${mb(Math.max(...heaps))}, ` +
        `state entries ${fmt(Math.min(...totals))}–${fmt(Math.max(...totals))}; first→last heap ${d >= 0 ? '+' : '−'}${mb(Math.abs(d))}`,
    );
  }
}

function parseArgs(argv) {
  const opts = { seconds: 20, ttl: '5 s', rate: 5_000, every: 2, only: ['groupby', 'groupby-ttl', 'topn', 'join', 'ttl'] };
  parseOptions(argv, {
    '--minutes': (v) => (opts.seconds = Number(v) * 60),
    '--seconds': (v) => (opts.seconds = Number(v)),
    '--ttl': (v) => (opts.ttl = /^(0|off|none)$/.test(v) ? '' : v),
    '--rate': (v) => (opts.rate = Number(v)),
    '--every': (v) => (opts.every = Number(v)),
    '--only': (v) => (opts.only = v.split(',')),
  });
  if (!opts.seconds && opts.seconds !== 0) throw new Error('bad duration');
  return opts;
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], JSON.parse(process.argv[4]));
} else if (process.argv[2] === '--ttl-child') {
  await ttlRun(JSON.parse(process.argv[3]));
} else {
  const opts = parseArgs(process.argv.slice(2));
  const scale = Number(process.env.WEIR_BENCH_EVENTS_SCALE ?? 1);
  console.log('changelog engine: datagen → stateful operator → blackhole, 1 task (events/s per core = events / process CPU time)');
  for (const name of ['groupby', 'groupby-ttl', 'topn', 'join']) {
    if (!opts.only.includes(name)) continue;
    report(await spawnChild(name, BENCHES[name].params(scale)));
  }
  if (opts.only.includes('ttl')) {
    await new Promise((resolve, reject) => {
      const args = ['--expose-gc', new URL(import.meta.url).pathname, '--ttl-child', JSON.stringify(opts)];
      const proc = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
      proc.on('error', reject);
      proc.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`TTL run exited with ${code}`))));
    });
  }
}
