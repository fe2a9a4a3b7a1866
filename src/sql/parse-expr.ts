import type { BinaryOp, Expr } from './ast/expr.js';
import { NILADIC, RESERVED } from './keywords.js';
import { PARSE_ERROR, type Parser } from './parser-base.js';
import { parseFunctionCall } from './parse-call.js';
import { isQueryStart, parseQuery } from './parse-query.js';
import { parseCase, parseIntervalLiteral } from './parse-special.js';
import { SqlError } from '../types/errors.js';

/** Calcite's operator precedences (SqlStdOperatorTable). */
const PREC_OR = 22;
const PREC_AND = 24;
const PREC_NOT = 26;
const PREC_IS = 28;
const PREC_CMP = 30;
const PREC_LIKE = 32;
const PREC_ADD = 40;
const PREC_MUL = 60;
const PREC_UNARY = 80;

const MAX_DEPTH = 400;

/** Binary operator tokens; `||` binds like `*` in Calcite. */
const OP_PREC: Record<string, number> = {
  '=': PREC_CMP, '<>': PREC_CMP, '<': PREC_CMP, '<=': PREC_CMP, '>': PREC_CMP, '>=': PREC_CMP,
  '+': PREC_ADD, '-': PREC_ADD,
  '*': PREC_MUL, '/': PREC_MUL, '%': PREC_MUL, '||': PREC_MUL,
};

/** Reserved words that are still function names when followed by '(' (ANY/SOME/ALL: quantified comparisons). */
const RESERVED_FUNCTIONS = new Set(['LEFT', 'RIGHT', 'CAST', 'EXTRACT', 'ANY', 'SOME', 'ALL', ...NILADIC]);

/** Parses an expression whose operators all bind at least as tightly as `minPrec`. */
export function parseExpr(p: Parser, minPrec = 0): Expr {
  if (++p.depth > MAX_DEPTH) {
    throw new SqlError(PARSE_ERROR, 'Expression is nested too deeply', p.tokSpan(p.tok), `simplify it: at most ${MAX_DEPTH} levels of nesting are supported`);
  }
  try {
    let left = parsePrefix(p);
    for (;;) {
      const next = parseInfix(p, left, minPrec);
      if (!next) return left;
      left = next;
    }
  } finally {
    p.depth--;
  }
}

function parsePrefix(p: Parser): Expr {
  const t = p.tok;
  if (t.kind === 'ident' && t.upper === 'NOT') {
    p.next();
    const operand = parseExpr(p, PREC_NOT + 1);
    return { kind: 'Unary', span: p.span(t.start), op: 'NOT', operand };
  }
  if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
    p.next();
    const nt = p.tok;
    // Fold the sign into a numeric literal so -9223372036854775808 stays one exact literal.
    if (t.text === '-' && nt.kind === 'number' && nt.start.offset === t.end.offset && !p.isOp('.', 1) && !p.isOp('[', 1)) {
      p.next();
      return { kind: 'NumericLiteral', span: p.span(t.start), text: '-' + nt.text };
    }
    const operand = parseExpr(p, PREC_UNARY);
    return { kind: 'Unary', span: p.span(t.start), op: t.text, operand };
  }
  return parsePostfix(p, parsePrimary(p));
}

