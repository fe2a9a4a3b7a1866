import type { Expr } from './ast/expr.js';
import type { Cte, GroupingElement, NamedWindow, OrderItem, Query, QueryBody, Select, SelectItem, Values } from './ast/query.js';
import type { Parser } from './parser-base.js';
import { parseExpr, parseExprList } from './parse-expr.js';
import { parseFrom } from './parse-from.js';
import { parseHints } from './parse-hint.js';
import { parseOrderItems, parseWindowSpec } from './parse-window.js';

/** SELECT, WITH or VALUES at the current position (not a parenthesized query). */
export function isQueryStart(p: Parser): boolean {
  const t = p.tok;
  return t.kind === 'ident' && (t.upper === 'SELECT' || t.upper === 'WITH' || t.upper === 'VALUES');
}

/** Is a (possibly parenthesized) query ahead? Looks through any number of '('. */
export function isQueryAhead(p: Parser, k = 0): boolean {
  for (;; k++) {
    const t = p.peek(k);
    if (t.kind === 'op' && t.text === '(') continue;
    return t.kind === 'ident' && (t.upper === 'SELECT' || t.upper === 'WITH' || t.upper === 'VALUES');
  }
}

/** A full query: WITH, set operations, ORDER BY, LIMIT / OFFSET / FETCH. */
export function parseQuery(p: Parser): Query {
  const start = p.tok.start;
  const ctes: Cte[] = [];
  if (p.accept('WITH')) {
    p.accept('RECURSIVE');
    do ctes.push(parseCte(p));
    while (p.acceptOp(','));
  }
  const body = parseUnion(p);
  let orderBy: OrderItem[] = [];
  if (p.acceptSeq('ORDER', 'BY')) orderBy = parseOrderItems(p);
  let limit: Expr | undefined;
  let offset: Expr | undefined;
  if (p.accept('LIMIT')) {
    if (!p.accept('ALL')) limit = parseExpr(p);
  }
  if (p.accept('OFFSET')) {
    offset = parseExpr(p);
    p.acceptOneOf('ROW', 'ROWS');
  }
  if (!limit && p.accept('FETCH')) {
    p.expectOneOf('FIRST', 'NEXT');
    limit = p.isKw('ROW') || p.isKw('ROWS') ? { kind: 'NumericLiteral', span: p.tokSpan(p.tok), text: '1' } : parseExpr(p);
    p.expectOneOf('ROW', 'ROWS');
    p.expect('ONLY');
  }
  return {
    kind: 'Query',
    span: p.span(start),
    with: ctes,
    body,
    orderBy,
    ...(limit ? { limit } : {}),
    ...(offset ? { offset } : {}),
  };
}

function parseCte(p: Parser): Cte {
  const name = p.identifier('query name');
  const columns = p.isOp('(') ? p.parenIdentList().map((c) => c.name) : undefined;
  p.expect('AS');
  p.expectOp('(');
  const query = parseQuery(p);
  p.expectOp(')');
  return { span: p.span(name.span.start), name: name.name, query, ...(columns ? { columns } : {}) };
}

function parseUnion(p: Parser): QueryBody {
  let left = parseIntersect(p);
  for (;;) {
    const kw = p.acceptOneOf('UNION', 'EXCEPT', 'MINUS');
    if (!kw) return left;
    const all = p.accept('ALL');
    if (!all) p.accept('DISTINCT');
    const right = parseIntersect(p);
    left = { kind: 'SetOperation', span: p.span(left.span.start), op: kw === 'UNION' ? 'UNION' : 'EXCEPT', all, left, right };
  }
}

function parseIntersect(p: Parser): QueryBody {
  let left = parseQueryPrimary(p);
  while (p.accept('INTERSECT')) {
    const all = p.accept('ALL');
    if (!all) p.accept('DISTINCT');
    const right = parseQueryPrimary(p);
    left = { kind: 'SetOperation', span: p.span(left.span.start), op: 'INTERSECT', all, left, right };
  }
  return left;
}

