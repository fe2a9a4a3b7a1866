import { describe, expect, it } from 'vitest';
import { INT, STRING } from '../../types/data-type.js';
import type { Row } from '../../types/row.js';
import { buildKeyOf } from '../../types/value-hash.js';
import { cachedLookup, PartialLookupCache, type LookupLoaders } from './lookup-cache.js';
import { readLookupConfig, type LookupCacheConfig } from './lookup-options.js';

/** A table keyed by column 0 whose contents tests change, counting how often it is read. */
function table(initial: Row[]) {
  const t = { rows: initial, reads: 0 };
  const loaders: LookupLoaders = {
    loadAll: async () => {
      t.reads++;
      return t.rows.map((r) => [...r]);
    },
  };
  return { t, loaders };
}

function setup(cache: LookupCacheConfig, initial: Row[]) {
  let clock = 0;
  const { t, loaders } = table(initial);
  const types = [INT()];
  const f = cachedLookup(cache, loaders, buildKeyOf(types, [0]), buildKeyOf(types, [0]), () => clock);
  return { t, f, tick: (ms: number) => (clock += ms), names: async (k: unknown) => (await f.lookup([k])).map((r) => r[1]) };
}

const partial = (o: Partial<Extract<LookupCacheConfig, { type: 'PARTIAL' }>>): LookupCacheConfig => ({ type: 'PARTIAL', cacheMissingKey: true, ...o });

describe('PARTIAL lookup cache', () => {
  it('serves a key from the cache until it expires after write', async () => {
    const { t, tick, names } = setup(partial({ expireAfterWrite: 1000 }), [[1, 'a']]);
    expect(await names(1)).toEqual(['a']);
    t.rows = [[1, 'b']];
    tick(999);
    expect(await names(1)).toEqual(['a']);
    tick(1);
    expect(await names(1)).toEqual(['b']);
    expect(t.reads).toBe(2);
  });

  it('expires after access: reads keep an entry alive, idleness ends it', async () => {
    const { t, tick, names } = setup(partial({ expireAfterAccess: 1000 }), [[1, 'a']]);
    expect(await names(1)).toEqual(['a']);
    t.rows = [[1, 'b']];
    for (let i = 0; i < 5; i++) {
      tick(900);
      expect(await names(1)).toEqual(['a']);
    }
    tick(1000);
    expect(await names(1)).toEqual(['b']);
  });

  it('evicts the least recently used key beyond max-rows', () => {
    let clock = 0;
    const c = new PartialLookupCache({ type: 'PARTIAL', cacheMissingKey: true, maxRows: 2 }, () => clock++);
    c.put('k1', [[1]]);
    c.put('k2', [[2]]);
    expect(c.getIfPresent('k1')).toEqual([[1]]); // k2 is now the least recently used
    c.put('k3', [[3]]);
    expect(c.size).toBe(2);
    expect(c.getIfPresent('k2')).toBeUndefined();
    expect(c.getIfPresent('k1')).toEqual([[1]]);
    expect(c.getIfPresent('k3')).toEqual([[3]]);
  });

  it('caches a missing key unless cache-missing-key is false', async () => {
    const on = setup(partial({ maxRows: 10 }), []);
    expect(await on.names(7)).toEqual([]);
    on.t.rows = [[7, 'late']];
    on.tick(1);
    expect(await on.names(7)).toEqual([]);
    expect(on.t.reads).toBe(1);

    const off = setup(partial({ maxRows: 10, cacheMissingKey: false }), []);
    expect(await off.names(7)).toEqual([]);
    off.t.rows = [[7, 'late']];
    off.tick(1);
    expect(await off.names(7)).toEqual(['late']);
    expect(off.t.reads).toBe(2);
  });

  it('a NULL key matches nothing and reads nothing', async () => {
    const { t, names } = setup(partial({ maxRows: 10 }), [[null, 'x']]);
    expect(await names(null)).toEqual([]);
    expect(t.reads).toBe(0);
  });
});

describe('FULL and NONE lookup caching', () => {
  it('FULL loads once and reloads after the periodic interval', async () => {
    const { t, tick, names } = setup({ type: 'FULL', reloadInterval: 60_000 }, [[1, 'a'], [1, 'a2'], [2, 'b']]);
    expect(await names(1)).toEqual(['a', 'a2']);
    expect(await names(2)).toEqual(['b']);
    expect(await names(3)).toEqual([]);
    expect(t.reads).toBe(1);
    t.rows = [[3, 'c']];
    tick(59_999);
    expect(await names(3)).toEqual([]);
    tick(1);
    expect(await names(3)).toEqual(['c']);
    expect(await names(1)).toEqual([]);
    expect(t.reads).toBe(2);
  });

  it('NONE reads the table again whenever processing time has moved', async () => {
    const { t, tick, names } = setup({ type: 'NONE' }, [[1, 'a']]);
    expect(await names(1)).toEqual(['a']);
    expect(await names(1)).toEqual(['a']);
    expect(t.reads).toBe(1);
    t.rows = [[1, 'b']];
    tick(1);
    expect(await names(1)).toEqual(['b']);
  });

  it('uses a per-key loader when the connector has one', async () => {
    const asked: unknown[] = [];
    const types = [STRING()];
    const f = cachedLookup({ type: 'NONE' }, { loadKey: async (k) => (asked.push(k[0]), [[k[0], 1]]), loadAll: async () => [] }, buildKeyOf(types, [0]), buildKeyOf(types, [0]), () => 0);
    expect(await f.lookup(['x'])).toEqual([['x', 1]]);
    expect(asked).toEqual(['x']);
  });
});

describe('lookup options', () => {
  const read = (o: Record<string, string>) => readLookupConfig(new Map(Object.entries(o)));

  it('defaults to no cache and 3 retries', () => {
    expect(read({})).toEqual({ cache: { type: 'NONE' }, maxRetries: 3, async: false });
  });

  it('reads PARTIAL and FULL settings (enum values case-insensitive)', () => {
    expect(read({ 'lookup.cache': 'partial', 'lookup.partial-cache.expire-after-access': '10 s', 'lookup.partial-cache.max-rows': '100', 'lookup.partial-cache.cache-missing-key': 'false' }).cache)
      .toEqual({ type: 'PARTIAL', expireAfterAccess: 10_000, maxRows: 100, cacheMissingKey: false });
    expect(read({ 'lookup.cache': 'FULL', 'lookup.full-cache.periodic-reload.interval': '1 h' }).cache).toEqual({ type: 'FULL', reloadInterval: 3_600_000 });
  });

  it('rejects invalid values with Flink messages', () => {
    expect(() => read({ 'lookup.cache': 'LRU' })).toThrow("Invalid value for option 'lookup.cache'.");
    try {
      read({ 'lookup.cache': 'LRU' });
    } catch (e) {
      expect((e as { hint?: string }).hint).toBe('Could not parse value for enum class org.apache.flink.table.connector.source.lookup.LookupOptions$LookupCacheType. Expected one of: [[NONE, PARTIAL, FULL]]');
    }
    expect(() => read({ 'lookup.max-retries': '-1' })).toThrow("'lookup.max-retries' must be zero or greater, but was -1.");
    expect(() => read({ 'lookup.partial-cache.max-rows': 'many' })).toThrow("Invalid value for option 'lookup.partial-cache.max-rows'.");
    expect(() => read({ 'lookup.cache': 'PARTIAL' })).toThrow('The cache will not have evictions under this configuration');
    expect(() => read({ 'lookup.cache': 'FULL' })).toThrow("Missing 'lookup.full-cache.periodic-reload.interval' in the configuration.");
  });
});
