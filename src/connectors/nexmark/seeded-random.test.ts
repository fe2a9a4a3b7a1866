import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random.js';

const draws = (r: SeededRandom, key: number, n = 8) => {
  r.reset(key);
  return Array.from({ length: n }, () => r.nextUint32());
};

describe('seeded random', () => {
  it('replays the same stream for the same seed and key', () => {
    const a = new SeededRandom(9n);
    const b = new SeededRandom(9n);
    expect(draws(a, 12345)).toEqual(draws(b, 12345));
    draws(a, 1);
    expect(draws(a, 12345)).toEqual(draws(b, 12345));
  });

  it('separates neighbouring keys, seeds and high bits', () => {
    const r = new SeededRandom(0n);
    const streams = [draws(r, 0), draws(r, 1), draws(r, 2 ** 32), draws(new SeededRandom(1n), 0), draws(new SeededRandom(1n << 40n), 0), draws(new SeededRandom(-1n), 0)];
    expect(new Set(streams.map((s) => s.join())).size).toBe(streams.length);
  });

  it('draws uniformly in range', () => {
    const r = new SeededRandom(3n);
    const counts = new Array<number>(10).fill(0);
    for (let k = 0; k < 20_000; k++) {
      r.reset(k);
      const v = r.nextInt(10);
      counts[v]!++;
      const d = r.nextDouble();
      if (!(d >= 0 && d < 1)) throw new Error(`nextDouble out of range: ${d}`);
    }
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
  });
});
