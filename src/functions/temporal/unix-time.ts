/**
 * FROM_UNIXTIME(numeric[, format]) and UNIX_TIMESTAMP([string[, format]]): epoch seconds to
 * and from SimpleDateFormat text in the session time zone.
 */
import { BIGINT, STRING } from '../../types/data-type.js';
import { formatWithPattern } from '../../types/temporal-pattern.js';
import { parseWithPattern } from '../../types/temporal-pattern-parse.js';
import { localMillisToInstant, zoneOffsetMillis } from '../../types/temporal-zone.js';
import type { ScalarFunctionDef } from '../function-def.js';
import { DEFAULT_DATETIME_PATTERN } from './date-format.js';
import { anyNullable, cannotApply, isIntegral, isString } from './helpers.js';

/** Java's Long.MIN_VALUE: what Flink's UNIX_TIMESTAMP returns for text it cannot parse. */
export const UNPARSABLE_UNIX_TIMESTAMP = -9223372036854775808n;

/** Formats epoch millis in `zone` with a SimpleDateFormat pattern. */
export function formatEpochMillis(epochMillis: number, pattern: string, zone: string): string {
  const off = zoneOffsetMillis(zone, epochMillis);
  return formatWithPattern(epochMillis + off, 0, pattern, 'simple', off, zone);
}

/** Parses SimpleDateFormat text in `zone` to epoch millis, or null. */
export function parseEpochMillis(text: string, pattern: string, zone: string): number | null {
  const p = parseWithPattern(text, pattern, 'simple');
  if (p === null) return null;
  return p.offsetMillis !== null ? p.localMillis - p.offsetMillis : localMillisToInstant(p.localMillis, zone);
}

export const FROM_UNIXTIME_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['FROM_UNIXTIME'],
  category: 'temporal',
  doc: "FROM_UNIXTIME(numeric[, string]): epoch seconds as text in the session time zone (default format 'yyyy-MM-dd HH:mm:ss'), e.g. FROM_UNIXTIME(44) = '1970-01-01 00:00:44' in UTC.",
  nulls: 'strict',
  inferType(site) {
    const forms = "'FROM_UNIXTIME(<INTEGER>)' 'FROM_UNIXTIME(<INTEGER>, <STRING>)'";
    const n = site.argTypes.length;
    if (n < 1 || n > 2) throw cannotApply(site, forms);
    if (!isIntegral(site.argTypes[0]!)) throw cannotApply(site, forms, 0);
    if (n === 2 && !isString(site.argTypes[1]!)) throw cannotApply(site, forms, 1);
    return STRING(true);
  },
  build(site) {
    const zone = site.ctx.timeZone;
    return (secs, fmt) => {
      const s = typeof secs === 'bigint' ? secs : BigInt(secs as number);
      return formatEpochMillis(Number(s * 1000n), (fmt as string | undefined) ?? DEFAULT_DATETIME_PATTERN, zone);
    };
  },
};

export const UNIX_TIMESTAMP_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['UNIX_TIMESTAMP'],
  category: 'temporal',
  doc: "UNIX_TIMESTAMP([string1[, string2]]): the current epoch seconds, or those of string1 read with format string2 (default 'yyyy-MM-dd HH:mm:ss') in the session time zone.",
  nulls: 'strict',
  deterministic: false,
  inferType(site) {
    const forms = "'UNIX_TIMESTAMP()' 'UNIX_TIMESTAMP(<STRING>)' 'UNIX_TIMESTAMP(<STRING>, <STRING>)'";
    if (site.argTypes.length > 2) throw cannotApply(site, forms);
    site.argTypes.forEach((t, i) => {
      if (!isString(t)) throw cannotApply(site, forms, i);
    });
    return BIGINT(anyNullable(site.argTypes));
  },
  build(site) {
    const zone = site.ctx.timeZone;
    if (site.argTypes.length === 0) return () => BigInt(Math.floor(site.ctx.now() / 1000));
    return (text, fmt) => {
      const ms = parseEpochMillis(text as string, (fmt as string | undefined) ?? DEFAULT_DATETIME_PATTERN, zone);
      return ms === null ? UNPARSABLE_UNIX_TIMESTAMP : BigInt(Math.trunc(ms / 1000));
    };
  },
};

export const UNIX_TIME_FUNCTIONS: readonly ScalarFunctionDef[] = [FROM_UNIXTIME_FN, UNIX_TIMESTAMP_FN];
