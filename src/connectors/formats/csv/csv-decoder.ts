/** CSV → rows with Flink's CsvToRowDataConverters semantics (fields by position). */
import type { DataType, RowType } from '../../../types/data-type.js';
import { PlanError, RuntimeError } from '../../../types/errors.js';
import type { Row } from '../../../types/row.js';
import { typeToString } from '../../../types/type-string.js';
import { parseJavaDouble } from '../../../catalog/option-readers.js';
import type { Decoded, Decoder } from '../format.js';
import { parseBigDecimal, toDecimal } from '../common/decimal-text.js';
import { parseDateTime, parseSqlDate, parseSqlTimestampValueOf, parseTimeOfDay } from '../common/datetime-text.js';
import { javaTrim, parseJavaBoolean, parseJavaIntegral, parseJavaLong } from '../common/java-int.js';
import { splitCsvFields, splitCsvRecords, type CsvDialect } from './csv-dialect.js';

type Conv = (text: string) => unknown;

class CsvConvertError extends Error {
  override readonly name = 'CsvParseException';
}

const numberFormat = (s: string): CsvConvertError => new CsvConvertError(`For input string: "${s}"`);

export class CsvRowDecoder implements Decoder {
  private readonly fieldConvs: Conv[];
  private readonly names: string[];

  constructor(
    rowType: RowType,
    private readonly d: CsvDialect,
    private readonly ignoreParseErrors: boolean,
  ) {
    this.names = rowType.fields.map((f) => f.name);
    this.fieldConvs = rowType.fields.map((f) => this.converter(f.type, true));
  }

  splitRecords(text: string): string[] {
    return splitCsvRecords(text, this.d);
  }

  decode(record: string): Decoded {
    if (this.d.allowComments && record.startsWith('#')) return { rows: [] };
    if (record === '') return { rows: [] };
    try {
      return { rows: [this.row(record)] };
    } catch (e) {
      if (this.ignoreParseErrors) return 'skip';
      throw new RuntimeError(`Failed to deserialize CSV row '${record}'.`, { cause: e });
    }
  }

  private row(record: string): Row {
    const fields = splitCsvFields(record, this.d);
    const arity = this.names.length;
    // A trailing delimiter is allowed (Jackson's ALLOW_TRAILING_COMMA).
    if (fields.length === arity + 1 && fields[arity]!.text === '' && !fields[arity]!.quoted) fields.pop();
    if (fields.length > arity) {
      throw new CsvConvertError(`Too many entries: expected at most ${arity} (value #${arity} (${fields[arity]!.text.length} chars) "${fields[arity]!.text}")`);
    }
    if (fields.length < arity && !this.ignoreParseErrors) {
      throw new CsvConvertError(`Row length mismatch. ${arity} fields expected but was ${fields.length}.`);
    }
    const row = new Array<unknown>(arity);
    for (let i = 0; i < arity; i++) {
      const f = fields[i];
      try {
        row[i] = f === undefined ? null : this.fieldConvs[i]!(f.text);
      } catch (e) {
        throw new CsvConvertError(`Fail to deserialize at field: ${this.names[i]}.`, { cause: e });
      }
    }
    return row;
  }

  /** Null-literal and ignore-parse-errors aware converter. */
  private converter(t: DataType, topLevel: boolean): Conv {
    const conv = this.notNull(t, topLevel);
    const nullLiteral = this.d.nullLiteral;
    const ignore = this.ignoreParseErrors;
    return (text) => {
      if (nullLiteral !== null && text === nullLiteral) return null;
      if (!ignore) return conv(text);
      try {
        return conv(text);
      } catch {
        return null;
      }
    };
  }

  private notNull(t: DataType, topLevel: boolean): Conv {
    switch (t.kind) {
      case 'NULL':
        return () => null;
      case 'BOOLEAN':
        return (s) => parseJavaBoolean(javaTrim(s));
      case 'TINYINT':
      case 'SMALLINT':
      case 'INT':
      case 'INTERVAL_YEAR_MONTH': {
        const k = t.kind === 'INTERVAL_YEAR_MONTH' ? 'INT' : t.kind;
        return (s) => {
          const v = parseJavaIntegral(javaTrim(s), k);
          if (v === null) throw numberFormat(s);
          return v;
        };
      }
      case 'BIGINT':
      case 'INTERVAL_DAY_TIME': {
        const asNumber = t.kind === 'INTERVAL_DAY_TIME';
        return (s) => {
          const v = parseJavaLong(javaTrim(s));
          if (v === null) throw numberFormat(s);
          return asNumber ? Number(v) : v;
        };
      }
      case 'FLOAT':
      case 'DOUBLE': {
        const f = t.kind === 'FLOAT';
        return (s) => {
          const v = parseJavaDouble(s);
          if (v === null) throw numberFormat(s);
          return f ? Math.fround(v) : v;
        };
      }
      case 'DECIMAL': {
        const { precision, scale } = t;
        return (s) => {
          const p = parseBigDecimal(s);
          if (p === null) throw new CsvConvertError(`Character array is not a valid decimal: ${s}`);
          return toDecimal(p.unscaled, p.scale, precision, scale);
        };
      }
      case 'CHAR':
      case 'VARCHAR':
        return (s) => s;
      case 'BINARY':
      case 'VARBINARY':
        return (s) => {
          if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new CsvConvertError('Unable to deserialize byte array.');
          return new Uint8Array(Buffer.from(s, 'base64'));
        };
      case 'DATE':
        return (s) => {
          const v = parseSqlDate(s);
          if (v === null) throw new CsvConvertError(`Invalid date: ${s}`);
          return v;
        };
      case 'TIME': {
        const precision = t.precision;
        if (precision > 3) {
          throw new PlanError(
            `Csv does not support TIME type with precision: ${precision}, it only supports precision 0 ~ 3.`,
          );
        }
        const unit = 10 ** (3 - precision);
        return (s) => {
          const v = parseTimeOfDay(s, false);
          if (v === null) throw new CsvConvertError(`Text '${s}' could not be parsed as a TIME`);
          return Math.floor(v.millis / unit) * unit;
        };
      }
      case 'TIMESTAMP':
        return (s) => {
          const v = parseSqlTimestampValueOf(s);
          if (v === null) throw new CsvConvertError('Timestamp format must be yyyy-mm-dd hh:mm:ss[.fffffffff]');
          return v;
        };
      case 'TIMESTAMP_LTZ':
        return (s) => {
          const v = parseDateTime(s, ' ', true, true);
          if (v === null) throw new CsvConvertError(`Text '${s}' could not be parsed as a TIMESTAMP_LTZ`);
          return v;
        };
      case 'ARRAY':
      case 'ROW': {
        if (!topLevel) {
          throw new PlanError(`Csv format does not support nested ${t.kind === 'ARRAY' ? 'arrays' : 'rows'} inside ${typeToString(t)}.`);
        }
        const dialect = this.d;
        if (t.kind === 'ARRAY') {
          const el = this.converter(t.element, false);
          return (s) => (s === '' ? [] : splitCsvFields(s, { ...dialect, quote: null }, dialect.arrayDelimiter).map((f) => el(f.text)));
        }
        const convs = t.fields.map((f) => this.converter(f.type, false));
        return (s) => {
          const parts = splitCsvFields(s, { ...dialect, quote: null }, dialect.arrayDelimiter);
          return convs.map((c, i) => (parts[i] === undefined ? null : c(parts[i]!.text)));
        };
      }
      default:
        throw new PlanError(`Unsupported type: ${typeToString(t)}`);
    }
  }
}
