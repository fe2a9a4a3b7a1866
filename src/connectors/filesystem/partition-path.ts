/** Partition directory names `k=v` as Flink's PartitionPathUtils writes and reads them. */
import type { DataType } from '../../types/data-type.js';
import type { Decimal, Timestamp } from '../../types/values.js';
import { decimalFromText } from '../formats/common/decimal-text.js';
import { formatDateTime, formatIsoDate, parseIsoDate, parseSqlTimestampValueOf } from '../formats/common/datetime-text.js';

const ESCAPED = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\u007F', '{', '[', ']', '^']);

export function escapePathName(s: string): string {
  let out = '';
  for (const c of s) {
    const code = c.charCodeAt(0);
    out += code < 32 || ESCAPED.has(c) ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : c;
  }
  return out;
}

export function unescapePathName(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A partition value's text in the directory name (null → the default partition name). */
export function partitionValueText(v: unknown, t: DataType, defaultName: string): string {
  if (v === null || v === undefined) return defaultName;
  let s: string;
  switch (t.kind) {
    case 'DATE':
      s = formatIsoDate(v as number);
      break;
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      s = formatDateTime(v as Timestamp, ' ', false);
      break;
    case 'DECIMAL':
      s = (v as Decimal).toString();
      break;
    default:
      s = String(v);
  }
  return s === '' ? defaultName : escapePathName(s);
}

/** Restores a typed partition value from its directory text (Flink's restorePartValueFromType). */
export function partitionValueFromText(text: string, t: DataType, defaultName: string): unknown {
  if (text === defaultName) return null;
  const s = unescapePathName(text);
  switch (t.kind) {
    case 'CHAR':
    case 'VARCHAR':
      return s;
    case 'BOOLEAN':
      return s.toLowerCase() === 'true';
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'FLOAT':
    case 'DOUBLE':
      return Number(s);
    case 'BIGINT':
      return BigInt(s);
    case 'DECIMAL':
      return decimalFromText(s, t.precision, t.scale);
    case 'DATE':
      return parseIsoDate(s);
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      return parseSqlTimestampValueOf(s);
    default:
      return s;
  }
}
