import type { Placement } from '../runtime/exchange/worker-mesh.js';
import type { StatementResult } from './statement-result.js';
import type { Session } from './session.js';
import type { JobOrigin } from './run-job.js';
import type { ScriptIO } from './script-runner.js';
import { WorkerGroup, workerThreadsAvailable } from './worker-group.js';

/**
 * Whether a job runs on worker threads: at `parallelism.default` > 1, one worker per parallel
 * instance (as Flink's slots). In one thread: a top-level SELECT (its rows are collected here),
 * sessions with extra connectors (tests' sources cannot be built in another thread), and — until
 * barriers cross threads — jobs that checkpoint or restore.
 */
export function canUseWorkers(result: Extract<StatementResult, { kind: 'job' }>, session: Session, checkpointed: boolean): boolean {
  return session.config.positiveInt('parallelism.default') > 1 && !result.query && !session.extraConnectors && !checkpointed && workerThreadsAvailable();
}

/** Starts workers 1… of a job; the caller runs worker 0's part with `placement`. */
export function startWorkers(origin: JobOrigin, session: Session, jobId: string, io: ScriptIO): { group: WorkerGroup; placement: Placement } {
  const workers = session.config.positiveInt('parallelism.default');
  // Each buffer holds one chunk; a channel has its exclusive buffers plus the gate's floating ones.
  const credits = session.config.positiveInt('taskmanager.network.memory.buffers-per-channel') + session.config.positiveInt('taskmanager.network.memory.floating-buffers-per-gate');
  const group = new WorkerGroup({ ...origin, baseDir: session.baseDir, config: session.config.entries(), jobId, workers, credits }, io);
  return { group, placement: { worker: 0, workers, mesh: group.mesh, credits } };
}
