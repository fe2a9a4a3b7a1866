import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import { belowCalcs, type AggregateNode, type JoinNode, type PlanNode } from '../logical/plan-node.js';
import { and, inputRef, literal, type Rex } from '../rex.js';
import { isAggregateSelect } from './analyze-aggregate.js';
import { analyzeExpr, callFunction, operator } from './analyze-expr.js';
import { analyzeFrom } from './analyze-from.js';
import { analyzeQuery, type Relation } from './analyze-query.js';
import { analyzeSelect } from './analyze-select.js';
import type { ExprContext } from './expr-context.js';
import { astConjuncts, walkExpr } from './expr-key.js';
import { isNameError } from './analyze-subquery.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope } from './scope.js';

/** The input with one column per scalar subquery joined on, and the expressions that read them. */
export interface ScalarSubqueries {
  readonly node: PlanNode;
  readonly substitute?: (e: A.Expr) => Rex | undefined;
}

/**
 * Scalar subqueries in `exprs`, planned as Flink's planner does once SubQueryRemoveRule has run:
 * each becomes the right side of a LEFT JOIN and the expression reads its column (NULL when the
 * subquery has no row).
 * - Uncorrelated: `input LEFT JOIN (subquery) ON TRUE`; unless the subquery is a global
 *   aggregate, SINGLE_VALUE makes it one row (more rows fail the job, as in Flink).
 * - Correlated by equalities in its WHERE (`inner.c = outer.c`), with an aggregate select item and
 *   no GROUP BY: the subquery groups by the inner columns and joins on the equalities. A bare
 *   COUNT reads 0 where no inner row matches (COUNT over no rows), not NULL.
 */
export function joinScalarSubqueries(exprs: readonly (A.Expr | undefined)[], input: PlanNode, ctx: ExprContext, env: PlannerEnv): ScalarSubqueries {
  const found: A.ScalarSubquery[] = [];
  for (const e of exprs) if (e) walkExpr(e, (x) => void (x.kind === 'ScalarSubquery' && found.push(x)));
  if (found.length === 0) return { node: input };
  const refs = new Map<A.Expr, Rex>();
  let node = input;
  for (const sq of found) {
    const width = node.fields.length;
    let sub = uncorrelated(sq, env);
    if (sub instanceof SqlError) sub = correlated(sq, ctx, env, width, sub);
    const value = inputRef(width + sub.valueIndex, T.withNullability(sub.node.fields[sub.valueIndex]!.type, true));
    refs.set(sq, sub.countBug ? zeroIfNull(value) : value);
    const join: JoinNode = { kind: 'Join', left: node, right: sub.node, joinType: 'LEFT', condition: sub.condition, fields: [...node.fields, ...sub.node.fields.map((f) => ({ ...f, type: T.withNullability(f.type, true) }))] };
    node = join;
  }
  return { node, substitute: (e) => refs.get(e) };
}

interface SubqueryJoin {
  readonly node: PlanNode;
  /** Over [outer columns…, subquery columns…]. */
  readonly condition: Rex;
  readonly valueIndex: number;
  /** The value is a bare COUNT: no matching row means 0. */
  readonly countBug?: boolean;
}

/** The subquery planned on its own, or the name error that says it reads outer columns. */
function uncorrelated(sq: A.ScalarSubquery, env: PlannerEnv): SubqueryJoin | SqlError {
  let rel: Relation;
  try {
    rel = analyzeQuery(sq.query, env);
  } catch (err) {
    if (isNameError(err)) return err as SqlError;
    throw err;
  }
  oneColumn(rel.node, sq);
  const below = belowCalcs(rel.node);
  const oneRow = below.kind === 'Aggregate' && below.groupKeys.length === 0 && !below.window;
  const field = rel.node.fields[0]!;
  const single: AggregateNode = {
    kind: 'Aggregate',
    input: rel.node,
    groupKeys: [],
    aggCalls: [{ name: 'SINGLE_VALUE', args: [0], distinct: false, type: T.withNullability(field.type, true), constants: [] }],
    fields: [{ name: field.name, type: T.withNullability(field.type, true) }],
  };
  return { node: oneRow ? rel.node : single, condition: literal(true, T.BOOLEAN(false)), valueIndex: 0 };
}

