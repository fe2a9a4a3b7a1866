import type { Expr, FunctionCall, JsonBehavior, JsonClauses } from './ast/expr.js';
import type { OrderItem, WindowSpec } from './ast/query.js';
import type { Pos } from '../types/span.js';
import type { Parser } from './parser-base.js';
import { parseExpr } from './parse-expr.js';
import { parseCastBody } from './parse-special.js';
import { isQueryStart, parseQuery } from './parse-query.js';
import { parseDataType, parseTimeUnit } from './parse-type.js';
import { parseOrderItem, parseOrderItems, parseWindowSpec } from './parse-window.js';

const PREC_ABOVE_IN = 33;

type CallParts = Omit<FunctionCall, 'kind' | 'span' | 'name'>;

function call(p: Parser, name: readonly string[], start: Pos, parts: Partial<CallParts> & { args: readonly Expr[] }): FunctionCall {
  return { kind: 'FunctionCall', span: p.span(start), name, distinct: false, star: false, noParens: false, ...parts };
}

/** A function call; the current token is '('. `start` is where the name began. */
export function parseFunctionCall(p: Parser, name: readonly string[], start: Pos): Expr {
  const special = name.length === 1 ? name[0]! : '';
  switch (special) {
    case 'CAST':
      return parseCastBody(p, start, false);
    case 'TRY_CAST':
      return parseCastBody(p, start, true);
    case 'EXTRACT': {
      p.expectOp('(');
      const unit = parseTimeUnit(p);
      p.expect('FROM');
      const operand = parseExpr(p);
      p.expectOp(')');
      return { kind: 'Extract', span: p.span(start), unit, operand };
    }
    case 'TRIM':
      return parseTrim(p, start);
    case 'SUBSTRING':
    case 'SUBSTR':
      if (hasKeywordForm(p)) return parseKeywordArgs(p, name, start, ['FROM', 'FOR']);
      break;
    case 'OVERLAY':
      if (hasKeywordForm(p)) return parseKeywordArgs(p, name, start, ['PLACING', 'FROM', 'FOR']);
      break;
    case 'POSITION': {
      p.expectOp('(');
      const needle = parseExpr(p, PREC_ABOVE_IN);
      if (p.accept('IN')) {
        const args = [needle, parseExpr(p)];
        if (p.accept('FROM')) args.push(parseExpr(p));
        p.expectOp(')');
        return call(p, name, start, { args });
      }
      const args = [needle];
      while (p.acceptOp(',')) args.push(parseExpr(p));
      p.expectOp(')');
      return call(p, name, start, { args });
    }
    case 'CEIL':
    case 'CEILING':
    case 'FLOOR': {
      p.expectOp('(');
      const args = [parseExpr(p)];
      if (p.accept('TO')) {
        const t = p.tok;
        const unit = parseTimeUnit(p);
        args.push({ kind: 'TimeUnitArg', span: p.tokSpan(t), unit });
      }
      p.expectOp(')');
      return finishCall(p, name, start, { args });
    }
    case 'TIMESTAMPADD':
    case 'TIMESTAMPDIFF': {
      p.expectOp('(');
      const t = p.tok;
      const unit = parseTimeUnit(p);
      const args: Expr[] = [{ kind: 'TimeUnitArg', span: p.tokSpan(t), unit }];
      while (p.acceptOp(',')) args.push(parseExpr(p));
      p.expectOp(')');
      return call(p, name, start, { args });
    }
    case 'JSON_VALUE':
    case 'JSON_QUERY':
    case 'JSON_EXISTS':
      return parseJsonQueryFn(p, special, start);
    case 'JSON_OBJECT':
    case 'JSON_OBJECTAGG':
      return parseJsonObject(p, special, start);
    case 'JSON_ARRAY':
    case 'JSON_ARRAYAGG':
      return parseJsonArray(p, special, start);
  }
  return parseGenericCall(p, name, start);
}

