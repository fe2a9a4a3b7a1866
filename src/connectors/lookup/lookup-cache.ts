/**
 * Lookup caching as Flink's DefaultLookupCache (PARTIAL) and LookupFullCache (FULL: loaded at job
 * start, reloaded on schedule), over a connector's loaders, all on an injectable processing-time
 * clock. With NONE every lookup asks the loader. Keys are compared as `hashKey` encodes them; a key with a NULL never
 * matches (SQL equality).
 */
import type { LookupFunction } from '../connector.js';
import type { Row } from '../../types/row.js';
import { RuntimeError } from '../../types/errors.js';
import type { HashKey } from '../../types/value-hash.js';
import { FullLookupCache, indexRows } from './full-lookup-cache.js';
import type { LookupCacheConfig } from './lookup-options.js';

interface Entry {
  readonly rows: readonly Row[];
  readonly writtenAt: number;
  accessedAt: number;
}

/**
 * Flink's PARTIAL cache: entries expire a fixed time after they were written and/or last read;
 * beyond `maxRows` keys the least recently used key is evicted (Guava's maximumSize counts keys).
 */
export class PartialLookupCache {
  /** Map order is access order: the first entry is the least recently used. */
  private readonly entries = new Map<HashKey, Entry>();

  constructor(
    private readonly config: Extract<LookupCacheConfig, { type: 'PARTIAL' }>,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  getIfPresent(key: HashKey): readonly Row[] | undefined {
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    const t = this.now();
    const { expireAfterAccess, expireAfterWrite } = this.config;
    if ((expireAfterWrite !== undefined && t - e.writtenAt >= expireAfterWrite) || (expireAfterAccess !== undefined && t - e.accessedAt >= expireAfterAccess)) {
      this.entries.delete(key);
      return undefined;
    }
    e.accessedAt = t;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.rows;
  }

  put(key: HashKey, rows: readonly Row[]): void {
    if (rows.length === 0 && !this.config.cacheMissingKey) return;
    const t = this.now();
    this.entries.delete(key);
    this.entries.set(key, { rows, writtenAt: t, accessedAt: t });
    const max = this.config.maxRows;
    if (max !== undefined) {
      for (const k of this.entries.keys()) {
        if (this.entries.size <= max) break;
        this.entries.delete(k);
      }
    }
  }
}

/** What a connector offers the cache: reading the rows of one key, or of the whole table. */
export interface LookupLoaders {
  /** The rows of one key (NONE and PARTIAL); derived from `loadAll` when absent. */
  readonly loadKey?: (key: readonly unknown[]) => Promise<readonly Row[]>;
  /** Every row of the table (FULL; also PARTIAL and NONE when `loadKey` is absent). */
  readonly loadAll: () => Promise<readonly Row[]>;
}

/** Builds the lookup function for `cache` over `loaders`; `keyOf` encodes the lookup columns of a table row. */
export function cachedLookup(
  cache: LookupCacheConfig,
  loaders: LookupLoaders,
  keyOfRow: (row: Row) => HashKey,
  keyOfValues: (key: readonly unknown[]) => HashKey,
  now: () => number,
): LookupFunction {
  const index = (rows: readonly Row[]) => indexRows(rows, keyOfRow);
  // Without a per-key reader the table is scanned; one scan serves every lookup at the same instant.
  let scanned: { at: number; index: Map<HashKey, Row[]> } | undefined;
  const loadKey = loaders.loadKey ?? (async (key: readonly unknown[]) => {
    const t = now();
    if (scanned === undefined || scanned.at !== t) scanned = { at: t, index: index(await loaders.loadAll()) };
    return scanned.index.get(keyOfValues(key)) ?? [];
  });
  const hasNull = (key: readonly unknown[]) => key.some((v) => v === null || v === undefined);
  switch (cache.type) {
    case 'NONE':
      return { lookup: async (key) => (hasNull(key) ? [] : loadKey(key)) };
    case 'PARTIAL': {
      const c = new PartialLookupCache(cache, now);
      return {
        lookup: async (key) => {
          if (hasNull(key)) return [];
          const k = keyOfValues(key);
          const hit = c.getIfPresent(k);
          if (hit !== undefined) return hit;
          const rows = await loadKey(key);
          c.put(k, rows);
          return rows;
        },
      };
    }
    case 'FULL': {
      const full = new FullLookupCache(cache.reload, loaders.loadAll, keyOfRow, now);
      return {
        open: () => full.open(),
        lookup: async (key) => (hasNull(key) ? [] : full.get(keyOfValues(key))),
      };
    }
  }
}

/** Retries a failing load up to `maxRetries` times (lookup.max-retries), then fails the job naming the cause. */
export function withRetries<A extends unknown[], T>(load: (...args: A) => Promise<T>, maxRetries: number): (...args: A) => Promise<T> {
  return async (...args: A) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await load(...args);
      } catch (e) {
        if (attempt >= maxRetries) {
          throw new RuntimeError(`Failed to load table into cache after ${attempt} retries: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
  };
}
