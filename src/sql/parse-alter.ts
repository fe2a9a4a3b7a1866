import type { AlterTableAction, ColumnPosition, Drop, Statement } from './ast/statement.js';
import type { Parser } from './parser-base.js';
import { parseQuery } from './parse-query.js';
import { parseElement, parseOptionList, type TableElements } from './parse-table-elements.js';

/** DROP …; the current token is DROP. */
export function parseDrop(p: Parser): Drop {
  const start = p.expect('DROP').start;
  const temporary = p.accept('TEMPORARY');
  const system = temporary && p.accept('SYSTEM');
  const objectType = (temporary ? p.expectOneOf('TABLE', 'VIEW', 'FUNCTION') : p.expectOneOf('TABLE', 'VIEW', 'FUNCTION', 'CATALOG', 'DATABASE')) as Drop['objectType'];
  const ifExists = p.acceptSeq('IF', 'EXISTS');
  const name = p.compoundName(`${objectType.toLowerCase()} name`).names;
  let cascade = false;
  if (objectType === 'DATABASE') {
    const mode = p.acceptOneOf('RESTRICT', 'CASCADE');
    cascade = mode === 'CASCADE';
  }
  return { kind: 'Drop', span: p.span(start), objectType, temporary, system, ifExists, name, cascade };
}

/** ALTER …; the current token is ALTER. */
export function parseAlter(p: Parser): Statement {
  const start = p.expect('ALTER').start;
  const temporary = p.accept('TEMPORARY');
  const system = temporary && p.accept('SYSTEM');
  if (p.at('FUNCTION')) {
    p.next();
    const ifExists = p.acceptSeq('IF', 'EXISTS');
    const name = p.compoundName('function name').names;
    p.expect('AS');
    const className = p.stringLit('class name').value;
    const language = p.accept('LANGUAGE') ? p.expectOneOf('JAVA', 'SCALA', 'PYTHON', 'JAVASCRIPT', 'SQL') : undefined;
    return { kind: 'AlterFunction', span: p.span(start), temporary, system, ifExists, name, className, ...(language ? { language } : {}) };
  }
  if (temporary) throw p.unexpected();
  if (p.accept('VIEW')) {
    const name = p.compoundName('view name').names;
    if (p.accept('RENAME')) {
      p.expect('TO');
      return { kind: 'AlterView', span: p.span(start), name, action: { kind: 'RenameTo', newName: p.compoundName('view name').names } };
    }
    p.expect('AS');
    return { kind: 'AlterView', span: p.span(start), name, action: { kind: 'AsQuery', query: parseQuery(p) } };
  }
  if (p.accept('DATABASE')) {
    const name = p.compoundName('database name').names;
    p.expect('SET');
    return { kind: 'AlterDatabase', span: p.span(start), name, options: parseOptionList(p) };
  }
  p.expect('TABLE');
  const ifExists = p.acceptSeq('IF', 'EXISTS');
  const name = p.compoundName('table name').names;
  const action = parseAlterTableAction(p);
  return { kind: 'AlterTable', span: p.span(start), ifExists, name, action };
}

function parseAlterTableAction(p: Parser): AlterTableAction {
  if (p.accept('RENAME')) {
    if (p.accept('TO')) return { kind: 'RenameTo', newName: p.compoundName('table name').names };
    const from = p.compoundName('column name').names.join('.');
    p.expect('TO');
    return { kind: 'RenameColumn', from, to: p.identifier('column name').name };
  }
  if (p.accept('SET')) return { kind: 'SetOptions', options: parseOptionList(p) };
  if (p.accept('RESET')) {
    p.expectOp('(');
    const keys: string[] = [];
    if (!p.isOp(')')) {
      do keys.push(p.stringLit('option key').value);
      while (p.acceptOp(','));
    }
    p.expectOp(')');
    return { kind: 'ResetOptions', keys };
  }
  const addOrModify = p.acceptOneOf('ADD', 'MODIFY');
  if (addOrModify) {
    const elements: TableElements = { columns: [] };
    const positions: (ColumnPosition | undefined)[] = [];
    // A position may follow each column (not a PRIMARY KEY or WATERMARK element).
    const element = () => {
      const before = elements.columns.length;
      parseElement(p, elements);
      if (elements.columns.length > before) positions.push(parseColumnPosition(p));
    };
    if (p.acceptOp('(')) {
      do element();
      while (p.acceptOp(','));
      p.expectOp(')');
    } else element();
    return {
      kind: addOrModify === 'ADD' ? 'AddColumns' : 'ModifyColumns',
      columns: elements.columns,
      ...(positions.some((x) => x) ? { positions } : {}),
      ...(elements.watermark ? { watermark: elements.watermark } : {}),
      ...(elements.primaryKey ? { primaryKey: elements.primaryKey } : {}),
    };
  }
  p.expect('DROP');
  if (p.acceptSeq('PRIMARY', 'KEY')) return { kind: 'DropPrimaryKey' };
  if (p.accept('WATERMARK')) return { kind: 'DropWatermark' };
  if (p.accept('CONSTRAINT')) {
    p.identifier('constraint name');
    return { kind: 'DropPrimaryKey' };
  }
  if (p.isOp('(')) return { kind: 'DropColumns', names: p.parenIdentList().map((c) => c.name) };
  return { kind: 'DropColumns', names: [p.identifier('column name').name] };
}

/** `FIRST` / `AFTER col` after a column of ALTER TABLE ADD/MODIFY. */
function parseColumnPosition(p: Parser): ColumnPosition | undefined {
  const start = p.tok.start;
  if (p.accept('FIRST')) return { kind: 'First', span: p.span(start) };
  if (!p.accept('AFTER')) return undefined;
  const column = p.compoundName('column name').names;
  return { kind: 'After', column, span: p.span(start) };
}
