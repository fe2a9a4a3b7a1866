import type { CatalogTable, TableColumn, WatermarkSpec } from '../catalog/catalog-table.js';
import { checkWatermark } from '../planner/analyzer/analyze-table.js';
import { walkExpr } from '../planner/analyzer/expr-key.js';
import type { PlannerEnv } from '../planner/analyzer/planner-env.js';
import type * as A from '../sql/ast/index.js';
import * as T from '../types/data-type.js';
import { PlanError, SqlError } from '../types/errors.js';
import type { Span } from '../types/span.js';
import { checkNotEnforced, computedColumn, computedColumnScope, primaryKeyName, storedColumn, watermarkSpec } from './create-table.js';
import type { Session } from './session.js';
import type { StatementResult } from './statement-result.js';

/** Flink prefixes every schema-change error of ALTER TABLE with this line. */
const PREFIX = 'Failed to execute ALTER TABLE statement.\n';

function fail(code: string, message: string, span: Span): never {
  throw new SqlError(code, PREFIX + message, span);
}

/** ALTER TABLE: rename, SET/RESET options, ADD/MODIFY schema components, DROP columns / PRIMARY KEY / WATERMARK, RENAME column. */
export function alterTable(s: A.AlterTable, session: Session): StatementResult {
  const c = session.catalog;
  const id = c.qualify(s.name, s.span);
  const table = c.getObject(id);
  if (!table || table.kind !== 'table') {
    if (s.ifExists) return { kind: 'ok' };
    throw new PlanError(`Table \`${id.catalog}\`.\`${id.database}\`.\`${id.name}\` doesn't exist or is a temporary table.`, s.span);
  }
  const a = s.action;
  let next: CatalogTable;
  switch (a.kind) {
    case 'RenameTo': {
      const newId = c.qualify(a.newName, s.span);
      c.dropObject(id, 'table', table.temporary, false, s.span);
      c.createObject({ ...table, id: newId }, false, s.span);
      return { kind: 'ok' };
    }
    case 'SetOptions': {
      const options = new Map(table.options);
      for (const o of a.options) options.set(o.key, o.value);
      next = { ...table, options };
      break;
    }
    case 'ResetOptions': {
      const options = new Map(table.options);
      for (const k of a.keys) {
        if (k === 'connector') throw new SqlError('INVALID_OPTION', "ALTER TABLE RESET does not support changing 'connector'", s.span);
        options.delete(k);
      }
      next = { ...table, options };
      break;
    }
    case 'DropColumns': {
      const dropping = new Set<string>();
      for (const n of a.names) {
        if (dropping.has(n)) fail('DUPLICATE_COLUMN', `Duplicate column \`${n}\`.`, s.span);
        dropping.add(n);
      }
      for (const n of a.names) {
        checkReferences(table, n, dropping, s.span);
        if (table.primaryKey?.columns.includes(n)) fail('INVALID_ALTER', `The column \`${n}\` is used as the primary key.`, s.span);
      }
      next = { ...table, columns: table.columns.filter((col) => !dropping.has(col.name)) };
      break;
    }
    case 'DropPrimaryKey':
      if (!table.primaryKey) fail('INVALID_ALTER', 'The base table does not define any primary key.', s.span);
      next = { ...table, primaryKey: undefined };
      break;
    case 'DropWatermark':
      if (!table.watermark) fail('INVALID_ALTER', 'The base table does not define any watermark strategy.', s.span);
      next = { ...table, watermark: undefined };
      break;
    case 'RenameColumn': {
      checkReferences(table, a.from, new Set(), s.span);
      if (table.columns.some((col) => col.name === a.to)) fail('DUPLICATE_COLUMN', `The column \`${a.to}\` already existed in table schema.`, s.span);
      next = {
        ...table,
        columns: table.columns.map((col) => (col.name === a.from ? { ...col, name: a.to } : col)),
        // The watermark and partition keys cannot refer to it (checked above); a primary key can.
        primaryKey: table.primaryKey && { ...table.primaryKey, columns: table.primaryKey.columns.map((n) => (n === a.from ? a.to : n)) },
      };
      break;
    }
    case 'AddColumns':
    case 'ModifyColumns':
      next = alterSchema(table, a, s.span, session.env(), session.sourceText);
      break;
  }
  c.replaceObject(next);
  return { kind: 'ok' };
}

