import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { JoinNode, PlanNode } from '../logical/plan-node.js';
import { and, inputRef, type Rex } from '../rex.js';
import { analyzeExpr, analyzePredicate, callFunction, operator } from './analyze-expr.js';
import { analyzeFrom } from './analyze-from.js';
import { analyzeQuery, type Relation } from './analyze-query.js';
import type { ExprContext } from './expr-context.js';
import { astConjuncts } from './expr-key.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope } from './scope.js';


/** A subquery as the right side of a semi/anti join: its plan and the join condition's correlated part. */
interface SubqueryJoin {
  readonly node: PlanNode;
  /** Conditions over [outer columns…, subquery columns…]. */
  readonly conditions: Rex[];
  /** Index (in the subquery's output) of the value IN compares with. */
  readonly valueIndex: number;
}

/**
 * Turns top-level `[NOT] IN (subquery)` and `[NOT] EXISTS (subquery)` conjuncts of a WHERE into
 * SEMI / ANTI joins, as Flink's planner does; returns the remaining condition. Correlated
 * subqueries are decorrelated: their WHERE conjuncts that read outer columns join the condition.
 */
export function planSubqueryFilters(where: A.Expr, input: PlanNode, ctx: ExprContext, env: PlannerEnv): { node: PlanNode; rest?: A.Expr } {
  let node = input;
  const rest: A.Expr[] = [];
  for (const c of astConjuncts(where)) {
    const negated = c.kind === 'Unary' && c.op === 'NOT';
    const inner = negated ? (c as A.Unary).operand : c;
    if (inner.kind !== 'InSubquery' && inner.kind !== 'Exists') {
      rest.push(c);
      continue;
    }
    const sub = subqueryJoin(inner.query, ctx, env);
    const width = node.fields.length;
    const conditions = [...sub.conditions];
    const anti = negated !== (inner.kind === 'InSubquery' && inner.negated);
    if (inner.kind === 'InSubquery') {
      const left = analyzeExpr(inner.operand, ctx);
      const right = inputRef(width + sub.valueIndex, sub.node.fields[sub.valueIndex]!.type);
      const eq = callFunction(operator('=', ctx, inner.span), '=', [left, right], [inner.operand.span, inner.query.span], inner.span, ctx);
      // NOT IN is null-aware: a NULL on either side makes the row "maybe in", so it is not kept.
      const nullAware: Rex = { kind: 'Logical', op: 'OR', args: [eq, { kind: 'IsNull', arg: eq, negated: false, type: T.BOOLEAN(false) }], type: T.BOOLEAN(false) };
      conditions.push(anti ? nullAware : eq);
    }
    const join: JoinNode = { kind: 'Join', left: node, right: sub.node, joinType: anti ? 'ANTI' : 'SEMI', condition: and(conditions), fields: node.fields };
    node = join;
  }
  const remaining = rest.reduce<A.Expr | undefined>((acc, e) => (acc ? { kind: 'Binary', op: 'AND', left: acc, right: e, span: e.span } : e), undefined);
  return { node, rest: remaining };
}

function subqueryJoin(q: A.Query, outer: ExprContext, env: PlannerEnv): SubqueryJoin {
  let rel: Relation;
  try {
    rel = analyzeQuery(q, env);
  } catch (err) {
    const correlated = isNameError(err) && q.body.kind === 'Select' && q.with.length === 0 && q.orderBy.length === 0 && !q.limit;
    if (!correlated) throw err;
    return correlatedJoin(q.body as A.Select, outer, env, err as SqlError);
  }
  if (q.body.kind !== 'Query' && rel.columns.length === 0) throw new SqlError('INVALID_SUBQUERY', 'A subquery must return columns', q.span);
  return { node: rel.node, conditions: [], valueIndex: 0 };
}

/** A name that does not resolve: in a subquery, a sign that it reads the outer query's columns. */
export function isNameError(err: unknown): boolean {
  return err instanceof SqlError && (err.code === 'COLUMN_NOT_FOUND' || err.code === 'TABLE_NOT_FOUND');
}

/**
 * `… WHERE EXISTS (SELECT … FROM r WHERE r.k = outer.k AND r.x > 1)`: the subquery keeps the
 * conjuncts over its own columns; those reading outer columns become join conditions.
 */
function correlatedJoin(s: A.Select, outer: ExprContext, env: PlannerEnv, original: SqlError): SubqueryJoin {
  if (!s.from || s.groupBy.length > 0 || s.having || s.distinct) throw unsupported(original);
  const from = analyzeFrom(s.from, env);
  const own = new Scope(from.columns);
  const ctx: ExprContext = { scope: own, functions: env.functions, session: env.session, clause: 'WHERE' };
  const combined: ExprContext = { ...ctx, scope: Scope.correlated(outer.scope, from.columns) };
  const local: Rex[] = [];
  const correlated: A.Expr[] = [];
  for (const c of s.where ? astConjuncts(s.where) : []) {
    try {
      local.push(analyzePredicate(c, ctx));
    } catch (err) {
      if (!isNameError(err)) throw err;
      correlated.push(c);
    }
  }
  if (correlated.length === 0) throw original;
  if (s.items.length !== 1) throw new SqlError('INVALID_SUBQUERY', `The subquery must return one column, but returns ${s.items.length}`, s.span);
  const width = from.columns.length;
  const item = s.items[0]!;
  // EXISTS (SELECT * …) needs no value column; IN compares with the selected expression.
  const value = item.expr.kind === 'Star' ? undefined : analyzeExpr(item.expr, { ...ctx, clause: 'SELECT' });
  const projects = [...from.node.fields.map((f, i) => inputRef(i, f.type)), ...(value ? [value] : [])];
  const node: PlanNode = {
    kind: 'Calc',
    input: from.node,
    projects,
    condition: local.length > 0 ? and(local) : undefined,
    fields: [...from.node.fields, ...(value ? [{ name: '$in', type: value.type }] : [])],
  };
  // The combined scope numbers outer columns first, exactly like the join's [left…, right…].
  const conditions = correlated.map((c) => analyzePredicate(c, combined));
  return { node, conditions, valueIndex: value ? width : 0 };
}

function unsupported(original: SqlError): SqlError {
  return new SqlError('UNSUPPORTED', `${original.message}; correlated subqueries with GROUP BY, DISTINCT or HAVING are not supported by weir yet`, original.span,
    'Rewrite the subquery as a JOIN.');
}
