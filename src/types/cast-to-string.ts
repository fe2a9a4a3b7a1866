/**
 * CAST(x AS STRING) text forms, as Flink 1.20's cast rules produce them (non-legacy behaviour):
 * `TRUE`, `1.0E10`, `2.50` (plain with scale), `2020-04-15 08:05:00.123`, `[1, 2]`, `{a=1}`, `(1, a)`.
 */
import type { DataType } from './data-type.js';
import { javaDoubleToString, javaFloatToString } from './cast-number-text.js';
import { formatDate, formatTime, formatTimestamp, instantToLocal } from './temporal.js';
import type { Decimal, Timestamp } from './values.js';

export type ToString = (v: unknown) => string;

const utf8 = new TextDecoder('utf-8');

/** A converter of non-null values of `type` to their CAST … AS STRING text (before CHAR/VARCHAR length rules). */
export function buildToString(type: DataType, zone: string): ToString {
  switch (type.kind) {
    case 'BOOLEAN':
      return (v) => (v ? 'TRUE' : 'FALSE');
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT':
      return (v) => String(v);
    case 'FLOAT':
      return (v) => javaFloatToString(v as number);
    case 'DOUBLE':
      return (v) => javaDoubleToString(v as number);
    case 'DECIMAL':
      return (v) => (v as Decimal).toString();
    case 'CHAR':
    case 'VARCHAR':
      return (v) => v as string;
    case 'BINARY':
    case 'VARBINARY':
      return (v) => utf8.decode(v as Uint8Array);
    case 'DATE':
      return (v) => formatDate(v as number);
    case 'TIME': {
      const p = type.precision;
      return (v) => formatTime(v as number, p);
    }
    case 'TIMESTAMP': {
      const p = type.precision;
      return (v) => formatTimestamp(v as Timestamp, p);
    }
    case 'TIMESTAMP_LTZ': {
      const p = type.precision;
      return (v) => formatTimestamp(instantToLocal(v as Timestamp, zone), p);
    }
    case 'INTERVAL_YEAR_MONTH':
      return (v) => intervalYearMonthToString(v as number);
    case 'INTERVAL_DAY_TIME':
      return (v) => intervalDayTimeToString(v as number, 3);
    case 'ARRAY': {
      const el = nullable(buildToString(type.element, zone));
      return (v) => `[${(v as unknown[]).map(el).join(', ')}]`;
    }
    case 'MAP': {
      const k = nullable(buildToString(type.key, zone));
      const val = nullable(buildToString(type.value, zone));
      return (v) => mapToString(v as Map<unknown, unknown>, k, val);
    }
    case 'MULTISET': {
      const k = nullable(buildToString(type.element, zone));
      return (v) => mapToString(v as Map<unknown, unknown>, k, (c) => String(c));
    }
    case 'ROW': {
      const fields = type.fields.map((f) => nullable(buildToString(f.type, zone)));
      return (v) => `(${fields.map((f, i) => f((v as unknown[])[i])).join(', ')})`;
    }
    case 'NULL':
      return () => 'NULL';
  }
}

function nullable(f: ToString): ToString {
  return (v) => (v === null || v === undefined ? 'null' : f(v));
}

function mapToString(m: Map<unknown, unknown>, k: ToString, v: ToString): string {
  const parts: string[] = [];
  for (const [key, value] of m) parts.push(`${k(key)}=${v(value)}`);
  return `{${parts.join(', ')}}`;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Calcite's YEAR TO MONTH form: `+1-02`, `-0-03`. */
export function intervalYearMonthToString(months: number): string {
  const sign = months >= 0 ? '+' : '-';
  const m = Math.abs(months);
  return `${sign}${Math.floor(m / 12)}-${pad(m % 12, 2)}`;
}

/** Calcite's DAY TO SECOND form with `scale` fraction digits: `+1 02:03:04.000`. */
export function intervalDayTimeToString(millis: number, scale: number): string {
  const sign = millis >= 0 ? '+' : '-';
  let v = Math.abs(millis);
  const unit = 10 ** (3 - scale);
  v = Math.ceil(v / unit) * unit;
  const ms = v % 1000;
  v = Math.floor(v / 1000);
  const s = v % 60;
  v = Math.floor(v / 60);
  const m = v % 60;
  v = Math.floor(v / 60);
  const h = v % 24;
  const d = Math.floor(v / 24);
  const frac = scale > 0 ? `.${pad(ms, 3).slice(0, scale)}` : '';
  return `${sign}${d} ${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${frac}`;
}

/** Flink's CHAR(n) / VARCHAR(n) target rule: cut to n characters; CHAR pads with spaces. */
export function fitLength(text: string, target: DataType): string {
  if (target.kind !== 'CHAR' && target.kind !== 'VARCHAR') return text;
  const n = target.length;
  if (text.length > n) return text.slice(0, n);
  if (target.kind === 'CHAR' && text.length < n) return text + ' '.repeat(n - text.length);
  return text;
}