/** The columns an expression refers to (`t.a` counts as `a` when `t` is not a column). */
function referencedColumns(e: A.Expr, table: CatalogTable): Set<string> {
  const names = new Set(table.columns.map((c) => c.name));
  const out = new Set<string>();
  walkExpr(e, (x) => {
    if (x.kind !== 'ColumnRef') return;
    const [first, second] = x.names;
    if (first !== undefined && names.has(first)) out.add(first);
    else if (second !== undefined && first === table.id.name) out.add(second);
  });
  return out;
}

/**
 * A column can be dropped or renamed only when it exists and no computed column (other than ones
 * dropped with it), partition key or watermark refers to it, as Flink's ALTER TABLE checks.
 */
function checkReferences(table: CatalogTable, name: string, dropping: ReadonlySet<string>, span: Span): void {
  if (!table.columns.some((c) => c.name === name)) fail('COLUMN_NOT_FOUND', `The column \`${name}\` does not exist in the base table.`, span);
  const users = table.columns
    .filter((c) => c.kind === 'computed' && !dropping.has(c.name) && referencedColumns(c.expr, table).has(name))
    .map((c) => `\`${c.name}\``)
    .sort();
  if (users.length > 0) fail('INVALID_ALTER', `The column \`${name}\` is referenced by computed column ${users.join(', ')}.`, span);
  if (table.partitionKeys.includes(name)) fail('INVALID_ALTER', `The column \`${name}\` is used as the partition keys.`, span);
  const wm = table.watermark;
  if (wm && (wm.column === name || referencedColumns(wm.expr, table).has(name))) {
    fail('INVALID_ALTER', `The column \`${name}\` is referenced by watermark expression.`, span);
  }
}

type SchemaChange = Extract<A.AlterTableAction, { kind: 'AddColumns' | 'ModifyColumns' }>;

/**
 * ALTER TABLE ADD / MODIFY (…), as Flink's AlterSchemaConverter: place the columns (FIRST / AFTER,
 * in statement order), replace their definitions, add or modify the watermark and primary key,
 * then validate the whole new schema again (computed columns, watermark, primary key).
 */
