// Nexmark source throughput: the generator alone, the connector's reader, and q0 (bids to a
// blackhole) through weir. Prints figures; never fails on timings.
// Run: npx tsc -p tsconfig.build.json && node bench/nexmark-generator.js [events]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG } from '../dist/connectors/nexmark/nexmark-config.js';
import { NexmarkGenerator } from '../dist/connectors/nexmark/nexmark-generator.js';
import { NexmarkReader } from '../dist/connectors/nexmark/nexmark-factory.js';
import { runScript } from '../dist/session/script-runner.js';
import { Session } from '../dist/session/session.js';

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const config = { ...DEFAULT_CONFIG, eventsNum: EVENTS, seed: 1n };

/** Wall and CPU time of `f`, as events per second. */
async function measure(name, f) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const n = await f();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const k = (x) => `${Math.round(x / 1000)} K`;
  console.log(`${name.padEnd(34)} ${String(n).padStart(9)} events  ${seconds.toFixed(2)} s  ${k(n / seconds)} events/s  ${k(n / cpuSeconds)} events/CPU-s`);
}

function generate() {
  const g = new NexmarkGenerator(config);
  let sink = 0;
  for (let i = 0; i < EVENTS; i++) sink += g.event(i).length;
  return sink / 4;
}

async function read() {
  const r = new NexmarkReader(config, 0, 1);
  let n = 0;
  for (let c = await r.poll(); c !== null; c = await r.poll()) n += c.rows.length;
  return n;
}

const DDL = readFileSync(new URL('nexmark/ddl.sql', import.meta.url), 'utf8')
  .replace(/{{rate}}/g, '10000000').replace(/{{events}}/g, String(EVENTS)).replace(/{{seed}}/g, '1');

async function runSql(sql) {
  const rc = await runScript(`${DDL}\n${sql}`, new Session(), { mode: 'run', fileName: 'bench.sql', io: { stdout: () => {}, stderr: (l) => console.error(l) } });
  if (rc !== 0) throw new Error(`the script failed (${rc})`);
  return EVENTS;
}

/** The suite's q0: bids projected to a blackhole. */
const q0 = () =>
  runSql(`CREATE TABLE discard_sink (auction BIGINT, bidder BIGINT, price BIGINT, \`dateTime\` TIMESTAMP(3), extra VARCHAR) WITH ('connector' = 'blackhole');
INSERT INTO discard_sink SELECT auction, bidder, price, \`dateTime\`, extra FROM bid;`);

/** Every event, all columns, to a blackhole. */
const selectAll = () =>
  runSql(`CREATE TABLE discard_all WITH ('connector' = 'blackhole') LIKE nexmark (EXCLUDING ALL);
INSERT INTO discard_all SELECT event_type, person, auction, bid FROM nexmark;`);

await measure('generator (warm-up)', generate);
await measure('generator, event(n)', generate);
await measure('reader, 1024-event chunks', read);
await measure('q0 through weir (all events)', q0);
await measure('SELECT * FROM nexmark to blackhole', selectAll);
