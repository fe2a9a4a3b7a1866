import { intervalBounds } from '../rules/interval-join.js';
import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { JoinNode } from '../logical/plan-node.js';
import { inputRef, literal, type Rex } from '../rex.js';
import { analyzePredicate, callFunction, operator } from './analyze-expr.js';
import { analyzeCorrelate } from './analyze-correlate.js';
import { analyzeFrom } from './analyze-from.js';
import type { Relation } from './analyze-query.js';
import type { ExprContext } from './expr-context.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope, type ScopeColumn } from './scope.js';
import { analyzeExpr } from './analyze-expr.js';

const nullable = (cols: readonly ScopeColumn[]) => cols.map((c) => ({ ...c, type: T.withNullability(c.type, true) }));

/** Regular, temporal and lookup joins; LATERAL TABLE and UNNEST on the right become a Correlate. */
export function analyzeJoin(j: A.Join, env: PlannerEnv): Relation {
  const left = analyzeFrom(j.left, env);
  const leftScope = new Scope(left.columns);
  const ctx = (scope: Scope): ExprContext => ({ scope, functions: env.functions, session: env.session, clause: 'ON' });
  if (j.right.kind === 'TableFunctionRef' && j.right.lateral || j.right.kind === 'Unnest' || (j.right.kind === 'SubqueryRef' && j.right.lateral)) {
    if (j.joinType !== 'INNER' && j.joinType !== 'LEFT' && j.joinType !== 'CROSS') {
      throw new SqlError('UNSUPPORTED', `${j.joinType} JOIN with a table function is not supported; use CROSS JOIN or LEFT JOIN … ON TRUE`, j.span);
    }
    if (j.on) {
      const on = analyzePredicate(j.on, ctx(leftScope));
      if (!(on.kind === 'Literal' && on.value === true)) throw new SqlError('UNSUPPORTED', 'A join with a table function only supports ON TRUE', j.on.span);
    }
    return analyzeCorrelate(j.right, left, j.joinType === 'LEFT' ? 'LEFT' : 'INNER', ctx(leftScope), env);
  }
  const temporalRef = j.right.kind === 'TableName' && j.right.forSystemTime ? j.right : undefined;
  const right = analyzeFrom(temporalRef ? { ...temporalRef, forSystemTime: undefined } : j.right, env);
  let temporal: JoinNode['temporal'];
  let temporalTime: number | undefined;
  if (temporalRef) {
    const at = analyzeExpr(temporalRef.forSystemTime!, ctx(leftScope));
    const attr = at.type.kind === 'TIMESTAMP' || at.type.kind === 'TIMESTAMP_LTZ' ? at.type.timeAttribute : undefined;
    if (!attr || at.kind !== 'InputRef') {
      throw new SqlError('INVALID_TEMPORAL_JOIN', "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time attribute field", temporalRef.forSystemTime!.span);
    }
    temporal = attr === 'PROCTIME' ? 'lookup' : 'event-time';
    temporalTime = at.index;
  }
  const joinType = j.joinType === 'CROSS' ? 'INNER' : j.joinType;
  const leftCols = joinType === 'RIGHT' || joinType === 'FULL' ? nullable(left.columns) : left.columns;
  let rightCols = joinType === 'LEFT' || joinType === 'FULL' ? nullable(right.columns) : right.columns;
  const using = j.using ?? (j.natural ? left.columns.filter((c) => right.columns.some((r) => r.name === c.name)).map((c) => c.name) : undefined);
  if (using) rightCols = rightCols.map((c) => (using.includes(c.name) ? { ...c, hiddenFromStar: true } : c));
  const scope = new Scope([...leftCols, ...rightCols]);
  const width = left.columns.length;
  let condition: Rex = literal(true, T.BOOLEAN(false));
  if (j.on) condition = analyzePredicate(j.on, ctx(scope));
  else if (using) {
    const eqs = using.map((name) => {
      const l = left.columns.findIndex((c) => c.name === name);
      const r = right.columns.findIndex((c) => c.name === name);
      if (l < 0 || r < 0) throw new SqlError('COLUMN_NOT_FOUND', `Column '${name}' in USING clause not found in ${l < 0 ? 'left' : 'right'} table`, j.span);
      const c = ctx(scope);
      return callFunction(operator('=', c, j.span), '=', [inputRef(l, left.columns[l]!.type), inputRef(width + r, right.columns[r]!.type)], [j.span, j.span], j.span, c);
    });
    condition = eqs.length === 1 ? eqs[0]! : { kind: 'Logical', op: 'AND', args: eqs, type: T.BOOLEAN(eqs.some((e) => e.type.nullable)) };
  } else if (j.joinType !== 'CROSS' && !j.comma) {
    throw new SqlError('INVALID_JOIN', `${j.joinType} JOIN needs an ON or USING clause`, j.span);
  }
  const columns = [...leftCols, ...rightCols];
  // Interval joins keep both sides' time attributes; other regular joins materialize them.
  const interval = !temporal && intervalBounds({ left: left.node, right: right.node, condition, joinType, temporal }) !== undefined;
  const keepTime = (i: number) => interval || (temporal !== undefined && i < width);
  const node: JoinNode = {
    kind: 'Join',
    left: left.node,
    right: right.node,
    joinType,
    condition,
    temporal,
    ...(temporalTime !== undefined ? { temporalTime } : {}),
    // A temporal join keeps the left side's time attributes; the right side's are materialized (as Flink's RelTimeIndicatorConverter).
    fields: columns.map((c, i) => ({ name: c.name, type: keepTime(i) ? c.type : T.withoutTimeAttribute(c.type) })),
  };
  return { node, columns: columns.map((c, i) => ({ ...c, type: node.fields[i]!.type })) };
}
