import type { CatalogTable, TableColumn, WatermarkSpec } from '../catalog/catalog-table.js';
import type * as A from '../sql/ast/index.js';
import * as T from '../types/data-type.js';
import { SqlError } from '../types/errors.js';
import { analyzeExpr } from '../planner/analyzer/analyze-expr.js';
import { checkWatermark } from '../planner/analyzer/analyze-table.js';
import type { PlannerEnv } from '../planner/analyzer/planner-env.js';
import { resolveType } from '../planner/analyzer/resolve-type.js';
import { Scope } from '../planner/analyzer/scope.js';

/** Builds a catalog table from CREATE TABLE (without AS): resolves types, applies LIKE, checks keys and watermark. */
export function createCatalogTable(stmt: A.CreateTable, env: PlannerEnv, sourceText: string): CatalogTable {
  const id = env.catalog.qualify(stmt.name, stmt.nameSpan);
  const like = stmt.like ? likeBase(stmt.like, env) : undefined;
  const columns: TableColumn[] = [...(like?.columns ?? [])];
  const addColumn = (c: TableColumn, span: A.ColumnDef['span']) => {
    if (columns.some((x) => x.name === c.name)) {
      throw new SqlError('DUPLICATE_COLUMN', `A column named '${c.name}' already exists in the table.`, span);
    }
    columns.push(c);
  };
  // Computed columns see physical and metadata columns, not each other (as in Flink); all keep declaration order.
  const base = computedColumnScope([
    ...columns.filter((c) => c.kind !== 'computed'),
    ...stmt.columns.flatMap((c) => (c.kind === 'PhysicalColumn' || c.kind === 'MetadataColumn' ? [{ name: c.name, type: resolveType(c.type) }] : [])),
  ], id.name);
  for (const c of stmt.columns) addColumn(c.kind === 'ComputedColumn' ? computedColumn(c, base, env) : storedColumn(c), c.span);
  // Primary key columns become NOT NULL.
  const pkDef = stmt.primaryKey ?? inlinePrimaryKey(stmt);
  let primaryKey = like?.primaryKey;
  if (pkDef) {
    if (primaryKey) throw new SqlError('DUPLICATE_PRIMARY_KEY', 'The base table already has a primary key. You might want to specify EXCLUDING CONSTRAINTS.', pkDef.span);
    checkNotEnforced(pkDef);
    for (const name of pkDef.columns) {
      const i = columns.findIndex((c) => c.name === name);
      if (i < 0) throw new SqlError('COLUMN_NOT_FOUND', `Could not create a PRIMARY KEY '${primaryKeyName(pkDef)}'. Column '${name}' does not exist.`, pkDef.span);
      const col = columns[i]!;
      if (col.kind !== 'physical') {
        throw new SqlError('INVALID_PRIMARY_KEY', `Could not create a PRIMARY KEY with column '${name}' at ${pkDef.span.start.line}:${pkDef.span.start.col}.\nA PRIMARY KEY constraint must be declared on physical columns.`, pkDef.span);
      }
      columns[i] = { ...col, type: T.withNullability(col.type, false) };
    }
    primaryKey = { name: primaryKeyName(pkDef), columns: pkDef.columns };
  }
  let watermark: WatermarkSpec | undefined = like?.watermark;
  if (stmt.watermark) {
    if (watermark) throw new SqlError('DUPLICATE_WATERMARK', 'There already exists a watermark spec in the base table. You might want to specify EXCLUDING WATERMARKS or OVERWRITING WATERMARKS.', stmt.watermark.span);
    watermark = watermarkSpec(stmt.watermark, sourceText);
  }
  for (const k of stmt.partitionedBy) {
    if (!columns.some((c) => c.name === k)) throw new SqlError('COLUMN_NOT_FOUND', `Partition column '${k}' not defined in the table schema. Available columns: [${columns.map((c) => `'${c.name}'`).join(', ')}]`, stmt.span);
  }
  const options = new Map(like?.options ?? []);
  for (const o of stmt.options) options.set(o.key, o.value);
  const table: CatalogTable = {
    kind: 'table',
    id,
    columns,
    watermark,
    primaryKey,
    partitionKeys: stmt.partitionedBy.length > 0 ? stmt.partitionedBy : (like?.partitionKeys ?? []),
    options,
    comment: stmt.comment,
    temporary: stmt.temporary,
    span: stmt.span,
  };
  checkWatermark(table, env, stmt.watermark?.columnSpan ?? stmt.watermark?.span ?? stmt.span);
  return table;
}

