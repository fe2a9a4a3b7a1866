/**
 * + - * / % and unary minus. Integer arithmetic wraps like Java (int/long overflow), integer
 * division truncates and fails on zero (`/ by zero`), DECIMAL is exact in the inferred
 * DECIMAL(p, s) and NULL on overflow, FLOAT/DOUBLE follow IEEE; datetime ± interval.
 */
import type { BuildSite, ScalarFunctionDef, TypeSite } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { withNullability } from '../../types/data-type.js';
import {
  addDecimal, decimalToBigint, divDecimal, modDecimal, mulDecimal, negateDecimal, remExact, subDecimal,
} from '../../types/decimal.js';
import type { ArithmeticOp } from '../../types/type-inference-arith.js';
import { arithmeticResultType, negateResultType } from '../../types/type-inference-arith.js';
import type { Decimal } from '../../types/values.js';
import { buildTemporalArithmetic } from './temporal-arithmetic.js';
import { operandTypeString } from './operand-types.js';
import {
  divideByZero, intWrapper, toBigintOf, toDecimalOf, toDoubleOf, toFloatOf, wrapBigintTo,
} from './numeric-convert.js';

type Fn = (a: unknown, b: unknown) => unknown;

/** Replaces an untyped NULL operand by the other operand's type. */
export function resolveNullOperands(a: DataType, b: DataType): [DataType, DataType] {
  if (a.kind === 'NULL' && b.kind !== 'NULL') return [withNullability(b, true), b];
  if (b.kind === 'NULL' && a.kind !== 'NULL') return [a, withNullability(a, true)];
  return [a, b];
}

function inferArithmetic(op: ArithmeticOp, site: TypeSite): DataType {
  const [x, y] = site.argTypes;
  if (!x || !y || site.argTypes.length !== 2) throw new FunctionTypeError(`Operator '${op}' takes two operands`);
  const [a, b] = resolveNullOperands(x, y);
  const r = a.kind === 'NULL' ? null : arithmeticResultType(op, a, b);
  if (!r) {
    throw new FunctionTypeError(
      `Cannot apply '${op}' to arguments of type '${operandTypeString(x)} ${op} ${operandTypeString(y)}'`,
    );
  }
  return r;
}

const isApprox = (t: DataType): boolean => t.kind === 'FLOAT' || t.kind === 'DOUBLE';

function buildNumeric(op: ArithmeticOp, a: DataType, b: DataType, r: DataType): Fn {
  if (r.kind === 'DECIMAL') {
    const x = toDecimalOf(a);
    const y = toDecimalOf(b);
    const { precision: p, scale: s } = r;
    switch (op) {
      case '+':
        return (u, v) => addDecimal(x(u), y(v), p, s);
      case '-':
        return (u, v) => subDecimal(x(u), y(v), p, s);
      case '*':
        return (u, v) => mulDecimal(x(u), y(v), p, s);
      case '/':
        return (u, v) => divDecimal(x(u), y(v), p, s);
      case '%':
        return (u, v) => modDecimal(x(u), y(v), p, s);
    }
  }
  if (isApprox(r)) {
    const float = r.kind === 'FLOAT';
    const x = float ? toFloatOf(a) : toDoubleOf(a);
    const y = float ? toFloatOf(b) : toDoubleOf(b);
    const f = float ? Math.fround : (n: number): number => n;
    switch (op) {
      case '+':
        return (u, v) => f(x(u) + y(v));
      case '-':
        return (u, v) => f(x(u) - y(v));
      case '*':
        return (u, v) => f(x(u) * y(v));
      case '/':
        return (u, v) => f(x(u) / y(v));
      case '%':
        return (u, v) => f(x(u) % y(v));
    }
  }
  const kind = r.kind;
  if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
    // DECIMAL(p, 0) % integer: Flink types the result as the second operand's integer type
    const x = toDecimalOf(a);
    const y = toDecimalOf(b);
    return (u, v) => wrapBigintTo(decimalToBigint(remExact(x(u), y(v))), kind);
  }
  // exact integers: in bigint when a BIGINT takes part, else in 32-bit ints
  if (a.kind === 'BIGINT' || b.kind === 'BIGINT' || kind === 'BIGINT') {
    const x = toBigintOf(a);
    const y = toBigintOf(b);
    switch (op) {
      case '+':
        return (u, v) => wrapBigintTo(x(u) + y(v), kind);
      case '-':
        return (u, v) => wrapBigintTo(x(u) - y(v), kind);
      case '*':
        return (u, v) => wrapBigintTo(x(u) * y(v), kind);
      case '/':
        return (u, v) => {
          const d = y(v);
          return d === 0n ? divideByZero() : wrapBigintTo(x(u) / d, kind);
        };
      case '%':
        return (u, v) => {
          const d = y(v);
          return d === 0n ? divideByZero() : wrapBigintTo(x(u) % d, kind);
        };
    }
  }
  const w = intWrapper(kind);
  switch (op) {
    case '+':
      return (u, v) => w((u as number) + (v as number));
    case '-':
      return (u, v) => w((u as number) - (v as number));
    case '*':
      return (u, v) => w(Math.imul(u as number, v as number));
    case '/':
      return (u, v) => ((v as number) === 0 ? divideByZero() : w(Math.trunc((u as number) / (v as number))));
    case '%':
      return (u, v) => ((v as number) === 0 ? divideByZero() : w((u as number) % (v as number)));
  }
}

