/** Rows → CSV text as Flink's RowDataToCsvConverters and Jackson's CsvGenerator write them. */
import type { DataType, RowType } from '../../../types/data-type.js';
import { PlanError, RuntimeError } from '../../../types/errors.js';
import type { Row, RowKind } from '../../../types/row.js';
import { typeToString } from '../../../types/type-string.js';
import type { Decimal, Timestamp } from '../../../types/values.js';
import type { Encoder } from '../format.js';
import { bigDecimalToPlainString, bigDecimalToString } from '../common/decimal-text.js';
import { formatDateTime, formatIsoDate, formatTimeOfDay } from '../common/datetime-text.js';
import { javaDoubleToString, javaFloatToString } from '../common/java-number.js';
import { makeQuoter, type CsvDialect } from './csv-dialect.js';

/** A field's text and whether Jackson writes it through the quoting check (strings) or raw (numbers). */
type Cell = (v: unknown) => { text: string; raw: boolean };

export class CsvRowEncoder implements Encoder {
  private readonly cells: Cell[];
  private readonly quote: (s: string) => string;
  private readonly names: string[];

  constructor(
    rowType: RowType,
    private readonly d: CsvDialect,
    private readonly decimalScientific: boolean,
  ) {
    this.quote = makeQuoter(d);
    this.names = rowType.fields.map((f) => f.name);
    this.cells = rowType.fields.map((f) => this.cell(f.type, true));
  }

  encode(row: Row, _kind: RowKind): string {
    const nullText = this.d.nullLiteral ?? '';
    const parts = new Array<string>(this.cells.length);
    for (let i = 0; i < this.cells.length; i++) {
      const v = row[i];
      if (v === null || v === undefined) {
        parts[i] = nullText;
        continue;
      }
      let c: { text: string; raw: boolean };
      try {
        c = this.cells[i]!(v);
      } catch (e) {
        throw new RuntimeError(`Fail to serialize at field: ${this.names[i]}.`, { cause: e });
      }
      parts[i] = c.raw ? c.text : this.quote(c.text);
    }
    return parts.join(this.d.fieldDelimiter);
  }

  private cell(t: DataType, topLevel: boolean): Cell {
    const str = (f: (v: unknown) => string): Cell => (v) => ({ text: f(v), raw: false });
    const raw = (f: (v: unknown) => string): Cell => (v) => ({ text: f(v), raw: true });
    switch (t.kind) {
      case 'BOOLEAN':
        return raw((v) => (v ? 'true' : 'false'));
      case 'TINYINT':
      case 'SMALLINT':
      case 'INT':
      case 'BIGINT':
      case 'INTERVAL_YEAR_MONTH':
      case 'INTERVAL_DAY_TIME':
        return raw((v) => String(v));
      case 'FLOAT':
        return raw((v) => javaFloatToString(v as number));
      case 'DOUBLE':
        return raw((v) => javaDoubleToString(v as number));
      case 'DECIMAL':
        // BigDecimal goes through the string path, so long or exponent forms get quoted.
        return this.decimalScientific
          ? str((v) => bigDecimalToString(v as Decimal))
          : str((v) => bigDecimalToPlainString(v as Decimal));
      case 'CHAR':
      case 'VARCHAR':
        return str((v) => v as string);
      case 'BINARY':
      case 'VARBINARY':
        return str((v) => Buffer.from(v as Uint8Array).toString('base64'));
      case 'DATE':
        return str((v) => formatIsoDate(v as number));
      case 'TIME':
        return str((v) => formatTimeOfDay(v as number));
      case 'TIMESTAMP':
        return str((v) => formatDateTime(v as Timestamp, ' ', false));
      case 'TIMESTAMP_LTZ':
        return str((v) => formatDateTime(v as Timestamp, ' ', true));
      case 'ARRAY':
      case 'ROW': {
        if (!topLevel) throw new PlanError(`Csv format does not support nested ${typeToString(t)}.`);
        const nullText = this.d.nullLiteral ?? '';
        const sep = this.d.arrayDelimiter;
        const elementTypes = t.kind === 'ARRAY' ? null : t.fields.map((f) => f.type);
        const el = t.kind === 'ARRAY' ? this.cell(t.element, false) : null;
        const fieldCells = elementTypes?.map((ft) => this.cell(ft, false)) ?? [];
        return str((v) =>
          (v as unknown[])
            .map((x, i) => (x === null || x === undefined ? nullText : (el ?? fieldCells[i]!)(x).text))
            .join(sep),
        );
      }
      default:
        throw new PlanError(`Unsupported type: ${typeToString(t)}`);
    }
  }
}
