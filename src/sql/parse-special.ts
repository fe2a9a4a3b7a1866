import type { Case, Expr } from './ast/expr.js';
import type { Pos } from '../types/span.js';
import type { Parser } from './parser-base.js';
import { parseExpr } from './parse-expr.js';
import { parseDataType, parseIntervalQualifier } from './parse-type.js';

// Expression forms with their own keywords: INTERVAL literals, CASE, CAST.

export function parseIntervalLiteral(p: Parser): Expr {
  const start = p.next().start;
  let negative = false;
  if (p.isOp('-') || p.isOp('+')) negative = p.next().text === '-';
  let value: string;
  if (p.tok.kind === 'number') value = p.next().text;
  else {
    const s = p.stringLit('interval string');
    value = s.value.trim();
    // A sign inside the string is also allowed: INTERVAL '-1' DAY.
    if (value.startsWith('-')) {
      negative = !negative;
      value = value.slice(1).trim();
    } else if (value.startsWith('+')) value = value.slice(1).trim();
  }
  const qualifier = parseIntervalQualifier(p);
  return { kind: 'IntervalLiteral', span: p.span(start), negative, value, qualifier };
}

export function parseCase(p: Parser): Case {
  const start = p.next().start;
  const operand = p.at('WHEN') ? undefined : parseExpr(p);
  const whens: { when: Expr; then: Expr }[] = [];
  while (p.accept('WHEN')) {
    const conds = [parseExpr(p)];
    // Simple CASE allows `WHEN 1, 2 THEN …`: one branch per value, sharing the result.
    while (operand && p.acceptOp(',')) conds.push(parseExpr(p));
    p.expect('THEN');
    const then = parseExpr(p);
    for (const when of conds) whens.push({ when, then });
  }
  if (whens.length === 0) throw p.unexpected();
  const elseExpr = p.accept('ELSE') ? parseExpr(p) : undefined;
  p.expect('END');
  return { kind: 'Case', span: p.span(start), whens, ...(operand ? { operand } : {}), ...(elseExpr ? { else: elseExpr } : {}) };
}

/** CAST(x AS type) / TRY_CAST(x AS type), after the name; `start` is the name's start. */
export function parseCastBody(p: Parser, start: Pos, isTry: boolean): Expr {
  p.expectOp('(');
  const operand = parseExpr(p);
  p.expect('AS');
  const target = parseDataType(p);
  p.expectOp(')');
  return { kind: 'Cast', span: p.span(start), operand, target, try: isTry };
}
