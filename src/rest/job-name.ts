import { identifierString } from '../catalog/catalog-table.js';
import type { SessionConfig } from '../catalog/session-config.js';
import type { PlannedJob } from '../planner/logical/plan-node.js';

/**
 * The name Flink's table environment gives a SQL job: `pipeline.name` when set, else
 * `insert-into_<sink identifiers>` for INSERT (statement sets list every sink) and `collect` for SELECT.
 */
export function jobName(job: PlannedJob, config: SessionConfig): string {
  const explicit = config.entries().find(([k]) => k === 'pipeline.name')?.[1];
  if (explicit) return explicit;
  const tables = job.sinks.flatMap((s) => (s.table ? [identifierString(s.table.id)] : []));
  return tables.length > 0 ? `insert-into_${tables.join(',')}` : 'collect';
}
