// Window aggregation benchmark: HOP(10 s, 2 s) and TUMBLE(10 s) COUNT(*) per key over a generated
// bounded stream, written to blackhole. Prints throughput per core (process CPU time), peak RSS and
// the live state per window-key; runs with 2× the events and 5× the keys show whether state stays
// O(keys × live slices). Prints figures; never fails on timings.
// Run: npm run build && node bench/windows.js   (WEIR_BENCH_EVENTS overrides the event count)
//
// Each figure comes from its own child process (clean peak RSS). A "speed" run writes to blackhole;
// a "memory" run writes to a probe sink that, at most every 50 ms while windows fire, collects
// garbage and samples the live heap (slower, so its timings are not reported).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { runScript } from '../dist/session/script-runner.js';
import { Session } from '../dist/session/session.js';

const quiet = { stdout: () => {}, stderr: (l) => process.stderr.write(`${l}\n`) };
const WINDOWS = {
  hop: { tvf: "HOP(TABLE src, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND)", label: 'HOP(10 s, 2 s)', liveWindows: 5 },
  tumble: { tvf: "TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '10' SECOND)", label: 'TUMBLE(10 s)', liveWindows: 1 },
};

/** Every key gets one event per second of event time: ts = id × 1000 / keys ms, key = id mod keys. */
function script(window, events, keys, sink) {
  // Watermarks after every chunk: the generator runs ~200 s of event time per second, so the
  // default 200 ms interval would hold ~40 s of windows in state and hide the per-window cost.
  return `
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE src (
  id BIGINT,
  k AS MOD(id, ${keys}),
  ts AS TO_TIMESTAMP_LTZ(id * 1000 / ${keys}, 3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH (
  'connector' = 'datagen', 'number-of-rows' = '${events}', 'rows-per-second' = '1000000000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '${events - 1}');
CREATE TABLE sink (k BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), cnt BIGINT) WITH ('connector' = '${sink}');
INSERT INTO sink
SELECT k, window_start, window_end, COUNT(*) AS cnt
FROM TABLE(${WINDOWS[window].tvf})
GROUP BY k, window_start, window_end;
`;
}

/** A blackhole that samples the live heap (after a full GC) while results arrive. */
function probeConnector(samples) {
  let last = 0;
  return {
    identifier: 'probe',
    requiredOptions: [],
    optionalOptions: [],
    createSink: () => ({
      acceptedChangelogMode: (requested) => requested,
      metadata: new Map(),
      createWriter: () => ({
        write: () => {
          const now = performance.now();
          if (now - last < 50) return;
          globalThis.gc();
          samples.push(process.memoryUsage().heapUsed);
          last = performance.now();
        },
        finish: async () => {},
        close: async () => {},
      }),
    }),
  };
}

async function runOnce(window, events, keys, probeSamples) {
  const session = probeSamples
    ? new Session({ registry: { connectors: new Map([['probe', probeConnector(probeSamples)]]), formats: new Map() } })
    : new Session();
  const rc = await runScript(script(window, events, keys, probeSamples ? 'probe' : 'blackhole'), session, { mode: 'run', fileName: 'windows.sql', io: quiet });
  if (rc !== 0) throw new Error(`${window} job failed`);
}

/** Child process: one measured run, reported as JSON on stdout. */
async function child(mode, window, events, keys) {
  await runOnce(window, 200_000, 1000); // warm up the compiler
  globalThis.gc();
  const base = process.memoryUsage();
  if (mode === 'memory') {
    const samples = [];
    await runOnce(window, events, keys, samples);
    process.stdout.write(JSON.stringify({ samples: samples.length, liveHeapGrowth: Math.max(0, ...samples) - base.heapUsed }));
    return;
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await runOnce(window, events, keys);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, baseRss: base.rss, peakRss }));
}

function spawnChild(mode, window, events, keys) {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', new URL(import.meta.url).pathname, '--child', mode, window, String(events), String(keys)];
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`benchmark child exited with ${code}`))));
  });
}

async function measure(window, events, keys) {
  const speed = await spawnChild('speed', window, events, keys);
  const memory = await spawnChild('memory', window, events, keys);
  return { window, events, keys, ...speed, ...memory };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MB`;
const perWindowKey = (r) => r.liveHeapGrowth / (r.keys * WINDOWS[r.window].liveWindows);

function report(r) {
  const w = WINDOWS[r.window];
  console.log(`${w.label} COUNT(*) per key, ${fmt(r.events)} events, ${fmt(r.keys)} keys:`);
  console.log(`  ${r.seconds.toFixed(2)} s, ${fmt(r.events / r.seconds)} events/s, ${fmt(r.events / r.cpuSeconds)} events/s per core (CPU ${r.cpuSeconds.toFixed(2)} s)`);
  console.log(`  peak RSS ${mb(r.peakRss)} (+${mb(r.peakRss - r.baseRss)} during the job, ${fmt((r.peakRss - r.baseRss) / (r.keys * w.liveWindows))} B per window-key)`);
  console.log(
    `  live heap after GC, at most +${mb(r.liveHeapGrowth)} (${r.samples} samples): ≈ ${fmt(perWindowKey(r))} B per window-key ` +
      `(${fmt(r.keys)} keys × ${w.liveWindows} live window${w.liveWindows > 1 ? 's' : ''})`,
  );
}

if (process.argv[2] === '--child') {
  const [mode, window, events, keys] = process.argv.slice(3);
  await child(mode, window, Number(events), Number(keys));
} else {
  const events = Number(process.env.WEIR_BENCH_EVENTS ?? 3_000_000);
  const keys = 10_000;
  console.log('window aggregation: datagen (1 event per key per second of event time, watermark 1 s behind) → blackhole');
  const hop = await measure('hop', events, keys);
  report(hop);
  report(await measure('tumble', events, keys));
  // State must not grow with the length of the stream (O(live slices)), only with the keys.
  const longer = await measure('hop', events * 2, keys);
  report(longer);
  const moreKeys = await measure('hop', events, keys * 5);
  report(moreKeys);
  console.log('state scaling (HOP), live heap after GC:');
  console.log(`  2× events: +${mb(longer.liveHeapGrowth)} vs +${mb(hop.liveHeapGrowth)} (flat: state is O(live slices), not O(windows seen))`);
  const marginal = (moreKeys.liveHeapGrowth - hop.liveHeapGrowth) / ((moreKeys.keys - hop.keys) * WINDOWS.hop.liveWindows);
  console.log(`  5× keys:   +${mb(moreKeys.liveHeapGrowth)} vs +${mb(hop.liveHeapGrowth)}: ≈ ${fmt(marginal)} B per extra window-key (fixed overhead excluded)`);
}
