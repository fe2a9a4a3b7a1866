import { FunctionTypeError } from '../../functions/function-def.js';
import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import { belowCalcs, type AggCall, type AggregateNode, type Field, type PlanNode, type WindowTvfNode } from '../logical/plan-node.js';
import { inputRef, type Rex } from '../rex.js';
import { aggregateResultType } from './aggregate-types.js';
import { isAggregateName } from './aggregate-names.js';
import type { FunctionResolver } from './expr-context.js';
import { analyzeExpr, analyzePredicate } from './analyze-expr.js';
import type { ExprContext } from './expr-context.js';
import { exprKey, walkExpr } from './expr-key.js';
import { expandGroupBy, isPlainGroupBy } from './grouping-sets.js';
import { legacyWindow, LEGACY_AUXILIARY } from './legacy-window.js';

const isAggCall = (e: A.Expr, functions: FunctionResolver): boolean =>
  e.kind === 'FunctionCall' && !e.over && e.name.length === 1 && isAggregateName(e.name[0]!.toUpperCase(), functions);

/** Whether a SELECT aggregates: GROUP BY, HAVING, or an aggregate call outside OVER. */
export function isAggregateSelect(s: A.Select, functions: FunctionResolver): boolean {
  if (s.groupBy.length > 0 || s.having) return true;
  let found = false;
  for (const item of s.items) walkExpr(item.expr, (e) => {
    if (isAggCall(e, functions)) found = true;
    return !found && !(e.kind === 'FunctionCall' && e.over);
  });
  return found;
}

/**
 * Plans `SELECT … GROUP BY … HAVING …`: a Calc computing group keys and aggregate arguments,
 * an Aggregate, and a Calc for HAVING and the select list over the aggregate's output.
 */
