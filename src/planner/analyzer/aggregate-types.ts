import { FunctionTypeError } from '../../functions/function-def.js';
import * as T from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { typeToString } from '../../types/type-string.js';

/** Result types of built-in aggregates, as Flink infers them. */
export function aggregateResultType(name: string, args: readonly DataType[], grouped: boolean): DataType {
  const arg = args[0];
  const need = (n: number) => {
    if (args.length !== n) throw new FunctionTypeError(`${name} expects ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
  };
  const numeric = () => {
    if (!arg || !T.isNumeric(arg)) throw new FunctionTypeError(`${name} expects a numeric argument, got ${arg ? typeToString(arg) : 'none'}`, 0);
    return arg;
  };
  switch (name) {
    case 'COUNT':
      return T.BIGINT(false);
    case 'SUM': {
      need(1);
      const t = numeric();
      const sum = t.kind === 'DECIMAL' ? T.DECIMAL(38, t.scale) : t;
      return T.withNullability(sum, true);
    }
    case 'SUM0': {
      need(1);
      const t = numeric();
      return T.withNullability(t.kind === 'DECIMAL' ? T.DECIMAL(38, t.scale) : t, false);
    }
    case 'AVG': {
      need(1);
      const t = numeric();
      return T.withNullability(t.kind === 'DECIMAL' ? T.DECIMAL(38, Math.max(6, t.scale)) : t, true);
    }
    case 'STDDEV_POP':
    case 'STDDEV_SAMP':
    case 'STDDEV':
    case 'VAR_POP':
    case 'VAR_SAMP':
    case 'VARIANCE': {
      need(1);
      const t = numeric();
      return T.withNullability(t.kind === 'DECIMAL' ? T.DECIMAL(38, Math.max(6, t.scale)) : t, true);
    }
    case 'MIN':
    case 'MAX':
    case 'FIRST_VALUE':
    case 'LAST_VALUE':
    case 'LEAD':
    case 'LAG':
    case 'SINGLE_VALUE':
      if (!arg) throw new FunctionTypeError(`${name} expects an argument`);
      return T.withNullability(T.withoutTimeAttribute(arg), true);
    case 'COLLECT':
      need(1);
      return T.MULTISET(arg!, false);
    case 'ARRAY_AGG':
      need(1);
      return T.ARRAY(arg!, true);
    case 'LISTAGG':
      if (args.length < 1 || args.length > 2) throw new FunctionTypeError('LISTAGG expects 1 or 2 arguments');
      if (!T.isCharacterString(arg!)) throw new FunctionTypeError(`LISTAGG expects a string argument, got ${typeToString(arg!)}`, 0);
      return T.STRING(true);
    case 'JSON_OBJECTAGG':
    case 'JSON_ARRAYAGG':
      return T.STRING(false);
    case 'GROUPING':
    case 'GROUPING_ID':
    case 'GROUP_ID':
      return T.BIGINT(false);
    case 'ROW_NUMBER':
    case 'RANK':
    case 'DENSE_RANK':
    case 'NTILE':
      return T.BIGINT(false);
    case 'PERCENT_RANK':
    case 'CUME_DIST':
      return T.DOUBLE(false);
    case 'BOOL_AND':
    case 'BOOL_OR':
      return T.BOOLEAN(true);
    default:
      if (!arg) throw new FunctionTypeError(`${name} expects an argument`);
      return T.withNullability(arg, grouped || arg.nullable);
  }
}
