import type { MessagePort } from 'node:worker_threads';
import type { CheckpointMetadata } from '../runtime/checkpoint/checkpoint-metadata.js';
import type { TaskSnapshot } from '../runtime/checkpoint/task-snapshot.js';
import type { SubtaskMetrics } from '../runtime/task/subtask-metrics.js';

/** How often workers report their subtasks' counters to the main thread. */
export const METRICS_INTERVAL_MS = 500;

/** What a worker thread needs to build its part of a job: the script, re-planned there. */
export interface JobWorkerInit {
  readonly text: string;
  readonly baseDir: string;
  /** The statement (of the parsed script) whose job this is. */
  readonly statementIndex: number;
  /** The session options when the job started (`--set` and the script's SETs). */
  readonly config: readonly (readonly [string, string])[];
  readonly jobId: string;
  readonly worker: number;
  readonly workers: number;
  readonly credits: number;
  /** `ports[w]`: the port to worker w. */
  readonly ports: readonly (MessagePort | undefined)[];
  /** The checkpoint to restore (read by the main thread: a `memory:` one lives there). */
  readonly restore?: { readonly path: string; readonly metadata: CheckpointMetadata; readonly files: readonly (readonly [string, Uint8Array])[] };
}

/** From a worker thread to the main thread, which coordinates. */
export type WorkerReport =
  | { readonly t: 'stdout' | 'stderr'; readonly line: string }
  /** Its input has ended; it waits for `close` (the job's final checkpoint comes first). */
  | { readonly t: 'ended' }
  | { readonly t: 'snapshot'; readonly id: number; readonly snapshot: TaskSnapshot }
  | { readonly t: 'declined'; readonly id: number; readonly message: string }
  | { readonly t: 'metrics'; readonly metrics: readonly SubtaskMetrics[] }
  | { readonly t: 'done'; readonly rowsWritten: number }
  | { readonly t: 'failed'; readonly error: { readonly name: string; readonly message: string; readonly hint?: string } };

/** From the main thread to a worker. */
export type WorkerCommand =
  | { readonly t: 'cancel' | 'drain' | 'close' | 'release' }
  | { readonly t: 'checkpoint'; readonly id: number; readonly hold: boolean }
  | { readonly t: 'commit'; readonly id: number };
