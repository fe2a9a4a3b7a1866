import type { Describe, ResetStatement, SetStatement, Show, ShowWhat, Statement } from './ast/statement.js';
import type { Pos } from '../types/span.js';
import type { Parser } from './parser-base.js';

/** USE CATALOG c | USE db. */
export function parseUse(p: Parser): Statement {
  const start = p.expect('USE').start;
  if (p.isKw('CATALOG') && (p.isIdent(1) || p.peek().kind === 'ident')) {
    p.next();
    return { kind: 'UseCatalog', span: p.span(start), name: p.identifier('catalog name').name };
  }
  if (p.isKw('MODULES')) throw p.errorAt(p.tok, 'USE MODULES is not supported by weir');
  return { kind: 'UseDatabase', span: p.span(start), name: p.compoundName('database name').names };
}

/** Raw text of tokens up to `=` / `;` (legacy unquoted SET key = value). */
function rawUntil(p: Parser, stop: string): { text: string; start: Pos } | undefined {
  const first = p.tok;
  if (first.kind === 'eof' || (first.kind === 'op' && (first.text === stop || first.text === ';'))) return undefined;
  let last = first;
  while (!p.atEof() && !(p.tok.kind === 'op' && (p.tok.text === stop || p.tok.text === ';'))) last = p.next();
  return { text: p.text.slice(first.start.offset, last.end.offset), start: first.start };
}

/** SET | SET 'k' = 'v' (also the legacy unquoted form). */
export function parseSet(p: Parser): SetStatement {
  const start = p.expect('SET').start;
  if (p.atEof() || p.isOp(';')) return { kind: 'Set', span: p.span(start) };
  let key: string;
  if (p.isString()) key = p.stringLit('option key').value;
  else {
    const raw = rawUntil(p, '=');
    if (!raw) throw p.unexpected();
    key = raw.text;
  }
  p.expectOp('=');
  let value: string;
  if (p.isString()) value = p.stringLit('option value').value;
  else {
    const raw = rawUntil(p, ';');
    if (!raw) {
      p.expect_('option value');
      throw p.unexpected();
    }
    value = raw.text;
  }
  return { kind: 'Set', span: p.span(start), key, value };
}

export function parseReset(p: Parser): ResetStatement {
  const start = p.expect('RESET').start;
  if (p.atEof() || p.isOp(';')) return { kind: 'Reset', span: p.span(start) };
  if (p.isString()) return { kind: 'Reset', span: p.span(start), key: p.stringLit('option key').value };
  const raw = rawUntil(p, ';');
  return { kind: 'Reset', span: p.span(start), ...(raw ? { key: raw.text } : {}) };
}

function likeClause(p: Parser): Show['like'] | undefined {
  const negated = p.isKw('NOT') && (p.isKw('LIKE', 1) || p.isKw('ILIKE', 1));
  if (negated) p.next();
  const kw = p.acceptOneOf('LIKE', 'ILIKE');
  if (!kw) {
    if (negated) throw p.unexpected();
    return undefined;
  }
  return { pattern: p.stringLit('pattern').value, negated, ilike: kw === 'ILIKE' };
}

/** SHOW …; the current token is SHOW. */
export function parseShow(p: Parser): Show {
  const start = p.expect('SHOW').start;
  const done = (what: ShowWhat, extra: Partial<Show> = {}): Show => ({ kind: 'Show', span: p.span(start), what, ...extra });
  const fromIn = (): { name?: readonly string[] } => (p.acceptOneOf('FROM', 'IN') ? { name: p.compoundName().names } : {});
  const withLike = (what: ShowWhat, extra: Partial<Show> = {}): Show => {
    const like = likeClause(p);
    return done(what, { ...extra, ...(like ? { like } : {}) });
  };
  if (p.accept('CATALOGS')) return withLike('CATALOGS');
  if (p.accept('CURRENT')) {
    const w = p.expectOneOf('CATALOG', 'DATABASE');
    return done(w === 'CATALOG' ? 'CURRENT CATALOG' : 'CURRENT DATABASE');
  }
  if (p.accept('DATABASES')) return withLike('DATABASES', fromIn());
  if (p.accept('TABLES')) return withLike('TABLES', fromIn());
  if (p.accept('VIEWS')) return withLike('VIEWS', fromIn());
  if (p.accept('PROCEDURES')) return withLike('PROCEDURES', fromIn());
  if (p.accept('FUNCTIONS')) return withLike('FUNCTIONS', fromIn());
  if (p.acceptSeq('USER', 'FUNCTIONS')) return withLike('USER FUNCTIONS', fromIn());
  if (p.accept('COLUMNS')) {
    p.expectOneOf('FROM', 'IN');
    return withLike('COLUMNS', { name: p.compoundName('table name').names });
  }
  if (p.accept('CREATE')) {
    const w = p.expectOneOf('TABLE', 'VIEW');
    return done(w === 'TABLE' ? 'CREATE TABLE' : 'CREATE VIEW', { name: p.compoundName(`${w.toLowerCase()} name`).names });
  }
  if (p.accept('MODULES')) return done('MODULES');
  if (p.acceptSeq('FULL', 'MODULES')) return done('FULL MODULES');
  if (p.accept('JARS')) return done('JARS');
  if (p.accept('JOBS')) return done('JOBS');
  if (p.accept('PARTITIONS')) {
    const name = p.compoundName('table name').names;
    if (p.accept('PARTITION')) {
      // The partition spec is accepted and ignored.
      p.expectOp('(');
      let depth = 1;
      while (depth > 0 && !p.atEof()) {
        const t = p.next();
        if (t.kind === 'op' && t.text === '(') depth++;
        else if (t.kind === 'op' && t.text === ')') depth--;
      }
    }
    return done('PARTITIONS', { name });
  }
  throw p.unexpected();
}

/** DESCRIBE | DESC [EXTENDED] t. */
export function parseDescribe(p: Parser): Describe {
  const start = p.next().start;
  const extended = p.accept('EXTENDED');
  return { kind: 'Describe', span: p.span(start), extended, name: p.compoundName('table name').names };
}
