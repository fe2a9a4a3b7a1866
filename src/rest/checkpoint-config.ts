import type { CheckpointSettings } from '../runtime/checkpoint/checkpoint-config.js';

/** Java's Long.MAX_VALUE: Flink's interval of a job without periodic checkpoints (savepoints only). */
const DISABLED_INTERVAL = 9223372036854775807n;

/**
 * GET /jobs/:jobid/checkpoints/config: CheckpointConfigInfo from the settings the job runs with.
 * weir keeps state on the heap (HashMapStateBackend) and writes checkpoints to files when a
 * checkpoint directory is set, else keeps them in memory (JobManagerCheckpointStorage).
 */
export function checkpointConfigInfo(settings: CheckpointSettings) {
  return {
    mode: settings.mode.toLowerCase(),
    interval: settings.interval > 0 ? settings.interval : DISABLED_INTERVAL,
    timeout: settings.timeout,
    min_pause: settings.minPause,
    max_concurrent: settings.maxConcurrent,
    // As Flink's CheckpointConfigHandler derives it from the retention policy.
    externalization: {
      enabled: settings.retention !== 'NO_EXTERNALIZED_CHECKPOINTS',
      delete_on_cancellation: settings.retention !== 'RETAIN_ON_CANCELLATION',
    },
    state_backend: 'HashMapStateBackend',
    checkpoint_storage: settings.checkpointsDir !== undefined ? 'FileSystemCheckpointStorage' : 'JobManagerCheckpointStorage',
    unaligned_checkpoints: settings.unaligned,
    tolerable_failed_checkpoints: settings.tolerableFailures,
    aligned_checkpoint_timeout: 0,
    checkpoints_after_tasks_finish: true,
    state_changelog_enabled: false,
    changelog_periodic_materialization_interval: 600_000,
    changelog_storage: 'memory',
  };
}
