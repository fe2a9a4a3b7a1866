import type { FunctionContext } from '../../functions/function-def.js';
import { compileExpr } from '../../planner/codegen/compile-calc.js';
import { equiPairs } from '../../planner/inference/upsert-keys.js';
import { belowCalcs, type JoinNode } from '../../planner/logical/plan-node.js';
import { isTimeAttribute } from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import { buildKeyOf } from '../../types/value-hash.js';
import type { Output } from '../operators/operator.js';
import type { StateTtl } from '../state/keyed-state-table.js';
import { TemporalJoinOperator } from '../operators/temporal-join-operator.js';

/** Builds the runtime event-time temporal join for a `temporal: 'event-time'` JoinNode. */
export function temporalJoinOperator(name: string, node: JoinNode, session: FunctionContext, out: Output, ttl?: StateTtl): TemporalJoinOperator {
  const left = node.left.fields;
  const right = node.right.fields;
  const keys = equiPairs(node.condition, left.length);
  const rightTime = right.findIndex((f) => isTimeAttribute(f.type, 'ROWTIME'));
  if (keys.length === 0 || rightTime < 0 || node.temporalTime === undefined || (node.joinType !== 'INNER' && node.joinType !== 'LEFT')) {
    throw new PlanError(keys.length === 0 ? 'Temporal table join requires an equality condition on fields of the versioned table.'
      : rightTime < 0 ? 'Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found.'
      : `Temporal table join currently only support INNER JOIN and LEFT JOIN, but was ${node.joinType} JOIN.`);
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