function buildArithmetic(op: ArithmeticOp, site: BuildSite): Fn {
  const [a, b] = resolveNullOperands(site.argTypes[0]!, site.argTypes[1]!);
  const r = site.resultType;
  const temporal = buildTemporalArithmetic(op, a, b, r);
  if (temporal) return temporal;
  return buildNumeric(op, a, b, r);
}

function arithmeticDef(op: ArithmeticOp, doc: string): ScalarFunctionDef {
  return {
    kind: 'scalar',
    names: [op],
    category: 'arithmetic',
    doc,
    nulls: 'strict',
    inferType: (site) => inferArithmetic(op, site),
    build: (site) => buildArithmetic(op, site) as (...args: unknown[]) => unknown,
  };
}

export const PLUS = arithmeticDef('+', 'numeric1 + numeric2: the sum; also datetime + interval and interval + interval.');
export const MINUS = arithmeticDef('-', 'numeric1 - numeric2: the difference; also datetime - interval and interval - interval.');
export const TIMES = arithmeticDef('*', 'numeric1 * numeric2: the product; also interval * numeric.');
export const DIVIDE = arithmeticDef('/', 'numeric1 / numeric2: the quotient (integer division for integers); also interval / numeric.');
export const REMAINDER = arithmeticDef('%', 'numeric1 % numeric2: the remainder of exact numerics, with the sign of numeric1.');

export const NEGATE: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['NEGATE'],
  category: 'arithmetic',
  doc: '- numeric: the negation of numeric (or of an interval).',
  nulls: 'strict',
  inferType(site) {
    const a = site.argTypes[0];
    const r = a && site.argTypes.length === 1 ? negateResultType(a) : null;
    if (!r) throw new FunctionTypeError(`Cannot apply '-' to arguments of type '-${a ? operandTypeString(a) : ''}'`, 0);
    return r;
  },
  build(site) {
    const t = site.argTypes[0]!;
    switch (t.kind) {
      case 'DECIMAL':
        return (v) => negateDecimal(v as Decimal);
      case 'BIGINT':
        return (v) => BigInt.asIntN(64, -(v as bigint));
      case 'TINYINT':
      case 'SMALLINT':
      case 'INT': {
        const w = intWrapper(t.kind);
        return (v) => w(-(v as number));
      }
      default:
        return (v) => -(v as number);
    }
  },
};
