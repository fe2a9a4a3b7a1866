/**
 * JSON → rows with Flink's JsonToRowDataConverters semantics: fields by name, missing fields null
 * (or an error with fail-on-missing-field), lenient scalar conversions (numbers given as strings),
 * field-level errors become NULL with ignore-parse-errors, unparsable records are skipped.
 */
import type { DataType, RowType } from '../../../types/data-type.js';
import { PlanError, RuntimeError } from '../../../types/errors.js';
import type { Row } from '../../../types/row.js';
import { typeToString } from '../../../types/type-string.js';
import type { Decoded, Decoder } from '../format.js';
import { parseBigDecimal, toDecimal } from '../common/decimal-text.js';
import { parseDateTime, parseIsoDate, parseTimeOfDay } from '../common/datetime-text.js';
import { javaTrim, parseJavaBoolean, parseJavaIntegral, parseJavaLong } from '../common/java-int.js';
import { parseJavaDouble } from '../../../catalog/option-readers.js';
import { isJsonObject, JsonNum, jsonNodeToString, type JsonNode } from './json-node.js';
import { parseJson } from './json-parser.js';

export type TimestampStandard = 'SQL' | 'ISO-8601';

export interface JsonDecodeOptions {
  readonly failOnMissingField: boolean;
  readonly ignoreParseErrors: boolean;
  readonly timestampFormat: TimestampStandard;
}

type Conv = (n: JsonNode) => unknown;

class JsonConvertError extends Error {
  override readonly name = 'JsonParseException';
}

function asText(n: JsonNode): string {
  if (typeof n === 'string') return n;
  if (n instanceof JsonNum) return n.text;
  if (typeof n === 'boolean') return n ? 'true' : 'false';
  return ''; // containers have no text value in Jackson
}

const numberFormat = (s: string): JsonConvertError => new JsonConvertError(`For input string: "${s}"`);

function intConv(kind: 'TINYINT' | 'SMALLINT' | 'INT'): Conv {
  return (n) => {
    if (n instanceof JsonNum) {
      const text = n.integral ? n.text : truncText(n.text);
      const v = parseJavaIntegral(text, kind);
      if (v === null) throw new JsonConvertError(`Numeric value (${n.text}) out of range of ${kind}`);
      return v;
    }
    const t = javaTrim(asText(n));
    const v = parseJavaIntegral(t, kind);
    if (v === null) throw numberFormat(t);
    return v;
  };
}

/** Integral part of a JSON number's text, exactly. */
function truncText(text: string): string {
  const p = parseBigDecimal(text)!;
  if (p.scale <= 0) return (p.unscaled * 10n ** BigInt(-p.scale)).toString();
  return (p.unscaled / 10n ** BigInt(p.scale)).toString();
}

function longConv(n: JsonNode): bigint {
  if (n instanceof JsonNum) {
    const v = parseJavaLong(n.integral ? n.text : truncText(n.text));
    if (v === null) throw new JsonConvertError(`Numeric value (${n.text}) out of range of long`);
    return v;
  }
  const t = javaTrim(asText(n));
  const v = parseJavaLong(t);
  if (v === null) throw numberFormat(t);
  return v;
}

function doubleConv(n: JsonNode): number {
  const t = asText(n);
  const v = typeof n === 'boolean' ? null : parseJavaDouble(t);
  if (v === null) throw numberFormat(t);
  return v;
}

export class JsonRowDecoder implements Decoder {
  private readonly rowConv: (n: JsonNode) => Row;

  constructor(
    rowType: RowType,
    private readonly opts: JsonDecodeOptions,
  ) {
    this.rowConv = this.rowConverter(rowType);
  }

  splitRecords(text: string): string[] {
    const out: string[] = [];
    for (const line of text.split('\n')) {
      const l = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (l.trim() !== '') out.push(l);
    }
    return out;
  }

  decode(record: string): Decoded {
    try {
      const node = parseJson(record);
      // A top-level array is exploded into one row per element.
      if (Array.isArray(node)) return { rows: node.map((e) => this.rowConv(e)) };
      return { rows: [this.rowConv(node)] };
    } catch (e) {
      if (this.opts.ignoreParseErrors) return 'skip';
      throw new RuntimeError(`Failed to deserialize JSON '${record}'.`, { cause: e });
    }
  }

  private nullable(conv: Conv): Conv {
    const ignore = this.opts.ignoreParseErrors;
    return (n) => {
      if (n === null) return null;
      if (!ignore) return conv(n);
      try {
        return conv(n);
      } catch {
        return null;
      }
    };
  }

  private converter(t: DataType): Conv {
    return this.nullable(this.notNull(t));
  }

