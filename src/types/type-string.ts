/**
 * Text forms of logical types as Flink prints them (LogicalType.asSummaryString for DESCRIBE and
 * EXPLAIN, asSerializableString for DDL round trips), and structural type equality.
 */
import type { DataType, DayTimeResolution, IntervalType, RowField, YearMonthResolution } from './data-type.js';
import { MAX_VARCHAR_LENGTH } from './data-type.js';

/** Flink's summary form: `STRING`, `BYTES`, `TIMESTAMP_LTZ(3)`, `TIMESTAMP(3) *ROWTIME*`, `INT NOT NULL`. */
export function typeToString(t: DataType): string {
  return render(t, true);
}

/** Flink's serializable form: `VARCHAR(2147483647)`, `TIMESTAMP(3) WITH LOCAL TIME ZONE`, no time-attribute marker. */
export function typeToSerializableString(t: DataType): string {
  return render(t, false);
}

function render(t: DataType, summary: boolean): string {
  if (t.kind === 'NULL') return 'NULL';
  const base = baseString(t, summary);
  const withNull = t.nullable ? base : `${base} NOT NULL`;
  if (summary && (t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') && t.timeAttribute) {
    return `${withNull} *${t.timeAttribute}*`;
  }
  return withNull;
}

function baseString(t: Exclude<DataType, { kind: 'NULL' }>, summary: boolean): string {
  switch (t.kind) {
    case 'BOOLEAN':
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT':
    case 'FLOAT':
    case 'DOUBLE':
    case 'DATE':
      return t.kind;
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'CHAR':
      return `CHAR(${t.length})`;
    case 'VARCHAR':
      return summary && t.length === MAX_VARCHAR_LENGTH ? 'STRING' : `VARCHAR(${t.length})`;
    case 'BINARY':
      return `BINARY(${t.length})`;
    case 'VARBINARY':
      return summary && t.length === MAX_VARCHAR_LENGTH ? 'BYTES' : `VARBINARY(${t.length})`;
    case 'TIME':
      return `TIME(${t.precision})`;
    case 'TIMESTAMP':
      return `TIMESTAMP(${t.precision})`;
    case 'TIMESTAMP_LTZ':
      return summary ? `TIMESTAMP_LTZ(${t.precision})` : `TIMESTAMP(${t.precision}) WITH LOCAL TIME ZONE`;
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME':
      return intervalString(t);
    case 'ARRAY':
      return `ARRAY<${render(t.element, summary)}>`;
    case 'MULTISET':
      return `MULTISET<${render(t.element, summary)}>`;
    case 'MAP':
      return `MAP<${render(t.key, summary)}, ${render(t.value, summary)}>`;
    case 'ROW':
      return `ROW<${t.fields.map((f) => fieldString(f, summary)).join(', ')}>`;
  }
}

function fieldString(f: RowField, summary: boolean): string {
  const name = `\`${f.name.replace(/`/g, '``')}\``;
  const desc = f.description !== undefined ? ` '${f.description.replace(/'/g, "''")}'` : '';
  return `${name} ${render(f.type, summary)}${desc}`;
}

function intervalString(t: IntervalType): string {
  const p = t.precision;
  const f = t.fractionalPrecision;
  if (t.kind === 'INTERVAL_YEAR_MONTH') {
    switch (t.resolution as YearMonthResolution) {
      case 'YEAR':
        return `INTERVAL YEAR(${p})`;
      case 'YEAR_TO_MONTH':
        return `INTERVAL YEAR(${p}) TO MONTH`;
      case 'MONTH':
        return 'INTERVAL MONTH';
    }
  }
  switch (t.resolution as DayTimeResolution) {
    case 'DAY':
      return `INTERVAL DAY(${p})`;
    case 'DAY_TO_HOUR':
      return `INTERVAL DAY(${p}) TO HOUR`;
    case 'DAY_TO_MINUTE':
      return `INTERVAL DAY(${p}) TO MINUTE`;
    case 'DAY_TO_SECOND':
      return `INTERVAL DAY(${p}) TO SECOND(${f})`;
    case 'HOUR':
      return 'INTERVAL HOUR';
    case 'HOUR_TO_MINUTE':
      return 'INTERVAL HOUR TO MINUTE';
    case 'HOUR_TO_SECOND':
      return `INTERVAL HOUR TO SECOND(${f})`;
    case 'MINUTE':
      return 'INTERVAL MINUTE';
    case 'MINUTE_TO_SECOND':
      return `INTERVAL MINUTE TO SECOND(${f})`;
    case 'SECOND':
      return `INTERVAL SECOND(${f})`;
  }
  return 'INTERVAL';
}

export interface TypeEqualsOptions {
  /** Compare without nullability (at every level). */
  readonly ignoreNullability?: boolean;
  /** Compare without the ROWTIME/PROCTIME marker. */
  readonly ignoreTimeAttribute?: boolean;
}

/** Structural equality of two types (field names, lengths, precisions, nullability). */
export function typeEquals(a: DataType, b: DataType, opts: TypeEqualsOptions = {}): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if (!opts.ignoreNullability && a.nullable !== b.nullable) return false;
  switch (a.kind) {
    case 'DECIMAL': {
      const o = b as typeof a;
      return a.precision === o.precision && a.scale === o.scale;
    }
    case 'CHAR':
    case 'VARCHAR':
    case 'BINARY':
    case 'VARBINARY':
      return a.length === (b as typeof a).length;
    case 'TIME':
      return a.precision === (b as typeof a).precision;
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ': {
      const o = b as typeof a;
      return a.precision === o.precision && (opts.ignoreTimeAttribute || a.timeAttribute === o.timeAttribute);
    }
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME': {
      const o = b as typeof a;
      return a.resolution === o.resolution && a.precision === o.precision && a.fractionalPrecision === o.fractionalPrecision;
    }
    case 'ARRAY':
    case 'MULTISET':
      return typeEquals(a.element, (b as typeof a).element, opts);
    case 'MAP': {
      const o = b as typeof a;
      return typeEquals(a.key, o.key, opts) && typeEquals(a.value, o.value, opts);
    }
    case 'ROW': {
      const o = b as typeof a;
      if (a.fields.length !== o.fields.length) return false;
      return a.fields.every((f, i) => {
        const g = o.fields[i]!;
        return f.name === g.name && typeEquals(f.type, g.type, opts);
      });
    }
    default:
      return true;
  }
}