/** One infix / postfix operator application, or undefined when the next token does not continue the expression. */
function parseInfix(p: Parser, left: Expr, minPrec: number): Expr | undefined {
  const t = p.tok;
  const start = left.span.start;
  if (t.kind === 'op') {
    const prec = OP_PREC[t.text];
    if (prec === undefined || prec < minPrec) return undefined;
    const op = t.text as BinaryOp;
    p.next();
    const right = parseExpr(p, prec + 1);
    return { kind: 'Binary', span: p.span(start), op, left, right };
  }
  if (t.kind !== 'ident') return undefined;
  switch (t.upper) {
    case 'OVERLAPS': {
      // (s1, e1) OVERLAPS (s2, e2) → OVERLAPS(s1, e1, s2, e2), the form the function registry takes.
      if (PREC_CMP < minPrec) return undefined;
      p.next();
      const right = parseExpr(p, PREC_CMP + 1);
      const period = (e: Expr): readonly Expr[] => {
        if (e.kind === 'RowConstructor' && e.fields.length === 2) return e.fields;
        throw p.errorAt(e.span, 'OVERLAPS needs a period on each side: (start, end) or (start, interval)');
      };
      const args = [...period(left), ...period(right)];
      return { kind: 'FunctionCall', span: p.span(start), name: ['OVERLAPS'], args, distinct: false, star: false, noParens: false };
    }
    case 'OR':
    case 'AND': {
      const prec = t.upper === 'OR' ? PREC_OR : PREC_AND;
      if (prec < minPrec) return undefined;
      p.next();
      const right = parseExpr(p, prec + 1);
      return { kind: 'Binary', span: p.span(start), op: t.upper, left, right };
    }
    case 'IS': {
      if (PREC_IS < minPrec) return undefined;
      p.next();
      const negated = p.accept('NOT');
      const test = p.acceptOneOf('NULL', 'TRUE', 'FALSE', 'UNKNOWN');
      if (test) return { kind: 'IsPredicate', span: p.span(start), operand: left, test: test as 'NULL', negated };
      if (p.acceptSeq('DISTINCT', 'FROM')) {
        const right = parseExpr(p, PREC_CMP + 1);
        return { kind: 'IsDistinctFrom', span: p.span(start), left, right, negated };
      }
      if (p.accept('JSON')) {
        const jsonType = (p.acceptOneOf('VALUE', 'SCALAR', 'ARRAY', 'OBJECT') ?? 'VALUE') as 'VALUE';
        return { kind: 'IsJson', span: p.span(start), operand: left, jsonType, negated };
      }
      throw p.unexpected();
    }
    case 'NOT':
    case 'LIKE':
    case 'ILIKE':
    case 'SIMILAR':
    case 'BETWEEN':
    case 'IN': {
      let k = 0;
      if (t.upper === 'NOT') {
        const n = p.peek();
        if (n.kind !== 'ident' || !['LIKE', 'SIMILAR', 'BETWEEN', 'IN'].includes(n.upper)) return undefined;
        k = 1;
      }
      if (PREC_LIKE < minPrec) return undefined;
      const negated = k === 1;
      if (negated) p.next();
      const kw = p.next().upper;
      if (kw === 'LIKE' || kw === 'SIMILAR' || kw === 'ILIKE') {
        if (kw === 'ILIKE') throw p.errorAt(t, 'ILIKE is not supported by Flink SQL', 'use LOWER(x) LIKE LOWER(pattern)');
        const similar = kw === 'SIMILAR';
        if (similar) p.expect('TO');
        const pattern = parseExpr(p, PREC_LIKE + 1);
        const escape = p.accept('ESCAPE') ? parseExpr(p, PREC_LIKE + 1) : undefined;
        return { kind: 'Like', span: p.span(start), operand: left, pattern, negated, similar, ...(escape ? { escape } : {}) };
      }
      if (kw === 'BETWEEN') {
        let symmetric = false;
        if (p.accept('SYMMETRIC')) symmetric = true;
        else p.accept('ASYMMETRIC');
        const low = parseExpr(p, PREC_LIKE + 1);
        p.expect('AND');
        const high = parseExpr(p, PREC_LIKE + 1);
        return { kind: 'Between', span: p.span(start), operand: left, low, high, negated, symmetric };
      }
      // IN
      p.expectOp('(');
      if (isQueryStart(p)) {
        const query = parseQuery(p);
        p.expectOp(')');
        return { kind: 'InSubquery', span: p.span(start), operand: left, query, negated };
      }
      const list = parseExprList(p);
      p.expectOp(')');
      return { kind: 'InList', span: p.span(start), operand: left, list, negated };
    }
    default:
      return undefined;
  }
}

export function parseExprList(p: Parser): Expr[] {
  const out = [parseExpr(p)];
  while (p.acceptOp(',')) out.push(parseExpr(p));
  return out;
}

/** `.field` and `[index]` after a primary. */
export function parsePostfix(p: Parser, e: Expr): Expr {
  for (;;) {
    if (p.isOp('[')) {
      p.next();
      const index = parseExpr(p);
      p.expectOp(']');
      e = { kind: 'Subscript', span: p.span(e.span.start), base: e, index };
    } else if (p.isOp('.') && (p.isIdent(1) || p.peek().kind === 'ident')) {
      p.next();
      const f = p.next();
      e = { kind: 'FieldAccess', span: p.span(e.span.start), base: e, field: f.text };
    } else if (p.isOp('.') && p.isOp('*', 1)) {
      p.next();
      p.next();
      throw p.errorAt({ start: e.span.start, end: p.prevEnd }, 'A star (.*) is only allowed after a table name');
    } else {
      return e;
    }
  }
}

function parsePrimary(p: Parser): Expr {
  const t = p.tok;
  const start = t.start;
  switch (t.kind) {
    case 'number':
      p.next();
      return { kind: 'NumericLiteral', span: p.tokSpan(t), text: t.text };
    case 'string':
    case 'ustring': {
      const s = p.stringLit();
      return { kind: 'StringLiteral', span: s.span, value: s.value };
    }
    case 'binary': {
      let hex = p.next().text;
      while (p.tok.kind === 'binary') hex += p.next().text;
      return { kind: 'BinaryLiteral', span: p.span(start), hex };
    }
    case 'op':
      if (t.text === '(') return parseParenthesized(p);
      break;
    case 'quoted':
      return parseNameOrCall(p);
    case 'ident':
      return parseKeywordPrimary(p);
    default:
      break;
  }
  p.expect_('expression');
  throw p.unexpected();
}

