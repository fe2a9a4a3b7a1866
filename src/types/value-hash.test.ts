import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildKeyOf, hashKey, keyHash32 } from './value-hash.js';
import { BIGINT } from './data-type.js';

/** keyHash32 as defined: FNV-1a over the key's text (`i<n>` for numbers), then fmix32. */
function byText(key: string | number): number {
  const s = typeof key === 'number' ? `i${key}` : key;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

describe('keyHash32', () => {
  // Key groups are in checkpoints: hashing integers from their digits must give the text's hash.
  it('hashes integer keys as their text, without building it', () => {
    for (const n of [0, -0, 1, -1, 9, 10, 99, 100, 101, 2 ** 31 - 1, -(2 ** 31 - 1), 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) expect(keyHash32(n)).toBe(byText(n));
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => keyHash32(n) === byText(n)), { numRuns: 10_000 });
    fc.assert(fc.property(fc.integer(), (n) => keyHash32(n) === byText(n)), { numRuns: 10_000 });
  });

  it('hashes other keys by their text', () => {
    for (const k of ['s', 'sabc', 'n', 1.5, -2.25, 1e21]) expect(keyHash32(k)).toBe(byText(k));
  });
});

describe('buildKeyOf', () => {
  it('gives a BIGINT the key hashKey gives it, safe or not', () => {
    const keyOf = buildKeyOf([BIGINT()], [1]);
    const same = (v: bigint | null): void => {
      expect(keyOf(['x', v])).toBe(hashKey([v], [BIGINT()]));
    };
    const edges = [0n, -1n, 1n, 2n ** 32n, -(2n ** 32n), 2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n) + 1n, -(2n ** 53n), 2n ** 63n - 1n, -(2n ** 63n)];
    for (const v of [...edges, null]) same(v);
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (v) => same(v)), { numRuns: 5_000 });
  });
});