/** Does the parenthesized argument list use keyword separators (SUBSTRING(s FROM 1))? Scans to the matching ')'. */
function hasKeywordForm(p: Parser): boolean {
  let depth = 0;
  for (let k = 0; ; k++) {
    const t = p.peek(k);
    if (t.kind === 'eof') return false;
    if (t.kind === 'op') {
      if (t.text === '(' || t.text === '[') depth++;
      else if (t.text === ')' || t.text === ']') {
        depth--;
        if (depth === 0) return false;
      } else if (t.text === ',' && depth === 1) return false;
      else if (t.text === ';') return false;
    } else if (t.kind === 'ident' && depth === 1 && (t.upper === 'FROM' || t.upper === 'PLACING')) return true;
  }
}

/** `f(a KW1 b KW2 c)` → f(a, b, c); keywords are optional in order. */
function parseKeywordArgs(p: Parser, name: readonly string[], start: Pos, kws: string[]): Expr {
  p.expectOp('(');
  const args = [parseExpr(p)];
  for (const kw of kws) if (p.accept(kw)) args.push(parseExpr(p));
  p.expectOp(')');
  return call(p, name, start, { args });
}

function parseTrim(p: Parser, start: Pos): Expr {
  p.expectOp('(');
  const side = (p.acceptOneOf('BOTH', 'LEADING', 'TRAILING') ?? 'BOTH') as 'BOTH';
  let chars: Expr | undefined;
  let operand: Expr;
  if (p.accept('FROM')) operand = parseExpr(p);
  else {
    const first = parseExpr(p);
    if (p.accept('FROM')) {
      chars = first;
      operand = parseExpr(p);
    } else operand = first;
  }
  p.expectOp(')');
  return { kind: 'Trim', span: p.span(start), side, operand, ...(chars ? { chars } : {}) };
}

/** One argument: `name => v`, `TABLE t …`, `DESCRIPTOR(…)`, or an expression. */
export function parseArg(p: Parser): Expr {
  const t = p.tok;
  if ((t.kind === 'ident' || t.kind === 'quoted') && p.isOp('=>', 1)) {
    p.next();
    p.next();
    const value = parseArgValue(p);
    return { kind: 'NamedArg', span: p.span(t.start), name: t.kind === 'ident' ? t.upper : t.text, value };
  }
  return parseArgValue(p);
}

function parseArgValue(p: Parser): Expr {
  const t = p.tok;
  if (p.isKw('TABLE')) {
    p.next();
    let table: readonly string[] | undefined;
    let query;
    if (p.isOp('(')) {
      p.next();
      query = parseQuery(p);
      p.expectOp(')');
    } else table = p.compoundName('table name').names;
    const partitionBy: Expr[] = [];
    let orderBy: OrderItem[] = [];
    if (p.acceptSeq('PARTITION', 'BY')) {
      // A single key, or a parenthesized list: a bare comma ends the table argument.
      if (p.acceptOp('(')) {
        partitionBy.push(parseExpr(p));
        while (p.acceptOp(',')) partitionBy.push(parseExpr(p));
        p.expectOp(')');
      } else partitionBy.push(parseExpr(p));
    }
    if (p.acceptSeq('ORDER', 'BY')) {
      if (p.acceptOp('(')) {
        orderBy = parseOrderItems(p);
        p.expectOp(')');
      } else orderBy = [parseOrderItem(p)];
    }
    return { kind: 'TableArg', span: p.span(t.start), partitionBy, orderBy, ...(table ? { table } : {}), ...(query ? { query } : {}) };
  }
  if (p.isKw('DESCRIPTOR') && p.isOp('(', 1)) {
    p.next();
    const cols = p.parenIdentList('column name');
    return { kind: 'DescriptorArg', span: p.span(t.start), columns: cols.map((c) => c.name), columnSpans: cols.map((c) => c.span) };
  }
  return parseExpr(p);
}

