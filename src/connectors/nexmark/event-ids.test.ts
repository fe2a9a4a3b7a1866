import { describe, expect, it } from 'vitest';
import { EventIds } from './event-ids.js';
import { SeededRandom } from './seeded-random.js';

describe('nexmark event ids', () => {
  const ids = new EventIds(1, 3, 46);

  it('has 1 person, 3 auctions and 46 bids in every 50 events', () => {
    for (const epoch of [0, 1, 7, 123456]) {
      const kinds = Array.from({ length: 50 }, (_, i) => ids.kindOf(epoch * 50 + i));
      expect(kinds.slice(0, 1)).toEqual([0]);
      expect(kinds.slice(1, 4)).toEqual([1, 1, 1]);
      expect(kinds.slice(4).every((k) => k === 2)).toBe(true);
    }
  });

  it('derives person and auction ids from the event id', () => {
    expect(ids.lastPerson(0)).toBe(0);
    expect(ids.lastPerson(49)).toBe(0);
    expect(ids.lastPerson(50)).toBe(1);
    expect(ids.lastPerson(50 * 20 + 17)).toBe(20);
    // Before the first auction there is none (-1); auction events get consecutive ids.
    expect(ids.lastAuction(0)).toBe(-1);
    expect([1, 2, 3].map((e) => ids.lastAuction(e))).toEqual([0, 1, 2]);
    expect(ids.lastAuction(10)).toBe(2);
    expect(ids.lastAuction(50)).toBe(2);
    expect([51, 52, 53].map((e) => ids.lastAuction(e))).toEqual([3, 4, 5]);
  });

  it('scales the mix with the proportions', () => {
    const p = new EventIds(2, 2, 6);
    expect(Array.from({ length: 10 }, (_, i) => p.kindOf(i))).toEqual([0, 0, 1, 1, 2, 2, 2, 2, 2, 2]);
    expect(p.lastPerson(11)).toBe(3);
    expect(p.lastAuction(13)).toBe(3);
    expect(new EventIds(0, 0, 1).kindOf(5)).toBe(2);
  });

  it('picks hot ids as the first of the latest batch of 100', () => {
    expect(ids.hotPerson(50 * 250 + 10)).toBe(200);
    expect(ids.hotPerson(10)).toBe(0);
    expect(ids.hotAuction(50 * 40 + 10)).toBe(100); // newest auction 122
    expect(ids.hotAuction(0)).toBe(0);
  });

  it('keeps random references among the active people and in-flight auctions (plus a lead of 10)', () => {
    const rnd = new SeededRandom(1n);
    const e = 50 * 5000 + 30; // newest person 5000, newest auction 15002
    for (let i = 0; i < 2000; i++) {
      rnd.reset(i);
      const p = ids.randomPerson(e, rnd);
      expect(p).toBeGreaterThanOrEqual(5001 - 1000);
      expect(p).toBeLessThan(5001 + 10);
      const a = ids.randomAuction(e, rnd);
      expect(a).toBeGreaterThanOrEqual(15002 - 100);
      expect(a).toBeLessThanOrEqual(15002 + 10);
    }
    rnd.reset(3);
    expect(ids.randomPerson(5, rnd)).toBeLessThan(11);
  });
});
