import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import { typeToString } from '../../types/type-string.js';
import type { CorrelateNode, Field } from '../logical/plan-node.js';
import { analyzeExpr } from './analyze-expr.js';
import type { Relation } from './analyze-query.js';
import type { ExprContext } from './expr-context.js';
import type { PlannerEnv } from './planner-env.js';

/** Columns UNNEST produces for a value of `type`: ROW elements spread, MAP as key/value, else one column. */
function unnestFields(type: T.DataType, span: A.Unnest['span']): Field[] {
  if (type.kind === 'ARRAY' || type.kind === 'MULTISET') {
    const el = type.element;
    return el.kind === 'ROW' ? el.fields.map((f) => ({ name: f.name, type: f.type })) : [{ name: 'f0', type: el }];
  }
  if (type.kind === 'MAP') return [{ name: 'f0', type: type.key }, { name: 'f1', type: type.value }];
  throw new SqlError('TYPE_MISMATCH', `UNNEST expects an ARRAY, MULTISET or MAP, but got ${typeToString(type)}`, span);
}

/** `LATERAL TABLE(f(x)) AS t(a, b)` / `UNNEST(arr) AS t(x)`: the rows a function yields per left row. */
export function analyzeCorrelate(ref: A.TableRef, left: Relation, joinType: 'INNER' | 'LEFT', ctx: ExprContext, _env: PlannerEnv): Relation {
  let call: string;
  let args;
  let produced: Field[];
  if (ref.kind === 'Unnest') {
    args = ref.exprs.map((e) => analyzeExpr(e, ctx));
    produced = args.flatMap((a, i) => unnestFields(a.type, ref.exprs[i]!.span));
    if (ref.withOrdinality) produced.push({ name: 'ORDINALITY', type: T.INT(false) });
    call = 'UNNEST';
  } else if (ref.kind === 'TableFunctionRef') {
    call = ref.call.name.join('.').toUpperCase();
    const def = ctx.functions.resolve(ref.call.name) ?? ctx.functions.resolve([call]);
    if (!def || def.kind !== 'table') {
      throw new SqlError('FUNCTION_NOT_FOUND', `No table function named ${call}`, ref.call.span,
        def ? `${call} is a scalar function; call it in SELECT.` : 'Register one with CREATE FUNCTION … LANGUAGE JAVASCRIPT (export const kind = \'table\').');
    }
    args = ref.call.args.map((e) => analyzeExpr(e, ctx));
    const rowType = def.inferType({ name: call, argTypes: args.map((a) => a.type), literals: args.map((a) => (a.kind === 'Literal' ? a.value : undefined)), ctx: ctx.session });
    produced = rowType.kind === 'ROW' ? rowType.fields.map((f) => ({ name: f.name, type: f.type })) : [{ name: 'f0', type: rowType }];
  } else {
    throw new SqlError('UNSUPPORTED', 'LATERAL subqueries are not supported yet', ref.span, 'Use LATERAL TABLE(function(…)) or UNNEST.');
  }
  const aliases = ref.columnAliases;
  if (aliases && aliases.length !== produced.length) {
    throw new SqlError('COLUMN_COUNT_MISMATCH', `List of column aliases must have same degree as table; table has ${produced.length} columns, whereas alias list has ${aliases.length} columns`, ref.span);
  }
  const right = produced.map((f, i) => ({ name: aliases?.[i] ?? f.name, type: joinType === 'LEFT' ? T.withNullability(f.type, true) : f.type, qualifier: ref.alias }));
  const columns = [...left.columns, ...right];
  const node: CorrelateNode = { kind: 'Correlate', input: left.node, joinType, call, args, withOrdinality: ref.kind === 'Unnest' && ref.withOrdinality, fields: [...left.node.fields, ...right.map((c) => ({ name: c.name, type: c.type }))] };
  return { node, columns };
}
