import type { FunctionContext } from '../../functions/function-def.js';
import { compileExpr } from '../../planner/codegen/compile-calc.js';
import { joinInputSpec } from '../../planner/inference/join-input-spec.js';
import { isInsertOnly } from '../../planner/inference/changelog.js';
import { INSERT_ONLY } from '../../types/changelog-mode.js';
import { equiPairs, type UpsertKeys } from '../../planner/inference/upsert-keys.js';
import type { Field, JoinNode, PlannedJob } from '../../planner/logical/plan-node.js';
import { conjuncts } from '../../planner/rex.js';
import type { Row } from '../../types/row.js';
import { buildKeyOf, hashKey } from '../../types/value-hash.js';
import type { JoinInputLayout } from '../operators/join-state-views.js';
import type { Output } from '../operators/operator.js';
import { StreamingJoinOperator, type JoinSide } from '../operators/streaming-join-operator.js';
import type { StateTtl } from '../state/keyed-state-table.js';

/**
 * Builds the runtime regular join for a non-temporal JoinNode. Each side's state layout follows
 * the input spec EXPLAIN prints (from the input's upsert keys), so what EXPLAIN says is what runs;
 * a NoUniqueKey input that is insert-only keeps plain lists (nothing is ever retracted from it).
 */
export function streamingJoinOperator(name: string, node: JoinNode, job: Pick<PlannedJob, 'upsertKeys' | 'changelog'>, session: FunctionContext, out: Output, ttl: readonly [StateTtl?, StateTtl?]): StreamingJoinOperator {
  const width = node.left.fields.length;
  const pairs = equiPairs(node.condition, width);
  const side = (fields: readonly Field[], keyColumns: number[], input: JoinNode['left']): JoinSide => ({
    keyOf: buildKeyOf(keyColumns.map((c) => fields[c]!.type), keyColumns),
    nullKey: (row) => keyColumns.some((c) => row[c] === null || row[c] === undefined),
    width: fields.length,
    layout: layoutOf(job.upsertKeys.get(input), keyColumns, fields, isInsertOnly(job.changelog.get(input) ?? INSERT_ONLY)),
  });
  const sides = [side(node.left.fields, pairs.map((p) => p[0]), node.left), side(node.right.fields, pairs.map((p) => p[1]), node.right)] as const;
  // The equi pairs are met by equal join keys without NULLs (the operator checks both); only the
  // rest of the condition is evaluated per candidate row, as Flink's join condition is.
  const rest = conjuncts(node.condition).filter((c) => equiPairs(c, width).length === 0).map((c) => compileExpr(c, session));
  const matches = rest.length ? (joined: Row) => rest.every((f) => f(joined) === true) : undefined;
  return new StreamingJoinOperator(name, node.joinType, sides, matches, out, ttl);
}

function layoutOf(keys: UpsertKeys, joinKey: readonly number[], fields: readonly Field[], insertOnly: boolean): JoinInputLayout {
  const spec = joinInputSpec(keys, joinKey);
  switch (spec.kind) {
    case 'JoinKeyContainsUniqueKey':
      return spec;
    case 'HasUniqueKey':
      return { kind: 'HasUniqueKey', uniqueKeyOf: buildKeyOf(spec.uniqueKey.map((c) => fields[c]!.type), spec.uniqueKey) };
    case 'NoUniqueKey': {
      if (insertOnly) return { kind: 'AppendOnly' };
      const types = fields.map((f) => f.type);
      return { kind: 'NoUniqueKey', rowId: (row) => hashKey(row, types) };
    }
  }
}
