import { identifierString } from '../catalog/catalog-table.js';
import type { CatalogTable } from '../catalog/catalog-table.js';
import { loadJsUserFunction } from '../functions/user/load-js-function.js';
import { analyzeQuery } from '../planner/analyzer/analyze-query.js';
import { resolveType } from '../planner/analyzer/resolve-type.js';
import { explainJob } from '../planner/explain.js';
import { planJob } from '../planner/plan-job.js';
import { parseType } from '../sql/parser.js';
import type * as A from '../sql/ast/index.js';
import * as T from '../types/data-type.js';
import { PlanError, SqlError } from '../types/errors.js';
import { alterTable } from './alter-table.js';
import { createCatalogTable } from './create-table.js';
import { functionKey, type Session } from './session.js';
import { describeTable, showStatement } from './show.js';
import type { StatementResult } from './statement-result.js';

type Handler<K extends A.StatementKind> = (s: Extract<A.Statement, { kind: K }>, session: Session) => Promise<StatementResult> | StatementResult;

const OK: StatementResult = { kind: 'ok' };
const optionsMap = (entries: readonly A.OptionEntry[]) => new Map(entries.map((o) => [o.key, o.value]));

function jobName(stmt: A.Insert | A.StatementSet | A.QueryStatement, session: Session): string {
  if (stmt.kind === 'QueryStatement') return 'collect';
  const inserts = stmt.kind === 'Insert' ? [stmt] : stmt.inserts;
  return `insert-into_${inserts.map((i) => identifierString(session.catalog.qualify(i.table))).join(',')}`;
}

function plan(stmt: A.Insert | A.StatementSet | A.QueryStatement, session: Session): StatementResult {
  return { kind: 'job', job: planJob(stmt, session.env()), name: jobName(stmt, session), query: stmt.kind === 'QueryStatement' };
}

