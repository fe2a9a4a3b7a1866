import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { JoinNode, PlanNode } from '../logical/plan-node.js';
import { inputRef, type Rex } from '../rex.js';
import { analyzeExpr, callFunction, operator } from './analyze-expr.js';
import { analyzeQuery } from './analyze-query.js';
import type { ExprContext } from './expr-context.js';
import type { PlannerEnv } from './planner-env.js';

function conjuncts(e: A.Expr): A.Expr[] {
  return e.kind === 'Binary' && e.op === 'AND' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/**
 * Turns top-level `[NOT] IN (subquery)` and `[NOT] EXISTS (subquery)` conjuncts of a WHERE into
 * SEMI / ANTI joins, as Flink's planner does; returns the remaining condition.
 */
export function planSubqueryFilters(where: A.Expr, input: PlanNode, ctx: ExprContext, env: PlannerEnv): { node: PlanNode; rest?: A.Expr } {
  let node = input;
  const rest: A.Expr[] = [];
  for (const c of conjuncts(where)) {
    const negated = c.kind === 'Unary' && c.op === 'NOT';
    const inner = negated ? (c as A.Unary).operand : c;
    if (inner.kind !== 'InSubquery' && inner.kind !== 'Exists') {
      rest.push(c);
      continue;
    }
    const sub = analyzeSubquery(inner.query, env, ctx);
    const width = node.fields.length;
    let condition: Rex = { kind: 'Literal', value: true, type: T.BOOLEAN(false) };
    if (inner.kind === 'InSubquery') {
      if (sub.node.fields.length !== 1) throw new SqlError('INVALID_SUBQUERY', `The subquery of IN must return one column, but returns ${sub.node.fields.length}`, inner.query.span);
      const left = analyzeExpr(inner.operand, ctx);
      const right = inputRef(width, sub.node.fields[0]!.type);
      condition = callFunction(operator('=', ctx, inner.span), '=', [left, right], [inner.operand.span, inner.query.span], inner.span, ctx);
    }
    const anti = negated !== (inner.kind === 'InSubquery' && inner.negated);
    const join: JoinNode = { kind: 'Join', left: node, right: sub.node, joinType: anti ? 'ANTI' : 'SEMI', condition, fields: node.fields };
    node = join;
  }
  const remaining = rest.reduce<A.Expr | undefined>((acc, e) => (acc ? { kind: 'Binary', op: 'AND', left: acc, right: e, span: e.span } : e), undefined);
  return { node, rest: remaining };
}

/** Analyzes a non-correlated subquery; a reference to an outer column gets a clear error. */
function analyzeSubquery(q: A.Query, env: PlannerEnv, outer: ExprContext) {
  try {
    return analyzeQuery(q, env);
  } catch (err) {
    if (err instanceof SqlError && err.code === 'COLUMN_NOT_FOUND') {
      const name = /Column '([^']+)'/.exec(err.message)?.[1];
      if (name && outer.scope.columns.some((c) => c.name === name)) {
        throw new SqlError('UNSUPPORTED', `Correlated subqueries are not supported by weir yet (column '${name}' of the outer query)`, err.span,
          'Rewrite the subquery as a JOIN.');
      }
    }
    throw err;
  }
}