export function analyzeAggregate(s: A.Select, input: PlanNode, ctx: ExprContext): { node: PlanNode; projects: Rex[]; names: (string | undefined)[] } {
  // Legacy group windows (GROUP BY TUMBLE(ts, …)) become a window TVF under the aggregate.
  const window = legacyWindow(s.groupBy, input, ctx);
  const base = window ? window.node : input;
  const baseCtx = window ? { ...ctx, scope: window.scope } : ctx;
  const sets = expandGroupBy(s.groupBy.filter((g) => !(window && g.kind === 'GroupExpr' && g.expr === window.call)));
  const pre: Rex[] = [];
  const preKeys = new Map<string, number>();
  const addPre = (e: A.Expr): number => {
    const key = exprKey(e);
    const known = preKeys.get(key);
    if (known !== undefined) return known;
    pre.push(analyzeExpr(e, baseCtx));
    preKeys.set(key, pre.length - 1);
    return pre.length - 1;
  };
  const groupExprs: A.Expr[] = [];
  for (const set of sets) for (const e of set) if (!groupExprs.some((g) => exprKey(g) === exprKey(e))) groupExprs.push(e);
  if (window) groupExprs.unshift(...window.keyExprs);
  const groupKeys = groupExprs.map(addPre);
  // Aggregate calls in SELECT and HAVING.
  const calls: A.FunctionCall[] = [];
  const collect = (root: A.Expr) =>
    walkExpr(root, (e) => {
      if (e.kind === 'FunctionCall' && e.over) return false;
      if (isAggCall(e, ctx.functions)) {
        if (!calls.some((c) => exprKey(c) === exprKey(e))) calls.push(e as A.FunctionCall);
        return false;
      }
    });
  s.items.forEach((i) => collect(i.expr));
  if (s.having) collect(s.having);
  const aggCalls: AggCall[] = calls.map((c) => {
    const name = c.name[0]!.toUpperCase();
    const columnArgs = name === 'LISTAGG' ? c.args.slice(0, 1) : c.args;
    const args = c.star ? [] : columnArgs.map(addPre);
    const constants = name === 'LISTAGG' && c.args[1] ? [analyzeExpr(c.args[1], baseCtx)] : [];
    const filterArg = c.filter ? (analyzePredicate(c.filter, { ...baseCtx, clause: 'FILTER' }), addPre(c.filter)) : undefined;
    let type: T.DataType;
    try {
      type = ctx.functions.userAggregate?.(name) ?? aggregateResultType(name, args.map((a) => pre[a]!.type), groupKeys.length > 0);
    } catch (err) {
      if (err instanceof FunctionTypeError) throw new SqlError('INVALID_CALL', err.message, c.span);
      throw err;
    }
    return {
      name,
      args,
      distinct: c.distinct,
      filterArg,
      type,
      constants: constants.map((r) => (r.kind === 'Literal' ? r.value : null)),
      ...(c.nulls ? { nulls: c.nulls } : {}),
      ...(c.json?.onNull ? { onNull: c.json.onNull } : {}),
    };
  });
  const preNode: PlanNode = { kind: 'Calc', input: base, projects: pre, fields: pre.map((r, i) => ({ name: r.kind === 'InputRef' ? base.fields[r.index]!.name : `$f${i}`, type: r.type })) };
  const nullableKeys = new Set<number>();
  const groupingSets = isPlainGroupBy(s.groupBy) ? undefined : sets.map((set) => set.map((e) => groupExprs.findIndex((g) => exprKey(g) === exprKey(e))));
  if (groupingSets) groupExprs.forEach((_, i) => groupingSets.some((gs) => !gs.includes(i)) && nullableKeys.add(i));
  // A regular GROUP BY materializes time attributes; a window aggregation keeps window_time's.
  const windowTvf = window?.node ?? findWindowTvf(input, groupExprs, ctx);
  const windowed = windowTvf !== undefined;
  const keyFields: Field[] = groupKeys.map((k, i) => {
    const type = T.withNullability(pre[k]!.type, pre[k]!.type.nullable || nullableKeys.has(i));
    return { name: groupName(groupExprs[i]!, i), type: windowed ? type : T.withoutTimeAttribute(type) };
  });
  const agg: AggregateNode = {
    kind: 'Aggregate',
    input: preNode,
    groupKeys: groupKeys.map((_, i) => i).map((i) => groupKeys[i]!),
    groupingSets: groupingSets?.map((gs) => gs.map((i) => groupKeys[i]!)),
    aggCalls,
    window: windowTvf,
    fields: [...keyFields, ...aggCalls.map((a, i) => ({ name: `EXPR$${i}`, type: a.type }))],
  };
  // SELECT and HAVING see group keys and aggregate results only.
  const postCtx: ExprContext = {
    ...ctx,
    substitute: (e) => {
      if (isAggCall(e, ctx.functions)) {
        const i = calls.findIndex((c) => exprKey(c) === exprKey(e));
        return inputRef(groupKeys.length + i, aggCalls[i]!.type);
      }
      const g = groupExprs.findIndex((x) => exprKey(x) === exprKey(e));
      if (g >= 0) return inputRef(g, keyFields[g]!.type);
      if (window && e.kind === 'FunctionCall') {
        const aux = LEGACY_AUXILIARY[e.name.join('.').toUpperCase()];
        if (aux !== undefined) return inputRef(aux, keyFields[aux]!.type);
      }
      if (e.kind === 'ColumnRef') {
        baseCtx.scope.resolve(e.names, e.span);
        throw new SqlError('NOT_GROUPED', `Expression '${e.names.join('.')}' is not being grouped`, e.span,
          'Add it to GROUP BY or use it inside an aggregate function.');
      }
      return undefined;
    },
  };
  const condition = s.having ? analyzePredicate(s.having, { ...postCtx, clause: 'HAVING' }) : undefined;
  const projects: Rex[] = [];
  const names: (string | undefined)[] = [];
  for (const item of s.items) {
    if (item.expr.kind === 'Star') throw new SqlError('NOT_GROUPED', "'*' is not allowed in an aggregate query", item.expr.span, 'List the grouped columns and aggregates instead.');
    projects.push(analyzeExpr(item.expr, { ...postCtx, clause: 'SELECT' }));
    names.push(item.alias);
  }
  const node: PlanNode = condition ? { kind: 'Calc', input: agg, projects: agg.fields.map((f, i) => inputRef(i, f.type)), condition, fields: agg.fields } : agg;
  return { node, projects, names };
}

function groupName(e: A.Expr, i: number): string {
  return e.kind === 'ColumnRef' ? e.names[e.names.length - 1]! : `$g${i}`;
}

/** The window TVF under a GROUP BY window_start, window_end (window aggregation). */
function findWindowTvf(input: PlanNode, groupExprs: readonly A.Expr[], ctx: ExprContext): WindowTvfNode | undefined {
  const node = belowCalcs(input);
  if (node.kind !== 'WindowTvf') return undefined;
  const names = groupExprs.map((e) => (e.kind === 'ColumnRef' ? ctx.scope.columns[ctx.scope.resolve(e.names, e.span).index]?.name : undefined));
  return names.includes('window_start') && names.includes('window_end') ? node : undefined;
}
