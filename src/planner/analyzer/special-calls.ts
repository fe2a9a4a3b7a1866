import type * as A from '../../sql/ast/index.js';
import type { Rex } from '../rex.js';
import { analyzeExpr, callFunction, operator } from './analyze-expr.js';
import type { ExprContext } from './expr-context.js';

/**
 * Calls the planner maps to another function: `FLOOR/CEIL(x TO unit)` are the temporal
 * FLOOR_TIME / CEIL_TIME. Returns undefined for ordinary calls.
 */
export function analyzeSpecialCall(name: string, e: A.FunctionCall, ctx: ExprContext): Rex | undefined {
  if ((name === 'FLOOR' || name === 'CEIL' || name === 'CEILING') && e.args.length === 2 && e.args[1]!.kind === 'TimeUnitArg') {
    const fn = name === 'FLOOR' ? 'FLOOR_TIME' : 'CEIL_TIME';
    const args = e.args.map((a) => analyzeExpr(a, ctx));
    return callFunction(operator(fn, ctx, e.span), name, args, e.args.map((a) => a.span), e.span, ctx);
  }
  return undefined;
}
