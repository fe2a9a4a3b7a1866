import type * as A from '../../sql/ast/index.js';
import { SqlError } from '../../types/errors.js';
import { analyzeQuery, type Relation } from './analyze-query.js';
import { planTableScan } from './analyze-table.js';
import type { PlannerEnv } from './planner-env.js';
import { closest } from './suggest.js';
import { analyzeJoin } from './analyze-join.js';
import { analyzeCorrelate } from './analyze-correlate.js';
import { analyzeWindowTvf, WINDOW_TVFS } from './analyze-window-tvf.js';
import { analyzeMatchRecognize } from './analyze-match-recognize.js';
import { Scope } from './scope.js';

/** Analyzes a FROM item into a relation whose columns carry their table qualifier. */
export function analyzeFrom(ref: A.TableRef, env: PlannerEnv): Relation {
  switch (ref.kind) {
    case 'TableName':
      return withAlias(analyzeTableName(ref, env), ref.alias ?? ref.name[ref.name.length - 1]!, ref.columnAliases, ref);
    case 'SubqueryRef':
      if (ref.lateral) throw unsupported(ref, 'LATERAL subqueries', 'correlated subqueries come with the changelog engine');
      return withAlias(analyzeQuery(ref.query, env), ref.alias, ref.columnAliases, ref);
    case 'Join':
      return analyzeJoin(ref, env);
    case 'TableFunctionRef':
      if (!ref.lateral && ref.call.name.length === 1 && WINDOW_TVFS.has(ref.call.name[0]!.toUpperCase())) return analyzeWindowTvf(ref, env);
      return analyzeCorrelate(ref, { node: { kind: 'Values', rows: [[]], fields: [] }, columns: [] }, 'INNER', { scope: new Scope([]), functions: env.functions, session: env.session, clause: 'FROM' }, env);
    case 'Unnest':
      throw unsupported(ref, 'UNNEST outside a join', 'use CROSS JOIN UNNEST(…)');
    case 'MatchRecognize':
      return withAlias(analyzeMatchRecognize(ref, env), ref.alias, ref.columnAliases, ref);
  }
}

function unsupported(ref: A.TableRef, what: string, why: string): SqlError {
  return new SqlError('UNSUPPORTED', `${what} are not supported by the embedded engine yet`, ref.span, `weir does not run this yet: ${why}.`);
}

function analyzeTableName(ref: A.TableName, env: PlannerEnv): Relation {
  if (ref.forSystemTime) throw unsupported(ref, 'FOR SYSTEM_TIME AS OF (temporal joins)', 'temporal and lookup joins come with the changelog engine');
  if (ref.name.length === 1) {
    const cte = env.ctes.get(ref.name[0]!);
    if (cte) {
      const inner = new Map(env.ctes);
      inner.delete(ref.name[0]!);
      return withAlias(analyzeQuery(cte.query, { ...env, ctes: inner }), undefined, cte.columns, ref);
    }
  }
  const id = env.catalog.qualify(ref.name, ref.span);
  const obj = env.catalog.getObject(id);
  if (!obj) {
    const guess = closest(id.name, [...env.catalog.listObjects('any', id.catalog, id.database), ...env.ctes.keys()]);
    throw new SqlError('TABLE_NOT_FOUND', `Object '${ref.name.join('.')}' not found`, ref.span,
      guess ? `Did you mean '${guess}'?` : `Tables in ${id.catalog}.${id.database}: ${env.catalog.listObjects('any', id.catalog, id.database).join(', ') || '(none)'}.`);
  }
  if (obj.kind === 'view') {
    const rel = analyzeQuery(obj.query, { ...env, ctes: new Map() });
    return withAlias(rel, undefined, obj.columnNames, ref);
  }
  const node = planTableScan(obj, ref.hints, ref.span, env);
  return { node, columns: node.fields.map((f) => ({ name: f.name, type: f.type })) };
}

/** Applies `AS alias (c1, c2, …)`: sets the qualifier and renames columns. */
function withAlias(rel: Relation, alias: string | undefined, columnAliases: readonly string[] | undefined, ref: A.TableRef): Relation {
  if (columnAliases && columnAliases.length !== rel.columns.length) {
    throw new SqlError('COLUMN_COUNT_MISMATCH', `List of column aliases must have same degree as table; table has ${rel.columns.length} columns, whereas alias list has ${columnAliases.length} columns`, ref.span);
  }
  return {
    node: rel.node,
    columns: rel.columns.map((c, i) => ({ name: columnAliases?.[i] ?? c.name, type: c.type, qualifier: alias ?? c.qualifier })),
  };
}
