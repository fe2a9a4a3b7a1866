import type { Expr } from './ast/expr.js';
import type { MatchRecognize, OrderItem, SelectItem, TableRef } from './ast/query.js';
import type { Parser } from './parser-base.js';
import { parseExpr } from './parse-expr.js';
import { parseOrderItems } from './parse-window.js';

/** `input MATCH_RECOGNIZE ( … )`: parsed for validation only. The current token is MATCH_RECOGNIZE. */
export function parseMatchRecognize(p: Parser, input: TableRef): MatchRecognize {
  p.expect('MATCH_RECOGNIZE');
  p.expectOp('(');
  const partitionBy: Expr[] = [];
  if (p.acceptSeq('PARTITION', 'BY')) {
    partitionBy.push(parseExpr(p));
    while (p.acceptOp(',')) partitionBy.push(parseExpr(p));
  }
  let orderBy: OrderItem[] = [];
  if (p.acceptSeq('ORDER', 'BY')) orderBy = parseOrderItems(p);
  const measures: SelectItem[] = [];
  if (p.accept('MEASURES')) {
    do {
      const start = p.tok.start;
      p.acceptOneOf('FINAL', 'RUNNING');
      const expr = parseExpr(p);
      p.expect('AS');
      const alias = p.identifier('measure name').name;
      measures.push({ span: p.span(start), expr, alias });
    } while (p.acceptOp(','));
  }
  let rowsPerMatch: 'ONE' | 'ALL' | undefined;
  if (p.acceptSeq('ONE', 'ROW', 'PER', 'MATCH')) rowsPerMatch = 'ONE';
  else if (p.acceptSeq('ALL', 'ROWS', 'PER', 'MATCH')) rowsPerMatch = 'ALL';
  let afterMatch: string | undefined;
  if (p.acceptSeq('AFTER', 'MATCH', 'SKIP')) {
    const from = p.tok.start.offset;
    if (p.accept('PAST')) p.expectSeq('LAST', 'ROW');
    else {
      p.expect('TO');
      if (p.accept('NEXT')) p.expect('ROW');
      else {
        p.acceptOneOf('FIRST', 'LAST');
        p.identifier('pattern variable');
      }
    }
    afterMatch = p.text.slice(from, p.prevEnd.offset).replace(/\s+/g, ' ');
  }
  p.expect('PATTERN');
  const open = p.expectOp('(');
  let depth = 1;
  while (depth > 0) {
    const t = p.tok;
    if (t.kind === 'eof') throw p.errorAt(open, 'Unclosed PATTERN (…)', 'add the closing parenthesis of the pattern');
    if (t.kind === 'op' && t.text === '(') depth++;
    else if (t.kind === 'op' && t.text === ')') depth--;
    if (depth > 0) p.next();
  }
  const pattern = p.text.slice(open.end.offset, p.tok.start.offset).trim();
  p.expectOp(')');
  const within = p.accept('WITHIN') ? parseExpr(p) : undefined;
  const subsets: { name: string; vars: string[] }[] = [];
  if (p.accept('SUBSET')) {
    do {
      const name = p.identifier('subset name').name;
      p.expectOp('=');
      subsets.push({ name, vars: p.parenIdentList('pattern variable').map((v) => v.name) });
    } while (p.acceptOp(','));
  }
  const define: { name: string; condition: Expr }[] = [];
  p.expect('DEFINE');
  do {
    const name = p.identifier('pattern variable').name;
    p.expect('AS');
    define.push({ name, condition: parseExpr(p) });
  } while (p.acceptOp(','));
  p.expectOp(')');
  return {
    kind: 'MatchRecognize',
    span: p.span(input.span.start),
    input,
    partitionBy,
    orderBy,
    measures,
    pattern,
    subsets,
    define,
    ...(rowsPerMatch ? { rowsPerMatch } : {}),
    ...(afterMatch ? { afterMatch } : {}),
    ...(within ? { within } : {}),
  };
}
