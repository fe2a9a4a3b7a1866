import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { Span } from '../../types/span.js';
import { typeToString } from '../../types/type-string.js';
import type { Field, PlanNode } from '../logical/plan-node.js';
import { inputRef, type Rex } from '../rex.js';
import { analyzeExpr, analyzePredicate, castTo, commonType } from './analyze-expr.js';
import { analyzeFrom } from './analyze-from.js';
import type { ExprContext } from './expr-context.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope, type ScopeColumn } from './scope.js';

/** A query's plan and the names of its output columns. */
export interface Relation {
  readonly node: PlanNode;
  /** Columns as seen by an enclosing FROM (qualifier set by the alias there). */
  readonly columns: readonly ScopeColumn[];
}

/** Analyzes a query into a logical plan. */
export function analyzeQuery(q: A.Query, env: PlannerEnv): Relation {
  let inner = env;
  if (q.with.length > 0) {
    const ctes = new Map(env.ctes);
    for (const c of q.with) ctes.set(c.name, { query: c.query, columns: c.columns });
    inner = { ...env, ctes };
  }
  if (q.orderBy.length > 0) {
    throw new SqlError('UNSUPPORTED', 'ORDER BY is not supported by the embedded engine yet', q.orderBy[0]!.span,
      'Streaming ORDER BY needs a time attribute or a Top-N (ROW_NUMBER() … <= N), which come with the windowing and changelog work.');
  }
  if (q.limit || q.offset) {
    throw new SqlError('UNSUPPORTED', 'LIMIT/OFFSET is not supported by the embedded engine yet', (q.limit ?? q.offset)!.span,
      'Streaming LIMIT is a Top-N operator, which comes with the changelog engine.');
  }
  return analyzeBody(q.body, inner);
}

function analyzeBody(body: A.QueryBody, env: PlannerEnv): Relation {
  switch (body.kind) {
    case 'Query':
      return analyzeQuery(body, env);
    case 'Select':
      return analyzeSelect(body, env);
    case 'Values':
      return analyzeValues(body, env);
    case 'SetOperation':
      return analyzeSetOperation(body, env);
  }
}

function analyzeSetOperation(op: A.SetOperation, env: PlannerEnv): Relation {
  if (op.op !== 'UNION' || !op.all) {
    throw new SqlError('UNSUPPORTED', `${op.op}${op.all ? ' ALL' : ''} is not supported by the embedded engine yet`, op.span,
      'UNION ALL works now; UNION, INTERSECT and EXCEPT need state and come with the changelog engine.');
  }
  const inputs: Relation[] = [];
  const flatten = (b: A.QueryBody) => {
    if (b.kind === 'SetOperation' && b.op === 'UNION' && b.all) {
      flatten(b.left);
      flatten(b.right);
    } else inputs.push(analyzeBody(b, env));
  };
  flatten(op);
  const width = inputs[0]!.columns.length;
  const mismatch = inputs.find((i) => i.columns.length !== width);
  if (mismatch) throw new SqlError('COLUMN_COUNT_MISMATCH', `Column count mismatch in UNION ALL: ${width} vs ${mismatch.columns.length}`, op.span);
  const types = inputs[0]!.columns.map((_, c) => commonType(inputs.map((i) => inputRef(c, i.node.fields[c]!.type)), op.span, `column ${c + 1} of UNION ALL`));
  const fields: Field[] = inputs[0]!.columns.map((c, i) => ({ name: c.name, type: T.withoutTimeAttribute(types[i]!) }));
  const aligned = inputs.map((i) => alignTo(i.node, fields));
  return { node: { kind: 'Union', inputs: aligned, fields }, columns: fields.map((f) => ({ name: f.name, type: f.type })) };
}

/** Casts a node's columns to the given fields' types, if they differ. */
export function alignTo(node: PlanNode, fields: readonly Field[]): PlanNode {
  const projects = node.fields.map((f, i) => castTo(inputRef(i, f.type), fields[i]!.type));
  if (projects.every((p) => p.kind === 'InputRef')) return node;
  return { kind: 'Calc', input: node, projects, fields: projects.map((p, i) => ({ name: fields[i]!.name, type: p.type })) };
}

