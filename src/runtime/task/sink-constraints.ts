import type { SinkNode, PlannedJob } from '../../planner/logical/plan-node.js';
import { primaryKeyPositions, writtenColumns } from '../../planner/resolve-connectors.js';
import type { StateTtl } from '../state/keyed-state-table.js';
import { buildKeyOf } from '../../types/value-hash.js';
import { NotNullEnforcer } from '../operators/not-null-enforcer.js';
import type { Operator, Output } from '../operators/operator.js';
import { SinkUpsertMaterializer } from '../operators/sink-upsert-materializer.js';

/**
 * The operators Flink puts in front of a table sink, in data-flow order: the NOT NULL
 * enforcer for the sink's NOT NULL columns, then the upsert materializer where the planner asked
 * for one.
 */
export function sinkConstraints(job: PlannedJob, node: SinkNode, id: number, notNull: string | undefined, ttl: StateTtl | undefined): ((out: Output) => Operator)[] {
  const table = node.table;
  if (!table) return [];
  const chain: ((out: Output) => Operator)[] = [];
  const notNullColumns = writtenColumns(table).flatMap((c, i) => (c.type.nullable ? [] : [[i, c.name] as const]));
  if (notNullColumns.length > 0) {
    chain.push((out) => new NotNullEnforcer(`ConstraintEnforcer[${id}]`, notNullColumns, (notNull ?? 'ERROR').toUpperCase() === 'DROP', out));
  }
  if (job.upsertMaterialize.has(node)) {
    const types = node.input.fields.map((f) => f.type);
    const pk = primaryKeyPositions(table);
    const rowId = buildKeyOf(types, types.map((_, i) => i));
    chain.push((out) => new SinkUpsertMaterializer(`SinkMaterializer[${id}]`, buildKeyOf(pk.map((i) => types[i]!), pk), rowId, out, ttl));
  }
  return chain;
}
