/**
 * Seeded random bounded event streams for differential tests: rows (key, v INT, d DECIMAL(10, 2),
 * ts TIMESTAMP(3)) with NULLs and out-of-order event time, plus the watermarks a
 * `ts - INTERVAL delay` strategy would give, so that no row is late.
 */

/** mulberry32: a small deterministic PRNG (same seed, same stream on every machine). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Event {
  readonly k: string | null;
  readonly v: number | null;
  /** DECIMAL(10, 2) as its unscaled value (hundredths). */
  readonly d: bigint | null;
  /** Event time, epoch millis (UTC wall clock for TIMESTAMP(3)). */
  readonly ts: number;
}

export interface StreamOptions {
  readonly rows: number;
  /** Out-of-order bound in ms; jitter + 1 s (rounding to whole seconds) must stay below the watermark delay. */
  readonly jitter: number;
  readonly watermarkDelay: number;
  /** Mean gap between consecutive base times, ms. */
  readonly meanGap: number;
  readonly start: number;
  /** Share of rows made late: up to `lateBy` ms behind the watermark in effect (default none). */
  readonly lateShare?: number;
  readonly lateBy?: number;
}

/** Input lines: either a row or a watermark (millis). */
export type StreamItem = { readonly row: Event } | { readonly watermark: number };

const KEYS = ['a', 'b', 'c', 'd'];

export function generateStream(seed: number, o: StreamOptions): StreamItem[] {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const items: StreamItem[] = [];
  let base = o.start + int(0, 9_999);
  let maxSeen = -Infinity;
  let nextWatermark = int(5, 40);
  for (let i = 0; i < o.rows; i++) {
    base += int(0, 2 * o.meanGap);
    let ts = base - int(0, o.jitter);
    if (o.lateShare && rnd() < o.lateShare && maxSeen > -Infinity) ts = maxSeen - o.watermarkDelay - int(0, o.lateBy ?? 10_000);
    // Whole seconds now and then, so rows fall exactly on window boundaries.
    if (rnd() < 0.25) ts = Math.floor(ts / 1000) * 1000;
    const k = rnd() < 0.05 ? null : KEYS[int(0, KEYS.length - 1)]!;
    const v = rnd() < 0.12 ? null : int(-1000, 1000);
    const d = rnd() < 0.12 ? null : BigInt(int(-99_999, 99_999));
    items.push({ row: { k, v, d, ts } });
    maxSeen = Math.max(maxSeen, ts);
    if (--nextWatermark === 0) {
      items.push({ watermark: maxSeen - o.watermarkDelay });
      nextWatermark = int(5, 40);
    }
  }
  return items;
}

/** Each row with the watermark in effect when it arrives (rows before any watermark get -Infinity). */
export function rowsWithWatermark(items: readonly StreamItem[]): { row: Event; watermark: number }[] {
  let watermark = -Infinity;
  const out: { row: Event; watermark: number }[] = [];
  for (const it of items) {
    if ('watermark' in it) watermark = Math.max(watermark, it.watermark);
    else out.push({ row: it.row, watermark });
  }
  return out;
}

/** `2024-03-01 00:00:01.250` (UTC wall clock) for a TIMESTAMP literal. */
export function sqlTimestamp(millis: number): string {
  return new Date(millis).toISOString().replace('T', ' ').replace('Z', '');
}

export function formatDecimal(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${text}` : text;
}

/**
 * Golden connector input lines: `+I('a', 12, 3.45, TIMESTAMP '…')` and `WATERMARK TIMESTAMP '…'`;
 * with `ltz`, times are instants written as `TO_TIMESTAMP_LTZ(epochMillis, 3)`.
 */
export function goldenLines(items: readonly StreamItem[], ltz = false): string[] {
  const lit = (x: string | number | null) => (x === null ? 'NULL' : typeof x === 'string' ? `'${x}'` : String(x));
  const time = (ms: number) => (ltz ? `TO_TIMESTAMP_LTZ(${ms}, 3)` : `TIMESTAMP '${sqlTimestamp(ms)}'`);
  return items.map((it) =>
    'watermark' in it
      ? `WATERMARK ${time(it.watermark)}`
      : `+I(${lit(it.row.k)}, ${lit(it.row.v)}, ${it.row.d === null ? 'NULL' : formatDecimal(it.row.d, 2)}, ${time(it.row.ts)})`,
  );
}

/** Java's LocalDateTime.toString, as Flink's print connector shows TIMESTAMP values. */
export function printTimestamp(millis: number): string {
  const iso = new Date(millis).toISOString().slice(0, -1); // yyyy-mm-ddThh:mm:ss.SSS
  if (iso.endsWith(':00.000')) return iso.slice(0, -7);
  if (iso.endsWith('.000')) return iso.slice(0, -4);
  return iso;
}
