/**
 * Flink's lookup options (org.apache.flink.table.connector.source.lookup.LookupOptions, plus the
 * common `lookup.async`), read and checked with Flink's messages.
 */
import type { ConfigOption } from '../../catalog/config-option.js';
import { readBoolean, readDuration, readInt, readLong } from '../../catalog/option-readers.js';
import { PlanError } from '../../types/errors.js';
import { parseReloadTime, type ReloadSchedule } from './reload-schedule.js';

const opt = (key: string, description: string, defaultValue?: string): ConfigOption =>
  defaultValue === undefined ? { key, description } : { key, description, defaultValue };

export const LOOKUP_OPTIONS = {
  cache: opt('lookup.cache', 'The caching strategy for this lookup table: NONE, PARTIAL or FULL.', 'NONE'),
  maxRetries: opt('lookup.max-retries', 'The maximum allowed retries if a lookup operation fails.', '3'),
  async: opt('lookup.async', 'Whether lookups run asynchronously: up to table.exec.async-lookup.buffer-capacity in flight, results in input order.', 'false'),
  expireAfterAccess: opt('lookup.partial-cache.expire-after-access', 'Duration to expire an entry in the cache after accessing.'),
  expireAfterWrite: opt('lookup.partial-cache.expire-after-write', 'Duration to expire an entry in the cache after writing.'),
  cacheMissingKey: opt('lookup.partial-cache.cache-missing-key', "Whether to store an empty value into the cache if the lookup key doesn't match any rows in the table.", 'true'),
  maxRows: opt('lookup.partial-cache.max-rows', 'The maximum number of rows to store in the cache.'),
  reloadStrategy: opt('lookup.full-cache.reload-strategy', 'Which strategy reloads the full cache: PERIODIC or TIMED.', 'PERIODIC'),
  reloadInterval: opt('lookup.full-cache.periodic-reload.interval', 'Reload interval of the full cache with the PERIODIC reload strategy.'),
  scheduleMode: opt('lookup.full-cache.periodic-reload.schedule-mode', 'FIXED_DELAY or FIXED_RATE.', 'FIXED_DELAY'),
  timedIsoTime: opt('lookup.full-cache.timed-reload.iso-time', 'Time in ISO-8601 format when the full cache with the TIMED strategy is reloaded.'),
  timedIntervalDays: opt('lookup.full-cache.timed-reload.interval-in-days', 'Number of days between reloads of the full cache with the TIMED strategy.', '1'),
} as const;

export type LookupCacheConfig =
  | { readonly type: 'NONE' }
  | {
      readonly type: 'PARTIAL';
      readonly expireAfterAccess?: number;
      readonly expireAfterWrite?: number;
      readonly maxRows?: number;
      readonly cacheMissingKey: boolean;
    }
  | { readonly type: 'FULL'; readonly reload: ReloadSchedule };

export interface LookupConfig {
  readonly cache: LookupCacheConfig;
  readonly maxRetries: number;
  readonly async: boolean;
}

const ENUM_CLASS = 'org.apache.flink.table.connector.source.lookup';

/** Flink's enum option parsing (case-insensitive) and its message for a value outside the enum. */
function readFlinkEnum<T extends string>(options: ReadonlyMap<string, string>, key: string, cls: string, values: readonly T[], def: T): T {
  const v = options.get(key);
  if (v === undefined) return def;
  const hit = values.find((x) => x === v.toUpperCase());
  if (hit === undefined) {
    throw new PlanError(`Invalid value for option '${key}'.`, undefined, `Could not parse value for enum class ${cls}. Expected one of: [[${values.join(', ')}]]`);
  }
  return hit;
}