  private notNull(t: DataType): Conv {
    const tsFormat = this.opts.timestampFormat;
    switch (t.kind) {
      case 'NULL':
        return () => null;
      case 'BOOLEAN':
        return (n) => (typeof n === 'boolean' ? n : parseJavaBoolean(javaTrim(asText(n))));
      case 'TINYINT':
      case 'SMALLINT':
      case 'INT':
        return intConv(t.kind);
      case 'INTERVAL_YEAR_MONTH':
        return intConv('INT');
      case 'BIGINT':
        return longConv;
      case 'INTERVAL_DAY_TIME':
        return (n) => Number(longConv(n));
      case 'FLOAT':
        return (n) => Math.fround(doubleConv(n));
      case 'DOUBLE':
        return doubleConv;
      case 'DECIMAL': {
        const { precision, scale } = t;
        return (n) => {
          const text = asText(n);
          const p = typeof n === 'string' || n instanceof JsonNum ? parseBigDecimal(text) : null;
          if (p === null) throw new JsonConvertError(`Character array is not a valid decimal: ${text}`);
          // Out-of-precision values become NULL, as DecimalData.fromBigDecimal does.
          return toDecimal(p.unscaled, p.scale, precision, scale);
        };
      }
      case 'CHAR':
      case 'VARCHAR':
        return (n) => (Array.isArray(n) || isJsonObject(n) ? jsonNodeToString(n) : asText(n));
      case 'BINARY':
      case 'VARBINARY':
        return (n) => {
          if (typeof n !== 'string') return null;
          if (!/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(n)) throw new JsonConvertError('Unable to deserialize byte array.');
          return new Uint8Array(Buffer.from(n, 'base64'));
        };
      case 'DATE':
        return (n) => {
          const d = parseIsoDate(asText(n));
          if (d === null) throw new JsonConvertError(`Text '${asText(n)}' could not be parsed as a DATE`);
          return d;
        };
      case 'TIME':
        return (n) => {
          const tod = parseTimeOfDay(asText(n), true);
          if (tod === null) throw new JsonConvertError(`Text '${asText(n)}' could not be parsed as a TIME`);
          // Flink's JSON TIME keeps whole seconds only (LocalTime.toSecondOfDay()).
          return Math.floor(tod.millis / 1000) * 1000;
        };
      case 'TIMESTAMP':
      case 'TIMESTAMP_LTZ': {
        const sep = tsFormat === 'SQL' ? ' ' : 'T';
        const ltz = t.kind === 'TIMESTAMP_LTZ';
        return (n) => {
          const ts = parseDateTime(asText(n), sep, sep === ' ', ltz);
          if (ts === null) {
            throw new JsonConvertError(`Text '${asText(n)}' could not be parsed as a ${t.kind} in ${tsFormat} format`);
          }
          return ts;
        };
      }
      case 'ARRAY': {
        const el = this.converter(t.element);
        return (n) => {
          if (!Array.isArray(n)) throw new JsonConvertError(`Expected a JSON array for ${typeToString(t)}`);
          const out = new Array<unknown>(n.length);
          for (let i = 0; i < n.length; i++) out[i] = el(n[i]!);
          return out;
        };
      }
      case 'MAP':
      case 'MULTISET': {
        const keyType = t.kind === 'MAP' ? t.key : t.element;
        if (keyType.kind !== 'CHAR' && keyType.kind !== 'VARCHAR') {
          throw new PlanError(
            `JSON format doesn't support non-string as key type of map. The type is: ${typeToString(t)}`,
          );
        }
        const kc = this.converter(keyType);
        const vc = t.kind === 'MAP' ? this.converter(t.value) : this.converter({ kind: 'INT', nullable: true });
        return (n) => {
          if (!isJsonObject(n)) throw new JsonConvertError(`Expected a JSON object for ${typeToString(t)}`);
          const out = new Map<unknown, unknown>();
          for (const [k, v] of n) out.set(kc(k), vc(v));
          return out;
        };
      }
      case 'ROW':
        return this.rowConverter(t);
      default:
        throw new PlanError(`Unsupported type: ${typeToString(t)}`);
    }
  }

  private rowConverter(t: RowType): (n: JsonNode) => Row {
    const names = t.fields.map((f) => f.name);
    const convs = t.fields.map((f) => this.converter(f.type));
    const failOnMissing = this.opts.failOnMissingField;
    const arity = names.length;
    return (n) => {
      if (!isJsonObject(n)) throw new JsonConvertError('Expected a JSON object for a row');
      const row = new Array<unknown>(arity);
      for (let i = 0; i < arity; i++) {
        const v = n.get(names[i]!);
        if (v === undefined) {
          if (failOnMissing) throw new JsonConvertError(`Could not find field with name '${names[i]}'.`);
          row[i] = null;
        } else {
          row[i] = convs[i]!(v);
        }
      }
      return row;
    };
  }
}

