/**
 * Flink 1.20's checkpoint and savepoint REST shapes (apache/flink
 * docs/static/generated/rest_v1_dispatcher.yml, components/schemas, with the fields 1.20's
 * classes add to that spec: `checkpointed_size`, `savepointFormat`, the `className` discriminator
 * of CheckpointStatistics, SYNC_SAVEPOINT / UNALIGNED_CHECKPOINT).
 */
import type { Schema } from './rest-schema.js';

const long = 'int' as const;

export const StatsSummaryDto: Schema = {
  object: { min: long, max: long, avg: long, p50: 'number', p90: 'number', p95: 'number', p99: 'number', p999: 'number' },
};

const STATUS = { enum: ['IN_PROGRESS', 'COMPLETED', 'FAILED'] } as const;

export const TaskCheckpointStatistics: Schema = {
  object: {
    id: long, status: STATUS, latest_ack_timestamp: long, checkpointed_size: long, state_size: long, end_to_end_duration: long,
    alignment_buffered: long, processed_data: long, persisted_data: long, num_subtasks: 'int', num_acknowledged_subtasks: 'int',
  },
};

/** The fields every CheckpointStatistics subtype has. */
const checkpointFields = {
  className: { enum: ['completed', 'failed', 'in_progress'] },
  id: long, status: STATUS, is_savepoint: 'bool', savepointFormat: { nullable: { enum: ['CANONICAL', 'NATIVE'] } },
  trigger_timestamp: long, latest_ack_timestamp: long, checkpointed_size: long, state_size: long, end_to_end_duration: long,
  alignment_buffered: long, processed_data: long, persisted_data: long, num_subtasks: 'int', num_acknowledged_subtasks: 'int',
  checkpoint_type: { enum: ['CHECKPOINT', 'UNALIGNED_CHECKPOINT', 'SAVEPOINT', 'SYNC_SAVEPOINT'] },
  tasks: { map: TaskCheckpointStatistics },
} as const satisfies Record<string, Schema>;

export const CheckpointStatistics: Schema = { object: checkpointFields };
export const CompletedCheckpointStatistics: Schema = { object: { ...checkpointFields, external_path: 'string', discarded: 'bool' } };
export const FailedCheckpointStatistics: Schema = { object: { ...checkpointFields, failure_timestamp: long, failure_message: { nullable: 'string' } } };

export const RestoredCheckpointStatistics: Schema = {
  object: { id: long, restore_timestamp: long, is_savepoint: 'bool', external_path: { nullable: 'string' } },
};

export const CheckpointingStatistics: Schema = {
  object: {
    counts: { object: { restored: long, total: long, in_progress: 'int', completed: long, failed: long } },
    summary: {
      object: {
        checkpointed_size: StatsSummaryDto, state_size: StatsSummaryDto, end_to_end_duration: StatsSummaryDto,
        alignment_buffered: StatsSummaryDto, processed_data: StatsSummaryDto, persisted_data: StatsSummaryDto,
      },
    },
    latest: {
      object: {
        completed: { nullable: CompletedCheckpointStatistics },
        savepoint: { nullable: CompletedCheckpointStatistics },
        failed: { nullable: FailedCheckpointStatistics },
        restored: { nullable: RestoredCheckpointStatistics },
      },
    },
    history: { array: CheckpointStatistics },
  },
};

export const TriggerResponse: Schema = { object: { 'request-id': 'hex32' } };

const QueueStatus: Schema = { object: { id: { enum: ['IN_PROGRESS', 'COMPLETED'] } } };

/** AsynchronousOperationResult of a completed savepoint: SavepointInfo with its location. */
export const SavepointCompleted: Schema = { object: { status: QueueStatus, operation: { object: { location: 'string' } } } };

/** AsynchronousOperationResult of a failed savepoint: SavepointInfo with a SerializedThrowable. */
export const SavepointFailed: Schema = {
  object: {
    status: QueueStatus,
    operation: { object: { 'failure-cause': { object: { class: 'string', 'stack-trace': 'string', 'serialized-throwable': 'string' } } } },
  },
};

export const ErrorResponseBody: Schema = { object: { errors: { array: 'string' } } };

export const MetricIds: Schema = { array: { object: { id: 'string' } } };
export const MetricCollection: Schema = { array: { object: { id: 'string', value: 'string' } } };

/**
 * TaskCheckpointStatisticsWithSubtaskDetails (GET /jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid):
 * TaskCheckpointStatistics with a summary over the subtasks (StatsSummaryDto each, as 1.20's
 * classes send it) and the subtasks' SubtaskCheckpointStatistics.
 */
export const CompletedSubtaskCheckpointStatistics: Schema = {
  object: {
    className: { enum: ['completed'] }, index: 'int', status: { enum: ['completed'] }, ack_timestamp: long, end_to_end_duration: long,
    checkpointed_size: long, state_size: long, checkpoint: { object: { sync: long, async: long } },
    alignment: { object: { buffered: long, processed: long, persisted: long, duration: long } },
    start_delay: long, unaligned_checkpoint: 'bool', aborted: 'bool',
  },
};

export const TaskCheckpointStatisticsWithSubtaskDetails: Schema = {
  object: {
    ...(TaskCheckpointStatistics as { object: Record<string, Schema> }).object,
    summary: {
      object: {
        checkpointed_size: StatsSummaryDto, state_size: StatsSummaryDto, end_to_end_duration: StatsSummaryDto,
        checkpoint_duration: { object: { sync: StatsSummaryDto, async: StatsSummaryDto } },
        alignment: { object: { buffered: StatsSummaryDto, processed: StatsSummaryDto, persisted: StatsSummaryDto, duration: StatsSummaryDto } },
        start_delay: StatsSummaryDto,
      },
    },
    subtasks: { array: CompletedSubtaskCheckpointStatistics },
  },
};
