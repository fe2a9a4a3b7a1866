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
    const { t, tick, names } = setup({ type: 'FULL', reload: { strategy: 'PERIODIC', interval: 60_000, mode: 'FIXED_DELAY' } }, [[1, 'a'], [1, 'a2'], [2, 'b']]);
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

  it('FULL loads the table when opened, before any lookup', async () => {
    const { t, f, names } = setup({ type: 'FULL', reload: { strategy: 'PERIODIC', interval: 60_000, mode: 'FIXED_DELAY' } }, [[1, 'a']]);
    await f.open!();
    expect(t.reads).toBe(1);
    t.rows = [[1, 'changed after start']];
    expect(await names(1)).toEqual(['a']);
    expect(t.reads).toBe(1);
  });

  it('FULL with TIMED reloads at the time of day, then every interval-in-days', async () => {
    const DAY = 86_400_000;
    let clock = Date.UTC(2024, 0, 15, 10, 30);
    const { t, loaders } = table([[1, 'mon']]);
    const types = [INT()];
    const reload = { strategy: 'TIMED', time: { millisOfDay: 11 * 3_600_000, offsetMinutes: 0 }, intervalDays: 2 } as const;
    const f = cachedLookup({ type: 'FULL', reload }, loaders, buildKeyOf(types, [0]), buildKeyOf(types, [0]), () => clock);
    const names = async () => (await f.lookup([1])).map((r) => r[1]);
    await f.open!();
    t.rows = [[1, 'tue']];
    clock = Date.UTC(2024, 0, 15, 10, 59, 59, 999);
    expect(await names()).toEqual(['mon']);
    clock = Date.UTC(2024, 0, 15, 11);
    expect(await names()).toEqual(['tue']);
    t.rows = [[1, 'wed']];
    clock += 2 * DAY - 1;
    expect(await names()).toEqual(['tue']);
    clock += 1;
    expect(await names()).toEqual(['wed']);
    expect(t.reads).toBe(3);
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
    expect(read({ 'lookup.cache': 'FULL', 'lookup.full-cache.periodic-reload.interval': '1 h' }).cache).toEqual({ type: 'FULL', reload: { strategy: 'PERIODIC', interval: 3_600_000, mode: 'FIXED_DELAY' } });
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
    expect(() => read({ 'lookup.cache': 'FULL', 'lookup.full-cache.periodic-reload.interval': '0 s' })).toThrow('Reload interval must be greater than zero.');
  });

  it('reads PERIODIC schedule modes and TIMED reloads', () => {
    expect(read({ 'lookup.cache': 'FULL', 'lookup.full-cache.periodic-reload.interval': '10 min', 'lookup.full-cache.periodic-reload.schedule-mode': 'fixed_rate' }).cache)
      .toEqual({ type: 'FULL', reload: { strategy: 'PERIODIC', interval: 600_000, mode: 'FIXED_RATE' } });
    expect(read({ 'lookup.cache': 'FULL', 'lookup.full-cache.reload-strategy': 'TIMED', 'lookup.full-cache.timed-reload.iso-time': '10:15+07:00', 'lookup.full-cache.timed-reload.interval-in-days': '7' }).cache)
      .toEqual({ type: 'FULL', reload: { strategy: 'TIMED', time: { millisOfDay: 36_900_000, offsetMinutes: 420 }, intervalDays: 7 } });
    const timed = { 'lookup.cache': 'FULL', 'lookup.full-cache.reload-strategy': 'TIMED' };
    expect(() => read(timed)).toThrow("Missing 'lookup.full-cache.timed-reload.iso-time' in the configuration. This option is required to build a Timed cache reload trigger.");
    expect(() => read({ ...timed, 'lookup.full-cache.timed-reload.iso-time': '10:15', 'lookup.full-cache.timed-reload.interval-in-days': '0' }))
      .toThrow('Reload interval for Timed cache reload trigger must be at least 1 day.');
    expect(() => read({ ...timed, 'lookup.full-cache.timed-reload.iso-time': '10' })).toThrow("Invalid value for option 'lookup.full-cache.timed-reload.iso-time'.");
  });
});