function parseGenericCall(p: Parser, name: readonly string[], start: Pos): Expr {
  p.expectOp('(');
  let distinct = false;
  let star = false;
  const args: Expr[] = [];
  let orderBy: OrderItem[] | undefined;
  if (p.isOp('*')) {
    p.next();
    star = true;
  } else if (!p.isOp(')')) {
    if (p.accept('DISTINCT')) distinct = true;
    else p.accept('ALL');
    if (isQueryStart(p) && !p.isOp('(')) {
      // ARRAY(SELECT …), MULTISET(SELECT …): a query argument.
      const qs = p.tok.start;
      const query = parseQuery(p);
      args.push({ kind: 'ScalarSubquery', span: p.span(qs), query });
    } else {
      args.push(parseArg(p));
      while (p.acceptOp(',')) args.push(parseArg(p));
    }
    if (p.acceptSeq('ORDER', 'BY')) orderBy = parseOrderItems(p);
  }
  // `ARRAY_AGG(x IGNORE NULLS)`: the null treatment may also stand inside the parentheses.
  let nulls: 'RESPECT' | 'IGNORE' | undefined;
  if ((p.isKw('RESPECT') || p.isKw('IGNORE')) && p.isKw('NULLS', 1)) {
    nulls = p.next().upper as 'RESPECT' | 'IGNORE';
    p.next();
  }
  p.expectOp(')');
  return finishCall(p, name, start, { args, distinct, star, ...(orderBy ? { orderBy } : {}), ...(nulls ? { nulls } : {}) });
}

/** WITHIN GROUP, FILTER, RESPECT/IGNORE NULLS and OVER after a call's ')'. */
function finishCall(p: Parser, name: readonly string[], start: Pos, parts: Partial<CallParts> & { args: readonly Expr[] }): FunctionCall {
  let orderBy = parts.orderBy;
  if (p.isKw('WITHIN') && p.isKw('GROUP', 1)) {
    p.next();
    p.next();
    p.expectOp('(');
    p.expectSeq('ORDER', 'BY');
    orderBy = parseOrderItems(p);
    p.expectOp(')');
  }
  let filter: Expr | undefined;
  if (p.isKw('FILTER') && p.isOp('(', 1)) {
    p.next();
    p.next();
    p.expect('WHERE');
    filter = parseExpr(p);
    p.expectOp(')');
  }
  let nulls = parts.nulls;
  if ((p.isKw('RESPECT') || p.isKw('IGNORE')) && p.isKw('NULLS', 1)) {
    nulls = p.next().upper as 'RESPECT';
    p.next();
  }
  let over: WindowSpec | undefined;
  if (p.accept('OVER')) {
    if (p.isOp('(')) over = parseWindowSpec(p);
    else {
      const ref = p.identifier('window name');
      over = { span: ref.span, refName: ref.name, partitionBy: [], orderBy: [] };
    }
  }
  return call(p, name, start, {
    ...parts,
    ...(orderBy ? { orderBy } : {}),
    ...(filter ? { filter } : {}),
    ...(nulls ? { nulls } : {}),
    ...(over ? { over } : {}),
  });
}

// ---- SQL/JSON functions ----

function parseBehavior(p: Parser, allowed: readonly string[]): JsonBehavior | undefined {
  const t = p.tok;
  if (t.kind !== 'ident') return undefined;
  const up = t.upper;
  if (up === 'EMPTY' && allowed.includes('EMPTY_ARRAY')) {
    const n = p.peek();
    if (n.kind === 'ident' && (n.upper === 'ARRAY' || n.upper === 'OBJECT')) {
      p.next();
      p.next();
      return { behavior: n.upper === 'ARRAY' ? 'EMPTY_ARRAY' : 'EMPTY_OBJECT' };
    }
    return undefined;
  }
  if (!allowed.includes(up)) return undefined;
  // NULL / TRUE / FALSE as a behavior only when followed by ON.
  if (up !== 'DEFAULT' && !p.isKw('ON', 1)) return undefined;
  p.next();
  if (up === 'DEFAULT') return { behavior: 'DEFAULT', default: parseExpr(p) };
  return { behavior: up as 'NULL' };
}

