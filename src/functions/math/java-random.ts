/** java.util.Random's linear congruential generator, so seeded RAND gives Flink's sequences. */

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint | number) {
    this.seed = (BigInt.asIntN(64, BigInt(seed)) ^ MULTIPLIER) & MASK;
  }

  /** A seed like `new Random()` would pick. */
  static unseeded(): JavaRandom {
    const hi = Math.floor(Math.random() * 0x100000000);
    const lo = Math.floor(Math.random() * 0x100000000);
    return new JavaRandom((BigInt(hi) << 32n) | BigInt(lo));
  }

  /** The next `bits` random bits as a signed 32-bit int. */
  next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  nextDouble(): number {
    return (this.next(26) * 134217728 + this.next(27)) / 9007199254740992;
  }

  nextInt(bound: number): number {
    if (bound <= 0) throw new RangeError('bound must be positive');
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    let bits: number;
    let val: number;
    do {
      bits = this.next(31);
      val = bits % bound;
    } while (((bits - val + (bound - 1)) | 0) < 0); // Java int overflow check
    return val;
  }
}
