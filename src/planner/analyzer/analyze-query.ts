import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { Span } from '../../types/span.js';
import { typeToString } from '../../types/type-string.js';
import type { Field, PlanNode } from '../logical/plan-node.js';
import { inputRef, type Rex } from '../rex.js';
import { analyzeExpr, castTo, commonType } from './analyze-expr.js';
import { analyzeSelect } from './analyze-select.js';
import { analyzeSort } from './analyze-sort.js';
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
  const rel = analyzeBody(q.body, inner);
  if (q.orderBy.length === 0 && !q.limit && !q.offset) return rel;
  const hidden = q.body.kind === 'Select' ? q.orderBy.filter((o) => !resolvesIn(o.expr, rel, inner)) : [];
  if (hidden.length === 0 || q.body.kind !== 'Select') return analyzeSort(q, rel, inner);
  // ORDER BY columns that are not selected: select them too, sort, then drop them again.
  const aliases = hidden.map((_, i) => `$sort${i}`);
  const extended: A.Select = { ...q.body, items: [...q.body.items, ...hidden.map((o, i) => ({ span: o.span, expr: o.expr, alias: aliases[i] }))] };
  const orderBy = q.orderBy.map((o) => {
    const i = hidden.indexOf(o);
    return i < 0 ? o : { ...o, expr: { kind: 'ColumnRef' as const, span: o.expr.span, names: [aliases[i]!] } };
  });
  const sorted = analyzeSort({ ...q, orderBy }, analyzeBody(extended, inner), inner);
  const width = rel.columns.length;
  const projects = sorted.node.fields.slice(0, width).map((f, i) => inputRef(i, f.type));
  return { node: { kind: 'Calc', input: sorted.node, projects, fields: sorted.node.fields.slice(0, width) }, columns: sorted.columns.slice(0, width) };
}

function resolvesIn(e: A.Expr, rel: Relation, env: PlannerEnv): boolean {
  if (e.kind === 'NumericLiteral') return true;
  try {
    analyzeExpr(e, { scope: new Scope(rel.columns), functions: env.functions, session: env.session, clause: 'ORDER BY' });
    return true;
  } catch {
    return false;
  }
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
  const inputs: Relation[] = [];
  const flatten = (b: A.QueryBody) => {
    if (b.kind === 'SetOperation' && b.op === op.op && b.all === op.all && (op.op === 'UNION' || b === op)) {
      flatten(b.left);
      flatten(b.right);
    } else inputs.push(analyzeBody(b, env));
  };
  flatten(op);
  const width = inputs[0]!.columns.length;
  const mismatch = inputs.find((i) => i.columns.length !== width);
  const what = `${op.op}${op.all ? ' ALL' : ''}`;
  if (mismatch) throw new SqlError('COLUMN_COUNT_MISMATCH', `Column count mismatch in ${what}: ${width} vs ${mismatch.columns.length}`, op.span);
  const types = inputs[0]!.columns.map((_, c) => commonType(inputs.map((i) => inputRef(c, i.node.fields[c]!.type)), op.span, `column ${c + 1} of ${what}`));
  // A column stays a time attribute when it is the same kind of time attribute in every input.
  const timeAttributeOf = (i: number): T.TimeAttribute | undefined => {
    const ts = inputs.map((r) => r.node.fields[i]!.type);
    const first = ts[0]!;
    const same = T.isTimestamp(first) && ts.every((t) => T.isTimestamp(t) && t.kind === first.kind && t.timeAttribute === first.timeAttribute);
    return same ? first.timeAttribute : undefined;
  };
  const fields: Field[] = inputs[0]!.columns.map((c, i) => {
    const attr = timeAttributeOf(i);
    return { name: c.name, type: attr ? { ...(types[i] as T.TimestampType), timeAttribute: attr } : T.withoutTimeAttribute(types[i]!) };
  });
  const aligned = inputs.map((i) => alignTo(i.node, fields));
  const node: PlanNode = op.op === 'UNION' && op.all ? { kind: 'Union', inputs: aligned, fields } : { kind: 'SetOp', op: op.op, all: op.all, inputs: aligned, fields };
  return { node, columns: fields.map((f) => ({ name: f.name, type: f.type })) };
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
