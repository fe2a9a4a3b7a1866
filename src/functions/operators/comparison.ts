/**
 * = <> < <= > >= and IS [NOT] DISTINCT FROM. Numerics compare exactly across types (INT vs
 * DECIMAL vs BIGINT), with Java's primitive semantics once FLOAT/DOUBLE take part (NaN is
 * unordered, -0.0 = 0.0); other types compare in their common type. Flink has no implicit
 * coercion, so `int_col = '1'` is a type error.
 */
import type { BuildSite, ScalarFunctionDef, TypeSite } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { BOOLEAN, isNumeric } from '../../types/data-type.js';
import { buildCast } from '../../types/cast.js';
import { compareDecimal } from '../../types/decimal.js';
import {
  comparisonFamily, implicitConversionError, isComparable, leastRestrictive, orderedComparisonType,
} from '../../types/type-inference.js';
import { typeEquals } from '../../types/type-string.js';
import { buildComparator, compareStringsUtf8, valuesEqual } from '../../types/values-compare.js';
import { resolveNullOperands } from './arithmetic.js';
import { toBigintOf, toDecimalOf, toDoubleOf, toFloatOf } from './numeric-convert.js';
import { operandTypeString } from './operand-types.js';

/** Returns <0, 0, >0; NaN when unordered (a NaN took part); null when UNKNOWN. */
export type Compare = (a: unknown, b: unknown) => number | null;

const isApprox = (t: DataType): boolean => t.kind === 'FLOAT' || t.kind === 'DOUBLE';

function numericCompare(a: DataType, b: DataType): Compare {
  if (isApprox(a) || isApprox(b)) {
    // Java promotes integers to float against a FLOAT; DOUBLE or DECIMAL make it a double comparison
    const wide = (t: DataType): boolean => t.kind === 'DOUBLE' || t.kind === 'DECIMAL';
    const float = !wide(a) && !wide(b);
    const x = float ? toFloatOf(a) : toDoubleOf(a);
    const y = float ? toFloatOf(b) : toDoubleOf(b);
    return (u, v) => {
      const p = x(u);
      const q = y(v);
      return p < q ? -1 : p > q ? 1 : p === q ? 0 : NaN;
    };
  }
  if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
    const x = toDecimalOf(a);
    const y = toDecimalOf(b);
    return (u, v) => compareDecimal(x(u), y(v));
  }
  if (a.kind === 'BIGINT' || b.kind === 'BIGINT') {
    const x = toBigintOf(a);
    const y = toBigintOf(b);
    return (u, v) => {
      const p = x(u);
      const q = y(v);
      return p < q ? -1 : p > q ? 1 : 0;
    };
  }
  return (u, v) => ((u as number) < (v as number) ? -1 : (u as number) > (v as number) ? 1 : 0);
}

const CONSTRUCTED = new Set(['ARRAY', 'MAP', 'MULTISET', 'ROW']);
const TIME_POINTS = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ']);

function castIfNeeded(from: DataType, to: DataType, mode: 'cast' | 'try', zone: string): ((v: unknown) => unknown) | null {
  return typeEquals(from, to, { ignoreNullability: true, ignoreTimeAttribute: true }) ? null : buildCast(from, to, mode, zone);
}

function inCommonType(a: DataType, b: DataType, common: DataType, mode: 'cast' | 'try', zone: string): Compare {
  const ca = castIfNeeded(a, common, mode, zone);
  const cb = castIfNeeded(b, common, mode, zone);
  const cmp: Compare = isNumeric(common) ? numericCompare(common, common) : buildComparator(common);
  if (CONSTRUCTED.has(common.kind)) {
    return (u, v) => {
      const x = ca ? ca(u) : u;
      const y = cb ? cb(v) : v;
      return valuesEqual(x, y, common) ? 0 : cmp(x, y) || 1;
    };
  }
  if (!ca && !cb) return cmp;
  return (u, v) => {
    const x = ca ? ca(u) : u;
    const y = cb ? cb(v) : v;
    // a string that does not parse as the time type makes `=` UNKNOWN
    return x === null || y === null ? null : cmp(x, y);
  };
}

/**
 * A comparison of non-null operands of types `a` and `b`, as Flink's generated code: `ordered`
 * for < <= > >= (a string operand is CAST to the other side's type, numerics widened to BIGINT);
 * for = and <> a string against a DATE/TIME/TIMESTAMP is converted (NULL if it does not parse),
 * and against BOOLEAN or INTERVAL never equals (Flink compares the objects).
 */
