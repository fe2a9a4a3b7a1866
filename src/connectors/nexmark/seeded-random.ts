/**
 * A small, fast PRNG (Mulberry32 steps) re-keyed per event from (seed, event id), so event N has
 * the same contents however the stream is chunked or split across subtasks.
 */

const TWO_32 = 4294967296;

/** Murmur3's 32-bit finaliser: spreads every input bit over the state. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export class SeededRandom {
  private state = 0;
  private readonly seedLo: number;
  private readonly seedHi: number;

  constructor(seed: bigint) {
    const s = BigInt.asUintN(64, seed);
    this.seedLo = Number(s & 0xffffffffn) | 0;
    this.seedHi = Number(s >> 32n) | 0;
    this.reset(0);
  }

  /** Re-keys the stream for one event (ids up to 2^53). */
  reset(key: number): void {
    const lo = key % TWO_32 | 0;
    const hi = Math.floor(key / TWO_32) | 0;
    let h = fmix32(this.seedLo ^ Math.imul(lo, 0x9e3779b1));
    h = fmix32(h ^ this.seedHi ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77));
    this.state = h;
  }

  /** Uniform 32-bit value (unsigned). */
  nextUint32(): number {
    const a = (this.state = (this.state + 0x6d2b79f5) | 0);
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  nextDouble(): number {
    return this.nextUint32() / TWO_32;
  }

  /** Uniform integer in [0, n) for n ≥ 1 (n up to 2^53; 32 random bits are plenty here). */
  nextInt(n: number): number {
    return Math.floor((this.nextUint32() / TWO_32) * n);
  }
}
