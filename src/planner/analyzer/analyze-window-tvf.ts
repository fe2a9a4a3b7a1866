import type * as A from '../../sql/ast/index.js';
import { SqlError } from '../../types/errors.js';
import { analyzeExpr } from './analyze-expr.js';
import { analyzeFrom } from './analyze-from.js';
import { analyzeQuery, type Relation } from './analyze-query.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope } from './scope.js';
import { intervalMillis, WINDOW_PARAMS, windowTvfNode, type WindowKind } from './window-tvf-node.js';

export const WINDOW_TVFS: ReadonlySet<string> = new Set(['TUMBLE', 'HOP', 'CUMULATE', 'SESSION']);

/** `TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' MINUTES))` and its HOP / CUMULATE / SESSION siblings. */
export function analyzeWindowTvf(ref: A.TableFunctionRef, env: PlannerEnv): Relation {
  const window = ref.call.name[0]!.toUpperCase() as WindowKind;
  const paramNames = WINDOW_PARAMS[window];
  const names = ['DATA', 'TIMECOL', ...paramNames.map((p) => p.toUpperCase())];
  const args = new Map<string, A.Expr>();
  ref.call.args.forEach((a, i) => {
    if (a.kind === 'NamedArg') {
      const n = a.name.toUpperCase();
      if (!names.includes(n)) throw new SqlError('INVALID_WINDOW', `${window} has no parameter named ${a.name}; parameters: ${names.join(', ')}`, a.span);
      args.set(n, a.value);
    } else {
      if (i >= names.length) throw new SqlError('INVALID_WINDOW', `Too many arguments for ${window}; parameters: ${names.join(', ')}`, a.span);
      args.set(names[i]!, a);
    }
  });
  const data = args.get('DATA');
  if (!data || data.kind !== 'TableArg') throw new SqlError('INVALID_WINDOW', `The first argument of ${window} must be TABLE <table>`, ref.call.span);
  const input: Relation = data.query
    ? analyzeQuery(data.query, env)
    : analyzeFrom({ kind: 'TableName', span: data.span, name: data.table!, hints: [] }, env);
  const scope = new Scope(input.columns);
  const ctx = { scope, functions: env.functions, session: env.session, clause: window };
  const timecol = args.get('TIMECOL');
  if (!timecol || timecol.kind !== 'DescriptorArg' || timecol.columns.length !== 1) {
    throw new SqlError('INVALID_WINDOW', `The time column of ${window} must be given as DESCRIPTOR(column)`, timecol?.span ?? ref.call.span);
  }
  const time = scope.resolve([timecol.columns[0]!], timecol.columnSpans?.[0] ?? timecol.span);
  const params: Record<string, number> = {};
  for (const p of paramNames) {
    const e = args.get(p.toUpperCase());
    if (e) params[p] = intervalMillis(analyzeExpr(e, ctx), p, e.span);
    else if (p !== 'offset') throw new SqlError('INVALID_WINDOW', `${window} needs the ${p.toUpperCase()} parameter`, ref.call.span);
  }
  if (data.partitionBy.length > 0 && window !== 'SESSION') {
    throw new SqlError('INVALID_WINDOW', `PARTITION BY is only supported by the SESSION window`, data.span);
  }
  const partitionKeys = data.partitionBy.map((e) => {
    const rex = analyzeExpr(e, ctx);
    if (rex.kind !== 'InputRef') throw new SqlError('INVALID_WINDOW', 'PARTITION BY of a SESSION window takes columns', e.span);
    return rex.index;
  });
  const node = windowTvfNode(window, input.node, time.index, params, partitionKeys, ref.call.span);
  const alias = ref.alias;
  const columns = node.fields.map((f, i) => ({ name: ref.columnAliases?.[i] ?? f.name, type: f.type, qualifier: alias ?? input.columns[i]?.qualifier }));
  return { node, columns };
}
