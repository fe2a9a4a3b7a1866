import { describe, expect, it } from 'vitest';
import { Channels } from './channels.js';

describe('nexmark channels', () => {
  it('gives each channel the same URL whatever order they are first used in', () => {
    const a = new Channels(4n);
    const b = new Channels(4n);
    const order = [9999, 0, 17, 4242];
    const urlsA = order.map((i) => a.url(i));
    const urlsB = [...order].reverse().map((i) => b.url(i)).reverse();
    expect(urlsA).toEqual(urlsB);
    expect(order.map((i) => a.name(i))).toEqual(['channel-9999', 'channel-0', 'channel-17', 'channel-4242']);
    expect(new Channels(5n).url(17)).not.toBe(a.url(17));
  });

  it('puts a channel_id on 90 % of the URLs, and none on the well-known channels', () => {
    const c = new Channels(0n);
    const withId = Array.from({ length: 10000 }, (_, i) => c.url(i)).filter((u) => /&channel_id=\d+$/.test(u)).length;
    expect(withId / 10000).toBeGreaterThan(0.88);
    expect(withId / 10000).toBeLessThan(0.92);
    expect(c.hotNames).toEqual(['Google', 'Facebook', 'Baidu', 'Apple']);
    for (const u of c.hotUrls) expect(u).toMatch(/^https:\/\/www\.nexmark\.com\/[a-z_]{3,4}\/[a-z_]{3,4}\/[a-z_]{3,4}\/item\.htm\?query=1$/);
  });
});