export function buildCompare(a: DataType, b: DataType, zone: string, ordered = false): Compare {
  if (isNumeric(a) && isNumeric(b)) return numericCompare(a, b);
  const fa = comparisonFamily(a);
  const fb = comparisonFamily(b);
  if (fa === 'CHARACTER' && fb === 'CHARACTER') return (u, v) => compareStringsUtf8(u as string, v as string);
  if ((fa === 'CHARACTER') !== (fb === 'CHARACTER')) {
    const other = fa === 'CHARACTER' ? b : a;
    if (ordered) {
      const common = orderedComparisonType(a, b);
      if (!common) throw new FunctionTypeError(`Cannot compare ${operandTypeString(a)} with ${operandTypeString(b)}`);
      return inCommonType(a, b, common, 'cast', zone);
    }
    if (TIME_POINTS.has(other.kind)) return inCommonType(a, b, other, 'try', zone);
    return () => 1;
  }
  const common = leastRestrictive([a, b]);
  if (!common) throw new FunctionTypeError(`Cannot compare ${operandTypeString(a)} with ${operandTypeString(b)}`);
  return inCommonType(a, b, common, 'cast', zone);
}

type CmpOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

const TEST: Record<CmpOp, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

const EQUALITY_OPS = new Set(['=', '<>', 'IS DISTINCT FROM', 'IS NOT DISTINCT FROM']);

function checkOperands(op: string, site: TypeSite, ordered: boolean): [DataType, DataType] {
  const [x, y] = site.argTypes;
  if (!x || !y || site.argTypes.length !== 2) throw new FunctionTypeError(`Operator '${op}' takes two operands`);
  if (!isComparable(x, y, ordered)) {
    throw new FunctionTypeError(
      `Cannot apply '${op}' to arguments of type '${operandTypeString(x)} ${op} ${operandTypeString(y)}'. ` +
        `Supported form(s): '<COMPARABLE_TYPE> ${op} <COMPARABLE_TYPE>'`,
    );
  }
  const implicit = EQUALITY_OPS.has(op) ? implicitConversionError(x, y) : null;
  if (implicit) throw new FunctionTypeError(implicit);
  return [x, y];
}

function operands(site: BuildSite): [DataType, DataType] {
  return resolveNullOperands(site.argTypes[0]!, site.argTypes[1]!);
}

function comparisonDef(op: CmpOp, doc: string): ScalarFunctionDef {
  const ordered = op !== '=' && op !== '<>';
  const test = TEST[op];
  return {
    kind: 'scalar',
    names: [op],
    category: 'comparison',
    doc,
    nulls: 'strict',
    inferType(site) {
      const [a, b] = checkOperands(op, site, ordered);
      return BOOLEAN(a.nullable || b.nullable);
    },
    build(site) {
      const [a, b] = operands(site);
      if (a.kind === 'NULL') return () => null;
      const cmp = buildCompare(a, b, site.ctx.timeZone, ordered);
      return (u, v) => {
        const c = cmp(u, v);
        return c === null ? null : test(c);
      };
    },
  };
}

function distinctDef(not: boolean): ScalarFunctionDef {
  const op = not ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM';
  return {
    kind: 'scalar',
    names: [op],
    category: 'comparison',
    doc: not
      ? 'value1 IS NOT DISTINCT FROM value2: TRUE if the values are equal, treating NULLs as equal.'
      : 'value1 IS DISTINCT FROM value2: TRUE if the values differ, treating NULLs as equal.',
    nulls: 'custom',
    inferType(site) {
      checkOperands(op, site, false);
      return BOOLEAN(false);
    },
    build(site) {
      const [a, b] = operands(site);
      const cmp = a.kind === 'NULL' ? () => 0 : buildCompare(a, b, site.ctx.timeZone);
      return (u, v) => {
        const nu = u === null || u === undefined;
        const nv = v === null || v === undefined;
        const same = nu || nv ? nu && nv : cmp(u, v) === 0;
        return not ? same : !same;
      };
    },
  };
}

export const EQUALS = comparisonDef('=', 'value1 = value2: TRUE if value1 equals value2; UNKNOWN if either is NULL.');
export const NOT_EQUALS = comparisonDef('<>', 'value1 <> value2: TRUE if value1 differs from value2; UNKNOWN if either is NULL.');
export const LESS_THAN = comparisonDef('<', 'value1 < value2: TRUE if value1 is less than value2; UNKNOWN if either is NULL.');
export const LESS_THAN_OR_EQUAL = comparisonDef('<=', 'value1 <= value2: TRUE if value1 is at most value2; UNKNOWN if either is NULL.');
export const GREATER_THAN = comparisonDef('>', 'value1 > value2: TRUE if value1 is greater than value2; UNKNOWN if either is NULL.');
export const GREATER_THAN_OR_EQUAL = comparisonDef('>=', 'value1 >= value2: TRUE if value1 is at least value2; UNKNOWN if either is NULL.');
export const IS_DISTINCT_FROM = distinctDef(false);
export const IS_NOT_DISTINCT_FROM = distinctDef(true);