/** Reads and checks the lookup options as Flink's FactoryUtil, DefaultLookupCache and PeriodicCacheReloadTrigger do. */
export function readLookupConfig(options: ReadonlyMap<string, string>): LookupConfig {
  const type = readFlinkEnum(options, LOOKUP_OPTIONS.cache.key, `${ENUM_CLASS}.LookupOptions$LookupCacheType`, ['NONE', 'PARTIAL', 'FULL'] as const, 'NONE');
  const maxRetries = readInt(options, LOOKUP_OPTIONS.maxRetries.key, 3);
  const async = readBoolean(options, LOOKUP_OPTIONS.async.key, false);
  const expireAfterAccess = readDuration(options, LOOKUP_OPTIONS.expireAfterAccess.key);
  const expireAfterWrite = readDuration(options, LOOKUP_OPTIONS.expireAfterWrite.key);
  const cacheMissingKey = readBoolean(options, LOOKUP_OPTIONS.cacheMissingKey.key, true);
  const maxRowsBig = readLong(options, LOOKUP_OPTIONS.maxRows.key);
  const strategy = readFlinkEnum(options, LOOKUP_OPTIONS.reloadStrategy.key, `${ENUM_CLASS}.LookupOptions$ReloadStrategy`, ['PERIODIC', 'TIMED'] as const, 'PERIODIC');
  const reloadInterval = readDuration(options, LOOKUP_OPTIONS.reloadInterval.key);
  const scheduleMode = readFlinkEnum(options, LOOKUP_OPTIONS.scheduleMode.key, `${ENUM_CLASS}.cache.trigger.PeriodicCacheReloadTrigger$ScheduleMode`, ['FIXED_DELAY', 'FIXED_RATE'] as const, 'FIXED_DELAY');
  const intervalDays = readInt(options, LOOKUP_OPTIONS.timedIntervalDays.key, 1);
  if (maxRetries < 0) throw new PlanError(`'${LOOKUP_OPTIONS.maxRetries.key}' must be zero or greater, but was ${maxRetries}.`);
  if (type === 'NONE') return { cache: { type }, maxRetries, async };
  if (type === 'PARTIAL') {
    if (expireAfterAccess === undefined && expireAfterWrite === undefined && maxRowsBig === undefined) {
      throw new PlanError(
        `Missing '${LOOKUP_OPTIONS.expireAfterAccess.key}', '${LOOKUP_OPTIONS.expireAfterWrite.key}' or '${LOOKUP_OPTIONS.maxRows.key}' in the configuration. ` +
          'The cache will not have evictions under this configuration and could lead to potential memory issues as the cache size may grow indefinitely.',
      );
    }
    return {
      cache: {
        type,
        cacheMissingKey,
        ...(expireAfterAccess !== undefined ? { expireAfterAccess } : {}),
        ...(expireAfterWrite !== undefined ? { expireAfterWrite } : {}),
        ...(maxRowsBig !== undefined ? { maxRows: Number(maxRowsBig) } : {}),
      },
      maxRetries,
      async,
    };
  }
  if (strategy === 'TIMED') {
    // TimedCacheReloadTrigger.fromConfig: the time is required, then the interval must be a day or more.
    const iso = options.get(LOOKUP_OPTIONS.timedIsoTime.key);
    if (iso === undefined) {
      throw new PlanError(`Missing '${LOOKUP_OPTIONS.timedIsoTime.key}' in the configuration. This option is required to build a Timed cache reload trigger.`);
    }
    const time = parseReloadTime(LOOKUP_OPTIONS.timedIsoTime.key, iso);
    if (intervalDays < 1) throw new PlanError('Reload interval for Timed cache reload trigger must be at least 1 day.');
    return { cache: { type, reload: { strategy: 'TIMED', time, intervalDays } }, maxRetries, async };
  }
  if (reloadInterval === undefined) {
    throw new PlanError(`Missing '${LOOKUP_OPTIONS.reloadInterval.key}' in the configuration. This option is required to build Periodic cache reload trigger.`);
  }
  if (reloadInterval <= 0) throw new PlanError('Reload interval must be greater than zero.');
  return { cache: { type, reload: { strategy: 'PERIODIC', interval: reloadInterval, mode: scheduleMode } }, maxRetries, async };
}
