import { resolve } from 'node:path';
import type { SessionConfig } from '../../catalog/session-config.js';
import { localPath, readBoolean, readDuration, readInt } from '../../catalog/option-readers.js';
import { PlanError } from '../../types/errors.js';

export type CheckpointingMode = 'EXACTLY_ONCE' | 'AT_LEAST_ONCE';
export type CheckpointRetention = 'NO_EXTERNALIZED_CHECKPOINTS' | 'DELETE_ON_CANCELLATION' | 'RETAIN_ON_CANCELLATION';

/** A job's checkpointing settings (Flink's `execution.checkpointing.*` and `state.*` options). */
export interface CheckpointSettings {
  /** 0: no periodic checkpoints (savepoints still work). */
  readonly interval: number;
  readonly mode: CheckpointingMode;
  readonly timeout: number;
  readonly minPause: number;
  readonly maxConcurrent: number;
  readonly tolerableFailures: number;
  readonly unaligned: boolean;
  readonly retention: CheckpointRetention;
  /**
   * Absolute; checkpoints go to `<dir>/<job id>/chk-<n>`. Without it they stay in memory (as
   * Flink's JobManagerCheckpointStorage): good for restarts within the process only.
   */
  readonly checkpointsDir: string | undefined;
  readonly savepointsDir: string | undefined;
  readonly numRetained: number;
}

const MODES: readonly CheckpointingMode[] = ['EXACTLY_ONCE', 'AT_LEAST_ONCE'];
const RETENTIONS: readonly CheckpointRetention[] = ['NO_EXTERNALIZED_CHECKPOINTS', 'DELETE_ON_CANCELLATION', 'RETAIN_ON_CANCELLATION'];

/**
 * Reads the settings, accepting Flink 1.20's keys and the older ones they replaced
 * (`state.checkpoints.dir` → `execution.checkpointing.dir`, …). Relative directories are
 * resolved against `baseDir` (the script's directory).
 */
export function checkpointSettings(config: SessionConfig, baseDir: string): CheckpointSettings {
  const options = new Map(config.entries());
  const pick = (...keys: string[]): string => keys.find((k) => options.has(k)) ?? keys[0]!;
  const dir = (key: string) => {
    const v = options.get(key);
    return v === undefined || v.trim() === '' ? undefined : resolve(baseDir, localPath(v.trim()));
  };
  const settings: CheckpointSettings = {
    interval: readDuration(options, 'execution.checkpointing.interval', 0),
    mode: readEnum(options, 'execution.checkpointing.mode', MODES, 'EXACTLY_ONCE'),
    timeout: readDuration(options, 'execution.checkpointing.timeout', 600_000),
    minPause: readDuration(options, 'execution.checkpointing.min-pause', 0),
    maxConcurrent: readInt(options, 'execution.checkpointing.max-concurrent-checkpoints', 1),
    tolerableFailures: readInt(options, 'execution.checkpointing.tolerable-failed-checkpoints', 0),
    unaligned: readBoolean(options, pick('execution.checkpointing.unaligned.enabled', 'execution.checkpointing.unaligned'), false),
    retention: readEnum(options, 'execution.checkpointing.externalized-checkpoint-retention', RETENTIONS, 'NO_EXTERNALIZED_CHECKPOINTS'),
    checkpointsDir: dir(pick('execution.checkpointing.dir', 'state.checkpoints.dir')),
    savepointsDir: dir(pick('execution.checkpointing.savepoint-dir', 'state.savepoints.dir')),
    numRetained: readInt(options, pick('execution.checkpointing.num-retained', 'state.checkpoints.num-retained'), 1),
  };
  if (settings.timeout <= 0) throw new PlanError(`Invalid value for option 'execution.checkpointing.timeout'.`, undefined, 'Checkpoint timeout must be larger than zero.');
  if (settings.maxConcurrent < 1) throw new PlanError(`Invalid value for option 'execution.checkpointing.max-concurrent-checkpoints'.`, undefined, 'The maximum number of concurrent attempts must be at least one.');
  if (settings.tolerableFailures < 0) throw new PlanError(`Invalid value for option 'execution.checkpointing.tolerable-failed-checkpoints'.`, undefined, 'The tolerable failure checkpoint number must be non-negative.');
  if (settings.numRetained < 1) throw new PlanError(`Invalid value for option 'state.checkpoints.num-retained'.`, undefined, 'The number of retained checkpoints must be at least one.');
  return settings;
}

function readEnum<T extends string>(options: ReadonlyMap<string, string>, key: string, values: readonly T[], def: T): T {
  const v = options.get(key);
  if (v === undefined) return def;
  const t = v.trim().toUpperCase().replace(/-/g, '_') as T;
  if (values.includes(t)) return t;
  throw new PlanError(`Invalid value for option '${key}'.`, undefined, `Could not parse value '${v}' for key '${key}'. Possible values: [${values.join(', ')}]`);
}
