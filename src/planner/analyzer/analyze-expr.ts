import { FunctionTypeError, type ScalarFunctionDef } from '../../functions/function-def.js';
import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { Span } from '../../types/span.js';
import { typeToString } from '../../types/type-string.js';
import { canCast, castValidationError, leastRestrictive } from '../../types/type-inference.js';
import { literal, type Rex, type RexLiteral } from '../rex.js';
import type { ExprContext } from './expr-context.js';
import { analyzeSpecialCall } from './special-calls.js';
import { intervalLiteral, numericLiteral, typedLiteral } from './literals.js';
import { resolveType } from './resolve-type.js';
import { closest } from './suggest.js';
import { isAggregateName } from './aggregate-names.js';
import { jsonClauseArgs, type ClauseArg } from '../../functions/json/clause-args.js';

type Handler<K extends A.ExprKind> = (e: Extract<A.Expr, { kind: K }>, ctx: ExprContext) => Rex;

const BOOL_NOT_NULL = T.BOOLEAN(false);
const boolOf = (...args: Rex[]) => T.BOOLEAN(args.some((a) => a.type.nullable));

/** Analyzes an expression in a scope: resolves names and functions, infers types. */
export function analyzeExpr(e: A.Expr, ctx: ExprContext): Rex {
  const substituted = ctx.substitute?.(e);
  if (substituted) return substituted;
  return (HANDLERS[e.kind] as Handler<typeof e.kind>)(e as never, ctx);
}

/** Analyzes a predicate (WHERE, ON, HAVING): must be BOOLEAN. */
export function analyzePredicate(e: A.Expr, ctx: ExprContext): Rex {
  const rex = analyzeExpr(e, ctx);
  if (rex.type.kind !== 'BOOLEAN' && rex.type.kind !== 'NULL') {
    throw new SqlError('TYPE_MISMATCH', `${ctx.clause} must be a boolean expression, but is of type ${typeToString(rex.type)}`, e.span);
  }
  return rex;
}

/** Calls a scalar function definition with analyzed arguments; type errors point at the call or argument. */
export function callFunction(fn: ScalarFunctionDef, name: string, args: Rex[], argSpans: readonly Span[], span: Span, ctx: ExprContext): Rex {
  const argTypes = args.map((a) => a.type);
  let type: DataType;
  try {
    type = fn.inferType({ name, argTypes, literals: args.map((a) => (a.kind === 'Literal' ? a.value : undefined)), ctx: ctx.session });
  } catch (err) {
    if (err instanceof FunctionTypeError) {
      const at = err.argIndex !== undefined ? (argSpans[err.argIndex] ?? span) : span;
      throw new SqlError('INVALID_CALL', err.message, at,
        `Got ${name}(${argTypes.map((t) => typeToString(t)).join(', ')}). ${fn.doc}`);
    }
    throw err;
  }
  return { kind: 'Call', fn, name, args, type };
}

/** Looks up a built-in operator by its registry name (e.g. '+', '=', 'LIKE'). */
export function operator(name: string, ctx: ExprContext, span: Span): ScalarFunctionDef {
  const def = ctx.functions.resolve([name]);
  if (!def || def.kind !== 'scalar') throw new SqlError('UNSUPPORTED', `Operator ${name} is not supported`, span);
  return def;
}

function binaryCall(name: string, left: A.Expr, right: A.Expr, span: Span, ctx: ExprContext): Rex {
  return callFunction(operator(name, ctx, span), name, [analyzeExpr(left, ctx), analyzeExpr(right, ctx)], [left.span, right.span], span, ctx);
}

/** Casts `rex` to `type` unless it already has it (ignoring nullability). */
export function castTo(rex: Rex, type: DataType): Rex {
  const target = T.withNullability(type, rex.type.nullable);
  if (rex.type.kind === 'NULL') return literal(null, T.withNullability(type, true));
  if (typeToString(T.withNullability(rex.type, true)) === typeToString(T.withNullability(type, true))) return rex;
  return { kind: 'Cast', arg: rex, try: false, type: target };
}

