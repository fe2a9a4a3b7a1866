import { COORDINATOR, type Placement } from '../runtime/exchange/worker-mesh.js';
import type { LoadedCheckpoint } from '../runtime/checkpoint/checkpoint-storage.js';
import type { StatementResult } from './statement-result.js';
import type { Session } from './session.js';
import type { JobOrigin } from './run-job.js';
import type { ScriptIO } from './script-runner.js';
import { WorkerGroup, workerThreadsAvailable } from './worker-group.js';

/**
 * Whether a job runs on worker threads: at `parallelism.default` > 1, one worker per parallel
 * instance (as Flink's slots). In one thread: a top-level SELECT (its rows are collected here),
 * and sessions with extra connectors (tests' sources cannot be built in another thread).
 */
export function canUseWorkers(result: Extract<StatementResult, { kind: 'job' }>, session: Session): boolean {
  return session.config.positiveInt('parallelism.default') > 1 && !result.query && !session.extraConnectors && workerThreadsAvailable();
}

/** Starts the workers of a job (restoring `from`); the caller coordinates them, with `placement` (it owns no subtask). */
export async function startWorkers(origin: JobOrigin, session: Session, jobId: string, io: ScriptIO, from: LoadedCheckpoint | undefined): Promise<{ group: WorkerGroup; placement: Placement }> {
  const workers = session.config.positiveInt('parallelism.default');
  // Each buffer holds one chunk; a channel has its exclusive buffers plus the gate's floating ones.
  const credits = session.config.positiveInt('taskmanager.network.memory.buffers-per-channel') + session.config.nonNegativeInt('taskmanager.network.memory.floating-buffers-per-gate');
  const restore = from && { path: from.path, metadata: from.metadata, files: await stateFiles(from) };
  const group = new WorkerGroup({ ...origin, baseDir: session.baseDir, config: session.config.entries(), jobId, workers, credits, ...(restore ? { restore } : {}) }, io);
  return { group, placement: { worker: COORDINATOR, workers, mesh: group.mesh, credits } };
}

/** Every state file of a checkpoint, read here: workers cannot reach a `memory:` checkpoint. */
async function stateFiles(from: LoadedCheckpoint): Promise<[string, Uint8Array][]> {
  const names = [...from.metadata.operators.flatMap((o) => o.subtasks.map((s) => s.file)), ...(from.metadata.channels ?? []).map((c) => c.file)];
  return Promise.all(names.map(async (name): Promise<[string, Uint8Array]> => [name, await from.readFile(name)]));
}