function analyzeValues(v: A.Values, env: PlannerEnv): Relation {
  const ctx: ExprContext = { scope: new Scope([]), functions: env.functions, session: env.session, clause: 'VALUES' };
  const rows = v.rows.map((r) => r.map((e) => analyzeExpr(e, ctx)));
  const width = rows[0]!.length;
  const bad = rows.findIndex((r) => r.length !== width);
  if (bad >= 0) throw new SqlError('COLUMN_COUNT_MISMATCH', `Values passed to VALUES operator must have compatible types`, v.rows[bad]![0]?.span ?? v.span);
  const types = rows[0]!.map((_, c) => {
    const t = commonType(rows.map((r) => r[c]!), v.span, `column ${c + 1} of VALUES`);
    return t.kind === 'NULL' ? T.STRING(true) : t;
  });
  const fields: Field[] = types.map((type, i) => ({ name: `EXPR$${i}`, type }));
  const typed = rows.map((r) => r.map((x, c) => castTo(x, types[c]!)));
  return { node: { kind: 'Values', rows: typed, fields }, columns: fields.map((f) => ({ name: f.name, type: f.type })) };
}

function analyzeSelect(s: A.Select, env: PlannerEnv): Relation {
  const from: Relation = s.from ? analyzeFrom(s.from, env) : { node: { kind: 'Values', rows: [[]], fields: [] }, columns: [] };
  if (s.groupBy.length > 0 || s.having) {
    throw new SqlError('UNSUPPORTED', 'GROUP BY is not supported by the embedded engine yet', (s.groupBy[0]?.span ?? s.having!.span),
      'Aggregations come with the changelog engine and window work.');
  }
  if (s.distinct) {
    throw new SqlError('UNSUPPORTED', 'SELECT DISTINCT is not supported by the embedded engine yet', s.span, 'It needs state, which comes with the changelog engine.');
  }
  const scope = new Scope(from.columns);
  const ctx: ExprContext = { scope, functions: env.functions, session: env.session, clause: 'SELECT' };
  const condition = s.where ? analyzePredicate(s.where, { ...ctx, clause: 'WHERE' }) : undefined;
  const projects: Rex[] = [];
  const fields: Field[] = [];
  for (const item of s.items) {
    if (item.expr.kind === 'Star') {
      const q = item.expr.qualifier;
      const cols = from.columns.map((c, i) => ({ c, i })).filter(({ c }) => !q || c.qualifier === q[q.length - 1]);
      if (q && cols.length === 0) throw new SqlError('TABLE_NOT_FOUND', `Table '${q.join('.')}' not found`, item.expr.span);
      for (const { c, i } of cols) {
        projects.push(inputRef(i, c.type));
        fields.push({ name: c.name, type: c.type });
      }
      continue;
    }
    const rex = analyzeExpr(item.expr, ctx);
    projects.push(rex);
    fields.push({ name: item.alias ?? defaultName(item.expr, fields.length), type: rex.type });
  }
  const uniqueFields = dedupeNames(fields);
  const identity = !condition && projects.length === from.node.fields.length && projects.every((p, i) => p.kind === 'InputRef' && p.index === i);
  const node: PlanNode = identity ? from.node : { kind: 'Calc', input: from.node, projects, condition, fields: uniqueFields };
  return { node, columns: uniqueFields.map((f) => ({ name: f.name, type: f.type })) };
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

/** Checks that a query's columns can be written to a target's columns; returns the casts. */
export function coerceToTarget(rel: Relation, target: readonly Field[], span: Span, sinkName: string): PlanNode {
  if (rel.columns.length !== target.length) {
    throw new SqlError('COLUMN_COUNT_MISMATCH',
      `Column types of query result and sink for '${sinkName}' do not match.\nCause: Different number of columns.\n\nQuery schema: [${rel.node.fields.map((f) => `${f.name}: ${typeToString(f.type)}`).join(', ')}]\nSink schema:  [${target.map((f) => `${f.name}: ${typeToString(f.type)}`).join(', ')}]`,
      span);
  }
  return alignTo(rel.node, target.map((f) => ({ name: f.name, type: f.type })));
}
