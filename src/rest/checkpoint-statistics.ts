import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_FILE } from '../runtime/checkpoint/checkpoint-metadata.js';
import type { CheckpointRecord } from '../runtime/checkpoint/checkpoint-stats.js';
import type { JobRecord, VertexRecord } from './job-record.js';

/** Flink's external pointer of a checkpoint that lives in the JobManager's memory only. */
const NOT_ADDRESSABLE = '<checkpoint-not-externally-addressable>';

/** A location as Flink reports it: a `file:` URI, or the in-memory marker. */
export function externalPath(location: string): string {
  return location.startsWith('memory:') ? NOT_ADDRESSABLE : `file:${location}`;
}

/** Flink's RestAPICheckpointType of a record. */
function checkpointType(job: JobRecord, r: CheckpointRecord): string {
  if (r.kind === 'SAVEPOINT') return job.syncSavepoints.has(r.id) ? 'SYNC_SAVEPOINT' : 'SAVEPOINT';
  return job.checkpointing.unaligned ? 'UNALIGNED_CHECKPOINT' : 'CHECKPOINT';
}

/** The times Flink derives from the acknowledgements: none before completion in a one-task job. */
export function checkpointTiming(r: CheckpointRecord) {
  if (r.status === 'COMPLETED') return { latestAck: r.endTime, duration: r.endTime - r.triggerTime };
  // A failed checkpoint's duration runs to the failure (FailedCheckpointStats); a pending one has no ack yet.
  return { latestAck: -1, duration: r.status === 'FAILED' ? Math.max(0, r.endTime - r.triggerTime) : -1 };
}

/**
 * The state bytes of each subtask of a vertex in a checkpoint (index = subtask index): the
 * encoded snapshots of the operators chained in it (each keyed by its uid, the operator's name),
 * summed, as Flink's task state is its chained operators'; 0 for stateless operators and sources
 * (a source's position lives in the metadata).
 */
export function subtaskStateSizes(r: CheckpointRecord, vertex: VertexRecord): number[] {
  const operators = vertex.operators.filter((o) => o.kind === 'operator');
  return Array.from({ length: vertex.parallelism }, (_, i) => operators.reduce((n, o) => n + (r.operatorSizes.get(o.name)?.get(i) ?? 0), 0));
}

/**
 * Flink's TaskCheckpointStatistics of one vertex: its subtasks acknowledge when the checkpoint
 * completes, with the bytes of their snapshots (so the vertices' sizes sum to the checkpoint's);
 * before that, or after a failure, none has acknowledged and the sizes are 0. weir writes full
 * snapshots, so the checkpointed (incremental) size is the state size.
 */
export function taskCheckpointStatistics(r: CheckpointRecord, vertex: VertexRecord) {
  const acked = r.status === 'COMPLETED';
  const { latestAck, duration } = checkpointTiming(r);
  const size = acked ? subtaskStateSizes(r, vertex).reduce((a, b) => a + b, 0) : 0;
  return {
    id: r.id, status: r.status, latest_ack_timestamp: latestAck, checkpointed_size: size, state_size: size, end_to_end_duration: duration,
    alignment_buffered: 0, processed_data: 0, persisted_data: 0, num_subtasks: vertex.parallelism, num_acknowledged_subtasks: acked ? vertex.parallelism : 0,
  };
}

/**
 * Flink's CheckpointStatistics (its `completed`, `failed` or `in_progress` subtype, named in
 * `className`). Every subtask of every vertex acknowledges together when the snapshot is
 * written. `tasks` is filled for the details endpoint only (Flink's history leaves it empty),
 * with each vertex's state size.
 */
