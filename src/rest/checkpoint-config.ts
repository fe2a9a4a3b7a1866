import type { SessionConfig } from '../catalog/session-config.js';

const DEFAULT_TIMEOUT_MS = 600_000;

/**
 * GET /jobs/:jobid/checkpoints/config: CheckpointConfigInfo of a job with
 * `execution.checkpointing.interval` set (without it Flink has no coordinator configuration and
 * answers 404). The other fields are Flink's defaults (weir takes no checkpoints yet; it reports
 * what the session configured).
 */
export function checkpointConfigInfo(config: SessionConfig) {
  const interval = config.durationMillis('execution.checkpointing.interval');
  const mode = (config.get('execution.checkpointing.mode') ?? 'EXACTLY_ONCE').trim().toLowerCase().replace(/-/g, '_');
  const timeout = config.durationMillis('execution.checkpointing.timeout');
  return {
    mode,
    interval,
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