export const STATEMENT_HANDLERS: { [K in A.StatementKind]: Handler<K> } = {
  CreateTable: (s, session) => {
    const env = session.env();
    if (!s.asQuery) {
      session.catalog.createObject(createCatalogTable(s, env, session.sourceText), s.ifNotExists, s.span);
      return OK;
    }
    // CREATE TABLE … AS SELECT: the table takes the query's schema, then the query is inserted.
    // [CREATE OR] REPLACE TABLE … AS SELECT drops the table first (Flink's RTAS).
    const syntax = s.replaceOnly ? 'REPLACE TABLE' : s.orReplace ? 'CREATE OR REPLACE TABLE' : 'CREATE TABLE';
    const unsupported = (what: string) => new SqlError('UNSUPPORTED', `${syntax} AS SELECT syntax does not support ${what} yet.`, s.span);
    if (s.temporary) throw unsupported(s.orReplace ? 'temporary table' : 'to create temporary table');
    if (s.columns.length > 0 || s.like) throw unsupported('to specify explicit columns');
    if (s.watermark) throw unsupported('to specify explicit watermark');
    if (s.partitionedBy.length > 0) throw unsupported('to create partitioned table');
    if (s.primaryKey) throw unsupported('primary key constraints');
    const rel = analyzeQuery(s.asQuery, env);
    const table: CatalogTable = {
      kind: 'table',
      id: env.catalog.qualify(s.name, s.nameSpan),
      columns: rel.node.fields.map((f) => ({ kind: 'physical', name: f.name, type: T.withoutTimeAttribute(f.type) })),
      partitionKeys: s.partitionedBy,
      options: optionsMap(s.options),
      comment: s.comment,
      temporary: s.temporary,
      span: s.span,
    };
    if (s.replaceOnly && env.catalog.getObject(table.id)?.kind !== 'table') {
      const { catalog, database, name } = table.id;
      throw new PlanError(`The table \`${catalog}\`.\`${database}\`.\`${name}\` to be replaced doesn't exist. You can try to use CREATE TABLE AS statement or CREATE OR REPLACE TABLE AS statement.`, s.span);
    }
    if (s.orReplace) env.catalog.dropObject(table.id, 'table', s.temporary, true);
    env.catalog.createObject(table, s.ifNotExists, s.span);
    const insert: A.Insert = { kind: 'Insert', span: s.span, overwrite: false, table: s.name, tableSpan: s.nameSpan, partition: [], query: s.asQuery };
    return plan(insert, session);
  },
  CreateView: (s, session) => {
    const env = session.env();
    const rel = analyzeQuery(s.query, env);
    if (s.columns && s.columns.length !== rel.columns.length) {
      throw new SqlError('COLUMN_COUNT_MISMATCH', `VIEW definition and input fields not match:\n\tDef fields: [${s.columns.join(', ')}].\n\tInput fields: [${rel.columns.map((c) => c.name).join(', ')}].`, s.span);
    }
    const id = env.catalog.qualify(s.name, s.span);
    const queryText = session.sourceText.slice(s.query.span.start.offset, s.query.span.end.offset);
    env.catalog.createObject({ kind: 'view', id, query: s.query, columnNames: s.columns, queryText, temporary: s.temporary, comment: s.comment }, s.ifNotExists, s.span);
    return OK;
  },
  CreateFunction: async (s, session) => {
    const id = session.catalog.qualify(s.name, s.span);
    const language = (s.language ?? 'JAVA').toUpperCase();
    const fn = { id, className: s.className, language, temporary: s.temporary || s.system, system: s.system };
    if (session.catalog.getFunction(s.name) && s.ifNotExists) return OK;
    if (language === 'JAVASCRIPT' || language === 'JS') {
      const def = await loadJsUserFunction(id.name, s.className, session.baseDir, (t) => resolveType(parseType(t)));
      if (def.kind === 'aggregate') session.userAggregates.set(functionKey(fn), def);
      else session.userFunctions.set(functionKey(fn), def);
    }
    session.catalog.createFunction(fn, s.ifNotExists, s.span);
    return OK;
  },
  CreateCatalog: (s, session) => {
    session.catalog.createCatalog(s.name, optionsMap(s.options), s.ifNotExists, s.span);
    return OK;
  },
  CreateDatabase: (s, session) => {
    const [catalog, name] = s.name.length === 2 ? [s.name[0]!, s.name[1]!] : [session.catalog.currentCatalog, s.name[0]!];
    session.catalog.createDatabase(catalog, name, s.ifNotExists, s.comment, optionsMap(s.options), s.span);
    return OK;
  },
  Drop: (s, session) => {
    const c = session.catalog;
    switch (s.objectType) {
      case 'TABLE':
      case 'VIEW':
        c.dropObject(c.qualify(s.name, s.span), s.objectType === 'TABLE' ? 'table' : 'view', s.temporary, s.ifExists, s.span);
        break;
      case 'FUNCTION':
        c.dropFunction(s.name, s.temporary, s.system, s.ifExists, s.span);
        break;
      case 'CATALOG':
        c.dropCatalog(s.name[0]!, s.ifExists, s.span);
        break;
      case 'DATABASE': {
        const [catalog, name] = s.name.length === 2 ? [s.name[0]!, s.name[1]!] : [c.currentCatalog, s.name[0]!];
        c.dropDatabase(catalog, name, s.ifExists, s.cascade, s.span);
        break;
      }
    }
    return OK;
  },
  AlterTable: (s, session) => alterTable(s, session),
  AlterView: (s, session) => {
    const c = session.catalog;
    const id = c.qualify(s.name, s.span);
    const view = c.getObject(id);
    if (!view || view.kind !== 'view') throw new PlanError(`View ${identifierString(id)} doesn't exist or is a table.`, s.span);
    if (s.action.kind === 'RenameTo') {
      c.dropObject(id, 'view', view.temporary, false, s.span);
      c.createObject({ ...view, id: c.qualify(s.action.newName, s.span) }, false, s.span);
    } else {
      analyzeQuery(s.action.query, session.env());
      const queryText = session.sourceText.slice(s.action.query.span.start.offset, s.action.query.span.end.offset);
      c.replaceObject({ ...view, query: s.action.query, queryText });
    }
    return OK;
  },
  AlterFunction: (s, session) => {
    session.catalog.dropFunction(s.name, s.temporary, s.system, s.ifExists, s.span);
    session.catalog.createFunction({ id: session.catalog.qualify(s.name, s.span), className: s.className, language: (s.language ?? 'JAVA').toUpperCase(), temporary: s.temporary, system: s.system }, false, s.span);
    return OK;
  },
  AlterDatabase: () => OK,
  UseCatalog: (s, session) => {
    session.catalog.useCatalog(s.name, s.span);
    return OK;
  },
  UseDatabase: (s, session) => {
    const [catalog, name] = s.name.length === 2 ? [s.name[0]!, s.name[1]!] : [session.catalog.currentCatalog, s.name[0]!];
    session.catalog.useDatabase(catalog, name, s.span);
    return OK;
  },
  Set: (s, session) => {
    if (s.key === undefined) {
      const rows = session.config.entries().sort().map(([k, v]) => [k, v]);
      return { kind: 'table', columns: ['key', 'value'], rows };
    }
    try {
      session.config.set(s.key, s.value ?? '');
    } catch (err) {
      if (err instanceof PlanError) throw new SqlError('INVALID_OPTION', err.message, s.span, err.hint);
      throw err;
    }
    return OK;
  },
  Reset: (s, session) => {
    session.config.reset(s.key);
    return OK;
  },
  Show: (s, session) => showStatement(s, session),
  Describe: (s, session) => describeTable(s, session),
  Explain: (s, session) => {
    const r = plan(s.statement, session);
    if (r.kind !== 'job') return r;
    return { kind: 'text', text: explainJob(r.job) };
  },
  Insert: (s, session) => plan(s, session),
  StatementSet: (s, session) => plan(s, session),
  QueryStatement: (s, session) => plan(s, session),
};
