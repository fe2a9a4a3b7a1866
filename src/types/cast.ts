/**
 * CAST and TRY_CAST between every pair of types Flink 1.20 supports. `buildCast` specializes a
 * converter once per call site; it is never called with NULL. Integer narrowing wraps like Java
 * casts, DOUBLE → integer truncates (saturating at the int/long range first), DECIMAL rounds
 * HALF_UP and becomes NULL when it does not fit, invalid strings fail (CAST) or give NULL (TRY_CAST).
 */
import type { DataType } from './data-type.js';
import { isCharacterString } from './data-type.js';
import { RuntimeError } from './errors.js';
import {
  parseBooleanValue, parseDecimalValue, parseIntegral, parseJavaDouble, stringToBytes, temporalParseError,
} from './cast-from-string.js';
import { buildToString, fitLength } from './cast-to-string.js';
import { decimalFromBigint, decimalFromNumber, decimalToBigint, decimalToNumber, fitDecimal } from './decimal.js';
import {
  dateToTimestamp, instantToLocal, localToInstant, parseDate, parseTime, parseTimestamp, parseTimestampLtz,
  timestampToDate, timestampToTime, truncateTimestamp,
} from './temporal.js';
import { castValidationError } from './type-inference-casts.js';
import { typeEquals } from './type-string.js';
import { Decimal, Timestamp } from './values.js';

export type CastMode = 'cast' | 'try';
type Conv = (v: unknown) => unknown;

const identity: Conv = (v) => v;

/**
 * A converter from `from` to `to` values. `zone` is the session time zone (TIMESTAMP_LTZ). In
 * 'try' mode a failing conversion returns null instead of throwing.
 */
export function buildCast(from: DataType, to: DataType, mode: CastMode, zone = 'UTC'): (v: unknown) => unknown {
  const conv = build(from, to, zone);
  if (mode === 'cast') return conv;
  return (v) => {
    try {
      return conv(v);
    } catch (e) {
      if (e instanceof RuntimeError) return null;
      throw e;
    }
  };
}

function build(from: DataType, to: DataType, zone: string): Conv {
  if (typeEquals(from, to, { ignoreNullability: true, ignoreTimeAttribute: true })) return identity;
  if (from.kind === 'NULL') return () => null;
  const err = castValidationError(from, to);
  if (err !== null) throw new RuntimeError(err);
  if (isCharacterString(to)) return toCharacterString(from, to, zone);
  if (isCharacterString(from)) return fromString(to, zone);
  switch (to.kind) {
    case 'BOOLEAN':
      return (v) => (typeof v === 'bigint' ? v !== 0n : v !== 0);
    case 'TINYINT':
      return toInteger(from, 8);
    case 'SMALLINT':
      return toInteger(from, 16);
    case 'INT':
      return toInteger(from, 32);
    case 'BIGINT':
      return toBigint(from);
    case 'FLOAT': {
      const d = toDouble(from);
      return (v) => Math.fround(d(v) as number);
    }
    case 'DOUBLE':
      return toDouble(from);
    case 'DECIMAL':
      return toDecimal(from, to.precision, to.scale);
    case 'BINARY':
    case 'VARBINARY':
      return (v) => fitBytes(v as Uint8Array, to.kind === 'BINARY', to.length);
    case 'DATE':
      return toDate(from, zone);
    case 'TIME':
      return toTime(from, to.precision, zone);
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      return toTimestamp(from, to.kind, to.precision, zone);
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME':
      return toInterval(from, to);
    case 'ARRAY': {
      if (from.kind !== 'ARRAY') break;
      const el = nullSafe(build(from.element, to.element, zone));
      return (v) => (v as unknown[]).map(el);
    }
    case 'MULTISET': {
      if (from.kind !== 'MULTISET') break;
      const el = nullSafe(build(from.element, to.element, zone));
      return (v) => mergeMultiset(v as Map<unknown, number>, el);
    }
    case 'MAP': {
      if (from.kind !== 'MAP') break;
      const k = nullSafe(build(from.key, to.key, zone));
      const val = nullSafe(build(from.value, to.value, zone));
      return (v) => {
        const out = new Map<unknown, unknown>();
        for (const [key, value] of v as Map<unknown, unknown>) out.set(k(key), val(value));
        return out;
      };
    }
    case 'ROW': {
      if (from.kind !== 'ROW') break;
      const fields = to.fields.map((f, i) => nullSafe(build(from.fields[i]!.type, f.type, zone)));
      return (v) => fields.map((f, i) => f((v as unknown[])[i]));
    }
    default:
      break;
  }
  throw new RuntimeError(`Unsupported cast from ${from.kind} to ${to.kind}`);
}

function nullSafe(c: Conv): Conv {
  return (v) => (v === null || v === undefined ? null : c(v));
}

