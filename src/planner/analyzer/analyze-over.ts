import type * as A from '../../sql/ast/index.js';
import { FunctionTypeError } from '../../functions/function-def.js';
import { SqlError } from '../../types/errors.js';
import type { AggCall, OverNode, PlanNode } from '../logical/plan-node.js';
import { inputRef, type Rex } from '../rex.js';
import { aggregateResultType } from './aggregate-types.js';
import { analyzeExpr } from './analyze-expr.js';
import type { ExprContext } from './expr-context.js';
import { exprKey, walkExpr } from './expr-key.js';
import { intervalMillis } from './window-tvf-node.js';

/** OVER calls in a select list, in order of appearance (deduplicated). */
export function overCalls(items: readonly A.SelectItem[]): A.FunctionCall[] {
  const calls: A.FunctionCall[] = [];
  for (const item of items) {
    walkExpr(item.expr, (e) => {
      if (e.kind === 'FunctionCall' && e.over) {
        if (!calls.some((c) => exprKey(c) === exprKey(e))) calls.push(e);
        return false;
      }
    });
  }
  return calls;
}

function resolveSpec(spec: A.WindowSpec, windows: readonly A.NamedWindow[]): A.WindowSpec {
  if (!spec.refName) return spec;
  const named = windows.find((w) => w.name === spec.refName);
  if (!named) throw new SqlError('WINDOW_NOT_FOUND', `Window '${spec.refName}' not found`, spec.span);
  const base = resolveSpec(named.spec, windows);
  return { ...base, frame: spec.frame ?? base.frame, orderBy: spec.orderBy.length ? spec.orderBy : base.orderBy };
}

/**
 * Plans OVER aggregations: a Calc appending partition/order/argument expressions to the input,
 * then one Over node; returns a substitution mapping each OVER call to its result column.
 * All OVER calls must share one window, as Flink requires in streaming.
 */
export function analyzeOver(s: A.Select, input: PlanNode, ctx: ExprContext): { node: PlanNode; substitute: (e: A.Expr) => Rex | undefined } {
  const calls = overCalls(s.items);
  const specs = calls.map((c) => resolveSpec(c.over!, s.windows));
  const first = specs[0]!;
  if (specs.some((sp) => exprKey({ ...sp, refName: undefined }) !== exprKey({ ...first, refName: undefined }))) {
    throw new SqlError('UNSUPPORTED', 'Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window.', calls[1]!.span);
  }
  const projects: Rex[] = input.fields.map((f, i) => inputRef(i, f.type));
  const add = (e: A.Expr): number => {
    const rex = analyzeExpr(e, ctx);
    if (rex.kind === 'InputRef') return rex.index;
    projects.push(rex);
    return projects.length - 1;
  };
  const partitionKeys = first.partitionBy.map(add);
  if (first.orderBy.length === 0) throw new SqlError('INVALID_OVER', 'OVER windows need an ORDER BY on a time attribute in streaming mode', first.span);
  const orderKeys = first.orderBy.map((o) => ({ index: add(o.expr), direction: o.direction, ...(o.nulls ? { nullsFirst: o.nulls === 'FIRST' } : {}) }));
  const ranking = calls.some((c) => ['ROW_NUMBER', 'RANK', 'DENSE_RANK'].includes(c.name.join('.').toUpperCase()));
  const orderType = projects[orderKeys[0]!.index]!.type;
  if (!ranking && !((orderType.kind === 'TIMESTAMP' || orderType.kind === 'TIMESTAMP_LTZ') && orderType.timeAttribute && orderKeys[0]!.direction === 'ASC')) {
    throw new SqlError('INVALID_OVER', "OVER windows' ordering in stream mode must be defined on a time attribute.", first.orderBy[0]!.span,
      'Order by a rowtime (WATERMARK) or PROCTIME() column, ascending.');
  }
  let frame: OverNode['frame'];
  if (first.frame) {
    const b = first.frame.start;
    if (b.kind === 'UnboundedPreceding') frame = { unit: first.frame.unit, preceding: 'UNBOUNDED' };
    else if (b.kind === 'Preceding') {
      const off = analyzeExpr(b.offset, ctx);
      const preceding = first.frame.unit === 'RANGE' ? intervalMillis(off, 'RANGE offset', b.offset.span) : Number(off.kind === 'Literal' ? off.value : NaN);
      if (!Number.isFinite(preceding)) throw new SqlError('INVALID_OVER', 'ROWS offset must be a constant', b.offset.span);
      frame = { unit: first.frame.unit, preceding };
    } else if (b.kind === 'CurrentRow') frame = { unit: first.frame.unit, preceding: 0 };
    else throw new SqlError('UNSUPPORTED', 'OVER RANGE/ROWS frames must end at CURRENT ROW in streaming mode', first.frame.span);
    if (first.frame.end && first.frame.end.kind !== 'CurrentRow') {
      throw new SqlError('UNSUPPORTED', 'OVER RANGE/ROWS frames must end at CURRENT ROW in streaming mode', first.frame.span);
    }
  }
  const aggCalls: AggCall[] = calls.map((c) => {
    const name = c.name.join('.').toUpperCase();
    const args = c.star ? [] : c.args.slice(0, name === 'LISTAGG' ? 1 : undefined).map(add);
    try {
      const type = ctx.functions.userAggregate?.(name) ?? aggregateResultType(name, args.map((a) => projects[a]!.type), true);
      return { name, args, distinct: c.distinct, filterArg: c.filter ? add(c.filter) : undefined, type, constants: [] };
    } catch (err) {
      if (err instanceof FunctionTypeError) throw new SqlError('INVALID_CALL', err.message, c.span);
      throw err;
    }
  });
  const pre: PlanNode = projects.length === input.fields.length ? input : { kind: 'Calc', input, projects, fields: projects.map((p, i) => ({ name: input.fields[i]?.name ?? `$o${i}`, type: p.type })) };
  const width = pre.fields.length;
  const node: OverNode = {
    kind: 'Over',
    input: pre,
    partitionKeys,
    orderKeys,
    frame,
    aggCalls,
    fields: [...pre.fields, ...aggCalls.map((a, i) => ({ name: `w0$o${i}`, type: a.type }))],
  };
  const substitute = (e: A.Expr) => {
    if (e.kind !== 'FunctionCall' || !e.over) return undefined;
    const i = calls.findIndex((c) => exprKey(c) === exprKey(e));
    return inputRef(width + i, aggCalls[i]!.type);
  };
  return { node, substitute };
}
