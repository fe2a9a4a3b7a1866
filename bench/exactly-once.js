// The long failure harness: kills the engine with SIGKILL many times per job (default 100) and
// checks the committed output equals a failure-free run (~5 min per job with the defaults).
// Usage: npm run bench:failures [-- --kills N --rows N --rate N --seed S --parallelism P]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harnessJobs } from '../dist/bench/exactly-once/harness-jobs.js';
import { runWithKills } from '../dist/bench/exactly-once/sigkill-harness.js';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const kills = arg('kills', 100);
const rows = arg('rows', 1_000_000);
const rate = arg('rate', 10_000);
const seed = arg('seed', Date.now() % 100_000);
const parallelism = arg('parallelism', 1);
const work = mkdtempSync(join(tmpdir(), 'weir-failures-'));
const weir = [process.execPath, new URL('../bin/weir.js', import.meta.url).pathname];
let failed = false;
console.log(`${kills} kills per job, ${rows} rows at ${rate}/s, parallelism ${parallelism}, seed ${seed}`);
try {
  for (const job of harnessJobs({ rows, rate, interval: '500 ms', parallelism })) {
    const started = Date.now();
    const r = await runWithKills(job, { weir, workDir: work, kills, minDelay: 300, maxDelay: 2500, seed });
    const same = JSON.stringify(r.actual) === JSON.stringify(r.expected);
    failed ||= !same;
    console.log(`${job.name.padEnd(22)} kills ${String(r.kills).padStart(4)}  attempts ${String(r.attempts).padStart(4)}  rows ${String(r.expected.length).padStart(7)}  ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s  ${same ? 'exactly once' : 'MISMATCH'}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