function parseQueryPrimary(p: Parser): QueryBody {
  if (p.at('SELECT')) return parseSelect(p);
  if (p.at('VALUES')) return parseValues(p);
  if (p.atOp('(')) {
    const open = p.next();
    const q = parseQuery(p);
    p.expectOp(')');
    // Keep the parentheses in the span of a parenthesized query.
    return { ...q, span: p.span(open.start) };
  }
  throw p.unexpected();
}

export function parseValues(p: Parser): Values {
  const start = p.expect('VALUES').start;
  const rows: Expr[][] = [];
  do {
    if (p.isKw('ROW') && p.isOp('(', 1)) p.next();
    if (p.acceptOp('(')) {
      rows.push(parseExprList(p));
      p.expectOp(')');
    } else {
      rows.push([parseExpr(p)]);
    }
  } while (p.acceptOp(','));
  return { kind: 'Values', span: p.span(start), rows };
}

function parseSelect(p: Parser): Select {
  const start = p.expect('SELECT').start;
  const hints = parseHints(p);
  let distinct = false;
  if (p.accept('DISTINCT')) distinct = true;
  else p.accept('ALL');
  const items: SelectItem[] = [];
  do items.push(parseSelectItem(p));
  while (p.acceptOp(','));
  const from = p.accept('FROM') ? parseFrom(p) : undefined;
  const where = p.accept('WHERE') ? parseExpr(p) : undefined;
  let groupBy: GroupingElement[] = [];
  if (p.acceptSeq('GROUP', 'BY')) {
    p.accept('ALL') || p.accept('DISTINCT');
    groupBy = parseGroupingList(p);
  }
  const having = p.accept('HAVING') ? parseExpr(p) : undefined;
  const windows: NamedWindow[] = [];
  if (p.accept('WINDOW')) {
    do {
      const name = p.identifier('window name');
      p.expect('AS');
      const spec = parseWindowSpec(p);
      windows.push({ span: p.span(name.span.start), name: name.name, spec });
    } while (p.acceptOp(','));
  }
  return {
    kind: 'Select',
    span: p.span(start),
    hints,
    distinct,
    items,
    groupBy,
    windows,
    ...(from ? { from } : {}),
    ...(where ? { where } : {}),
    ...(having ? { having } : {}),
  };
}

function parseSelectItem(p: Parser): SelectItem {
  p.expect_("'*'");
  if (p.isOp('*')) {
    const t = p.next();
    return { span: p.tokSpan(t), expr: { kind: 'Star', span: p.tokSpan(t) } };
  }
  const expr = parseExpr(p);
  let alias: string | undefined;
  if (p.accept('AS')) alias = p.isString() ? p.stringLit('alias').value : p.identifier('alias').name;
  else if (p.isIdent()) alias = p.implicitAlias().name;
  return { span: p.span(expr.span.start), expr, ...(alias !== undefined ? { alias } : {}) };
}

function parseGroupingList(p: Parser): GroupingElement[] {
  const out: GroupingElement[] = [];
  do out.push(parseGroupingElement(p));
  while (p.acceptOp(','));
  return out;
}

function parseGroupingElement(p: Parser): GroupingElement {
  const t = p.tok;
  if (p.atSeq('GROUPING', 'SETS')) {
    p.next();
    p.next();
    p.expectOp('(');
    const sets = parseGroupingList(p);
    p.expectOp(')');
    return { kind: 'GroupingSets', span: p.span(t.start), sets };
  }
  if ((p.at('ROLLUP') || p.at('CUBE')) && p.isOp('(', 1)) {
    const kind = p.next().upper === 'ROLLUP' ? 'Rollup' : 'Cube';
    p.expectOp('(');
    const items: Expr[][] = [];
    do {
      const e = parseExpr(p);
      items.push(e.kind === 'RowConstructor' && !e.explicit ? [...e.fields] : [e]);
    } while (p.acceptOp(','));
    p.expectOp(')');
    return { kind, span: p.span(t.start), items };
  }
  if (p.isOp('(') && p.isOp(')', 1)) {
    p.next();
    p.next();
    return { kind: 'GroupList', span: p.span(t.start), exprs: [] };
  }
  const expr = parseExpr(p);
  if (expr.kind === 'RowConstructor' && !expr.explicit) return { kind: 'GroupList', span: expr.span, exprs: expr.fields };
  return { kind: 'GroupExpr', span: expr.span, expr };
}
