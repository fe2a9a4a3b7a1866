/** Rows → JSON text as Flink's RowDataToJsonConverters and Jackson write it. */
import type { DataType, RowType } from '../../../types/data-type.js';
import { RuntimeError } from '../../../types/errors.js';
import type { Row, RowKind } from '../../../types/row.js';
import { ROW_KIND_SHORT } from '../../../types/row.js';
import type { Decimal, Timestamp } from '../../../types/values.js';
import type { Encoder } from '../format.js';
import { bigDecimalToPlainString, bigDecimalToString } from '../common/decimal-text.js';
import { formatDateTime, formatIsoDate, formatTimeOfDay } from '../common/datetime-text.js';
import { javaDoubleToString, javaFloatToString } from '../common/java-number.js';
import { quoteJsonString } from './json-node.js';
import type { TimestampStandard } from './json-decoder.js';

export type MapNullKeyMode = 'FAIL' | 'DROP' | 'LITERAL';

export interface JsonEncodeOptions {
  readonly timestampFormat: TimestampStandard;
  readonly mapNullKeyMode: MapNullKeyMode;
  readonly mapNullKeyLiteral: string;
  readonly decimalAsPlainNumber: boolean;
  readonly ignoreNullFields: boolean;
}

type Writer = (v: unknown) => string;

const NULL_KEY_MESSAGE =
  "JSON format doesn't support to serialize map data with null keys. " +
  'You can drop null key entries or encode null in literals by specifying map-null-key.mode option.';

function floating(text: string): string {
  // Jackson writes non-finite numbers as strings (WRITE_NAN_AS_STRINGS).
  return text === 'NaN' || text.endsWith('Infinity') ? `"${text}"` : text;
}

export class JsonRowEncoder implements Encoder {
  private readonly rowWriter: Writer;

  constructor(
    rowType: RowType,
    private readonly opts: JsonEncodeOptions,
  ) {
    this.rowWriter = this.rowWriterFor(rowType);
  }

  encode(row: Row, kind: RowKind): string {
    try {
      return this.rowWriter(row);
    } catch (e) {
      const shown = `${ROW_KIND_SHORT[kind]}(${row.map((v) => String(v)).join(',')})`;
      throw new RuntimeError(`Could not serialize row '${shown}'.`, { cause: e });
    }
  }

  private writer(t: DataType): Writer {
    const w = this.notNull(t);
    return (v) => (v === null || v === undefined ? 'null' : w(v));
  }

  private notNull(t: DataType): Writer {
    const o = this.opts;
    switch (t.kind) {
      case 'NULL':
        return () => 'null';
      case 'BOOLEAN':
        return (v) => (v ? 'true' : 'false');
      case 'TINYINT':
      case 'SMALLINT':
      case 'INT':
      case 'BIGINT':
      case 'INTERVAL_YEAR_MONTH':
      case 'INTERVAL_DAY_TIME':
        return (v) => String(v);
      case 'FLOAT':
        return (v) => floating(javaFloatToString(v as number));
      case 'DOUBLE':
        return (v) => floating(javaDoubleToString(v as number));
      case 'DECIMAL':
        return o.decimalAsPlainNumber
          ? (v) => bigDecimalToPlainString(v as Decimal)
          : (v) => bigDecimalToString(v as Decimal);
      case 'CHAR':
      case 'VARCHAR':
        return (v) => quoteJsonString(v as string);
      case 'BINARY':
      case 'VARBINARY':
        return (v) => `"${Buffer.from(v as Uint8Array).toString('base64')}"`;
      case 'DATE':
        return (v) => `"${formatIsoDate(v as number)}"`;
      case 'TIME':
        return (v) => `"${formatTimeOfDay(v as number, 0, false)}"`;
      case 'TIMESTAMP':
      case 'TIMESTAMP_LTZ': {
        const sep = o.timestampFormat === 'SQL' ? ' ' : 'T';
        const zulu = t.kind === 'TIMESTAMP_LTZ';
        return (v) => `"${formatDateTime(v as Timestamp, sep, zulu)}"`;
      }
      case 'ARRAY': {
        const el = this.writer(t.element);
        return (v) => `[${(v as unknown[]).map(el).join(',')}]`;
      }
      case 'MAP':
      case 'MULTISET': {
        const keyText = this.keyText(t.kind === 'MAP' ? t.key : t.element);
        const vw = t.kind === 'MAP' ? this.writer(t.value) : (v: unknown) => String(v);
        return (v) => {
          const parts: string[] = [];
          for (const [k, val] of v as Map<unknown, unknown>) {
            let key: string;
            if (k === null || k === undefined) {
              if (o.mapNullKeyMode === 'FAIL') throw new RuntimeError(NULL_KEY_MESSAGE);
              if (o.mapNullKeyMode === 'DROP') continue;
              key = o.mapNullKeyLiteral;
            } else {
              key = keyText(k);
            }
            parts.push(`${quoteJsonString(key)}:${vw(val)}`);
          }
          return `{${parts.join(',')}}`;
        };
      }
      case 'ROW':
        return this.rowWriterFor(t);
      default:
        throw new RuntimeError(`Unsupported type: ${(t as DataType).kind}`);
    }
  }

  /** A map key's text: strings as they are, other scalars as their JSON text. */
  private keyText(t: DataType): (k: unknown) => string {
    if (t.kind === 'CHAR' || t.kind === 'VARCHAR') return (k) => k as string;
    const w = this.notNull(t);
    return (k) => {
      const s = w(k);
      return s.startsWith('"') ? (JSON.parse(s) as string) : s;
    };
  }

  private rowWriterFor(t: RowType): Writer {
    const keys = t.fields.map((f) => `${quoteJsonString(f.name)}:`);
    const ws = t.fields.map((f) => this.writer(f.type));
    const skipNulls = this.opts.ignoreNullFields;
    return (v) => {
      const row = v as Row;
      let out = '{';
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const x = row[i];
        if (skipNulls && (x === null || x === undefined)) continue;
        if (!first) out += ',';
        first = false;
        out += keys[i]! + ws[i]!(x);
      }
      return `${out}}`;
    };
  }
}
