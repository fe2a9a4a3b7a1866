import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { Field, PlanNode } from '../logical/plan-node.js';
import { inputRef, type Rex } from '../rex.js';
import { analyzeAggregate, isAggregateSelect } from './analyze-aggregate.js';
import { analyzeExpr, analyzePredicate } from './analyze-expr.js';
import { analyzeFrom } from './analyze-from.js';
import { analyzeOver, overCalls } from './analyze-over.js';
import type { Relation } from './analyze-query.js';
import { planSubqueryFilters } from './analyze-subquery.js';
import type { ExprContext } from './expr-context.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope } from './scope.js';
import { stateTtlHint } from './state-ttl-hint.js';
import { intervalJoinWithWhere } from './where-into-join.js';
import { joinScalarSubqueries } from './scalar-subquery.js';

/** Analyzes one SELECT block: FROM, WHERE, GROUP BY/HAVING, OVER, the select list, DISTINCT. */
export function analyzeSelect(s: A.Select, env: PlannerEnv): Relation {
  let from: Relation = s.from ? analyzeFrom(s.from, env) : { node: { kind: 'Values', rows: [[]], fields: [] }, columns: [] };
  const aggregating = isAggregateSelect(s, env.functions);
  const ttl = stateTtlHint(s, from.node.kind === 'Join' && !from.node.temporal, aggregating);
  if (ttl.join && from.node.kind === 'Join') from = { ...from, node: { ...from.node, stateTtl: ttl.join } };
  // A WHERE that makes the join below an interval join becomes its condition (before time attributes are decided, as in Flink).
  const joined = s.where ? intervalJoinWithWhere(from, s.where, env) : undefined;
  if (joined) from = joined;
  const scope = new Scope(from.columns);
  // Scalar subqueries in WHERE (and in the select list without GROUP BY) become LEFT JOINs.
  const scalar = joinScalarSubqueries([s.where, ...(aggregating ? [] : s.items.map((i) => i.expr))], from.node, { scope, functions: env.functions, session: env.session, clause: 'WHERE' }, env);
  const ctx: ExprContext = { scope, functions: env.functions, session: env.session, clause: 'SELECT', ...(scalar.substitute ? { substitute: scalar.substitute } : {}) };
  let input: PlanNode = scalar.node;
  if (s.where && !joined) {
    // IN / EXISTS subqueries in WHERE become semi / anti joins; the rest is a filter.
    const { node, rest } = planSubqueryFilters(s.where, input, ctx, env);
    input = node;
    if (rest) {
      const condition = analyzePredicate(rest, { ...ctx, clause: 'WHERE' });
      input = { kind: 'Calc', input, projects: input.fields.map((f, i) => inputRef(i, f.type)), condition, fields: input.fields };
    }
  }
  let projects: Rex[] = [];
  const names: (string | undefined)[] = [];
  let node: PlanNode;
  if (aggregating) {
    const agg = analyzeAggregate(s, input, ctx);
    node = withAggregateTtl(agg.node, ttl.aggregate);
    projects = agg.projects;
    names.push(...agg.names);
  } else {
    let itemCtx = ctx;
    node = input;
    if (overCalls(s.items).length > 0) {
      const over = analyzeOver(s, input, ctx);
      node = over.node;
      itemCtx = { ...ctx, substitute: (e) => over.substitute(e) ?? ctx.substitute?.(e) };
    }
    for (const item of s.items) {
      if (item.expr.kind === 'Star') {
        const q = item.expr.qualifier;
        const cols = from.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.hiddenFromStar && (!q || c.qualifier === q[q.length - 1]));
        if (q && cols.length === 0) throw new SqlError('TABLE_NOT_FOUND', `Table '${q.join('.')}' not found`, item.expr.span);
        for (const { c, i } of cols) {
          projects.push(inputRef(i, c.type));
          names.push(c.name);
        }
        continue;
      }
      projects.push(analyzeExpr(item.expr, itemCtx));
      names.push(item.alias ?? defaultName(item.expr, names.length));
    }
  }
  s.items.forEach((item, i) => {
    if (item.expr.kind !== 'Star' && names[i] === undefined) names[i] = defaultName(item.expr, i);
  });
  const fields = dedupeNames(projects.map((p, i) => ({ name: names[i] ?? `EXPR$${i}`, type: p.type })));
  const identity = projects.length === node.fields.length && projects.every((p, i) => p.kind === 'InputRef' && p.index === i);
  node = identity && node.fields.every((f, i) => f.name === fields[i]!.name) ? node : { kind: 'Calc', input: node, projects, fields };
  if (s.distinct) {
    node = { kind: 'Aggregate', input: node, groupKeys: fields.map((_, i) => i), aggCalls: [], fields: fields.map((f) => ({ name: f.name, type: T.withoutTimeAttribute(f.type) })) };
  }
  return { node, columns: node.fields.map((f) => ({ name: f.name, type: f.type })) };
}

/** Puts a STATE_TTL hint's time-to-live on the group aggregation (below a HAVING / projection Calc). */
function withAggregateTtl(node: PlanNode, ttl: number | undefined): PlanNode {
  if (ttl === undefined) return node;
  if (node.kind === 'Aggregate') return { ...node, stateTtl: ttl };
  return node.kind === 'Calc' ? { ...node, input: withAggregateTtl(node.input, ttl) } : node;
}

function defaultName(e: A.Expr, index: number): string {
  if (e.kind === 'ColumnRef') return e.names[e.names.length - 1]!;
  if (e.kind === 'FieldAccess') return e.field;
  return `EXPR$${index}`;
}

/** Flink makes duplicate output names unique with a numeric suffix (`a`, `a0`). */
function dedupeNames(fields: Field[]): Field[] {
  const seen = new Set<string>();
  return fields.map((f) => {
    let name = f.name;
    for (let i = 0; seen.has(name); i++) name = `${f.name}${i}`;
    seen.add(name);
    return name === f.name ? f : { ...f, name };
  });
}
