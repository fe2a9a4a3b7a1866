import type { SessionConfig } from '../catalog/session-config.js';

/** Flink's Long.MAX_VALUE: the interval of a streaming job whose periodic checkpoints are disabled. */
export const LONG_MAX_VALUE = 9223372036854775807n;

const DEFAULT_TIMEOUT_MS = 600_000;

/**
 * GET /jobs/:jobid/checkpoints/config: CheckpointConfigInfo. A Flink streaming job always has a
 * checkpoint coordinator configuration: without `execution.checkpointing.interval` its interval is
 * Long.MAX_VALUE ("periodic checkpoints disabled") and its mode at_least_once (Flink's
 * StreamingJobGraphGenerator uses the cheaper mode when checkpointing is off). The other fields are
 * Flink's defaults (weir takes no checkpoints yet; it reports what the session configured).
 */
export function checkpointConfigInfo(config: SessionConfig) {
  const interval = config.durationMillis('execution.checkpointing.interval');
  const enabled = interval > 0;
  const mode = (config.get('execution.checkpointing.mode') ?? 'EXACTLY_ONCE').trim().toLowerCase().replace(/-/g, '_');
  const timeout = config.durationMillis('execution.checkpointing.timeout');
  return {
    mode: enabled ? mode : 'at_least_once',
    interval: enabled ? interval : LONG_MAX_VALUE,
    timeout: timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    min_pause: config.durationMillis('execution.checkpointing.min-pause'),
    max_concurrent: 1,
    externalization: { enabled: false, delete_on_cancellation: true },
    state_backend: 'HashMapStateBackend',
    checkpoint_storage: 'JobManagerCheckpointStorage',
    unaligned_checkpoints: false,
    tolerable_failed_checkpoints: 0,
    aligned_checkpoint_timeout: 0,
    checkpoints_after_tasks_finish: true,
    state_changelog_enabled: false,
    changelog_periodic_materialization_interval: 600_000,
    changelog_storage: 'memory',
  };
}