function correlated(sq: A.ScalarSubquery, outer: ExprContext, env: PlannerEnv, width: number, original: SqlError): SubqueryJoin {
  const q = sq.query;
  const s = q.body;
  const unsupported = (why: string) =>
    new SqlError('UNSUPPORTED', `This correlated scalar subquery is not supported by weir yet: ${why}`, sq.span, 'Rewrite it as a LEFT JOIN with a GROUP BY on the correlated columns.');
  if (s.kind !== 'Select' || q.with.length > 0 || q.orderBy.length > 0 || q.limit || !s.from) throw unsupported('it must be a plain SELECT … FROM … WHERE');
  if (s.groupBy.length > 0 || s.having || s.distinct) throw unsupported('it has GROUP BY, HAVING or DISTINCT');
  if (s.items.length !== 1) throw notOneColumn(sq, s.items.length);
  if (!isAggregateSelect(s, env.functions)) throw unsupported('its select item must be an aggregate (one value per outer row)');
  const columns = analyzeFrom(s.from, env).columns;
  const inner: ExprContext = { scope: new Scope(columns), functions: env.functions, session: env.session, clause: 'WHERE' };
  const both: ExprContext = { ...inner, scope: Scope.correlated(outer.scope, columns) };
  const local: A.Expr[] = [];
  const keys: { inner: A.Expr; outer: A.Expr }[] = [];
  for (const c of s.where ? astConjuncts(s.where) : []) {
    if (resolves(c, inner)) local.push(c);
    else if (c.kind === 'Binary' && c.op === '=' && resolves(c.left, inner) && resolves(c.right, outer)) keys.push({ inner: c.left, outer: c.right });
    else if (c.kind === 'Binary' && c.op === '=' && resolves(c.right, inner) && resolves(c.left, outer)) keys.push({ inner: c.right, outer: c.left });
    else if (!resolves(c, both)) throw original;
    else throw unsupported('its WHERE may relate inner and outer columns only by equalities (inner = outer)');
  }
  if (keys.length === 0) throw original;
  // SELECT inner keys…, item FROM … WHERE local GROUP BY inner keys
  const grouped: A.Select = {
    ...s,
    items: [...keys.map((k) => ({ span: k.inner.span, expr: k.inner })), s.items[0]!],
    where: local.reduce<A.Expr | undefined>((acc, e) => (acc ? { kind: 'Binary', op: 'AND', left: acc, right: e, span: e.span } : e), undefined),
    groupBy: keys.map((k) => ({ kind: 'GroupExpr' as const, span: k.inner.span, expr: k.inner })),
  };
  const rel = analyzeSelect(grouped, env);
  const conditions = keys.map((k, i) => {
    const left = analyzeExpr(k.outer, outer);
    const right = inputRef(width + i, rel.node.fields[i]!.type);
    return callFunction(operator('=', outer, k.outer.span), '=', [left, right], [k.outer.span, k.inner.span], k.outer.span, outer);
  });
  const condition = and(conditions);
  const item = s.items[0]!.expr;
  const countBug = item.kind === 'FunctionCall' && item.name.length === 1 && item.name[0]!.toUpperCase() === 'COUNT';
  return { node: rel.node, condition, valueIndex: keys.length, countBug };
}

function resolves(e: A.Expr, ctx: ExprContext): boolean {
  try {
    analyzeExpr(e, ctx);
    return true;
  } catch (err) {
    if (isNameError(err)) return false;
    throw err;
  }
}

function oneColumn(node: PlanNode, sq: A.ScalarSubquery): void {
  if (node.fields.length !== 1) throw notOneColumn(sq, node.fields.length);
}

function notOneColumn(sq: A.ScalarSubquery, columns: number): SqlError {
  return new SqlError('INVALID_SUBQUERY', `A scalar subquery must return exactly one column, but returns ${columns}`, sq.span, 'Select a single value, e.g. (SELECT MAX(x) FROM t).');
}

function zeroIfNull(value: Rex): Rex {
  const zero = literal(0n, T.BIGINT(false));
  return { kind: 'Case', whens: [{ when: { kind: 'IsNull', arg: value, negated: false, type: T.BOOLEAN(false) }, then: zero }], else: value, type: T.BIGINT(false) };
}