function mergeMultiset(m: Map<unknown, number>, el: Conv): Map<unknown, number> {
  const out = new Map<unknown, number>();
  for (const [k, n] of m) {
    const key = el(k);
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

// ---- numeric targets -------------------------------------------------------------------------

/** Java (int) of a double: NaN → 0, saturating at the int range. */
export function doubleToInt32(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= 2147483647) return 2147483647;
  if (d <= -2147483648) return -2147483648;
  return Math.trunc(d);
}

/** Java (long) of a double: NaN → 0, saturating at the long range. */
export function doubleToInt64(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  if (d >= 9223372036854775807) return 9223372036854775807n;
  if (d <= -9223372036854775808) return -9223372036854775808n;
  return BigInt(Math.trunc(d));
}

function wrap(n: number, bits: 8 | 16 | 32): number {
  if (bits === 8) return (n << 24) >> 24;
  if (bits === 16) return (n << 16) >> 16;
  return n | 0;
}

function toInteger(from: DataType, bits: 8 | 16 | 32): Conv {
  switch (from.kind) {
    case 'BOOLEAN':
      return (v) => (v ? 1 : 0);
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
      return (v) => wrap(v as number, bits);
    case 'BIGINT':
      return (v) => Number(BigInt.asIntN(bits, v as bigint));
    case 'FLOAT':
    case 'DOUBLE':
      return (v) => wrap(doubleToInt32(v as number), bits);
    case 'DECIMAL':
      return (v) => Number(BigInt.asIntN(bits, BigInt.asIntN(64, decimalToBigint(v as Decimal))));
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME': {
      const unit = intervalUnit(from.resolution);
      return (v) => wrap(Math.trunc((v as number) / unit), bits);
    }
    default:
      throw new RuntimeError(`Unsupported cast from ${from.kind} to an integer`);
  }
}

function toBigint(from: DataType): Conv {
  switch (from.kind) {
    case 'BOOLEAN':
      return (v) => (v ? 1n : 0n);
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
      return (v) => BigInt(v as number);
    case 'FLOAT':
    case 'DOUBLE':
      return (v) => doubleToInt64(v as number);
    case 'DECIMAL':
      return (v) => BigInt.asIntN(64, decimalToBigint(v as Decimal));
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME': {
      const unit = intervalUnit(from.resolution);
      return (v) => BigInt(Math.trunc((v as number) / unit));
    }
    default:
      throw new RuntimeError(`Unsupported cast from ${from.kind} to BIGINT`);
  }
}

function toDouble(from: DataType): Conv {
  switch (from.kind) {
    case 'BOOLEAN':
      return (v) => (v ? 1 : 0);
    case 'BIGINT':
      return (v) => Number(v as bigint);
    case 'DECIMAL':
      return (v) => decimalToNumber(v as Decimal);
    default:
      return identity;
  }
}

function toDecimal(from: DataType, precision: number, scale: number): Conv {
  switch (from.kind) {
    case 'BOOLEAN':
      return (v) => fitDecimal(new Decimal(v ? 1n : 0n, 0), precision, scale);
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
      return (v) => fitDecimal(decimalFromBigint(BigInt(v as number)), precision, scale);
    case 'BIGINT':
      return (v) => fitDecimal(decimalFromBigint(v as bigint), precision, scale);
    case 'FLOAT':
    case 'DOUBLE':
      return (v) => {
        const d = decimalFromNumber(v as number);
        if (d === null) throw new RuntimeError(`Cannot cast ${String(v)} to DECIMAL(${precision}, ${scale})`);
        return fitDecimal(d, precision, scale);
      };
    case 'DECIMAL':
      return (v) => fitDecimal(v as Decimal, precision, scale);
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME': {
      const unit = intervalUnit(from.resolution);
      return (v) => fitDecimal(decimalFromBigint(BigInt(Math.trunc((v as number) / unit))), precision, scale);
    }
    default:
      throw new RuntimeError(`Unsupported cast from ${from.kind} to DECIMAL`);
  }
}

// ---- intervals -------------------------------------------------------------------------------

const UNIT_MILLIS: Record<string, number> = { DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000, YEAR: 12, MONTH: 1 };

/** Internal units (months or millis) per unit of a single-field interval. */
function intervalUnit(resolution: string): number {
  return UNIT_MILLIS[resolution.split('_TO_')[0]!] ?? 1;
}

function toInterval(from: DataType, to: DataType & { resolution: string }): Conv {
  if (from.kind === to.kind) return identity;
  const unit = intervalUnit(to.resolution);
  if (from.kind === 'BIGINT') return (v) => Number(v as bigint) * unit;
  if (from.kind === 'DECIMAL') return (v) => Number(decimalToBigint(v as Decimal)) * unit;
  return (v) => (v as number) * unit;
}