function parseParenthesized(p: Parser): Expr {
  const open = p.next();
  if (isQueryStart(p)) {
    const query = parseQuery(p);
    p.expectOp(')');
    return { kind: 'ScalarSubquery', span: p.span(open.start), query };
  }
  const first = parseExpr(p);
  if (p.isOp(',')) {
    const fields = [first];
    while (p.acceptOp(',')) fields.push(parseExpr(p));
    p.expectOp(')');
    return { kind: 'RowConstructor', span: p.span(open.start), fields, explicit: false };
  }
  p.expectOp(')');
  // `(expr).field` is a field access on any expression, including a column.
  if (p.isOp('.') && (p.peek().kind === 'ident' || p.peek().kind === 'quoted')) {
    p.next();
    const f = p.next();
    return { kind: 'FieldAccess', span: p.span(open.start), base: first, field: f.text };
  }
  return first;
}

function parseKeywordPrimary(p: Parser): Expr {
  const t = p.tok;
  const start = t.start;
  const next = p.peek();
  switch (t.upper) {
    case 'TRUE':
    case 'FALSE':
      p.next();
      return { kind: 'BooleanLiteral', span: p.tokSpan(t), value: t.upper === 'TRUE' };
    case 'NULL':
      p.next();
      return { kind: 'NullLiteral', span: p.tokSpan(t) };
    case 'UNKNOWN': {
      // UNKNOWN is the BOOLEAN null.
      p.next();
      const span = p.tokSpan(t);
      return {
        kind: 'Cast',
        span,
        operand: { kind: 'NullLiteral', span },
        target: { kind: 'Type', span, name: 'BOOLEAN', args: [], children: [], notNull: false },
        try: false,
      };
    }
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      if (next.kind === 'string' || next.kind === 'ustring') {
        p.next();
        const value = p.stringLit().value;
        return { kind: 'TypedLiteral', span: p.span(start), type: t.upper, value };
      }
      break;
    case 'INTERVAL':
      return parseIntervalLiteral(p);
    case 'CASE':
      return parseCase(p);
    case 'EXISTS': {
      p.next();
      p.expectOp('(');
      const query = parseQuery(p);
      p.expectOp(')');
      return { kind: 'Exists', span: p.span(start), query };
    }
    case 'ARRAY':
    case 'MAP':
      if (next.kind === 'op' && next.text === '[') {
        p.next();
        p.next();
        const items = p.isOp(']') ? [] : parseExprList(p);
        p.expectOp(']');
        if (t.upper === 'ARRAY') return { kind: 'ArrayConstructor', span: p.span(start), elements: items };
        if (items.length % 2 !== 0) throw p.errorAt({ start, end: p.prevEnd }, 'MAP[…] needs an even number of arguments: key1, value1, key2, value2, …');
        return { kind: 'MapConstructor', span: p.span(start), entries: items };
      }
      break;
    case 'ROW':
      if (next.kind === 'op' && next.text === '(') {
        p.next();
        p.next();
        const fields = p.isOp(')') ? [] : parseExprList(p);
        p.expectOp(')');
        return { kind: 'RowConstructor', span: p.span(start), fields, explicit: true };
      }
      break;
    default:
      if (NILADIC.has(t.upper) && !(next.kind === 'op' && next.text === '(')) {
        p.next();
        return { kind: 'FunctionCall', span: p.tokSpan(t), name: [t.upper], args: [], distinct: false, star: false, noParens: true };
      }
  }
  return parseNameOrCall(p);
}

/** Column reference `a.b.c`, `t.*`, or a (possibly qualified) function call. */
function parseNameOrCall(p: Parser): Expr {
  const t = p.tok;
  const start = t.start;
  // Function names may be keywords (LEFT, RIGHT, IF, INSERT, …) when directly followed by '('.
  if (t.kind === 'ident' && p.isOp('(', 1) && (!RESERVED.has(t.upper) || RESERVED_FUNCTIONS.has(t.upper))) {
    p.next();
    return parseFunctionCall(p, [t.upper], start);
  }
  const first = p.identifier('expression');
  const names = [first.name];
  let quotedLast = t.kind === 'quoted';
  while (p.isOp('.')) {
    const n = p.peek();
    if (n.kind === 'op' && n.text === '*') {
      p.next();
      p.next();
      return { kind: 'Star', span: p.span(start), qualifier: names };
    }
    if (n.kind !== 'ident' && n.kind !== 'quoted') break;
    p.next();
    p.next();
    names.push(n.text);
    quotedLast = n.kind === 'quoted';
  }
  if (p.isOp('(')) {
    // Qualified or quoted function name: unquoted parts of a single name are upper-cased.
    const name = names.length === 1 && !quotedLast ? [names[0]!.toUpperCase()] : names;
    return parseFunctionCall(p, name, start);
  }
  return { kind: 'ColumnRef', span: p.span(start), names };
}
