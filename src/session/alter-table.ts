import { identifierString, type CatalogTable } from '../catalog/catalog-table.js';
import type * as A from '../sql/ast/index.js';
import { PlanError, SqlError } from '../types/errors.js';
import type { Session } from './session.js';
import type { StatementResult } from './statement-result.js';

/** ALTER TABLE: rename, SET/RESET options, DROP columns / PRIMARY KEY / WATERMARK, RENAME column. */
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
      for (const n of a.names) {
        if (!table.columns.some((col) => col.name === n)) throw new SqlError('COLUMN_NOT_FOUND', `The column \`${n}\` does not exist in the base table.`, s.span);
        if (table.primaryKey?.columns.includes(n)) throw new SqlError('INVALID_ALTER', `The column \`${n}\` is used as the primary key.`, s.span);
        if (table.watermark?.column === n) throw new SqlError('INVALID_ALTER', `The column \`${n}\` is referenced by watermark expression.`, s.span);
      }
      next = { ...table, columns: table.columns.filter((col) => !a.names.includes(col.name)) };
      break;
    }
    case 'DropPrimaryKey':
      if (!table.primaryKey) throw new SqlError('INVALID_ALTER', `The base table does not define any primary key.`, s.span);
      next = { ...table, primaryKey: undefined };
      break;
    case 'DropWatermark':
      if (!table.watermark) throw new SqlError('INVALID_ALTER', `The base table does not define any watermark strategy.`, s.span);
      next = { ...table, watermark: undefined };
      break;
    case 'RenameColumn': {
      if (!table.columns.some((col) => col.name === a.from)) throw new SqlError('COLUMN_NOT_FOUND', `The column \`${a.from}\` does not exist in the base table.`, s.span);
      next = {
        ...table,
        columns: table.columns.map((col) => (col.name === a.from ? { ...col, name: a.to } : col)),
        primaryKey: table.primaryKey && { ...table.primaryKey, columns: table.primaryKey.columns.map((n) => (n === a.from ? a.to : n)) },
        watermark: table.watermark && table.watermark.column === a.from ? { ...table.watermark, column: a.to } : table.watermark,
      };
      break;
    }
    case 'AddColumns':
    case 'ModifyColumns':
      throw new PlanError(`ALTER TABLE ${a.kind === 'AddColumns' ? 'ADD' : 'MODIFY'} is not supported yet for ${identifierString(id)}`, s.span,
        'Drop and re-create the table with the new schema.');
  }
  c.replaceObject(next);
  return { kind: 'ok' };
}