/** A physical or metadata column definition as a catalog column (its type resolved). */
export function storedColumn(c: A.PhysicalColumn | A.MetadataColumn, comment: string | undefined = c.comment): TableColumn {
  return c.kind === 'PhysicalColumn'
    ? { kind: 'physical', name: c.name, type: resolveType(c.type), comment }
    : { kind: 'metadata', name: c.name, type: resolveType(c.type), key: c.from ?? c.name, virtual: c.virtual, comment };
}

/** What a computed column's expression may reference: the physical and metadata columns (not other computed ones, as in Flink). */
export function computedColumnScope(columns: readonly { readonly name: string; readonly type: T.DataType }[], qualifier: string): Scope {
  return new Scope(columns.map((c) => ({ name: c.name, type: c.type, qualifier })));
}

/** Types a computed column's expression; an untyped NULL becomes STRING. */
export function computedColumn(c: { readonly name: string; readonly expr: A.Expr; readonly comment?: string | undefined }, scope: Scope, env: PlannerEnv): TableColumn {
  const rex = analyzeExpr(c.expr, { scope, functions: env.functions, session: env.session, clause: 'a computed column' });
  return { kind: 'computed', name: c.name, type: rex.type.kind === 'NULL' ? T.STRING() : rex.type, expr: c.expr, comment: c.comment };
}

/** Flink only has NOT ENFORCED primary keys. */
export function checkNotEnforced(pkDef: A.PrimaryKeyDef): void {
  if (pkDef.enforced) {
    throw new SqlError('ENFORCED_PRIMARY_KEY', "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint. ENFORCED/NOT ENFORCED  controls if the constraint checks are performed on the incoming/outgoing data. Flink does not own the data therefore the only supported mode is the NOT ENFORCED mode", pkDef.span);
  }
}

/** `CONSTRAINT name`, or Flink's generated `PK_col1_col2`. */
export function primaryKeyName(pkDef: A.PrimaryKeyDef): string {
  return pkDef.name ?? `PK_${pkDef.columns.join('_')}`;
}

/** The watermark as stored in the catalog, with its expression text as written. */
export function watermarkSpec(w: A.WatermarkDef, sourceText: string): WatermarkSpec {
  return { column: w.column.join('.'), expr: w.expr, exprText: sourceText.slice(w.expr.span.start.offset, w.expr.span.end.offset) };
}

function inlinePrimaryKey(stmt: A.CreateTable): A.PrimaryKeyDef | undefined {
  const cols = stmt.columns.filter((c) => c.kind === 'PhysicalColumn' && c.primaryKey);
  if (cols.length > 1) throw new SqlError('DUPLICATE_PRIMARY_KEY', 'Duplicate primary key definition', cols[1]!.span);
  const c = cols[0];
  return c ? { span: c.span, columns: [c.name], enforced: false } : undefined;
}

type LikeParts = Pick<CatalogTable, 'columns' | 'watermark' | 'primaryKey' | 'partitionKeys' | 'options'>;

/** What `LIKE base (…)` contributes, per Flink's merging rules (default: INCLUDING ALL OVERWRITING OPTIONS). */
function likeBase(like: A.LikeClause, env: PlannerEnv): LikeParts {
  const obj = env.catalog.getObject(env.catalog.qualify(like.table, like.span));
  if (!obj || obj.kind !== 'table') throw new SqlError('TABLE_NOT_FOUND', `Source table '${like.table.join('.')}' of the LIKE clause not found in the catalog`, like.span);
  const mode = (feature: A.LikeFeature): 'INCLUDING' | 'EXCLUDING' | 'OVERWRITING' => {
    const specific = like.options.find((o) => o.feature === feature);
    if (specific) return specific.mode;
    const all = like.options.find((o) => o.feature === 'ALL');
    if (all) return all.mode === 'EXCLUDING' ? 'EXCLUDING' : feature === 'OPTIONS' ? 'OVERWRITING' : 'INCLUDING';
    return feature === 'OPTIONS' ? 'OVERWRITING' : 'INCLUDING';
  };
  const keep = (f: A.LikeFeature) => mode(f) !== 'EXCLUDING';
  return {
    columns: obj.columns.filter((c) => c.kind === 'physical' || (c.kind === 'computed' ? keep('GENERATED') : keep('METADATA'))),
    watermark: keep('WATERMARKS') ? obj.watermark : undefined,
    primaryKey: keep('CONSTRAINTS') ? obj.primaryKey : undefined,
    partitionKeys: keep('PARTITIONS') ? obj.partitionKeys : [],
    options: keep('OPTIONS') ? obj.options : new Map(),
  };
}
