import type { SinkCommittable, SourcePosition } from '../../connectors/connector.js';
import { PlanError } from '../../types/errors.js';
import type { CheckpointTarget } from './checkpoint-coordinator.js';
import type { LoadedCheckpoint } from './checkpoint-storage.js';
import { restoreOperator, type OperatorSnapshot } from './operator-snapshot.js';
import { decodeValues } from './value-codec.js';

/** What a restored job starts from: source positions by source id (sources not listed start fresh). */
export interface RestoredState {
  readonly checkpointId: number;
  readonly positions: ReadonlyMap<string, SourcePosition>;
}

/**
 * Loads a checkpoint or savepoint into a job before it runs, matching state to operators by
 * their stable ids. State for an operator the job no longer has fails the restore unless
 * `allowNonRestoredState` (Flink's --allowNonRestoredState); an operator whose plan changed
 * fails with both versions; operators without state in the checkpoint start empty.
 */
export async function restoreJob(target: CheckpointTarget, checkpoint: LoadedCheckpoint, allowNonRestoredState: boolean): Promise<RestoredState> {
  const { metadata, path } = checkpoint;
  if (metadata.maxParallelism !== target.maxParallelism) {
    throw new PlanError(`Failed to rollback to checkpoint/savepoint ${path}: the max parallelism changed from ${metadata.maxParallelism} to ${target.maxParallelism}.`, undefined,
      `Keep 'pipeline.max-parallelism' = '${metadata.maxParallelism}' to restore this state (key groups cannot be re-split).`);
  }
  const operators = new Map(target.operators.map((o) => [o.uid, o]));
  const missing = (uid: string) => {
    if (allowNonRestoredState) return;
    throw new PlanError(`Failed to rollback to checkpoint/savepoint ${path}. Cannot map checkpoint/savepoint state for operator ${uid} to the new program, because the operator is not available in the new program.`, undefined,
      'To skip that state and start the rest from the savepoint, run with --allow-non-restored-state.');
  };
  for (const entry of metadata.operators) {
    const o = operators.get(entry.uid);
    if (!o) {
      missing(entry.uid);
      continue;
    }
    if (o.description !== entry.description) {
      throw new PlanError(`Failed to rollback to checkpoint/savepoint ${path}. Operator ${entry.uid} cannot restore its state: the query changed it.\n  was: ${entry.description}\n  now: ${o.description}`, undefined,
        'Restore from a savepoint taken with this query, or start the changed query without --from-savepoint (its state starts empty).');
    }
    const snapshots: OperatorSnapshot[] = [];
    for (const s of entry.subtasks) snapshots.push(decodeValues(await checkpoint.readFile(s.file))[0] as OperatorSnapshot);
    restoreOperator(o.operator, snapshots, { from: 0, to: target.maxParallelism - 1 });
  }
  const sourceIds = new Set(target.sources.map((s) => s.uid));
  const positions = new Map<string, SourcePosition>();
  for (const entry of metadata.sources) {
    if (!sourceIds.has(entry.uid)) missing(entry.uid);
    else positions.set(entry.uid, entry.subtasks[0]!.position);
  }
  const sinks = new Map(target.sinks.map((s) => [s.uid, s]));
  for (const entry of metadata.sinks) {
    const sink = sinks.get(entry.uid);
    if (!sink) missing(entry.uid);
    else await sink.operator.restore(entry.subtasks.flatMap((s): readonly SinkCommittable[] => s.committables));
  }
  return { checkpointId: metadata.checkpointId, positions };
}