// ---- binary ----------------------------------------------------------------------------------

function fitBytes(b: Uint8Array, pad: boolean, length: number): Uint8Array {
  if (b.length > length) return b.slice(0, length);
  if (pad && b.length < length) {
    const out = new Uint8Array(length);
    out.set(b);
    return out;
  }
  return b;
}

// ---- temporal --------------------------------------------------------------------------------

function truncTime(millis: number, precision: number): number {
  if (precision >= 3) return millis;
  const unit = 10 ** (3 - precision);
  return millis - (millis % unit);
}

function toDate(from: DataType, zone: string): Conv {
  if (from.kind === 'TIMESTAMP') return (v) => timestampToDate(v as Timestamp);
  if (from.kind === 'TIMESTAMP_LTZ') return (v) => timestampToDate(instantToLocal(v as Timestamp, zone));
  return identity;
}

function toTime(from: DataType, precision: number, zone: string): Conv {
  if (from.kind === 'TIMESTAMP') return (v) => truncTime(timestampToTime(v as Timestamp), precision);
  if (from.kind === 'TIMESTAMP_LTZ') return (v) => truncTime(timestampToTime(instantToLocal(v as Timestamp, zone)), precision);
  return (v) => truncTime(v as number, precision);
}

function toTimestamp(from: DataType, kind: 'TIMESTAMP' | 'TIMESTAMP_LTZ', precision: number, zone: string): Conv {
  const ltz = kind === 'TIMESTAMP_LTZ';
  switch (from.kind) {
    case 'DATE':
      return ltz ? (v) => localToInstant(dateToTimestamp(v as number), zone) : (v) => dateToTimestamp(v as number);
    case 'TIME':
      return ltz
        ? (v) => truncateTimestamp(localToInstant(new Timestamp(v as number, 0), zone), precision)
        : (v) => truncateTimestamp(new Timestamp(v as number, 0), precision);
    case 'TIMESTAMP':
      return ltz
        ? (v) => truncateTimestamp(localToInstant(v as Timestamp, zone), precision)
        : (v) => truncateTimestamp(v as Timestamp, precision);
    case 'TIMESTAMP_LTZ':
      return ltz
        ? (v) => truncateTimestamp(v as Timestamp, precision)
        : (v) => truncateTimestamp(instantToLocal(v as Timestamp, zone), precision);
    default:
      throw new RuntimeError(`Unsupported cast from ${from.kind} to ${kind}`);
  }
}

// ---- strings ---------------------------------------------------------------------------------

function toCharacterString(from: DataType, to: DataType, zone: string): Conv {
  const str = buildToString(from, zone);
  const unbounded = to.kind === 'VARCHAR' && to.length === 2147483647;
  if (unbounded) return str;
  // CHAR(n) → CHAR(n) / VARCHAR(m ≥ n) needs no change
  if (isCharacterString(from) && to.kind === 'VARCHAR' && from.length <= to.length) return identity;
  return (v) => fitLength(str(v), to);
}

function fromString(to: DataType, zone: string): Conv {
  switch (to.kind) {
    case 'BOOLEAN':
      return (v) => parseBooleanValue(v as string);
    case 'TINYINT':
      return (v) => Number(parseIntegral(v as string, 8));
    case 'SMALLINT':
      return (v) => Number(parseIntegral(v as string, 16));
    case 'INT':
      return (v) => Number(parseIntegral(v as string, 32));
    case 'BIGINT':
      return (v) => parseIntegral(v as string, 64);
    case 'FLOAT':
      return (v) => Math.fround(parseJavaDouble(v as string));
    case 'DOUBLE':
      return (v) => parseJavaDouble(v as string);
    case 'DECIMAL':
      return (v) => parseDecimalValue(v as string, to.precision, to.scale);
    case 'BINARY':
    case 'VARBINARY':
      return (v) => fitBytes(stringToBytes(v as string), to.kind === 'BINARY', to.length);
    case 'DATE':
      return (v) => {
        const d = parseDate(v as string);
        if (d === null) throw temporalParseError(v as string);
        return d;
      };
    case 'TIME':
      return (v) => {
        const t = parseTime(v as string);
        if (t === null) throw temporalParseError(v as string);
        return truncTime(t, to.precision);
      };
    case 'TIMESTAMP':
      return (v) => {
        const t = parseTimestamp(v as string);
        if (t === null) throw temporalParseError(v as string);
        return truncateTimestamp(t, to.precision);
      };
    case 'TIMESTAMP_LTZ':
      return (v) => {
        const t = parseTimestampLtz(v as string, zone);
        if (t === null) throw temporalParseError(v as string);
        return truncateTimestamp(t, to.precision);
      };
    default:
      throw new RuntimeError(`Unsupported cast from STRING to ${to.kind}`);
  }
}
