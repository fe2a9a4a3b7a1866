import type { CatalogTable } from '../catalog/catalog-table.js';
import { identifierString } from '../catalog/catalog-table.js';
import type * as A from '../sql/ast/index.js';
import * as T from '../types/data-type.js';
import { SqlError } from '../types/errors.js';
import { typeToString } from '../types/type-string.js';
import { canCast } from '../types/type-inference.js';
import { analyzeExpr } from './analyzer/analyze-expr.js';
import { analyzeQuery, type Relation } from './analyzer/analyze-query.js';
import type { PlannerEnv } from './analyzer/planner-env.js';
import { Scope } from './analyzer/scope.js';
import { resolveConnectors } from './resolve-connectors.js';
import { optimize } from './rules/optimize.js';
import { describeNode } from './explain.js';
import type { Field, PlanNode, PlannedJob, SinkNode } from './logical/plan-node.js';
import { inputRef, literal, type Rex } from './rex.js';
import { castTo } from './analyzer/analyze-expr.js';

/** Plans INSERTs (one, or a statement set) or a top-level query into one job. */
export function planJob(stmt: A.Insert | A.StatementSet | A.QueryStatement, sessionEnv: PlannerEnv): PlannedJob {
  const env: PlannerEnv = { ...sessionEnv, scans: new Map() };
  let sinks: SinkNode[];
  if (stmt.kind === 'QueryStatement') sinks = [planCollect(analyzeQuery(stmt.query, env), stmt.span)];
  else if (stmt.kind === 'Insert') sinks = [planInsert(stmt, env)];
  else {
    if (stmt.inserts.length === 0) throw new SqlError('EMPTY_STATEMENT_SET', 'A statement set must contain at least one INSERT', stmt.span);
    sinks = stmt.inserts.map((i) => planInsert(i, env));
  }
  const optimized = optimize(sinks, env);
  return { sinks: optimized, ...resolveConnectors(optimized, env, describeNode) };
}

function planCollect(rel: Relation, span: A.QueryStatement['span']): SinkNode {
  return { kind: 'Sink', input: rel.node, options: new Map(), metadataKeys: [], overwrite: false, span, fields: rel.node.fields };
}

/** The columns an INSERT writes: physical, then persisted (non-virtual) metadata columns. */
export function sinkColumns(table: CatalogTable): { fields: Field[]; metadataKeys: string[] } {
  const fields: Field[] = [];
  const metadataKeys: string[] = [];
  for (const c of table.columns) if (c.kind === 'physical') fields.push({ name: c.name, type: c.type });
  for (const c of table.columns) {
    if (c.kind === 'metadata' && !c.virtual) {
      fields.push({ name: c.name, type: c.type });
      metadataKeys.push(c.key);
    }
  }
  return { fields, metadataKeys };
}

function planInsert(stmt: A.Insert, env: PlannerEnv): SinkNode {
  const id = env.catalog.qualify(stmt.table, stmt.tableSpan);
  const obj = env.catalog.getObject(id);
  if (!obj) throw new SqlError('TABLE_NOT_FOUND', `Object '${stmt.table.join('.')}' not found`, stmt.tableSpan);
  if (obj.kind !== 'table') throw new SqlError('INVALID_SINK', `Inserting into a view is not allowed: ${identifierString(id)}`, stmt.tableSpan);
  const { fields: target, metadataKeys } = sinkColumns(obj);
  const rel = analyzeQuery(stmt.query, env);
  // Columns the query provides: an explicit list, or all but statically partitioned ones.
  const staticCols = new Map(stmt.partition.map((p) => [p.column, p.value]));
  for (const p of stmt.partition) {
    if (!obj.partitionKeys.includes(p.column)) throw new SqlError('INVALID_PARTITION', `Column '${p.column}' is not a partition column of ${identifierString(id)}; partition columns: [${obj.partitionKeys.join(', ')}]`, stmt.span);
  }
  const provided = stmt.columns ?? target.map((f) => f.name).filter((n) => !staticCols.has(n));
  for (const c of provided) {
    if (!target.some((f) => f.name === c)) throw new SqlError('COLUMN_NOT_FOUND', `Unknown target column '${c}'`, stmt.tableSpan);
  }
  const sinkName = identifierString(id);
  if (rel.columns.length !== provided.length) {
    throw new SqlError('COLUMN_COUNT_MISMATCH',
      `Column types of query result and sink for '${sinkName}' do not match.\nCause: Different number of columns.\n\nQuery schema: [${schemaText(rel.node.fields)}]\nSink schema:  [${schemaText(provided.map((n) => target.find((f) => f.name === n)!))}]`,
      stmt.query.span);
  }
  const emptyCtx = { scope: new Scope([]), functions: env.functions, session: env.session, clause: 'PARTITION' };
  const projects: Rex[] = target.map((f) => {
    const pos = provided.indexOf(f.name);
    if (pos >= 0) {
      const src = rel.node.fields[pos]!;
      if (!canCast(src.type, f.type) || !assignable(src.type, f.type)) {
        throw new SqlError('TYPE_MISMATCH',
          `Column types of query result and sink for '${sinkName}' do not match.\nCause: Incompatible types for sink column '${f.name}' at position ${target.indexOf(f)}.\n\nQuery schema: [${schemaText(rel.node.fields)}]\nSink schema:  [${schemaText(target)}]`,
          stmt.query.span);
      }
      return castTo(inputRef(pos, T.withoutTimeAttribute(src.type)), f.type);
    }
    const fixed = staticCols.get(f.name);
    if (fixed) return castTo(analyzeExpr(fixed, emptyCtx), f.type);
    if (!f.type.nullable) throw new SqlError('NOT_NULL_COLUMN', `Column '${f.name}' of ${sinkName} is NOT NULL and has no value in the INSERT`, stmt.tableSpan);
    return literal(null, f.type);
  });
  const identity = projects.length === rel.node.fields.length && projects.every((p, i) => p.kind === 'InputRef' && p.index === i);
  const input: PlanNode = identity ? rel.node : { kind: 'Calc', input: rel.node, projects, fields: target };
  return { kind: 'Sink', input, table: obj, options: obj.options, metadataKeys, overwrite: stmt.overwrite, span: stmt.span, fields: target };
}

/** Flink's implicit assignment rules for INSERT: numeric widening, strings to strings, same families. */
function assignable(from: T.DataType, to: T.DataType): boolean {
  if (from.kind === 'NULL') return true;
  if (T.isNumeric(from) && T.isNumeric(to)) return true;
  if (T.isCharacterString(from) && T.isCharacterString(to)) return true;
  if (T.isBinaryString(from) && T.isBinaryString(to)) return true;
  if (T.isTimestamp(from) && T.isTimestamp(to)) return true;
  if (T.isInterval(from) && T.isInterval(to)) return from.kind === to.kind;
  return from.kind === to.kind;
}

function schemaText(fields: readonly Field[]): string {
  return fields.map((f) => `${f.name}: ${typeToString(f.type)}`).join(', ');
}
