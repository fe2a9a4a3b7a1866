import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { and, conjuncts } from '../rex.js';
import { intervalBounds } from '../rules/interval-join.js';
import { analyzePredicate } from './analyze-expr.js';
import type { Relation } from './analyze-query.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope } from './scope.js';
import { astConjuncts } from './expr-key.js';

const isSubquery = (e: A.Expr): boolean => e.kind === 'InSubquery' || e.kind === 'Exists' || (e.kind === 'Unary' && e.op === 'NOT' && isSubquery(e.operand));

/**
 * Flink pushes a WHERE into the inner join below it before it decides time attributes, so
 * `FROM a, b WHERE a.id = b.id AND a.ts BETWEEN b.ts - INTERVAL '1' HOUR AND b.ts` is an interval
 * join exactly as `a JOIN b ON …` is, and keeps both sides' rowtimes for a window over its result.
 * Returns the join with the WHERE moved into its condition when that makes it an interval join;
 * otherwise undefined, and the WHERE stays a filter above the join.
 */
export function intervalJoinWithWhere(from: Relation, where: A.Expr, env: PlannerEnv): Relation | undefined {
  const join = from.node;
  if (join.kind !== 'Join' || join.joinType !== 'INNER' || join.temporal || intervalBounds(join)) return undefined;
  const hasRowtime = (fields: readonly { type: T.DataType }[]) => fields.some((f) => T.isTimeAttribute(f.type, 'ROWTIME'));
  if (!hasRowtime(join.left.fields) || !hasRowtime(join.right.fields)) return undefined;
  // IN / EXISTS in WHERE become semi joins above this join; leave such queries as they are.
  if (astConjuncts(where).some(isSubquery)) return undefined;
  const scope = new Scope(from.columns);
  const filter = analyzePredicate(where, { scope, functions: env.functions, session: env.session, clause: 'WHERE' });
  const parts = [...conjuncts(join.condition), ...conjuncts(filter)].filter((c) => !(c.kind === 'Literal' && c.value === true));
  const condition = and(parts);
  if (!intervalBounds({ ...join, condition })) return undefined;
  // An inner join changes no column's type: the inputs' time attributes come back.
  const inputs = [...join.left.fields, ...join.right.fields];
  const fields = join.fields.map((f, i) => (T.isTimestamp(inputs[i]!.type) && inputs[i]!.type.timeAttribute ? { ...f, type: inputs[i]!.type } : f));
  return { node: { ...join, condition, fields }, columns: from.columns.map((c, i) => ({ ...c, type: fields[i]!.type })) };
}
