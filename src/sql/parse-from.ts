import type { Expr, FunctionCall } from './ast/expr.js';
import type { Hint, Join, TableRef } from './ast/query.js';
import type { Pos } from '../types/span.js';
import type { Parser } from './parser-base.js';
import { parseFunctionCall } from './parse-call.js';
import { parseExpr } from './parse-expr.js';
import { parseHints } from './parse-hint.js';
import { parseMatchRecognize } from './parse-match.js';
import { isQueryAhead, parseQuery } from './parse-query.js';

/** FROM list: comma joins bind loosest. */
export function parseFrom(p: Parser): TableRef {
  let left = parseJoinChain(p);
  while (p.acceptOp(',')) {
    const right = parseJoinChain(p);
    left = { kind: 'Join', span: p.span(left.span.start), joinType: 'CROSS', left, right, natural: false, comma: true };
  }
  return left;
}

function parseJoinChain(p: Parser): TableRef {
  let left = parseTablePrimary(p);
  for (;;) {
    let joinType: Join['joinType'] | undefined;
    const natural = p.accept('NATURAL');
    if (p.accept('JOIN')) joinType = 'INNER';
    else if (p.accept('INNER')) {
      p.expect('JOIN');
      joinType = 'INNER';
    } else if (p.accept('CROSS')) {
      p.expect('JOIN');
      joinType = 'CROSS';
    } else {
      const side = p.acceptOneOf('LEFT', 'RIGHT', 'FULL');
      if (side) {
        p.accept('OUTER');
        p.expect('JOIN');
        joinType = side as 'LEFT';
      }
    }
    if (!joinType) {
      if (natural) throw p.unexpected();
      return left;
    }
    const right = parseTablePrimary(p);
    let on: Expr | undefined;
    let using: string[] | undefined;
    if (joinType !== 'CROSS' && !natural) {
      if (p.accept('ON')) on = parseExpr(p);
      else if (p.accept('USING')) using = p.parenIdentList().map((c) => c.name);
      else throw p.unexpected();
    }
    left = {
      kind: 'Join',
      span: p.span(left.span.start),
      joinType,
      left,
      right,
      natural,
      comma: false,
      ...(on ? { on } : {}),
      ...(using ? { using } : {}),
    };
  }
}

interface AliasParts {
  alias?: string;
  columnAliases?: string[];
}

/** `[AS] alias [(c1, c2)]` */
function parseAlias(p: Parser): AliasParts {
  let name: string | undefined;
  if (p.accept('AS')) name = p.identifier('alias').name;
  else if (p.isIdent()) name = p.implicitAlias().name;
  if (name === undefined) return {};
  if (p.isOp('(') && (p.isIdent(1) || p.peek().kind === 'quoted')) {
    return { alias: name, columnAliases: p.parenIdentList().map((c) => c.name) };
  }
  return { alias: name };
}

function parseTablePrimary(p: Parser): TableRef {
  const t = p.tok;
  const start = t.start;
  let ref: TableRef;
  if (p.at('LATERAL')) {
    p.next();
    if (p.at('TABLE')) {
      p.next();
      const call = parseTableCall(p);
      ref = { kind: 'TableFunctionRef', span: p.span(start), call, lateral: true };
    } else {
      p.expectOp('(');
      const query = parseQuery(p);
      p.expectOp(')');
      ref = { kind: 'SubqueryRef', span: p.span(start), query, lateral: true };
    }
  } else if (p.at('TABLE')) {
    p.next();
    const call = parseTableCall(p);
    ref = { kind: 'TableFunctionRef', span: p.span(start), call, lateral: false };
  } else if (p.at('UNNEST')) {
    p.next();
    p.expectOp('(');
    const exprs = [parseExpr(p)];
    while (p.acceptOp(',')) exprs.push(parseExpr(p));
    p.expectOp(')');
    const withOrdinality = p.acceptSeq('WITH', 'ORDINALITY');
    ref = { kind: 'Unnest', span: p.span(start), exprs, withOrdinality };
  } else if (p.atOp('(')) {
    if (isQueryAhead(p, 1)) {
      p.next();
      const query = parseQuery(p);
      p.expectOp(')');
      ref = { kind: 'SubqueryRef', span: p.span(start), query, lateral: false };
    } else {
      p.next();
      const inner = parseFrom(p);
      p.expectOp(')');
      ref = { ...inner, span: p.span(start) };
    }
  } else {
    const name = p.compoundName('table name');
    let hints: Hint[] = parseHints(p);
    let forSystemTime: Expr | undefined;
    if (p.atSeq('FOR', 'SYSTEM_TIME')) {
      p.next();
      p.next();
      p.expectSeq('AS', 'OF');
      forSystemTime = parseExpr(p);
    }
    ref = { kind: 'TableName', span: p.span(start), name: name.names, hints, ...(forSystemTime ? { forSystemTime } : {}) };
    if (p.isKw('MATCH_RECOGNIZE')) return finishAlias(p, parseMatchRecognize(p, ref), start);
    const aliased = finishAlias(p, ref, start);
    // Hints may also follow the alias.
    if (p.tok.kind === 'hint' && aliased.kind === 'TableName') {
      hints = [...hints, ...parseHints(p)];
      return { ...aliased, hints, span: p.span(start) };
    }
    return aliased;
  }
  if (p.isKw('MATCH_RECOGNIZE')) return finishAlias(p, parseMatchRecognize(p, ref), start);
  return finishAlias(p, ref, start);
}

function finishAlias(p: Parser, ref: TableRef, start: Pos): TableRef {
  if (ref.kind === 'Join') return ref;
  const a = parseAlias(p);
  if (a.alias === undefined) return ref;
  return { ...ref, ...a, span: p.span(start) };
}

/** `( f(args) )` after TABLE: the call must be a function call. */
function parseTableCall(p: Parser): FunctionCall {
  p.expectOp('(');
  const fnStart = p.tok.start;
  const name = p.compoundName('table function name');
  const names = name.names.length === 1 && p.tokens[p.i - 1]!.kind === 'ident' ? [name.names[0]!.toUpperCase()] : name.names;
  if (!p.isOp('(')) {
    p.expect_("'('");
    throw p.unexpected();
  }
  const call = parseFunctionCall(p, names, fnStart);
  if (call.kind !== 'FunctionCall') throw p.errorAt(call.span, 'Expected a table function call');
  p.expectOp(')');
  return call;
}
