import { describe, expect, it } from 'vitest';
import { cumulateSlices, hopSlices, tumbleSlices, windowStartWithOffset } from './slice-assigner.js';

const MIN = 60_000;

describe('slice assigners', () => {
  it('aligns window starts with offsets, also before the epoch', () => {
    expect(windowStartWithOffset(7 * MIN, 0, 5 * MIN)).toBe(5 * MIN);
    expect(windowStartWithOffset(7 * MIN, 1 * MIN, 5 * MIN)).toBe(6 * MIN);
    expect(windowStartWithOffset(-1, 0, 5 * MIN)).toBe(-5 * MIN);
  });

  it('TUMBLE: one slice per window', () => {
    const a = tumbleSlices(10 * MIN);
    expect(a.sliceEnd(12 * MIN)).toBe(20 * MIN);
    expect(a.windowEndsOf(20 * MIN)).toEqual([20 * MIN]);
    expect(a.windowStart(20 * MIN)).toBe(10 * MIN);
  });

  it('HOP(10 min, 5 min): 5-minute slices, each in two windows', () => {
    const a = hopSlices(10 * MIN, 5 * MIN);
    expect(a.sliceSize).toBe(5 * MIN);
    expect(a.sliceEnd(7 * MIN)).toBe(10 * MIN);
    expect(a.windowEndsOf(10 * MIN)).toEqual([10 * MIN, 15 * MIN]);
    expect(a.slicesOf(15 * MIN)).toEqual([10 * MIN, 15 * MIN]);
    expect(a.lastWindowEnd(10 * MIN)).toBe(15 * MIN);
  });

  it('HOP(10 s, 4 s): slices of gcd = 2 s', () => {
    const a = hopSlices(10_000, 4_000);
    expect(a.sliceSize).toBe(2_000);
    expect(a.windowEndsOf(2_000)).toEqual([4_000, 8_000]);
    expect(a.slicesOf(12_000)).toEqual([4_000, 6_000, 8_000, 10_000, 12_000]);
    expect(a.lastWindowEnd(2_000)).toBe(8_000);
  });

  it('CUMULATE(2 min, 6 min): windows of a period share its start', () => {
    const a = cumulateSlices(2 * MIN, 6 * MIN);
    expect(a.sliceEnd(3 * MIN)).toBe(4 * MIN);
    expect(a.windowEndsOf(4 * MIN)).toEqual([4 * MIN, 6 * MIN]);
    expect(a.slicesOf(4 * MIN)).toEqual([2 * MIN, 4 * MIN]);
    expect(a.windowStart(4 * MIN)).toBe(0);
    expect(a.lastWindowEnd(8 * MIN)).toBe(12 * MIN);
  });
});
