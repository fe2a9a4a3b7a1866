import type * as A from '../../sql/ast/index.js';

/** A structural key for an expression, ignoring source positions: equal keys mean the same expression. */
export function exprKey(e: A.Expr | A.TypeNode | readonly unknown[] | unknown): string {
  return JSON.stringify(e, (k, v: unknown) => (k === 'span' ? undefined : typeof v === 'bigint' ? `${v}n` : v));
}

/** The top-level AND terms of a WHERE / ON expression, nested ANDs flattened. */
export function astConjuncts(e: A.Expr): A.Expr[] {
  return e.kind === 'Binary' && e.op === 'AND' ? [...astConjuncts(e.left), ...astConjuncts(e.right)] : [e];
}

/** Calls every expression node below (and including) `e`, without entering subqueries. */
export function walkExpr(e: A.Expr, visit: (e: A.Expr) => boolean | void): void {
  if (visit(e) === false) return;
  const children: A.Expr[] = [];
  switch (e.kind) {
    case 'Unary':
      children.push(e.operand);
      break;
    case 'Binary':
    case 'IsDistinctFrom':
      children.push(e.left, e.right);
      break;
    case 'IsPredicate':
    case 'IsJson':
    case 'Cast':
    case 'Extract':
      children.push(e.operand);
      break;
    case 'Between':
      children.push(e.operand, e.low, e.high);
      break;
    case 'Like':
      children.push(e.operand, e.pattern, ...(e.escape ? [e.escape] : []));
      break;
    case 'InList':
      children.push(e.operand, ...e.list);
      break;
    case 'InSubquery':
      children.push(e.operand);
      break;
    case 'Case':
      if (e.operand) children.push(e.operand);
      for (const w of e.whens) children.push(w.when, w.then);
      if (e.else) children.push(e.else);
      break;
    case 'Trim':
      children.push(e.operand, ...(e.chars ? [e.chars] : []));
      break;
    case 'FunctionCall':
      children.push(...e.args, ...(e.filter ? [e.filter] : []));
      break;
    case 'ArrayConstructor':
      children.push(...e.elements);
      break;
    case 'MapConstructor':
      children.push(...e.entries);
      break;
    case 'RowConstructor':
      children.push(...e.fields);
      break;
    case 'Subscript':
      children.push(e.base, e.index);
      break;
    case 'FieldAccess':
      children.push(e.base);
      break;
    case 'NamedArg':
      children.push(e.value);
      break;
    default:
      break;
  }
  for (const c of children) walkExpr(c, visit);
}
