import { describe, expect, it } from 'vitest';
import { EventTiming } from './event-timing.js';

describe('nexmark event timing', () => {
  it('spaces events by 1e6 / rate microseconds', () => {
    const t = new EventTiming(1000, 10_000_000, 10_000_000);
    expect(t.timestampOf(0)).toBe(1000);
    expect(t.timestampOf(9_999)).toBe(1000);
    expect(t.timestampOf(10_000)).toBe(1001);
    expect(t.timestampOf(1e9)).toBe(1000 + 100_000);
    const slow = new EventTiming(0, 1000, 1000);
    expect([0, 1, 2, 999, 1000].map((n) => slow.timestampOf(n))).toEqual([0, 1, 2, 999, 1000]);
    const odd = new EventTiming(0, 3, 3);
    expect([0, 1, 2, 3, 4].map((n) => odd.timestampOf(n))).toEqual([0, 333, 666, 1000, 1333]);
  });

  it('alternates two rates in 300 s steps', () => {
    const t = new EventTiming(0, 1000, 100);
    // First step: 300 000 events at 1 ms each, then 30 000 at 10 ms each; the cycle lasts 600 s.
    expect(t.timestampOf(299_999)).toBe(299_999);
    expect(t.timestampOf(300_000)).toBe(300_000);
    expect(t.timestampOf(300_001)).toBe(300_010);
    expect(t.timestampOf(329_999)).toBe(599_990);
    expect(t.timestampOf(330_000)).toBe(600_000);
    expect(t.timestampOf(330_001)).toBe(600_001);
  });

  it('never goes back in time', () => {
    const t = new EventTiming(0, 7, 13);
    let prev = -1;
    for (let n = 0; n < 20_000; n++) {
      const ts = t.timestampOf(n);
      expect(ts).toBeGreaterThanOrEqual(prev);
      prev = ts;
    }
  });
});
