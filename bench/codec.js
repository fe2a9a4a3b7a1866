// Value-codec benchmark: encode and decode throughput of src/runtime/checkpoint/value-codec.ts for
// a Nexmark-bid-like chunk and a numbers-only chunk (1024 rows each), against JSON (bigints
// converted to strings beforehand, untimed) and node:v8 serialize/deserialize (structured clone).
// Prints figures; never fails on timings. Run: npm run build && node bench/codec.js [--ms 500]
// MB/s is of each format's own encoded bytes; rows/s is what compares the formats.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { decodeChunk, encodeChunk } from '../dist/runtime/checkpoint/value-codec.js';
import { Timestamp } from '../dist/types/values.js';

const args = process.argv.slice(2);
const MS = Number(args[args.indexOf('--ms') + 1]) || 500; // measured time per figure
const ROWS = 1024;

/** Deterministic pseudo-random numbers, so every run measures the same data. */
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const letters = (n) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
const CHANNELS = ['Google', 'Facebook', 'Baidu', 'Apple', letters(10)];

function bidChunk() {
  const rows = [];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      BigInt(1000 + Math.floor(rand() * 10_000)), // auction
      BigInt(1000 + Math.floor(rand() * 100_000)), // bidder
      BigInt(Math.floor(rand() * 10_000_000)), // price
      CHANNELS[i % CHANNELS.length], // channel (~10)
      `https://www.nexmark.com/${letters(5)}/item.htm?query=1`.slice(0, 20 + (i % 4)), // url (~20)
      new Timestamp(1_700_000_000_000 + i * 7, 0), // dateTime
      letters(60 + (i % 20)), // extra (~70)
    ]);
  }
  return { rows, kinds: null };
}

function numbersChunk() {
  const rows = [];
  for (let i = 0; i < ROWS; i++) {
    rows.push([i, i % 100, 1_000_000 + i * 37, -i, rand() * 1000, 19_000 + (i % 365), 0.1 * i, 86_399_999 - i]);
  }
  return { rows, kinds: null };
}

/** JSON cannot hold bigints: convert them to strings first (untimed), as the JSON path would. */
const jsonable = (chunk) => chunk.rows.map((r) => r.map((v) => (typeof v === 'bigint' ? v.toString() : v)));

/** Runs fn for about MS milliseconds (after a warm-up); returns calls per second. */
function rate(fn) {
  const warmEnd = performance.now() + MS / 4;
  while (performance.now() < warmEnd) fn();
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < MS) {
    for (let i = 0; i < 10; i++) fn();
    calls += 10;
    now = performance.now();
  }
  return (calls * 1000) / (now - start);
}

function measure(name, encode, decode, input) {
  const encoded = encode(input);
  const bytes = typeof encoded === 'string' ? Buffer.byteLength(encoded) : encoded.byteLength;
  let sink = 0;
  const enc = rate(() => {
    sink += encode(input).length;
  });
  const dec = rate(() => {
    sink += decode(encoded).rows?.length ?? 1;
  });
  if (sink === 0) console.log(''); // keeps the results alive
  return { name, bytes, enc, dec };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const pad = (s, n) => String(s).padStart(n);

function table(title, chunk) {
  const json = jsonable(chunk);
  const results = [
    measure('weir codec', encodeChunk, decodeChunk, chunk),
    measure('v8.serialize', (c) => v8.serialize(c), (b) => v8.deserialize(b), chunk),
    measure('JSON', (rows) => JSON.stringify(rows), (s) => JSON.parse(s), json),
  ];
  console.log(`\n${title} (${ROWS} rows per chunk)`);
  console.log(`${'format'.padEnd(14)}${pad('B/row', 7)}${pad('encode rows/s', 15)}${pad('MB/s', 7)}${pad('decode rows/s', 15)}${pad('MB/s', 7)}`);
  for (const r of results) {
    const mbs = (perSec) => ((perSec * r.bytes) / 2 ** 20).toFixed(0);
    console.log(
      `${r.name.padEnd(14)}${pad((r.bytes / ROWS).toFixed(1), 7)}${pad(fmt(r.enc * ROWS), 15)}${pad(mbs(r.enc), 7)}` +
        `${pad(fmt(r.dec * ROWS), 15)}${pad(mbs(r.dec), 7)}`,
    );
  }
}

console.log(`node ${process.version}, ${MS} ms per figure`);
table('Nexmark bid [bigint, bigint, bigint, string(~10), string(~20), Timestamp, string(~70)]', bidChunk());
table('numbers [8 × number: small ints, int32, doubles]', numbersChunk());
