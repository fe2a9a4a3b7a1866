import { versionedRowtime } from './check-temporal-joins.js';
import { rexToString } from './explain-rex.js';
import { equiPairs, type UpsertKeys } from './inference/upsert-keys.js';
import { belowCalcs, type JoinNode } from './logical/plan-node.js';
import { conjuncts } from './rex.js';

/**
 * An event-time temporal join's condition as Flink's physical plan prints it: the join condition's
 * conjuncts and `__TEMPORAL_JOIN_CONDITION(left time, right time, primary key, left keys, right keys)`,
 * which Flink adds when it rewrites FOR SYSTEM_TIME AS OF (TemporalJoinUtil).
 */
export function temporalJoinCondition(node: JoinNode, rightKeys: UpsertKeys): string {
  const fields = [...node.left.fields, ...node.right.fields];
  const width = node.left.fields.length;
  const name = (i: number) => fields[i]!.name;
  const pairs = equiPairs(node.condition, width);
  const rightTime = versionedRowtime(node);
  const args = [name(node.temporalTime!)];
  if (rightTime !== undefined) args.push(name(width + rightTime));
  const pk = primaryKey(node, rightKeys);
  if (pk) args.push(`__TEMPORAL_JOIN_CONDITION_PRIMARY_KEY(${pk.map((i) => name(width + i)).join(', ')})`);
  args.push(`__TEMPORAL_JOIN_LEFT_KEY(${pairs.map(([l]) => name(l)).join(', ')})`, `__TEMPORAL_JOIN_RIGHT_KEY(${pairs.map(([, r]) => name(width + r)).join(', ')})`);
  const parts = [...conjuncts(node.condition).map((c) => rexToString(c, fields)), `__TEMPORAL_JOIN_CONDITION(${args.join(', ')})`];
  return `AND(${parts.join(', ')})`;
}

/** Flink takes the versioned side's shortest upsert key; without inferred keys, the table's primary key. */
function primaryKey(node: JoinNode, rightKeys: UpsertKeys): readonly number[] | undefined {
  const shortest = rightKeys?.filter((k) => k.length > 0).reduce<readonly number[] | undefined>((a, k) => (a === undefined || k.length < a.length ? k : a), undefined);
  if (shortest) return shortest;
  const below = belowCalcs(node.right);
  const columns = below.kind === 'TableScan' ? below.table.primaryKey?.columns : undefined;
  const index = columns?.map((c) => node.right.fields.findIndex((f) => f.name === c));
  return index && !index.includes(-1) ? index : undefined;
}
