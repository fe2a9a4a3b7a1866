import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.js';

describe('MinHeap', () => {
  it('pops everything below a bound in time order, leaving the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 })), fc.integer({ min: 0, max: 100 }), (times, bound) => {
        const heap = new MinHeap<number>();
        times.forEach((t) => heap.push(t, t));
        const below = heap.popBelow(bound);
        expect(below).toEqual(times.filter((t) => t < bound).sort((a, b) => a - b));
        expect(heap.size).toBe(times.filter((t) => t >= bound).length);
        expect(heap.popBelow(Infinity)).toEqual(times.filter((t) => t >= bound).sort((a, b) => a - b));
      }),
    );
  });
});
