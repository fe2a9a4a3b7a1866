import type * as A from '../../sql/ast/index.js';
import { SqlError } from '../../types/errors.js';
import type { SortNode } from '../logical/plan-node.js';
import { analyzeExpr } from './analyze-expr.js';
import type { Relation } from './analyze-query.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope } from './scope.js';

/** ORDER BY / LIMIT / OFFSET over a query's output columns (by name, alias or ordinal). */
export function analyzeSort(q: A.Query, rel: Relation, env: PlannerEnv): Relation {
  const scope = new Scope(rel.columns);
  const ctx = { scope, functions: env.functions, session: env.session, clause: 'ORDER BY' };
  const keys = q.orderBy.map((o) => {
    let index: number;
    if (o.expr.kind === 'NumericLiteral') {
      index = Number(o.expr.text) - 1;
      if (!(index >= 0 && index < rel.columns.length)) throw new SqlError('INVALID_ORDER_BY', `Ordinal out of range: ${o.expr.text}`, o.expr.span);
    } else {
      const rex = analyzeExpr(o.expr, ctx);
      if (rex.kind !== 'InputRef') {
        throw new SqlError('UNSUPPORTED', 'ORDER BY expressions must be columns of the select list', o.expr.span, 'Add the expression to the SELECT list with an alias and order by the alias.');
      }
      index = rex.index;
    }
    // Flink's default null collation is LOW: NULLS FIRST for ASC, NULLS LAST for DESC.
    return { index, direction: o.direction, nullsFirst: o.nulls ? o.nulls === 'FIRST' : o.direction === 'ASC' };
  });
  const count = (e: A.Expr | undefined, what: string): number | undefined => {
    if (!e) return undefined;
    const rex = analyzeExpr(e, ctx);
    const v = rex.kind === 'Literal' ? Number(rex.value) : NaN;
    if (!Number.isInteger(v) || v < 0) throw new SqlError('INVALID_LIMIT', `${what} must be a non-negative integer literal`, e.span);
    return v;
  };
  const node: SortNode = { kind: 'Sort', input: rel.node, keys, limit: count(q.limit, 'LIMIT'), offset: count(q.offset, 'OFFSET'), fields: rel.node.fields };
  return { node, columns: rel.columns };
}
