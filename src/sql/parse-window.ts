import type { Expr } from './ast/expr.js';
import type { FrameBound, OrderItem, WindowFrame, WindowSpec } from './ast/query.js';
import type { Parser } from './parser-base.js';
import { parseExpr } from './parse-expr.js';

/** `expr [ASC|DESC] [NULLS FIRST|LAST], …` */
export function parseOrderItems(p: Parser): OrderItem[] {
  const items: OrderItem[] = [];
  do items.push(parseOrderItem(p));
  while (p.acceptOp(','));
  return items;
}

export function parseOrderItem(p: Parser): OrderItem {
  const expr = parseExpr(p);
  const direction = (p.acceptOneOf('ASC', 'DESC') ?? 'ASC') as 'ASC';
  let nulls: 'FIRST' | 'LAST' | undefined;
  if (p.accept('NULLS')) nulls = p.expectOneOf('FIRST', 'LAST') as 'FIRST';
  return { span: p.span(expr.span.start), expr, direction, ...(nulls ? { nulls } : {}) };
}

/** `( [name] [PARTITION BY …] [ORDER BY …] [ROWS|RANGE …] )`; the current token is '('. */
export function parseWindowSpec(p: Parser): WindowSpec {
  const open = p.expectOp('(');
  let refName: string | undefined;
  if (p.isIdent() && !p.isKw('PARTITION') && !p.isKw('ROWS') && !p.isKw('RANGE')) refName = p.identifier('window name').name;
  const partitionBy: Expr[] = [];
  if (p.at('PARTITION')) {
    p.expectSeq('PARTITION', 'BY');
    partitionBy.push(parseExpr(p));
    while (p.acceptOp(',')) partitionBy.push(parseExpr(p));
  }
  const orderBy = p.acceptSeq('ORDER', 'BY') ? parseOrderItems(p) : [];
  let frame: WindowFrame | undefined;
  const ft = p.tok;
  const unit = p.acceptOneOf('ROWS', 'RANGE') as 'ROWS' | undefined;
  if (unit) {
    if (p.accept('BETWEEN')) {
      const startB = parseBound(p);
      p.expect('AND');
      const end = parseBound(p);
      frame = { span: p.span(ft.start), unit, start: startB, end };
    } else {
      frame = { span: p.span(ft.start), unit, start: parseBound(p) };
    }
    // EXCLUDE … is not supported by Flink; let the error point at it.
  }
  p.expectOp(')');
  return {
    span: p.span(open.start),
    partitionBy,
    orderBy,
    ...(refName !== undefined ? { refName } : {}),
    ...(frame ? { frame } : {}),
  };
}

function parseBound(p: Parser): FrameBound {
  if (p.accept('UNBOUNDED')) {
    const dir = p.expectOneOf('PRECEDING', 'FOLLOWING');
    return { kind: dir === 'PRECEDING' ? 'UnboundedPreceding' : 'UnboundedFollowing' };
  }
  if (p.atSeq('CURRENT', 'ROW')) {
    p.next();
    p.next();
    return { kind: 'CurrentRow' };
  }
  const offset = parseExpr(p);
  const dir = p.expectOneOf('PRECEDING', 'FOLLOWING');
  return dir === 'PRECEDING' ? { kind: 'Preceding', offset } : { kind: 'Following', offset };
}
