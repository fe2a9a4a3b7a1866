import type { CatalogTable } from '../../catalog/catalog-table.js';
import { identifierString } from '../../catalog/catalog-table.js';
import type { Hint } from '../../sql/ast/index.js';
import type { DataType, TimestampType } from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { Span } from '../../types/span.js';
import { typeToString } from '../../types/type-string.js';
import type { Field, PlanNode } from '../logical/plan-node.js';
import { inputRef, type Rex } from '../rex.js';
import { analyzeExpr, castTo } from './analyze-expr.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope } from './scope.js';

/**
 * The columns a table's source reads: physical columns, then non-virtual and virtual metadata
 * columns (by key). Computed columns are evaluated on top of them.
 */
export function sourceColumns(table: CatalogTable): { fields: Field[]; metadataKeys: string[] } {
  const fields: Field[] = [];
  const metadataKeys: string[] = [];
  for (const c of table.columns) if (c.kind === 'physical') fields.push({ name: c.name, type: c.type });
  for (const c of table.columns) {
    if (c.kind === 'metadata' && !metadataKeys.includes(c.key)) {
      metadataKeys.push(c.key);
      fields.push({ name: c.name, type: c.type });
    }
  }
  return { fields, metadataKeys };
}

/** Scope of a table's physical and metadata columns: where computed columns and watermarks are analyzed. */
export function sourceScope(table: CatalogTable, qualifier: string): Scope {
  return new Scope(sourceColumns(table).fields.map((f) => ({ ...f, qualifier })));
}

/**
 * Plans reading a table: TableScan → Calc (computed columns, declared order) → WatermarkAssigner,
 * with the rowtime column marked as a time attribute.
 */
export function planTableScan(table: CatalogTable, hints: readonly Hint[], span: Span, env: PlannerEnv): PlanNode {
  const options = new Map(table.options);
  for (const h of hints) {
    if (h.name.toUpperCase() === 'OPTIONS') for (const [k, v] of h.options) options.set(k, v);
  }
  const key = `${identifierString(table.id)}|${JSON.stringify([...options].sort())}`;
  const shared = env.scans?.get(key);
  if (shared) return shared;
  const node = planNewTableScan(table, options, span, env);
  env.scans?.set(key, node);
  return node;
}

function planNewTableScan(table: CatalogTable, options: ReadonlyMap<string, string>, span: Span, env: PlannerEnv): PlanNode {
  const { fields: srcFields, metadataKeys } = sourceColumns(table);
  const scan: PlanNode = { kind: 'TableScan', table, metadataKeys, options, span, fields: srcFields };
  const scope = sourceScope(table, table.id.name);
  const ctx = { scope, functions: env.functions, session: env.session, clause: 'a computed column' };
  const projects: Rex[] = [];
  const fields: Field[] = [];
  for (const c of table.columns) {
    let rex: Rex;
    if (c.kind === 'computed') {
      rex = castTo(analyzeExpr(c.expr, ctx), c.type);
    } else {
      const idx = c.kind === 'physical' ? srcFields.findIndex((f) => f.name === c.name) : table.columns.filter((x) => x.kind === 'physical').length + metadataKeys.indexOf(c.key);
      rex = inputRef(idx, srcFields[idx]!.type);
    }
    projects.push(rex);
    fields.push({ name: c.name, type: rex.type });
  }
  const trivial = projects.length === srcFields.length && projects.every((p, i) => p.kind === 'InputRef' && p.index === i);
  let node: PlanNode = trivial ? scan : { kind: 'Calc', input: scan, projects, fields };
  if (table.watermark) {
    const rowtimeIndex = fields.findIndex((f) => f.name === table.watermark!.column);
    const wmScope = new Scope(fields.map((f) => ({ ...f, qualifier: table.id.name })));
    const watermark = analyzeExpr(table.watermark.expr, { ...ctx, scope: wmScope, clause: 'a watermark' });
    const rowtime = fields[rowtimeIndex]!.type as TimestampType;
    const marked: Field[] = fields.map((f, i) => (i === rowtimeIndex ? { name: f.name, type: { ...rowtime, timeAttribute: 'ROWTIME' } } : f));
    node = { kind: 'WatermarkAssigner', input: node, rowtimeIndex, watermark, fields: marked };
  }
  return node;
}

/** Checks a WATERMARK definition at CREATE TABLE time, as Flink does. */
export function checkWatermark(table: CatalogTable, env: PlannerEnv, span: Span): void {
  const wm = table.watermark;
  if (!wm) return;
  const col = table.columns.find((c) => c.name === wm.column);
  if (!col) {
    throw new SqlError('COLUMN_NOT_FOUND', `The rowtime attribute field '${wm.column}' is not defined in the table schema, at line ${span.start.line}, column ${span.start.col}`, span,
      `Columns: ${table.columns.map((c) => c.name).join(', ')}.`);
  }
  if (!isRowtimeType(col.type)) {
    throw new SqlError('INVALID_WATERMARK', `Invalid data type of time field for watermark definition. The field must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the time field type is ${typeToString(col.type)}`, span);
  }
  const fields = table.columns.map((c) => ({ name: c.name, type: c.type, qualifier: table.id.name }));
  const rex = analyzeExpr(wm.expr, { scope: new Scope(fields), functions: env.functions, session: env.session, clause: 'a watermark' });
  if (!isRowtimeType(rex.type)) {
    throw new SqlError('INVALID_WATERMARK', `Invalid data type of expression for watermark definition. The field must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the watermark expression type is ${typeToString(rex.type)}`, wm.expr.span);
  }
}

function isRowtimeType(t: DataType): boolean {
  return (t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') && t.precision <= 3;
}
