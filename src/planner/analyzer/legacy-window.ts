import type * as A from '../../sql/ast/index.js';
import { SqlError } from '../../types/errors.js';
import type { PlanNode, WindowTvfNode } from '../logical/plan-node.js';
import { analyzeExpr } from './analyze-expr.js';
import type { ExprContext } from './expr-context.js';
import { Scope } from './scope.js';
import { intervalMillis, windowTvfNode, type WindowKind } from './window-tvf-node.js';

const LEGACY: Record<string, { window: WindowKind; params: string[] }> = {
  TUMBLE: { window: 'TUMBLE', params: ['size', 'offset'] },
  HOP: { window: 'HOP', params: ['slide', 'size', 'offset'] },
  SESSION: { window: 'SESSION', params: ['gap'] },
};

/** Auxiliary functions of legacy group windows → index of the window key they read. */
export const LEGACY_AUXILIARY: Record<string, number> = Object.fromEntries(
  ['TUMBLE', 'HOP', 'SESSION'].flatMap((w) => [[`${w}_START`, 0], [`${w}_END`, 1], [`${w}_ROWTIME`, 2], [`${w}_PROCTIME`, 2]]),
);

const KEY_NAMES = ['$window_start', '$window_end', '$window_time'];

/**
 * `GROUP BY TUMBLE(ts, INTERVAL '1' HOUR), …` (Flink's legacy group windows): planned as the
 * window TVF it is equivalent to, grouped by its window_start, window_end and window_time.
 */
export function legacyWindow(groupBy: readonly A.GroupingElement[], input: PlanNode, ctx: ExprContext):
  { node: WindowTvfNode; scope: Scope; call: A.Expr; keyExprs: A.Expr[] } | undefined {
  const el = groupBy.find((g) => g.kind === 'GroupExpr' && g.expr.kind === 'FunctionCall' && g.expr.name.length === 1 && LEGACY[g.expr.name[0]!.toUpperCase()]);
  if (!el || el.kind !== 'GroupExpr' || el.expr.kind !== 'FunctionCall') return undefined;
  const call = el.expr;
  const spec = LEGACY[call.name[0]!.toUpperCase()]!;
  const [timeArg, ...rest] = call.args;
  if (!timeArg || timeArg.kind !== 'ColumnRef' || rest.length < 1 || rest.length > spec.params.length) {
    throw new SqlError('INVALID_WINDOW', `${spec.window}(time_attr, ${spec.params.join(', ')}) expects a time attribute column and constant intervals`, call.span);
  }
  const time = ctx.scope.resolve(timeArg.names, timeArg.span);
  const params: Record<string, number> = {};
  rest.forEach((a, i) => (params[spec.params[i]!] = intervalMillis(analyzeExpr(a, ctx), spec.params[i]!, a.span)));
  const node = windowTvfNode(spec.window, input, time.index, params, [], call.span);
  const n = input.fields.length;
  const scope = new Scope([
    ...ctx.scope.columns,
    ...KEY_NAMES.map((name, i) => ({ name, type: node.fields[n + i]!.type })),
  ]);
  const keyExprs: A.Expr[] = KEY_NAMES.map((name) => ({ kind: 'ColumnRef', span: call.span, names: [name] }));
  return { node, scope, call, keyExprs };
}
