// Foundation benchmarks (issue 2): parse time, start-up to first output, and stateless throughput.
// Prints figures; never fails on timings. Run: npm run build && node bench/foundation.js
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseScript } from '../dist/sql/parser.js';
import { runScript } from '../dist/session/script-runner.js';
import { Session } from '../dist/session/session.js';

const ROOT = new URL('..', import.meta.url).pathname;
const quiet = { stdout: () => {}, stderr: (l) => process.stderr.write(`${l}\n`) };

function twoThousandLineScript() {
  const lines = [
    'CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING,',
    "  WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND) WITH ('connector' = 'blackhole');",
  ];
  for (let i = 0; lines.length < 2000; i++) {
    lines.push(
      `-- query ${i}`,
      `INSERT INTO bid SELECT auction, bidder, price * ${i} + 1, UPPER(channel), CONCAT(url, '/${i}'),`,
      `  dateTime, CASE WHEN price > ${i} THEN 'high' WHEN price BETWEEN 10 AND 20 THEN 'mid' ELSE extra END`,
      `FROM bid WHERE auction IN (1007, 1020, 2001, ${i}) AND channel LIKE '%apple%' OR bidder % 7 = ${i % 7};`,
    );
  }
  return lines.join('\n');
}

function benchParse() {
  const text = twoThousandLineScript();
  for (let i = 0; i < 20; i++) parseScript(text); // warm up
  const runs = 30;
  const start = performance.now();
  for (let i = 0; i < runs; i++) parseScript(text);
  const ms = (performance.now() - start) / runs;
  return { lines: text.split('\n').length, ms };
}

function benchStartup() {
  const dir = mkdtempSync(join(tmpdir(), 'weir-bench-'));
  const file = join(dir, 'trivial.sql');
  writeFileSync(file, "CREATE TABLE t (x INT) WITH ('connector' = 'print');\nINSERT INTO t VALUES (1);\n");
  const once = () =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const child = spawn(process.execPath, [join(ROOT, 'bin/weir.js'), 'run', file], { stdio: ['ignore', 'pipe', 'inherit'] });
      let first;
      child.stdout.once('data', () => (first = performance.now() - start));
      child.on('error', reject);
      child.on('close', () => resolve(first ?? NaN));
    });
  return (async () => {
    await once();
    const times = [];
    for (let i = 0; i < 7; i++) times.push(await once());
    times.sort((a, b) => a - b);
    return { medianMs: times[3] };
  })();
}

async function benchThroughput(rows) {
  const sql = `
CREATE TABLE src (id BIGINT, user_id INT, price DOUBLE, name STRING) WITH (
  'connector' = 'datagen', 'number-of-rows' = '${rows}', 'rows-per-second' = '1000000000',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '${rows}',
  'fields.user_id.min' = '1', 'fields.user_id.max' = '1000', 'fields.name.length' = '8');
CREATE TABLE sink (id BIGINT, user_id INT, price_with_tax DOUBLE, name STRING) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT id, user_id, price * 1.2, UPPER(name) FROM src WHERE user_id > 100 AND price > 1000;
`;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rc = await runScript(sql, new Session(), { mode: 'run', fileName: 'throughput.sql', io: quiet });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { rc, rows, seconds, rowsPerSecond: rows / seconds, rowsPerCpuSecond: rows / cpuSeconds };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const parse = benchParse();
console.log(`parse: ${parse.lines}-line script in ${parse.ms.toFixed(1)} ms (warm; target < 50 ms)`);
const startup = await benchStartup();
console.log(`start-up: weir run to first output in ${startup.medianMs.toFixed(0)} ms (median of 7; target < 300 ms)`);
await benchThroughput(200_000); // warm up the compiler
const tp = await benchThroughput(Number(process.env.WEIR_BENCH_ROWS ?? 5_000_000));
if (tp.rc !== 0) throw new Error('throughput job failed');
console.log(`throughput: datagen → projection + filter → blackhole, ${fmt(tp.rows)} rows in ${tp.seconds.toFixed(2)} s: ${fmt(tp.rowsPerSecond)} rows/s, ${fmt(tp.rowsPerCpuSecond)} rows/s per core (target > 2,000,000)`);
