import type { CheckpointRecord } from '../runtime/checkpoint/checkpoint-stats.js';
import { checkpointTiming, statsSummary, subtaskStateSizes, taskCheckpointStatistics } from './checkpoint-statistics.js';
import type { VertexRecord } from './job-record.js';

/**
 * One subtask's entry of Flink's TaskCheckpointStatisticsWithSubtaskDetails: its
 * CompletedSubtaskCheckpointStatistics once the checkpoint is complete (`className` and `status`
 * "completed"), else PendingSubtaskCheckpointStatistics ("pending", status "pending_or_failed").
 * Every subtask acknowledges when the checkpoint completes; the synchronous part is the time the
 * task's lock was held, the asynchronous part the rest (writing the files). Barriers are not
 * aligned (a single task takes the cut), so alignment and start delay are 0.
 */
function subtaskCheckpointStatistics(r: CheckpointRecord, index: number, size: number, unaligned: boolean) {
  if (r.status !== 'COMPLETED') return { className: 'pending', index, status: 'pending_or_failed' };
  const { latestAck, duration } = checkpointTiming(r);
  return {
    className: 'completed',
    index,
    status: 'completed',
    ack_timestamp: latestAck,
    end_to_end_duration: duration,
    checkpointed_size: size,
    state_size: size,
    checkpoint: { sync: r.syncMillis, async: Math.max(0, duration - r.syncMillis) },
    alignment: { buffered: 0, processed: 0, persisted: 0, duration: 0 },
    start_delay: 0,
    unaligned_checkpoint: unaligned,
    aborted: false,
  };
}

/**
 * GET /jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid: Flink's
 * TaskCheckpointStatisticsWithSubtaskDetails — the vertex's TaskCheckpointStatistics, a summary
 * over its acknowledged subtasks (StatsSummaryDto each; all 0 before any acknowledges) and one
 * entry per subtask, by index.
 */
export function taskCheckpointStatisticsWithSubtaskDetails(r: CheckpointRecord, vertex: VertexRecord, unaligned: boolean) {
  const sizes = subtaskStateSizes(r, vertex);
  const subtasks = sizes.map((size, i) => subtaskCheckpointStatistics(r, i, size, unaligned));
  const acked = r.status === 'COMPLETED' ? sizes : [];
  const { duration } = checkpointTiming(r);
  const each = (v: number) => acked.map(() => v);
  return {
    ...taskCheckpointStatistics(r, vertex),
    summary: {
      checkpointed_size: statsSummary(acked),
      state_size: statsSummary(acked),
      end_to_end_duration: statsSummary(each(duration)),
      checkpoint_duration: { sync: statsSummary(each(r.syncMillis)), async: statsSummary(each(Math.max(0, duration - r.syncMillis))) },
      alignment: { buffered: statsSummary(each(0)), processed: statsSummary(each(0)), persisted: statsSummary(each(0)), duration: statsSummary(each(0)) },
      start_delay: statsSummary(each(0)),
    },
    subtasks,
  };
}