/** The common type of several expressions (CASE branches, IN lists, VALUES columns), or an error at `span`. */
export function commonType(rexes: readonly Rex[], span: Span, what: string): DataType {
  const typed = rexes.map((r) => r.type).filter((t) => t.kind !== 'NULL');
  if (typed.length === 0) return T.NULL_TYPE;
  const common = leastRestrictive(typed);
  if (!common) {
    throw new SqlError('TYPE_MISMATCH', `Cannot find a common type for ${what}: ${typed.map((t) => typeToString(t)).join(', ')}`, span);
  }
  return T.withNullability(common, rexes.some((r) => r.type.nullable));
}

const HANDLERS: { [K in A.ExprKind]: Handler<K> } = {
  NumericLiteral: (e) => numericLiteral(e),
  StringLiteral: (e) => literal(e.value, T.CHAR(e.value.length, false)),
  BinaryLiteral: (e) => {
    const bytes = new Uint8Array(e.hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(e.hex.slice(i * 2, i * 2 + 2), 16);
    return literal(bytes, T.BINARY(bytes.length, false));
  },
  BooleanLiteral: (e) => literal(e.value, BOOL_NOT_NULL),
  NullLiteral: () => literal(null, T.NULL_TYPE),
  TypedLiteral: (e, ctx) => typedLiteral(e, () => ctx.session.timeZone),
  IntervalLiteral: (e) => intervalLiteral(e),
  ColumnRef: (e, ctx) => {
    const r = ctx.scope.resolve(e.names, e.span);
    let rex: Rex = { kind: 'InputRef', index: r.index, type: r.type };
    for (const f of r.fieldPath) rex = accessField(rex, f, e.span);
    return rex;
  },
  Star: (e) => {
    throw new SqlError('UNEXPECTED_STAR', "'*' is only allowed in a SELECT list or COUNT(*)", e.span);
  },
  Unary: (e, ctx) => {
    if (e.op === 'NOT') {
      const arg = analyzeExpr(e.operand, ctx);
      expectBoolean(arg, e.operand.span, 'NOT');
      return { kind: 'Not', arg, type: boolOf(arg) };
    }
    if (e.operand.kind === 'NumericLiteral' && e.op === '-') return numericLiteral(e.operand, true);
    const arg = analyzeExpr(e.operand, ctx);
    if (e.op === '+') return arg;
    return callFunction(operator('NEGATE', ctx, e.span), '-', [arg], [e.operand.span], e.span, ctx);
  },
  Binary: (e, ctx) => {
    if (e.op === 'AND' || e.op === 'OR') {
      const args = [analyzeExpr(e.left, ctx), analyzeExpr(e.right, ctx)];
      expectBoolean(args[0]!, e.left.span, e.op);
      expectBoolean(args[1]!, e.right.span, e.op);
      return { kind: 'Logical', op: e.op, args, type: boolOf(...args) };
    }
    return binaryCall(e.op, e.left, e.right, e.span, ctx);
  },
  IsPredicate: (e, ctx) => {
    const arg = analyzeExpr(e.operand, ctx);
    if (e.test === 'NULL') return { kind: 'IsNull', arg, negated: e.negated, type: BOOL_NOT_NULL };
    expectBoolean(arg, e.operand.span, `IS ${e.test}`);
    return { kind: 'IsBool', arg, test: e.test, negated: e.negated, type: BOOL_NOT_NULL };
  },
  IsDistinctFrom: (e, ctx) => binaryCall(e.negated ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM', e.left, e.right, e.span, ctx),
  IsJson: (e, ctx) => {
    const arg = analyzeExpr(e.operand, ctx);
    const call = callFunction(operator('IS JSON', ctx, e.span), 'IS JSON', [arg, literal(e.jsonType, T.CHAR(e.jsonType.length, false))], [e.operand.span, e.span], e.span, ctx);
    return e.negated ? { kind: 'Not', arg: call, type: call.type } : call;
  },
  Between: (e, ctx) => {
    const [v, lo, hi] = [analyzeExpr(e.operand, ctx), analyzeExpr(e.low, ctx), analyzeExpr(e.high, ctx)];
    const spans = [e.operand.span, e.low.span];
    const ge = (a: Rex, b: Rex) => callFunction(operator('>=', ctx, e.span), '>=', [a, b], spans, e.span, ctx);
    const le = (a: Rex, b: Rex) => callFunction(operator('<=', ctx, e.span), '<=', [a, b], spans, e.span, ctx);
    const and = (a: Rex, b: Rex): Rex => ({ kind: 'Logical', op: 'AND', args: [a, b], type: boolOf(a, b) });
    let rex = and(ge(v, lo), le(v, hi));
    if (e.symmetric) {
      const swapped = and(ge(v, hi), le(v, lo));
      rex = { kind: 'Logical', op: 'OR', args: [rex, swapped], type: boolOf(rex, swapped) };
    }
    return e.negated ? { kind: 'Not', arg: rex, type: rex.type } : rex;
  },
  Like: (e, ctx) => {
    const base = e.similar ? 'SIMILAR TO' : 'LIKE';
    const name = e.negated ? `NOT ${base}` : base;
    const parts = [e.operand, e.pattern, ...(e.escape ? [e.escape] : [])];
    return callFunction(operator(name, ctx, e.span), name, parts.map((p) => analyzeExpr(p, ctx)), parts.map((p) => p.span), e.span, ctx);
  },
  InList: (e, ctx) => {
    const arg = analyzeExpr(e.operand, ctx);
    const list = e.list.map((x) => analyzeExpr(x, ctx));
    const type = commonType([arg, ...list], e.span, 'IN');
    const typed = list.map((x) => castTo(x, type));
    return { kind: 'InList', arg: castTo(arg, type), list: typed, negated: e.negated, type: boolOf(arg, ...list) };
  },
  InSubquery: (e) => unsupported(e.span, 'IN (subquery)', 'subqueries are planned as joins, which come with the changelog engine'),
  Exists: (e) => unsupported(e.span, 'EXISTS', 'subqueries are planned as joins, which come with the changelog engine'),
  ScalarSubquery: (e) => unsupported(e.span, 'Scalar subqueries', 'scalar subqueries are planned in WHERE and in the select list of a SELECT without GROUP BY; compute the value in a subquery of FROM and join it'),
  Case: (e, ctx) => {
    const operand = e.operand ? analyzeExpr(e.operand, ctx) : undefined;
    const whens = e.whens.map((w) => {
      let cond: Rex;
      if (operand) cond = callFunction(operator('=', ctx, w.when.span), '=', [operand, analyzeExpr(w.when, ctx)], [e.operand!.span, w.when.span], w.when.span, ctx);
      else {
        cond = analyzeExpr(w.when, ctx);
        expectBoolean(cond, w.when.span, 'WHEN');
      }
      return { when: cond, then: analyzeExpr(w.then, ctx) };
    });
    const elseRex = e.else ? analyzeExpr(e.else, ctx) : literal(null, T.NULL_TYPE);
    let type = commonType([...whens.map((w) => w.then), elseRex], e.span, 'CASE branches');
    if (!e.else) type = T.withNullability(type, true);
    if (type.kind === 'NULL') type = T.withNullability(T.STRING(), true);
    return { kind: 'Case', whens: whens.map((w) => ({ when: w.when, then: castTo(w.then, type) })), else: castTo(elseRex, type), type };
  },
  Cast: (e, ctx) => {
    const arg = analyzeExpr(e.operand, ctx);
    const target = resolveType(e.target);
    if (arg.type.kind === 'NULL') return literal(null, T.withNullability(target, true));
    if (!canCast(arg.type, target)) {
      throw new SqlError('INVALID_CAST', castValidationError(arg.type, target) ?? `Cast function cannot convert value of type ${typeToString(arg.type)} to type ${typeToString(target)}`, e.span);
    }
    const nullable = e.try || arg.type.nullable;
    return { kind: 'Cast', arg, try: e.try, type: T.withNullability(target, nullable) };
  },
  Extract: (e, ctx) =>
    callFunction(operator('EXTRACT', ctx, e.span), 'EXTRACT', [unitLiteral(e.unit), analyzeExpr(e.operand, ctx)], [e.span, e.operand.span], e.span, ctx),
  Trim: (e, ctx) => {
    const name = `TRIM_${e.side}`;
    const chars = e.chars ? analyzeExpr(e.chars, ctx) : literal(' ', T.CHAR(1, false));
    return callFunction(operator(name, ctx, e.span), 'TRIM', [chars, analyzeExpr(e.operand, ctx)], [e.chars?.span ?? e.span, e.operand.span], e.span, ctx);
  },
  FunctionCall: (e, ctx) => analyzeCall(e, ctx),
  ArrayConstructor: (e, ctx) => {
    const args = e.elements.map((x) => analyzeExpr(x, ctx));
    if (args.length === 0) throw new SqlError('INVALID_CALL', 'ARRAY[] needs at least one element', e.span);
    const el = commonType(args, e.span, 'ARRAY elements');
    return { kind: 'Construct', ctor: 'ARRAY', args: args.map((a) => castTo(a, el)), type: T.ARRAY(el, false) };
  },
  MapConstructor: (e, ctx) => {
    const args = e.entries.map((x) => analyzeExpr(x, ctx));
    if (args.length === 0 || args.length % 2) throw new SqlError('INVALID_CALL', 'MAP[] needs key/value pairs', e.span);
    const keys = commonType(args.filter((_, i) => i % 2 === 0), e.span, 'MAP keys');
    const values = commonType(args.filter((_, i) => i % 2 === 1), e.span, 'MAP values');
    return { kind: 'Construct', ctor: 'MAP', args: args.map((a, i) => castTo(a, i % 2 ? values : keys)), type: T.MAP(keys, values, false) };
  },
  RowConstructor: (e, ctx) => {
    const args = e.fields.map((x) => analyzeExpr(x, ctx));
    return { kind: 'Construct', ctor: 'ROW', args, type: T.ROW(args.map((a, i) => ({ name: `EXPR$${i}`, type: a.type })), false) };
  },
  Subscript: (e, ctx) => {
    const base = analyzeExpr(e.base, ctx);
    const key = analyzeExpr(e.index, ctx);
    if (base.type.kind === 'ARRAY') {
      if (!T.isExactInteger(key.type)) throw new SqlError('TYPE_MISMATCH', `Array index must be an integer, not ${typeToString(key.type)}`, e.index.span);
      return { kind: 'FieldAccess', base, access: { kind: 'item', key }, type: T.withNullability(base.type.element, true) };
    }
    if (base.type.kind === 'MAP') {
      return { kind: 'FieldAccess', base, access: { kind: 'item', key: castTo(key, base.type.key) }, type: T.withNullability(base.type.value, true) };
    }
    if (base.type.kind === 'ROW' && key.kind === 'Literal') {
      const idx = typeof key.value === 'number' ? key.value - 1 : base.type.fields.findIndex((f) => f.name === key.value);
      const f = base.type.fields[idx];
      if (f) return { kind: 'FieldAccess', base, access: { kind: 'field', index: idx }, type: T.withNullability(f.type, f.type.nullable || base.type.nullable) };
    }
    throw new SqlError('TYPE_MISMATCH', `Cannot apply '[]' to a value of type ${typeToString(base.type)}`, e.span);
  },
  FieldAccess: (e, ctx) => accessField(analyzeExpr(e.base, ctx), e.field, e.span),
  TimeUnitArg: (e) => unitLiteral(e.unit),
  NamedArg: (e) => unsupported(e.span, 'Named arguments', 'they are supported in table-valued functions in FROM'),
  DescriptorArg: (e) => unsupported(e.span, 'DESCRIPTOR', 'it is an argument of window table functions in FROM'),
  TableArg: (e) => unsupported(e.span, 'TABLE arguments', 'they are arguments of table functions in FROM'),
};

function unitLiteral(unit: string): RexLiteral {
  return literal(unit, T.CHAR(unit.length, false));
}

function accessField(base: Rex, field: string, span: Span): Rex {
  if (base.type.kind !== 'ROW') {
    throw new SqlError('TYPE_MISMATCH', `Cannot access field '${field}' of a value of type ${typeToString(base.type)}`, span);
  }
  const index = base.type.fields.findIndex((f) => f.name === field);
  if (index < 0) {
    const guess = closest(field, base.type.fields.map((f) => f.name));
    throw new SqlError('COLUMN_NOT_FOUND', `Field '${field}' not found in ${typeToString(base.type)}${guess ? `; did you mean '${guess}'?` : ''}`, span);
  }
  const f = base.type.fields[index]!;
  return { kind: 'FieldAccess', base, access: { kind: 'field', index }, type: T.withNullability(f.type, f.type.nullable || base.type.nullable) };
}

function expectBoolean(rex: Rex, span: Span, where: string): void {
  if (rex.type.kind !== 'BOOLEAN' && rex.type.kind !== 'NULL') {
    throw new SqlError('TYPE_MISMATCH', `${where} expects a BOOLEAN operand, but got ${typeToString(rex.type)}`, span);
  }
}

function unsupported(span: Span, what: string, why: string): never {
  throw new SqlError('UNSUPPORTED', `${what} is not supported here`, span, `weir does not plan this yet: ${why}.`);
}

function analyzeCall(e: A.FunctionCall, ctx: ExprContext): Rex {
  const name = e.name.length === 1 ? e.name[0]!.toUpperCase() : e.name.join('.');
  if (isAggregateName(name, ctx.functions) || e.over || e.filter) {
    if (e.over) throw new SqlError('INVALID_OVER', `OVER windows are only allowed in the SELECT list`, e.span);
    throw new SqlError('INVALID_AGGREGATE', `Aggregate function ${name} is not allowed in ${ctx.clause}`, e.span,
      ctx.clause === 'WHERE' ? 'Filter aggregated values with HAVING instead.' : undefined);
  }
  const special = analyzeSpecialCall(name, e, ctx);
  if (special) return special;
  const def = ctx.functions.resolve(e.name) ?? ctx.functions.resolve([name]);
  if (!def) {
    const guess = closest(name, ctx.functions.names());
    throw new SqlError('FUNCTION_NOT_FOUND', `No match found for function signature ${name}(${e.args.map(() => '<arg>').join(', ')})`, e.span,
      guess ? `Did you mean ${guess}?` : 'Register user functions with CREATE FUNCTION … LANGUAGE JAVASCRIPT.');
  }
  if (def.kind !== 'scalar') {
    throw new SqlError('INVALID_CALL', `Table function ${name} can only be used in FROM, e.g. LATERAL TABLE(${name}(…))`, e.span);
  }
  const clauses = jsonClauseArgs(name, e.args, e.json);
  const clauseArg = (c: ClauseArg): Rex =>
    c.kind === 'keyword' ? literal(c.value, T.CHAR(c.value.length, false))
      : c.kind === 'typedNull' ? literal(null, T.withNullability(c.type ? resolveType(c.type) : T.STRING(), true))
      : analyzeExpr(c.expr, ctx);
  const args = [...(clauses?.prepend ?? []).map(clauseArg), ...e.args.map((a) => analyzeExpr(a, ctx)), ...(clauses?.append ?? []).map(clauseArg)];
  const spans = [...(clauses?.prepend ?? []).map(() => e.span), ...e.args.map((a) => a.span), ...(clauses?.append ?? []).map(() => e.span)];
  return callFunction(def, name, args, spans, e.span, ctx);
}