function alterSchema(table: CatalogTable, a: SchemaChange, span: Span, env: PlannerEnv, sourceText: string): CatalogTable {
  const add = a.kind === 'AddColumns';
  const order = table.columns.map((c) => c.name);
  const seen = new Set<string>();
  a.columns.forEach((def, i) => {
    if (seen.has(def.name)) fail('DUPLICATE_COLUMN', `Encounter duplicate column \`${def.name}\`.`, def.span);
    seen.add(def.name);
    const exists = order.includes(def.name);
    if (add && exists) fail('DUPLICATE_COLUMN', `Try to add a column \`${def.name}\` which already exists in the table.`, def.span);
    if (!add && !exists) fail('COLUMN_NOT_FOUND', `Try to modify a column \`${def.name}\` which does not exist in the table.`, def.span);
    const pos = a.positions?.[i];
    if (!pos) {
      if (add) order.push(def.name);
      return;
    }
    let after: string | undefined;
    if (pos.kind === 'After') {
      if (pos.column.length > 1) fail('UNSUPPORTED', 'Alter nested row type is not supported yet.', pos.span);
      after = pos.column[0]!;
      if (!order.includes(after)) fail('COLUMN_NOT_FOUND', `Referenced column \`${after}\` by 'AFTER' does not exist in the table.`, pos.span);
    }
    if (!add) order.splice(order.indexOf(def.name), 1);
    if (after === undefined) order.unshift(def.name);
    else order.splice(order.indexOf(after) + 1, 0, def.name);
  });

  const old = new Map(table.columns.map((c) => [c.name, c]));
  const defs = new Map(a.columns.map((d) => [d.name, d]));
  // MODIFY keeps a column's comment unless the new definition has one.
  const comment = (d: A.ColumnDef) => d.comment ?? (add ? undefined : old.get(d.name)?.comment);
  let columns: (TableColumn | A.ComputedColumn)[] = order.map((name) => {
    const d = defs.get(name);
    if (!d) return old.get(name)!;
    if (d.kind === 'ComputedColumn') return { ...d, comment: comment(d) };
    return storedColumn(d, comment(d));
  });

  let watermark: WatermarkSpec | undefined = table.watermark;
  if (a.watermark) {
    const w = a.watermark;
    if (add && watermark) {
      fail('DUPLICATE_WATERMARK', `The base table has already defined the watermark strategy \`${watermark.column}\` AS ${watermark.exprText}. You might want to drop it before adding a new one.`, w.span);
    }
    if (!add && !watermark) fail('INVALID_ALTER', 'The base table does not define any watermark. You might want to add a new one.', w.span);
    if (w.column.length > 1) fail('UNSUPPORTED', 'Watermark strategy on nested column is not supported yet.', w.columnSpan ?? w.span);
    watermark = watermarkSpec(w, sourceText);
  }

  let primaryKey = table.primaryKey;
  const pk = a.primaryKey;
  if (pk) {
    if (add && primaryKey) {
      fail('DUPLICATE_PRIMARY_KEY', `The base table has already defined the primary key constraint [${primaryKey.columns.map((n) => `\`${n}\``).join(', ')}]. You might want to drop it before adding a new one.`, pk.span);
    }
    if (!add && !primaryKey) fail('INVALID_ALTER', 'The base table does not define any primary key constraint. You might want to add a new one.', pk.span);
    checkNotEnforced(pk);
    primaryKey = { name: primaryKeyName(pk), columns: pk.columns };
  }
  // Primary key columns become NOT NULL before the schema is validated.
  if (primaryKey) {
    const keys = primaryKey.columns;
    columns = columns.map((c) => (c.kind === 'physical' && keys.includes(c.name) ? { ...c, type: T.withNullability(c.type, false) } : c));
  }

  // Computed columns (old and new) are typed again over the new physical and metadata columns.
  const stored = columns.filter((c): c is TableColumn => c.kind === 'physical' || c.kind === 'metadata');
  const scope = computedColumnScope(stored, table.id.name);
  const resolved = columns.map((c): TableColumn => {
    if (c.kind !== 'computed' && c.kind !== 'ComputedColumn') return c;
    try {
      return computedColumn(c, scope, env);
    } catch (err) {
      if (!(err instanceof SqlError)) throw err;
      throw new SqlError('INVALID_COMPUTED_COLUMN', `${PREFIX}Invalid expression for computed column '${c.name}'.`, c.kind === 'ComputedColumn' ? c.span : span, err.message);
    }
  });

  const next: CatalogTable = { ...table, columns: resolved, watermark, primaryKey };
  if (watermark) {
    const wspan = a.watermark?.span ?? span;
    if (!resolved.some((c) => c.name === watermark.column)) {
      fail('COLUMN_NOT_FOUND', `Invalid column name '${watermark.column}' for rowtime attribute in watermark declaration. Available columns are: [${resolved.map((c) => c.name).join(', ')}]`, a.watermark?.columnSpan ?? wspan);
    }
    try {
      checkWatermark(next, env, wspan);
    } catch (err) {
      if (!(err instanceof SqlError)) throw err;
      throw new SqlError(err.code, PREFIX + err.message, err.span, err.hint);
    }
  }
  if (primaryKey) {
    const pspan = pk?.span ?? span;
    for (const name of primaryKey.columns) {
      const col = resolved.find((c) => c.name === name);
      if (!col) fail('COLUMN_NOT_FOUND', `Invalid primary key '${primaryKey.name}'. Column '${name}' does not exist.`, pspan);
      if (col.kind !== 'physical') fail('INVALID_PRIMARY_KEY', `Invalid primary key '${primaryKey.name}'. Column '${name}' is not a physical column.`, pspan);
    }
  }
  return next;
}
