/**
 * TO_DATE, TO_TIMESTAMP, TO_TIMESTAMP_LTZ and CONVERT_TZ: text and epoch numbers to temporal
 * values. Unparsable text gives NULL.
 */
import { DATE, STRING, TIMESTAMP, TIMESTAMP_LTZ } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { civilToMillis, MILLIS_PER_DAY } from '../../types/temporal-calendar.js';
import { isValidDate, parseDate, parseTimestampStrict, truncateTimestamp } from '../../types/temporal.js';
import { parseWithPattern } from '../../types/temporal-pattern-parse.js';
import { localMillisToInstant, normalizeZone } from '../../types/temporal-zone.js';
import { Decimal, Timestamp } from '../../types/values.js';
import type { ScalarFunctionDef } from '../function-def.js';
import { DEFAULT_DATETIME_PATTERN } from './date-format.js';
import { cannotApply, isNumericType, isString } from './helpers.js';
import { formatEpochMillis, parseEpochMillis } from './unix-time.js';

const MIN_EPOCH_MILLIS = -62167219200000;
const MAX_EPOCH_MILLIS = 253402300799999;

function stringArgs(min: number, max: number, forms: string): ScalarFunctionDef['inferType'] {
  return (site) => {
    const n = site.argTypes.length;
    if (n < min || n > max) throw cannotApply(site, forms);
    site.argTypes.forEach((t, i) => {
      if (!isString(t)) throw cannotApply(site, forms, i);
    });
    return STRING(true);
  };
}

export const TO_DATE_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['TO_DATE'],
  category: 'temporal',
  doc: "TO_DATE(string1[, string2]): the date in string1 read with format string2 (default 'yyyy-MM-dd').",
  nulls: 'strict',
  inferType(site) {
    stringArgs(1, 2, "'TO_DATE(<STRING>)' 'TO_DATE(<STRING>, <STRING>)'")(site);
    return DATE(true);
  },
  build(site) {
    if (site.argTypes.length === 1) return (s) => parseDate(s as string);
    return (s, fmt) => {
      const p = parseWithPattern(s as string, fmt as string, 'simple');
      return p === null ? null : Math.floor(p.localMillis / MILLIS_PER_DAY);
    };
  },
};

/** java.sql.Timestamp.valueOf / Date.valueOf, TO_TIMESTAMP's fallback for text its format rejects. */
function parseJdbcTimestamp(text: string): Timestamp | null {
  const s = text.trim();
  if (s.includes(' ')) {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?$/.exec(s);
    return m ? parseTimestampStrict(s) : null;
  }
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!d || !isValidDate(Number(d[1]), Number(d[2]), Number(d[3]))) return null;
  return Timestamp.ofMillis(civilToMillis(Number(d[1]), Number(d[2]), Number(d[3]), 0, 0, 0, 0));
}

export const TO_TIMESTAMP_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['TO_TIMESTAMP'],
  category: 'temporal',
  doc: "TO_TIMESTAMP(string1[, string2]): the timestamp (without time zone) in string1 read with format string2 (default 'yyyy-MM-dd HH:mm:ss'), TIMESTAMP(3).",
  nulls: 'strict',
  inferType(site) {
    stringArgs(1, 2, "'TO_TIMESTAMP(<CHARACTER>)' 'TO_TIMESTAMP(<CHARACTER>, <CHARACTER>)'")(site);
    return TIMESTAMP(3, true);
  },
  build(site) {
    if (site.argTypes.length === 1) {
      return (s) => {
        const ts = parseTimestampStrict(s as string);
        return ts === null ? null : truncateTimestamp(ts, 3);
      };
    }
    return (s, fmt) => {
      const p = parseWithPattern(s as string, fmt as string, 'java');
      if (p === null) return parseJdbcTimestamp(s as string);
      return truncateTimestamp(new Timestamp(p.localMillis, p.nanos), 3);
    };
  },
};

function checkedMillis(ms: number): Timestamp | null {
  return Number.isFinite(ms) && ms >= MIN_EPOCH_MILLIS && ms <= MAX_EPOCH_MILLIS ? Timestamp.ofMillis(ms) : null;
}

function badPrecision(p: unknown): RuntimeError {
  return new RuntimeError(
    `The precision value '${String(p)}' for function TO_TIMESTAMP_LTZ(numeric, precision) is unsupported, the supported value is '0' for second or '3' for millisecond.`,
  );
}