export function checkpointStatistics(job: JobRecord, r: CheckpointRecord, withTasks: boolean) {
  const subtasks = job.numTasks;
  const acked = r.status === 'COMPLETED';
  const { latestAck, duration } = checkpointTiming(r);
  const savepoint = r.kind === 'SAVEPOINT';
  const base = {
    className: acked ? 'completed' : r.status === 'FAILED' ? 'failed' : 'in_progress',
    id: r.id,
    status: r.status,
    is_savepoint: savepoint,
    savepointFormat: savepoint ? 'CANONICAL' : null,
    trigger_timestamp: r.triggerTime,
    latest_ack_timestamp: latestAck,
    checkpointed_size: r.stateSize,
    state_size: r.stateSize,
    end_to_end_duration: duration,
    alignment_buffered: 0,
    processed_data: 0,
    persisted_data: 0,
    num_subtasks: subtasks,
    num_acknowledged_subtasks: acked ? subtasks : 0,
    checkpoint_type: checkpointType(job, r),
    tasks: withTasks ? Object.fromEntries(job.vertices.map((v) => [v.id, taskCheckpointStatistics(r, v)])) : {},
  };
  if (r.status === 'COMPLETED') return { ...base, external_path: externalPath(r.location!), discarded: discarded(r.location!) };
  if (r.status === 'FAILED') return { ...base, failure_timestamp: r.endTime, failure_message: r.failureMessage ?? null };
  return base;
}

/** Whether a completed checkpoint's files are gone (subsumed by a newer one, or cleaned up at the end). */
function discarded(location: string): boolean {
  if (location.startsWith('memory:')) return false;
  return !existsSync(join(location, METADATA_FILE));
}

/**
 * GET /jobs/:jobid/checkpoints: CheckpointingStatistics. The summary covers the completed
 * checkpoints and savepoints the history still holds (Flink keeps running statistics over all of
 * them; weir's history is bounded, as Flink's `web.checkpoints.history`); the history lists the
 * newest first, as Flink's.
 */
export function checkpointingStatistics(job: JobRecord) {
  const stats = job.runner.checkpoints.stats;
  const { counts } = stats;
  const completed = stats.history.filter((r) => r.status === 'COMPLETED');
  const latest = (r: CheckpointRecord | undefined) => (r ? checkpointStatistics(job, r, false) : null);
  const restored = stats.restored;
  return {
    counts: {
      restored: restored ? 1 : 0,
      total: counts.completed + counts.failed + counts.inProgress,
      in_progress: counts.inProgress,
      completed: counts.completed,
      failed: counts.failed,
    },
    summary: {
      checkpointed_size: statsSummary(completed.map((r) => r.stateSize)),
      state_size: statsSummary(completed.map((r) => r.stateSize)),
      end_to_end_duration: statsSummary(completed.map((r) => r.endTime - r.triggerTime)),
      alignment_buffered: statsSummary([]),
      processed_data: statsSummary([]),
      persisted_data: statsSummary([]),
    },
    latest: {
      completed: latest(stats.latestCompleted),
      savepoint: latest(stats.latestSavepoint),
      failed: latest(stats.latestFailed),
      restored: restored ? { id: restored.id, restore_timestamp: restored.time, is_savepoint: restored.savepoint, external_path: externalPath(restored.path) } : null,
    },
    history: [...stats.history].reverse().map((r) => checkpointStatistics(job, r, false)),
  };
}

/** Flink's StatsSummaryDto: min, max and (integer) average, and percentiles; all 0 without values. */
export function statsSummary(values: readonly number[]) {
  if (values.length === 0) return { min: 0, max: 0, avg: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => percentile(sorted, p);
  return {
    min: sorted[0]!,
    max: sorted.at(-1)!,
    avg: Math.floor(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    p50: q(50), p90: q(90), p95: q(95), p99: q(99), p999: q(99.9),
  };
}

/** The p-th percentile of sorted values as commons-math's Percentile (Flink's histograms) estimates it. */
export function percentile(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  const pos = (p * (n + 1)) / 100;
  if (pos < 1) return sorted[0]!;
  if (pos >= n) return sorted[n - 1]!;
  const lower = sorted[Math.floor(pos) - 1]!;
  const upper = sorted[Math.floor(pos)]!;
  return lower + (pos - Math.floor(pos)) * (upper - lower);
}
