import { describe, expect, it } from 'vitest';
import type { Row } from '../../types/row.js';
import { Timestamp } from '../../types/values.js';
import { BASE_TIME_MILLIS, DEFAULT_CONFIG, type NexmarkConfig } from './nexmark-config.js';
import { NexmarkGenerator } from './nexmark-generator.js';
import { US_CITIES, US_STATES } from './person-row.js';

const N = 100_000;
const config = (o: Partial<NexmarkConfig> = {}): NexmarkConfig => ({ ...DEFAULT_CONFIG, ...o });

function generate(c: NexmarkConfig, count: number, from = 0): Row[] {
  const g = new NexmarkGenerator(c);
  return Array.from({ length: count }, (_, i) => g.event(from + i));
}

const events = generate(config({ seed: 42n }), N);
const persons = events.filter((r) => r[0] === 0).map((r) => r[1] as Row);
const auctions = events.filter((r) => r[0] === 1).map((r) => r[2] as Row);
const bids = events.filter((r) => r[0] === 2).map((r) => r[3] as Row);
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const share = (xs: unknown[], p: (x: unknown) => boolean) => xs.filter(p).length / xs.length;

describe('nexmark generator', () => {
  it('sets exactly the ROW of the event type', () => {
    for (const r of events.slice(0, 500)) {
      expect(r).toHaveLength(4);
      expect([0, 1, 2].map((k) => r[1 + k] !== null)).toEqual([0, 1, 2].map((k) => k === r[0]));
    }
    expect(persons).toHaveLength(N / 50);
    expect(auctions).toHaveLength((N / 50) * 3);
    expect(bids).toHaveLength((N / 50) * 46);
  });

  it('numbers people and auctions consecutively from 1000', () => {
    expect(persons.map((p) => p[0])).toEqual(persons.map((_, i) => BigInt(1000 + i)));
    expect(auctions.map((a) => a[0])).toEqual(auctions.map((_, i) => BigInt(1000 + i)));
  });

  it('refers to recent people and auctions, with the hot ones as often as specified', () => {
    let hotAuction = 0;
    let hotBidder = 0;
    const outOfRange: unknown[] = [];
    for (let e = 0; e < N; e++) {
      const r = events[e]!;
      const people = Math.floor(e / 50) + 1;
      const newestAuction = r[0] === 0 ? Math.floor(e / 50) * 3 - 1 : Math.floor(e / 50) * 3 + 2;
      if (r[0] === 2) {
        const b = r[3] as Row;
        const auction = Number(b[0]) - 1000;
        const bidder = Number(b[1]) - 1000;
        if (auction < Math.max(newestAuction - 100, 0) || auction > newestAuction + 10) outOfRange.push([e, 'auction', auction]);
        if (bidder < Math.max(people - 1000, 0) || bidder >= people + 10) outOfRange.push([e, 'bidder', bidder]);
        if (auction === Math.floor(newestAuction / 100) * 100) hotAuction++;
        if (bidder === Math.floor((people - 1) / 100) * 100) hotBidder++;
      }
    }
    expect(outOfRange).toEqual([]);
    // Ratio 2: half hot, plus random picks that land on the hot id; ratio 4: three in four.
    expect(hotAuction / bids.length).toBeGreaterThan(0.49);
    expect(hotAuction / bids.length).toBeLessThan(0.53);
    expect(hotBidder / bids.length).toBeGreaterThan(0.74);
    expect(hotBidder / bids.length).toBeLessThan(0.77);
    const hotSeller = auctions.filter((a, i) => {
      const people = Math.floor(i / 3) + 1;
      return Number(a[7]) - 1000 === Math.floor((people - 1) / 100) * 100;
    }).length;
    expect(hotSeller / auctions.length).toBeGreaterThan(0.72);
    expect(hotSeller / auctions.length).toBeLessThan(0.78);
  });

  it('prices bids and auctions log-uniformly from 100 to 10^8 cents', () => {
    const prices = bids.map((b) => Number(b[2]));
    expect(Math.min(...prices)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...prices)).toBeLessThanOrEqual(100_000_000);
    // Each decade holds about a sixth of the prices.
    for (let d = 2; d < 8; d++) expect(share(prices, (p) => (p as number) >= 10 ** d && (p as number) < 10 ** (d + 1))).toBeCloseTo(1 / 6, 1);
    // Reserve above the initial bid, categories 10–14, expiry after the auction's dateTime.
    const badAuctions = auctions.filter((a) => {
      const [initialBid, reserve, category] = [a[3] as bigint, a[4] as bigint, a[8] as bigint];
      return initialBid < 100n || reserve <= initialBid || category < 10n || category > 14n || (a[6] as Timestamp).millis <= (a[5] as Timestamp).millis;
    });
    expect(badAuctions).toEqual([]);
    expect(new Set(auctions.map((a) => a[8])).size).toBe(5);
  });

  it('uses the well-known channels for half the bids and channel-<i> URLs otherwise', () => {
    const hot = ['Google', 'Facebook', 'Baidu', 'Apple'];
    expect(share(bids, (b) => hot.includes((b as Row)[3] as string))).toBeCloseTo(0.5, 1);
    const urlShape = /^https:\/\/www\.nexmark\.com\/[a-z_]{3,4}\/[a-z_]{3,4}\/[a-z_]{3,4}\/item\.htm\?query=1(&channel_id=\d+)?$/;
    const others = bids.filter((b) => !hot.includes(b[3] as string));
    expect(bids.filter((b) => !urlShape.test(b[4] as string))).toEqual([]);
    expect(others.filter((b) => !/^channel-\d{1,4}$/.test(b[3] as string))).toEqual([]);
    expect(share(others, (b) => ((b as Row)[4] as string).includes('&channel_id='))).toBeCloseTo(0.9, 1);
    expect(share(bids.filter((b) => hot.includes(b[3] as string)), (b) => ((b as Row)[4] as string).includes('&channel_id='))).toBe(0);
    // A channel always has the same URL.
    const urlOf = new Map<unknown, unknown>();
    expect(bids.filter((b) => (urlOf.get(b[3]) ?? urlOf.set(b[3], b[4]).get(b[3])) !== b[4])).toEqual([]);
  });

  it('gives people Nexmark-like names, emails, cards and places', () => {
    for (const p of persons) {
      expect(p[1]).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(p[2]).toMatch(/^[a-z ]*@[a-z ]*\.com$/);
      expect(p[3]).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      expect(US_CITIES).toContain(p[4]);
      expect(US_STATES).toContain(p[5]);
    }
    expect(new Set(persons.map((p) => p[5])).size).toBe(6);
  });

  it('pads events to 200 / 500 / 100 bytes on average', () => {
    const personSize = avg(persons.map((p) => 8 + [1, 2, 3, 4, 5, 7].reduce((n, i) => n + (p[i] as string).length, 0)));
    const auctionSize = avg(auctions.map((a) => 48 + (a[1] as string).length + (a[2] as string).length + (a[9] as string).length));
    const bidSize = avg(bids.map((b) => 32 + (b[6] as string).length));
    expect(Math.abs(personSize - 200)).toBeLessThan(3);
    expect(Math.abs(auctionSize - 500)).toBeLessThan(3);
    expect(Math.abs(bidSize - 100)).toBeLessThan(1);
    for (const b of bids.slice(0, 1000)) expect(b[6]).toMatch(/^[a-z]{54,81}$/);
  });

  it('spaces event times by 1e6 / first-event.rate microseconds from a fixed base', () => {
    const dateTime = (r: Row) => ((r[1 + (r[0] as number)] as Row)[r[0] === 1 ? 5 : r[0] === 0 ? 6 : 5] as Timestamp).millis;
    expect(dateTime(events[0]!)).toBe(BASE_TIME_MILLIS);
    expect(dateTime(events[N - 1]!)).toBe(BASE_TIME_MILLIS + 9); // 10 000 events per ms
    const slow = generate(config({ firstEventRate: 1000 }), 200);
    expect(slow.map(dateTime)).toEqual(slow.map((_, i) => BASE_TIME_MILLIS + i));
    const alternating = new NexmarkGenerator(config({ firstEventRate: 1000, nextEventRate: 10 }));
    expect(dateTime(alternating.event(300_001))).toBe(BASE_TIME_MILLIS + 300_100);
  });

  it('is deterministic per seed and independent of the order of generation', () => {
    const again = generate(config({ seed: 42n }), 2000);
    expect(again).toEqual(events.slice(0, 2000));
    const g = new NexmarkGenerator(config({ seed: 42n }));
    for (const e of [99_999, 5, 77_777, 0, 1234]) expect(g.event(e)).toEqual(events[e]);
    const other = generate(config({ seed: 43n }), 2000);
    const same = other.filter((r, i) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? String(v) : v)) === JSON.stringify(events[i], (_, v) => (typeof v === 'bigint' ? String(v) : v)));
    expect(same.length).toBe(0);
    expect(other[0]![0]).toBe(0);
  });

  it('generates the reference values as weir values', () => {
    const [t, p] = events[0]!;
    expect(t).toBe(0);
    const person = p as Row;
    expect(typeof person[0]).toBe('bigint');
    expect(person[6]).toBeInstanceOf(Timestamp);
    const bid = events[10]![3] as Row;
    expect(bid.map((v) => typeof v)).toEqual(['bigint', 'bigint', 'bigint', 'string', 'string', 'object', 'string']);
  });
});
