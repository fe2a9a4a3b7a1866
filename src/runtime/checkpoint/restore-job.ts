import type { SourcePosition } from '../../connectors/connector.js';
import { PlanError } from '../../types/errors.js';
import { groupByUid, type CheckpointTarget } from './checkpoint-coordinator.js';
import { keyGroupRange, subtaskOfKeyGroup } from '../task/exchange.js';
import type { LoadedCheckpoint } from './checkpoint-storage.js';
import { restoreOperator, type OperatorSnapshot } from './operator-snapshot.js';
import { decodeChunk, decodeValues } from './value-codec.js';
import type { ChannelEntry } from './checkpoint-metadata.js';
import type { Operator } from '../operators/operator.js';
import { RowKind, type Chunk } from '../../types/row.js';
import { keyGroupOf } from '../state/keyed-state-table.js';

/** What a restored job starts from: source positions by `<source id>/<subtask>` (sources not listed start fresh). */
export interface RestoredState {
  readonly checkpointId: number;
  readonly positions: ReadonlyMap<string, SourcePosition>;
  /** Chunks that were in flight into this task's operators, to deliver before anything else. */
  readonly inFlight: readonly { readonly operator: Operator; readonly input: number; readonly chunk: Chunk }[];
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
  const operators = groupByUid(target.operators);
  const missing = (uid: string) => {
    // Another worker's operator: restored there.
    if (allowNonRestoredState || target.jobUids?.has(uid)) return;
    throw new PlanError(`Failed to rollback to checkpoint/savepoint ${path}. Cannot map checkpoint/savepoint state for operator ${uid} to the new program, because the operator is not available in the new program.`, undefined,
      'To skip that state and start the rest from the savepoint, run with --allow-non-restored-state.');
  };
  for (const entry of metadata.operators) {
    const instances = operators.get(entry.uid);
    if (!instances) {
      missing(entry.uid);
      continue;
    }
    const o = instances[0]!;
    if (o.description !== entry.description) {
      throw new PlanError(`Failed to rollback to checkpoint/savepoint ${path}. Operator ${entry.uid} cannot restore its state: the query changed it.\n  was: ${entry.description}\n  now: ${o.description}`, undefined,
        'Restore from a savepoint taken with this query, or start the changed query without --from-savepoint (its state starts empty).');
    }
    // Each subtask takes the key groups it now owns, from whichever old subtasks held them.
    const decoded = new Map<string, OperatorSnapshot>();
    for (const instance of instances) {
      const range = keyGroupRange(instance.subtask, instance.parallelism, target.maxParallelism);
      const parts = entry.subtasks.filter((s) => s.keyGroups[0] <= range.to && s.keyGroups[1] >= range.from);
      // The subtask's own old part first: its non-keyed fields (watermarks) are restored from it.
      parts.sort((a, b) => Number(b.subtask === instance.subtask) - Number(a.subtask === instance.subtask));
      const snapshots: OperatorSnapshot[] = [];
      for (const part of parts) {
        let snap = decoded.get(part.file);
        if (!snap) decoded.set(part.file, (snap = decodeValues(await checkpoint.readFile(part.file))[0] as OperatorSnapshot));
        snapshots.push(snap);
      }
      const whole = parts.every((p) => p.keyGroups[0] >= range.from && p.keyGroups[1] <= range.to);
      restoreOperator(instance.operator, snapshots, range, whole);
    }
  }
  const sources = groupByUid(target.sources);
  const positions = new Map<string, SourcePosition>();
  for (const entry of metadata.sources) {
    const instances = sources.get(entry.uid);
    if (!instances) {
      missing(entry.uid);
      continue;
    }
    if (instances[0]!.parallelism !== entry.subtasks.length) {
      throw new PlanError(`Failed to rollback to checkpoint/savepoint ${path}. ${entry.uid} ran with ${entry.subtasks.length} subtask(s) and now has ${instances[0]!.parallelism}: its readers' positions cannot be split again.`, undefined,
        `Keep the source's parallelism at ${entry.subtasks.length} ('scan.parallelism' on the table); the operators after it may change parallelism.`);
    }
    for (const s of entry.subtasks) positions.set(`${entry.uid}/${s.subtask}`, s.position);
  }
  const sinks = groupByUid(target.sinks);
  for (const entry of metadata.sinks) {
    const instances = sinks.get(entry.uid);
    if (!instances) {
      missing(entry.uid);
      continue;
    }
    for (const instance of instances) {
      const own = entry.subtasks.find((s) => s.subtask === instance.subtask)?.committables ?? [];
      // Old subtasks beyond the new parallelism: the first subtask commits what they pre-committed.
      const orphaned = instance.subtask === 0 ? entry.subtasks.filter((s) => s.subtask >= instance.parallelism).flatMap((s) => s.committables) : [];
      await instance.operator.restore(own, orphaned);
    }
  }
  const inFlight: RestoredState['inFlight'][number][] = [];
  for (const entry of metadata.channels ?? []) {
    const instances = operators.get(entry.uid);
    if (!instances) {
      missing(entry.uid);
      continue;
    }
    const chunks = (decodeValues(await checkpoint.readFile(entry.file))[0] as Uint8Array[]).map(decodeChunk);
    for (const chunk of chunks) {
      for (const [instance, part] of splitChunk(chunk, entry, instances, target.maxParallelism)) inFlight.push({ operator: instance.operator, input: entry.input, chunk: part });
    }
  }
  return { checkpointId: metadata.checkpointId, positions, inFlight };
}

type Instance = CheckpointTarget['operators'][number];

/**
 * The rows of an in-flight chunk by the subtask that takes them now: the same subtask at the
 * same parallelism, else the owner of each row's key group when the input is keyed (any subtask
 * may take rows of an unkeyed input). Only this task's instances are listed.
 */
function splitChunk(chunk: Chunk, entry: ChannelEntry, instances: readonly Instance[], maxParallelism: number): [Instance, Chunk][] {
  const parallelism = instances[0]!.parallelism;
  const keyOf = instances[0]!.inputKeys?.[entry.input];
  if (parallelism === entry.parallelism || !keyOf) {
    const own = instances.find((i) => i.subtask === entry.subtask % parallelism);
    return own ? [[own, chunk]] : [];
  }
  const parts = new Map<Instance, { rows: unknown[][]; kinds: RowKind[] }>();
  chunk.rows.forEach((row, i) => {
    const owner = subtaskOfKeyGroup(keyGroupOf(keyOf(row), maxParallelism), parallelism, maxParallelism);
    const instance = instances.find((x) => x.subtask === owner);
    if (!instance) return;
    let part = parts.get(instance);
    if (!part) parts.set(instance, (part = { rows: [], kinds: [] }));
    part.rows.push(row);
    part.kinds.push(chunk.kinds?.[i] ?? RowKind.INSERT);
  });
  return [...parts].map(([instance, { rows, kinds }]) => [instance, { rows, kinds: chunk.kinds ? kinds : null }]);
}
