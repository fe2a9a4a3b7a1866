import { identifierString, type CatalogTable } from '../catalog/catalog-table.js';
import { builtinFunctions } from '../functions/registry.js';
import { analyzeQuery } from '../planner/analyzer/analyze-query.js';
import type * as A from '../sql/ast/index.js';
import { PlanError } from '../types/errors.js';
import { typeToString } from '../types/type-string.js';
import * as T from '../types/data-type.js';
import type { Session } from './session.js';
import type { StatementResult } from './statement-result.js';

function likeFilter(like: A.Show['like']): (name: string) => boolean {
  if (!like) return () => true;
  const re = new RegExp(`^${like.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, like.ilike ? 'i' : '');
  return (name) => re.test(name) !== like.negated;
}

const list = (column: string, names: string[]): StatementResult => ({ kind: 'table', columns: [column], rows: names.map((n) => [n]) });

export function showStatement(s: A.Show, session: Session): StatementResult {
  const c = session.catalog;
  const filter = likeFilter(s.like);
  const dbOf = () => (s.name ? (s.name.length === 2 ? [s.name[0]!, s.name[1]!] : [c.currentCatalog, s.name[0]!]) : [c.currentCatalog, c.currentDatabase]) as [string, string];
  switch (s.what) {
    case 'CATALOGS':
      return list('catalog name', c.listCatalogs().filter(filter));
    case 'CURRENT CATALOG':
      return list('current catalog name', [c.currentCatalog]);
    case 'DATABASES':
      return list('database name', c.listDatabases().filter(filter));
    case 'CURRENT DATABASE':
      return list('current database name', [c.currentDatabase]);
    case 'TABLES':
      return list('table name', c.listObjects('any', ...dbOf()).filter(filter));
    case 'VIEWS':
      return list('view name', c.listObjects('view', ...dbOf()).filter(filter));
    case 'FUNCTIONS':
      return list('function name', [...new Set([...builtinFunctions().keys()].map((n) => n.toLowerCase()).concat(c.listUserFunctions()))].sort().filter(filter));
    case 'USER FUNCTIONS':
      return list('function name', c.listUserFunctions().filter(filter));
    case 'MODULES':
      return list('module name', ['core']);
    case 'FULL MODULES':
      return { kind: 'table', columns: ['module name', 'used'], rows: [['core', 'TRUE']] };
    case 'JARS':
      return list('jars', []);
    case 'JOBS':
      return { kind: 'table', columns: ['job id', 'job name', 'status', 'start time'], rows: [] };
    case 'CREATE TABLE':
    case 'CREATE VIEW':
      return { kind: 'text', text: showCreate(s, session) };
    case 'COLUMNS':
      return describeTable({ kind: 'Describe', span: s.span, extended: false, name: s.name ?? [] }, session, filter);
    case 'PARTITIONS':
    case 'PROCEDURES':
      throw new PlanError(`SHOW ${s.what} is not supported by weir's in-memory catalog.`, s.span);
  }
}

function getTable(name: readonly string[], session: Session, span: A.Show['span']) {
  const id = session.catalog.qualify(name, span);
  const obj = session.catalog.getObject(id);
  if (!obj) throw new PlanError(`Table or view with identifier '${identifierString(id)}' doesn't exist.`, span);
  return obj;
}

function showCreate(s: A.Show, session: Session): string {
  const obj = getTable(s.name ?? [], session, s.span);
  const name = `\`${obj.id.catalog}\`.\`${obj.id.database}\`.\`${obj.id.name}\``;
  if (obj.kind === 'view') return `CREATE ${obj.temporary ? 'TEMPORARY ' : ''}VIEW ${name}${obj.columnNames ? `(${obj.columnNames.map((n) => `\`${n}\``).join(', ')})` : ''} AS\n${obj.queryText}\n`;
  const lines = obj.columns.map((col) => {
    const base = `  \`${col.name}\` `;
    if (col.kind === 'computed') return `${base}AS ${session.sourceText ? exprText(col.expr, session) : '…'}`;
    if (col.kind === 'metadata') return `${base}${typeToString(col.type)} METADATA${col.key !== col.name ? ` FROM '${col.key}'` : ''}${col.virtual ? ' VIRTUAL' : ''}`;
    return `${base}${typeToString(col.type)}`;
  });
  if (obj.watermark) lines.push(`  WATERMARK FOR \`${obj.watermark.column}\` AS ${obj.watermark.exprText}`);
  if (obj.primaryKey) lines.push(`  CONSTRAINT \`${obj.primaryKey.name}\` PRIMARY KEY (${obj.primaryKey.columns.map((c) => `\`${c}\``).join(', ')}) NOT ENFORCED`);
  const opts = [...obj.options].map(([k, v]) => `  '${k}' = '${v.replace(/'/g, "''")}'`);
  return `CREATE ${obj.temporary ? 'TEMPORARY ' : ''}TABLE ${name} (\n${lines.join(',\n')}\n)${obj.comment ? `\nCOMMENT '${obj.comment}'` : ''}${obj.partitionKeys.length ? `\nPARTITIONED BY (${obj.partitionKeys.map((k) => `\`${k}\``).join(', ')})` : ''}\nWITH (\n${opts.join(',\n')}\n)\n`;
}

function exprText(e: A.Expr, session: Session): string {
  return session.sourceText.slice(e.span.start.offset, e.span.end.offset);
}

/** DESCRIBE t: Flink's columns name, type, null, key, extras, watermark. */
export function describeTable(s: A.Describe, session: Session, filter: (n: string) => boolean = () => true): StatementResult {
  const obj = getTable(s.name, session, s.span);
  if (obj.kind === 'view') {
    const rows = analyzeView(obj, session).map((f) => [f.name, typeToString(T.withNullability(f.type, true)), f.type.nullable ? 'TRUE' : 'FALSE', '', '', '']);
    return { kind: 'table', columns: ['name', 'type', 'null', 'key', 'extras', 'watermark'], rows: rows.filter((r) => filter(r[0]!)) };
  }
  const t: CatalogTable = obj;
  const rows = t.columns.filter((c) => filter(c.name)).map((col) => {
    const pk = t.primaryKey?.columns.includes(col.name) ? `PRI(${t.primaryKey.columns.join(', ')})` : '';
    const extras = col.kind === 'computed' ? `AS ${exprText(col.expr, session)}` : col.kind === 'metadata' ? `METADATA${col.key !== col.name ? ` FROM '${col.key}'` : ''}${col.virtual ? ' VIRTUAL' : ''}` : '';
    const isRowtime = t.watermark?.column === col.name;
    const type = typeToString(T.withNullability(col.type, true)) + (isRowtime ? ' *ROWTIME*' : '');
    return [col.name, type, col.type.nullable ? 'TRUE' : 'FALSE', pk, extras, isRowtime ? t.watermark!.exprText : ''];
  });
  return { kind: 'table', columns: ['name', 'type', 'null', 'key', 'extras', 'watermark'], rows };
}

function analyzeView(view: Extract<ReturnType<Session['catalog']['getObject']>, { kind: 'view' }>, session: Session) {
  const rel = analyzeQuery(view.query, session.env());
  return rel.node.fields.map((f, i) => ({ name: view.columnNames?.[i] ?? rel.columns[i]!.name, type: f.type }));
}