/** `… ON EMPTY` / `… ON ERROR` clauses in any order. */
function parseOnClauses(p: Parser, allowed: readonly string[], clauses: { onEmpty?: JsonBehavior; onError?: JsonBehavior }): void {
  for (;;) {
    const save = p.i;
    const b = parseBehavior(p, allowed);
    if (!b) return;
    p.expect('ON');
    const which = p.expectOneOf('EMPTY', 'ERROR');
    if (which === 'EMPTY') clauses.onEmpty = b;
    else clauses.onError = b;
    if (p.i === save) return;
  }
}

function parseJsonQueryFn(p: Parser, fn: string, start: Pos): Expr {
  p.expectOp('(');
  const args = [parseExpr(p)];
  p.expectOp(',');
  args.push(parseExpr(p));
  const json: { -readonly [K in keyof JsonClauses]: JsonClauses[K] } = {};
  if (fn === 'JSON_EXISTS') {
    parseOnClauses(p, ['TRUE', 'FALSE', 'UNKNOWN', 'ERROR'], json);
  } else {
    if (p.accept('RETURNING')) json.returning = parseDataType(p);
    if (fn === 'JSON_QUERY') {
      if (p.accept('WITHOUT')) {
        p.accept('ARRAY');
        p.expect('WRAPPER');
        json.wrapper = 'WITHOUT';
      } else if (p.isKw('WITH') && !p.isOp('(', 1)) {
        p.next();
        const kind = p.acceptOneOf('CONDITIONAL', 'UNCONDITIONAL') ?? 'UNCONDITIONAL';
        p.accept('ARRAY');
        p.expect('WRAPPER');
        json.wrapper = kind as 'CONDITIONAL';
      }
      parseOnClauses(p, ['NULL', 'ERROR', 'EMPTY_ARRAY'], json);
    } else {
      parseOnClauses(p, ['NULL', 'ERROR', 'DEFAULT'], json);
    }
  }
  p.expectOp(')');
  return call(p, [fn], start, { args, json });
}

function parseOnNull(p: Parser): 'NULL' | 'ABSENT' | undefined {
  if ((p.isKw('NULL') || p.isKw('ABSENT')) && p.isKw('ON', 1) && p.isKw('NULL', 2)) {
    const v = p.next().upper as 'NULL';
    p.next();
    p.next();
    return v;
  }
  return undefined;
}

function parseJsonObject(p: Parser, fn: string, start: Pos): Expr {
  p.expectOp('(');
  const args: Expr[] = [];
  let onNull: 'NULL' | 'ABSENT' | undefined;
  if (!p.isOp(')')) {
    do {
      onNull = parseOnNull(p);
      if (onNull) break;
      if (p.isKw('KEY') && !p.isOp(',', 1) && !p.isKw('VALUE', 1)) p.next();
      args.push(parseExpr(p));
      if (!p.acceptOp(':')) p.expect('VALUE');
      args.push(parseExpr(p));
      onNull = parseOnNull(p);
    } while (!onNull && fn === 'JSON_OBJECT' && p.acceptOp(','));
  }
  p.expectOp(')');
  return finishCall(p, [fn], start, { args, json: onNull ? { onNull } : {} });
}

function parseJsonArray(p: Parser, fn: string, start: Pos): Expr {
  p.expectOp('(');
  const args: Expr[] = [];
  let onNull: 'NULL' | 'ABSENT' | undefined;
  let orderBy: OrderItem[] | undefined;
  if (!p.isOp(')')) {
    onNull = parseOnNull(p);
    if (!onNull) {
      args.push(parseExpr(p));
      while (fn === 'JSON_ARRAY' && p.acceptOp(',')) args.push(parseExpr(p));
      if (fn === 'JSON_ARRAYAGG' && p.acceptSeq('ORDER', 'BY')) orderBy = parseOrderItems(p);
      onNull = parseOnNull(p);
    }
  }
  p.expectOp(')');
  return finishCall(p, [fn], start, { args, json: onNull ? { onNull } : {}, ...(orderBy ? { orderBy } : {}) });
}
