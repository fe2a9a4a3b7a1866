import type { FunctionContext } from '../../functions/function-def.js';
import { compileExpr } from '../../planner/codegen/compile-calc.js';
import { equiPairs } from '../../planner/inference/upsert-keys.js';
import { belowCalcs, type JoinNode } from '../../planner/logical/plan-node.js';
import { versionedRowtime } from '../../planner/check-temporal-joins.js';
import { InternalError } from '../../types/errors.js';
import { buildKeyOf } from '../../types/value-hash.js';
import type { Output } from '../operators/operator.js';
import type { StateTtl } from '../state/keyed-state-table.js';
import { TemporalJoinOperator } from '../operators/temporal-join-operator.js';

/** Builds the runtime event-time temporal join for a `temporal: 'event-time'` JoinNode. */
export function temporalJoinOperator(name: string, node: JoinNode, session: FunctionContext, out: Output, ttl?: StateTtl): TemporalJoinOperator {
  const left = node.left.fields;
  const right = node.right.fields;
  const keys = equiPairs(node.condition, left.length);
  // The planner (check-temporal-joins) has rejected joins without a key, a versioned rowtime or a supported join type.
  const rightTime = versionedRowtime(node);
  if (keys.length === 0 || rightTime === undefined || node.temporalTime === undefined || (node.joinType !== 'INNER' && node.joinType !== 'LEFT')) {
    throw new InternalError(`Event-time temporal join ${name} reached the runtime without passing the planner's checks.`);
  }
  const condition = compileExpr(node.condition, session);
  const spec = {
    outer: node.joinType === 'LEFT',
    keyOf: [buildKeyOf(keys.map(([l]) => left[l]!.type), keys.map(([l]) => l)), buildKeyOf(keys.map(([, r]) => right[r]!.type), keys.map(([, r]) => r))] as const,
    timeIndex: [node.temporalTime, rightTime] as const,
    rightWidth: right.length,
    matches: (row: unknown[]) => condition(row) === true,
    ignoreUpdateBefore: belowCalcs(node.right).kind !== 'TableScan',
  };
  return new TemporalJoinOperator(name, spec, out, ttl);
}