/** TO_TIMESTAMP_LTZ of an epoch number in seconds (precision 0) or milliseconds (3). */
export function epochToTimestampLtz(v: unknown, precision: number): Timestamp | null {
  if (precision !== 0 && precision !== 3) throw badPrecision(precision);
  if (typeof v === 'bigint') {
    if (precision === 3) return checkedMillis(Number(v));
    return v >= -62167219200n && v <= 253402300799n ? Timestamp.ofMillis(Number(v) * 1000) : null;
  }
  if (v instanceof Decimal) {
    const p = 10n ** BigInt(Math.max(v.scale, 0));
    const whole = v.scale >= 0 ? v.unscaled / p : v.unscaled * 10n ** BigInt(-v.scale);
    return checkedMillis(Number(precision === 0 ? whole * 1000n : whole));
  }
  const n = v as number;
  if (precision === 3) return checkedMillis(Math.trunc(n));
  return n >= -62167219200 && n <= 253402300799 ? checkedMillis(Math.trunc(n * 1000)) : null;
}

/** Java TimeZone.getTimeZone: unknown ids silently mean GMT. */
export function javaTimeZone(id: string): string {
  if (/^GMT[+-]\d{1,2}(:?\d{2})?$/.test(id)) return normalizeZone(id) ?? 'UTC';
  if (id.startsWith('+') || id.startsWith('-') || id === 'Z') return 'UTC';
  return normalizeZone(id) ?? SHORT_IDS[id] ?? 'UTC';
}

const SHORT_IDS: Record<string, string> = {
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  CST: 'America/Chicago',
  EST: 'EST',
  MST: 'MST',
  HST: 'HST',
  CTT: 'Asia/Shanghai',
  JST: 'Asia/Tokyo',
  IST: 'Asia/Kolkata',
  ECT: 'Europe/Paris',
  AET: 'Australia/Sydney',
};

export const TO_TIMESTAMP_LTZ_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['TO_TIMESTAMP_LTZ'],
  category: 'temporal',
  doc: 'TO_TIMESTAMP_LTZ(numeric, precision): epoch seconds (precision 0) or milliseconds (precision 3) as TIMESTAMP_LTZ(3). Also (as in later Flink) TO_TIMESTAMP_LTZ(numeric) for milliseconds and TO_TIMESTAMP_LTZ(string[, format[, zone]]).',
  nulls: 'strict',
  inferType(site) {
    const forms = "'TO_TIMESTAMP_LTZ(<NUMERIC>, <INTEGER>)'";
    const [a, b, c] = site.argTypes;
    const n = site.argTypes.length;
    if (n < 1 || n > 3 || !a) throw cannotApply(site, forms);
    if (isNumericType(a) && a.kind !== 'NULL') {
      if (n > 2 || (b && !(b.kind === 'INT' || b.kind === 'TINYINT' || b.kind === 'SMALLINT' || b.kind === 'BIGINT'))) throw cannotApply(site, forms, 1);
      const lit = site.literals[1];
      if (b && lit !== undefined && lit !== null && Number(lit) !== 0 && Number(lit) !== 3) throw badPrecision(lit);
    } else if (!isString(a) || (b && !isString(b)) || (c && !isString(c))) {
      throw cannotApply(site, forms);
    }
    return TIMESTAMP_LTZ(3, true);
  },
  build(site) {
    const a = site.argTypes[0]!;
    const zone = site.ctx.timeZone;
    if (isNumericType(a) && a.kind !== 'NULL') {
      if (site.argTypes.length === 1) return (v) => epochToTimestampLtz(v, 3);
      return (v, p) => epochToTimestampLtz(v, Number(p));
    }
    return (s, fmt, tz) => {
      const p = parseWithPattern(s as string, (fmt as string | undefined) ?? DEFAULT_DATETIME_PATTERN, 'java');
      if (p === null) return null;
      const z = tz === undefined ? zone : normalizeZone(tz as string);
      if (z === null) return null;
      const ms = p.offsetMillis !== null ? p.localMillis - p.offsetMillis : localMillisToInstant(p.localMillis, z);
      return truncateTimestamp(new Timestamp(ms, p.nanos), 3);
    };
  },
};

export const CONVERT_TZ_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['CONVERT_TZ'],
  category: 'temporal',
  doc: "CONVERT_TZ(string1, string2, string3): the datetime string1 ('yyyy-MM-dd HH:mm:ss') moved from time zone string2 to string3, e.g. CONVERT_TZ('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles') = '1969-12-31 16:00:00'.",
  nulls: 'strict',
  inferType: stringArgs(3, 3, "'CONVERT_TZ(<STRING>, <STRING>, <STRING>)'"),
  build() {
    return (s, from, to) => {
      const ms = parseEpochMillis(s as string, DEFAULT_DATETIME_PATTERN, javaTimeZone(from as string));
      return ms === null ? null : formatEpochMillis(ms, DEFAULT_DATETIME_PATTERN, javaTimeZone(to as string));
    };
  },
};

export const CONVERSION_FUNCTIONS: readonly ScalarFunctionDef[] = [TO_DATE_FN, TO_TIMESTAMP_FN, TO_TIMESTAMP_LTZ_FN, CONVERT_TZ_FN];
