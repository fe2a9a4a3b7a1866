import type { TypeNode } from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import type { DataType, DayTimeResolution, YearMonthResolution } from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';

const bad = (node: TypeNode, message: string, hint?: string) => new SqlError('INVALID_TYPE', message, node.span, hint);

function arg(node: TypeNode, i: number, dflt: number): number {
  return node.args[i] ?? dflt;
}

function checkRange(node: TypeNode, what: string, v: number, min: number, max: number): number {
  if (v < min || v > max) throw bad(node, `${what} of ${node.name} must be between ${min} and ${max} (both inclusive), but was ${v}.`);
  return v;
}

/** A written type → Flink logical type, with Flink's defaults and range checks. */
export function resolveType(node: TypeNode): DataType {
  const n = !node.notNull;
  switch (node.name) {
    case 'BOOLEAN':
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT':
    case 'FLOAT':
    case 'DOUBLE':
    case 'DATE':
      return { kind: node.name, nullable: n };
    case 'REAL':
      return T.FLOAT(n);
    case 'DECIMAL': {
      const p = checkRange(node, 'Precision', arg(node, 0, 10), 1, 38);
      const s = checkRange(node, 'Scale', arg(node, 1, 0), 0, p);
      return T.DECIMAL(p, s, n);
    }
    case 'CHAR':
      return T.CHAR(checkRange(node, 'Length', arg(node, 0, 1), 1, T.MAX_VARCHAR_LENGTH), n);
    // Flink SQL's type system gives VARCHAR/VARBINARY without a length the maximum (i.e. STRING/BYTES).
    case 'VARCHAR':
      return T.VARCHAR(checkRange(node, 'Length', arg(node, 0, T.MAX_VARCHAR_LENGTH), 1, T.MAX_VARCHAR_LENGTH), n);
    case 'STRING':
      return T.STRING(n);
    case 'BINARY':
      return T.BINARY(checkRange(node, 'Length', arg(node, 0, 1), 1, T.MAX_VARCHAR_LENGTH), n);
    case 'VARBINARY':
      return T.VARBINARY(checkRange(node, 'Length', arg(node, 0, T.MAX_VARCHAR_LENGTH), 1, T.MAX_VARCHAR_LENGTH), n);
    case 'BYTES':
      return T.BYTES(n);
    case 'TIME':
      return T.TIME(checkRange(node, 'Precision', arg(node, 0, 0), 0, 9), n);
    case 'TIMESTAMP':
      return T.TIMESTAMP(checkRange(node, 'Precision', arg(node, 0, 6), 0, 9), n);
    case 'TIMESTAMP_LTZ':
      return T.TIMESTAMP_LTZ(checkRange(node, 'Precision', arg(node, 0, 6), 0, 9), n);
    case 'ARRAY':
      return T.ARRAY(resolveType(node.children[0]!), n);
    case 'MULTISET':
      return T.MULTISET(resolveType(node.children[0]!), n);
    case 'MAP':
      return T.MAP(resolveType(node.children[0]!), resolveType(node.children[1]!), n);
    case 'ROW':
      return T.ROW(
        (node.fields ?? []).map((f) => ({ name: f.name, type: resolveType(f.type), description: f.description })),
        n,
      );
    case 'INTERVAL':
      return resolveIntervalType(node, n);
    default:
      throw bad(node, `Unknown data type '${node.name}'.`, 'See Flink\'s "Data Types" page for the supported types.');
  }
}

function resolveIntervalType(node: TypeNode, nullable: boolean): DataType {
  const q = node.interval;
  if (!q) throw bad(node, 'INTERVAL needs a qualifier, e.g. INTERVAL DAY TO SECOND(3).');
  const res = q.end ? `${q.start}_TO_${q.end}` : q.start;
  const yearMonth: readonly string[] = ['YEAR', 'YEAR_TO_MONTH', 'MONTH'];
  const dayTime: readonly string[] = ['DAY', 'DAY_TO_HOUR', 'DAY_TO_MINUTE', 'DAY_TO_SECOND', 'HOUR', 'HOUR_TO_MINUTE', 'HOUR_TO_SECOND', 'MINUTE', 'MINUTE_TO_SECOND', 'SECOND'];
  if (yearMonth.includes(res)) {
    return { kind: 'INTERVAL_YEAR_MONTH', resolution: res as YearMonthResolution, precision: q.startPrecision ?? 2, fractionalPrecision: 0, nullable };
  }
  if (dayTime.includes(res)) {
    return { kind: 'INTERVAL_DAY_TIME', resolution: res as DayTimeResolution, precision: q.start === 'SECOND' ? 2 : (q.startPrecision ?? 2), fractionalPrecision: q.fractionalPrecision ?? 6, nullable };
  }
  throw bad(node, `Unsupported interval qualifier ${q.start}${q.end ? ` TO ${q.end}` : ''}.`);
}
