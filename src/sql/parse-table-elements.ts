import type { ColumnDef, OptionEntry, PrimaryKeyDef, WatermarkDef } from './ast/statement.js';
import type { Pos } from '../types/span.js';
import type { Parser } from './parser-base.js';
import { parseExpr } from './parse-expr.js';
import { parseDataType } from './parse-type.js';

/** Column definitions and constraints of CREATE TABLE / ALTER TABLE ADD|MODIFY. */
export interface TableElements {
  columns: ColumnDef[];
  watermark?: WatermarkDef;
  primaryKey?: PrimaryKeyDef;
}

/** `'k' = 'v', …` inside parentheses; the current token is '('. */
export function parseOptionList(p: Parser): OptionEntry[] {
  p.expectOp('(');
  const out: OptionEntry[] = [];
  if (p.acceptOp(')')) return out;
  do {
    const start = p.tok.start;
    const key = optionString(p, 'option key');
    p.expectOp('=');
    const value = optionString(p, 'option value');
    out.push({ span: p.span(start), key: key.value, value: value.value, keySpan: key.span, valueSpan: value.span });
  } while (p.acceptOp(','));
  p.expectOp(')');
  return out;
}

function optionString(p: Parser, what: string): { value: string; span: { start: Pos; end: Pos } } {
  if (p.isString()) return p.stringLit(what);
  const t = p.tok;
  if (t.kind === 'ident' || t.kind === 'number' || t.kind === 'quoted') {
    // Unquoted keys / values (`connector = kafka`): Flink requires string literals.
    let end = p.peek();
    let k = 1;
    while (end.kind === 'op' && (end.text === '.' || end.text === '-') && p.peek(k + 1).kind !== 'eof') {
      k += 2;
      end = p.peek(k);
    }
    const last = p.peek(k - 1);
    const raw = p.text.slice(t.start.offset, last.end.offset);
    throw p.errorAt({ start: t.start, end: last.end }, `The ${what} ${raw} must be a string literal`, `write '${raw}'`);
  }
  p.expect_(what);
  throw p.unexpected();
}

/** The parenthesized element list of CREATE TABLE; the current token is '('. */
export function parseTableElements(p: Parser, allowPosition = false): TableElements {
  p.expectOp('(');
  const out: TableElements = { columns: [] };
  do {
    parseElement(p, out);
    if (allowPosition) parseColumnPosition(p);
  } while (p.acceptOp(','));
  p.expectOp(')');
  return out;
}

/** One column, PRIMARY KEY or WATERMARK element. */
export function parseElement(p: Parser, out: TableElements): void {
  const start = p.tok.start;
  if (p.isKw('WATERMARK') && p.isKw('FOR', 1)) {
    if (out.watermark) throw p.errorAt(p.tok, 'A table can have only one WATERMARK definition');
    out.watermark = parseWatermark(p);
    return;
  }
  const named = p.isKw('CONSTRAINT') && p.isIdent(1) && (p.isKw('PRIMARY', 2) || p.isKw('UNIQUE', 2));
  if ((p.isKw('PRIMARY') && p.isKw('KEY', 1)) || named) {
    let name: string | undefined;
    if (p.accept('CONSTRAINT')) name = p.identifier('constraint name').name;
    if (p.isKw('UNIQUE')) throw p.errorAt(p.tok, 'UNIQUE constraints are not supported by Flink', 'use PRIMARY KEY (…) NOT ENFORCED');
    p.expectSeq('PRIMARY', 'KEY');
    const cols = p.parenIdentList('primary key column').map((c) => c.name);
    const enforced = parseEnforced(p);
    if (out.primaryKey) throw p.errorAt({ start, end: p.prevEnd }, 'A table can have only one PRIMARY KEY');
    out.primaryKey = { span: p.span(start), columns: cols, enforced, ...(name !== undefined ? { name } : {}) };
    return;
  }
  out.columns.push(parseColumn(p, out, start));
}

export function parseWatermark(p: Parser): WatermarkDef {
  const start = p.expect('WATERMARK').start;
  p.expect('FOR');
  const name = p.compoundName('rowtime column');
  p.expect('AS');
  const expr = parseExpr(p);
  return { span: p.span(start), column: name.names, columnSpan: name.span, expr };
}

function parseEnforced(p: Parser): boolean {
  if (p.isKw('NOT')) {
    p.next();
    p.expect('ENFORCED');
    return false;
  }
  p.expect_('NOT ENFORCED');
  // Without NOT ENFORCED a constraint is ENFORCED (the SQL default), which the planner rejects as Flink does.
  p.accept('ENFORCED');
  return true;
}

function parseColumn(p: Parser, out: TableElements, start: Pos): ColumnDef {
  const name = p.identifier('column name').name;
  if (p.accept('AS')) {
    const expr = parseExpr(p);
    const comment = parseComment(p);
    return { kind: 'ComputedColumn', span: p.span(start), name, expr, ...(comment !== undefined ? { comment } : {}) };
  }
  const type = parseDataType(p);
  if (p.accept('METADATA')) {
    const from = p.accept('FROM') ? p.stringLit('metadata key').value : undefined;
    const virtual = p.accept('VIRTUAL');
    const comment = parseComment(p);
    return {
      kind: 'MetadataColumn',
      span: p.span(start),
      name,
      type,
      virtual,
      ...(from !== undefined ? { from } : {}),
      ...(comment !== undefined ? { comment } : {}),
    };
  }
  let primaryKey = false;
  const pkStart = p.tok.start;
  let pkName: string | undefined;
  if (p.isKw('CONSTRAINT') && p.isIdent(1)) {
    p.next();
    pkName = p.identifier('constraint name').name;
  }
  if (p.atSeq('PRIMARY', 'KEY')) {
    p.next();
    p.next();
    const enforced = parseEnforced(p);
    primaryKey = true;
    if (out.primaryKey) throw p.errorAt({ start: pkStart, end: p.prevEnd }, 'A table can have only one PRIMARY KEY');
    out.primaryKey = { span: p.span(pkStart), columns: [name], enforced, ...(pkName !== undefined ? { name: pkName } : {}) };
  } else if (pkName !== undefined) {
    throw p.unexpected();
  }
  const comment = parseComment(p);
  return { kind: 'PhysicalColumn', span: p.span(start), name, type, primaryKey, ...(comment !== undefined ? { comment } : {}) };
}

export function parseComment(p: Parser): string | undefined {
  return p.accept('COMMENT') ? p.stringLit('comment').value : undefined;
}

/** ALTER TABLE ADD/MODIFY `FIRST` / `AFTER col`: accepted; weir does not keep column order changes yet. */
export function parseColumnPosition(p: Parser): void {
  if (!p.accept('FIRST') && p.accept('AFTER')) p.identifier('column name');
}
