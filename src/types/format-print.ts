/**
 * Text forms of values as Flink shows them:
 * - `formatRowForPrint` is the print connector's and DataStream's Row.toString form:
 *   `+I[1, Alice, 2.50]`, timestamps as java.time's toString (`2020-04-15T08:05`).
 * - `formatValueForTableau` is the SQL client's tableau form (`2020-04-15 08:05:00.000`, `<NULL>`).
 *
 * The print form is the toString of the external Java objects Flink converts to (Row,
 * BigDecimal, LocalDateTime, Instant, Period, Duration, Object[], HashMap, byte[]).
 */
import type { DataType } from './data-type.js';
import type { RowKind } from './row.js';
import { ROW_KIND_SHORT } from './row.js';
import { javaDoubleToString, javaFloatToString } from './cast-number-text.js';
import { buildToString } from './cast-to-string.js';
import { decimalToJavaString } from './decimal.js';
import { formatDate, formatTimeIso, formatTimestampIso } from './temporal.js';
import { javaHashMapOrder } from './value-hash-java.js';
import type { Decimal, Timestamp } from './values.js';

export function formatValueForPrint(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'BOOLEAN':
      return value ? 'true' : 'false';
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT':
      return String(value);
    case 'FLOAT':
      return javaFloatToString(value as number);
    case 'DOUBLE':
      return javaDoubleToString(value as number);
    case 'DECIMAL':
      return decimalToJavaString(value as Decimal);
    case 'CHAR':
    case 'VARCHAR':
      return value as string;
    case 'BINARY':
    case 'VARBINARY':
      // Arrays.toString(byte[]): signed bytes
      return `[${Array.from(value as Uint8Array, (b) => (b << 24) >> 24).join(', ')}]`;
    case 'DATE':
      return formatDate(value as number);
    case 'TIME':
      return formatTimeIso(value as number);
    case 'TIMESTAMP':
      return formatTimestampIso(value as Timestamp);
    case 'TIMESTAMP_LTZ':
      return formatInstant(value as Timestamp);
    case 'INTERVAL_YEAR_MONTH':
      return formatPeriod(value as number, type.resolution);
    case 'INTERVAL_DAY_TIME':
      return formatDuration(value as number);
    case 'ARRAY':
      return `[${(value as unknown[]).map((v) => formatValueForPrint(v, type.element)).join(', ')}]`;
    case 'MAP': {
      const parts = javaHashMapOrder(value as Map<unknown, unknown>, type.key).map(
        ([k, v]) => `${formatValueForPrint(k, type.key)}=${formatValueForPrint(v, type.value)}`,
      );
      return `{${parts.join(', ')}}`;
    }
    case 'MULTISET': {
      const parts = javaHashMapOrder(value as Map<unknown, number>, type.element).map(
        ([k, n]) => `${formatValueForPrint(k, type.element)}=${n}`,
      );
      return `{${parts.join(', ')}}`;
    }
    case 'ROW':
      return formatRowForPrint(0, value as unknown[], type.fields.map((f) => f.type));
    case 'NULL':
      return 'null';
  }
}

export function formatRowForPrint(kind: RowKind, row: readonly unknown[], types: readonly DataType[]): string {
  let out = `${ROW_KIND_SHORT[kind]}[`;
  for (let i = 0; i < types.length; i++) {
    if (i > 0) out += ', ';
    out += formatValueForPrint(row[i], types[i]!);
  }
  return `${out}]`;
}

/** The SQL client's tableau form: CAST … AS STRING text, `<NULL>` for NULL, binaries as `x'…'`. */
export function formatValueForTableau(value: unknown, type: DataType, zone = 'UTC'): string {
  if (value === null || value === undefined) return '<NULL>';
  if (type.kind === 'BINARY' || type.kind === 'VARBINARY') {
    return `x'${Array.from(value as Uint8Array, (b) => b.toString(16).padStart(2, '0')).join('')}'`;
  }
  return buildToString(type, zone)(value);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** java.time.Instant.toString: ISO-8601 in UTC, seconds always, fraction in groups of three digits. */
export function formatInstant(ts: Timestamp): string {
  const days = Math.floor(ts.millis / 86_400_000);
  const tod = ts.millis - days * 86_400_000;
  const h = Math.floor(tod / 3_600_000);
  const mi = Math.floor((tod % 3_600_000) / 60_000);
  const s = Math.floor((tod % 60_000) / 1000);
  const nano = (tod % 1000) * 1_000_000 + ts.nanos;
  let frac = '';
  if (nano > 0) {
    if (nano % 1_000_000 === 0) frac = `.${String(nano / 1_000_000).padStart(3, '0')}`;
    else if (nano % 1000 === 0) frac = `.${String(nano / 1000).padStart(6, '0')}`;
    else frac = `.${String(nano).padStart(9, '0')}`;
  }
  return `${formatDate(days)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${frac}Z`;
}

/** java.time.Period.toString of the Period Flink builds for the interval's resolution. */
export function formatPeriod(months: number, resolution: string): string {
  let years = 0;
  let m = 0;
  if (resolution === 'YEAR') years = Math.trunc(months / 12);
  else if (resolution === 'YEAR_TO_MONTH') {
    years = Math.trunc(months / 12);
    m = months % 12;
  } else m = months;
  if (years === 0 && m === 0) return 'P0D';
  return `P${years !== 0 ? `${years}Y` : ''}${m !== 0 ? `${m}M` : ''}`;
}

/** java.time.Duration.toString of Duration.ofMillis(millis): `PT1H`, `PT0.001S`, `PT-0.5S`. */
export function formatDuration(millis: number): string {
  if (millis === 0) return 'PT0S';
  const seconds = Math.floor(millis / 1000);
  const nanos = (millis - seconds * 1000) * 1_000_000;
  const effective = seconds < 0 && nanos > 0 ? seconds + 1 : seconds;
  const hours = Math.trunc(effective / 3600);
  const minutes = Math.trunc((effective % 3600) / 60);
  const secs = effective % 60;
  let out = 'PT';
  if (hours !== 0) out += `${hours}H`;
  if (minutes !== 0) out += `${minutes}M`;
  if (secs === 0 && nanos === 0 && out.length > 2) return out;
  if (seconds < 0 && nanos > 0) out += secs === 0 ? '-0' : String(secs);
  else out += String(secs);
  if (nanos > 0) {
    let f = String(seconds < 0 ? 2_000_000_000 - nanos : nanos + 1_000_000_000);
    f = f.replace(/0+$/, '');
    out += `.${f.slice(1)}`;
  }
  return `${out}S`;
}
