import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BIGINT } from '../../types/data-type.js';
import { sumOps } from './sum-ops.js';

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** 64-bit values, many of them near the edges where a number sum stops being exact. */
const long = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.bigInt({ min: -100n, max: 100n }),
  fc.bigInt({ min: SAFE - 100n, max: SAFE + 100n }),
  fc.bigInt({ min: -SAFE - 100n, max: -SAFE + 100n }),
);

describe('BIGINT sum arithmetic', () => {
  const ops = sumOps(BIGINT());

  it('adds and subtracts exactly as 64-bit integers, whatever the representation', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), long), { maxLength: 30 }), (steps) => {
        let sum: unknown = ops.zero;
        let expected = 0n;
        for (const [add, x] of steps) {
          sum = add ? ops.add(sum, x) : ops.sub(sum, x);
          expected = wrap(add ? expected + x : expected - x);
          expect(ops.value(sum)).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('merges sums held as numbers or bigints', () => {
    fc.assert(
      fc.property(long, long, long, (a, b, c) => {
        const left = ops.add(ops.of(a), b);
        expect(ops.value(ops.add(left, ops.of(c)))).toBe(wrap(a + b + c));
      }),
    );
  });

  it('holds safe sums as numbers, so no bigint is allocated per row', () => {
    expect(ops.add(ops.of(5n), 7n)).toBe(12);
    expect(typeof ops.add(ops.of(SAFE), 1n)).toBe('bigint');
    expect(ops.value(ops.add(ops.of(2n ** 63n - 1n), 1n))).toBe(-(2n ** 63n));
  });
});
