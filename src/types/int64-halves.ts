/**
 * A 64-bit integer's two 32-bit halves, read through one reused buffer: much faster than
 * Number(bigint), which hot paths (key hashing, chunk encoding) would otherwise call per row.
 */
const int64 = new BigInt64Array([1n]);
const halves = new Int32Array(int64.buffer);
const LOW = halves[0] === 1 ? 0 : 1; // the platform's byte order
/** |high half| below this: the value is within ±2^53, a safe integer. */
const SAFE_HIGH = 2 ** 21;

/** The low 32 bits of `v` (taken modulo 2^64), as an int32. */
export function low32(v: bigint): number {
  int64[0] = v;
  return halves[LOW]!;
}

/** `v` as a number when it is a 64-bit integer within ±(2^53 − 2^32), else undefined. */
export function safeNumberOf64(v: bigint): number | undefined {
  int64[0] = v; // wraps values beyond 64 bits: callers pass only 64-bit integers
  const high = halves[1 - LOW]!;
  return high > -SAFE_HIGH && high < SAFE_HIGH ? high * 0x1_0000_0000 + (halves[LOW]! >>> 0) : undefined;
}
