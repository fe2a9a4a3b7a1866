import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { PlanError, RuntimeError } from '../types/errors.js';
import { WorkerMesh } from '../runtime/exchange/worker-mesh.js';
import { CheckpointDeclined } from '../runtime/checkpoint/checkpoint-coordinator.js';
import type { TaskSnapshot } from '../runtime/checkpoint/task-snapshot.js';
import type { JobRunner, Peers } from '../runtime/task/job-runner.js';
import type { RuntimeDag } from '../runtime/task/runtime-dag.js';
import { applyMetrics, metricsView, type MetricsView } from '../runtime/task/subtask-metrics.js';
import type { JobWorkerInit, WorkerCommand, WorkerReport } from './job-worker-init.js';
import type { ScriptIO } from './script-runner.js';

/** The compiled worker entry; absent when the sources run untranspiled (unit tests run in one thread). */
const WORKER_SCRIPT = fileURLToPath(new URL('./job-worker.js', import.meta.url));

export function workerThreadsAvailable(): boolean {
  return existsSync(WORKER_SCRIPT);
}

type Shared = Omit<JobWorkerInit, 'worker' | 'ports'>;


/** One worker thread as the main thread tracks it. */
interface Thread {
  readonly worker: Worker;
  /** Resolves once its input has ended, or it stopped. */
  readonly ended: Promise<void>;
  /** Resolves with the rows its sinks wrote once it exited. */
  readonly exited: Promise<number>;
  /** Snapshot requests waiting for its answer, by checkpoint id. */
  readonly snapshots: Map<number, { resolve(s: TaskSnapshot): void; reject(e: Error): void }>;
}

/**
 * The worker threads of one job attempt: workers 0… each run in a thread; the main thread only
 * coordinates (checkpoints, commits, REST), so what it does never delays the data, nor a busy
 * source loop a REST request. Every pair of workers shares a MessageChannel for the data
 * channels between their subtasks.
 */
export class WorkerGroup implements Peers {
  /** The main thread's ports: none, it runs no subtasks. */
  readonly mesh = new WorkerMesh([]);
  private readonly threads: Thread[] = [];
  private runner: JobRunner | undefined;
  private readonly pending: unknown[] = [];
  /** The counters of the whole job the REST API shows (every subtask runs on a worker, which reports them). */
  private view: MetricsView | undefined;

  constructor(shared: Shared, io: ScriptIO) {
    const n = shared.workers;
    const ports: (MessagePort | undefined)[][] = Array.from({ length: n }, () => new Array<MessagePort | undefined>(n).fill(undefined));
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const { port1, port2 } = new MessageChannel();
        ports[a]![b] = port1;
        ports[b]![a] = port2;
      }
    }
    for (let w = 0; w < n; w++) this.threads.push(this.spawn({ ...shared, worker: w, ports: ports[w]! }, io));
  }

  private spawn(init: JobWorkerInit, io: ScriptIO): Thread {
    const worker = new Worker(WORKER_SCRIPT, { workerData: init, transferList: init.ports.filter((p): p is MessagePort => p !== undefined) });
    const snapshots: Thread['snapshots'] = new Map();
    let ended!: () => void;
    let rows = 0;
    const exited = new Promise<number>((resolve) => worker.on('exit', () => {
      ended();
      for (const s of snapshots.values()) s.reject(new RuntimeError('A worker thread stopped during the checkpoint.'));
      resolve(rows);
    }));
    worker.on('message', (r: WorkerReport) => {
      switch (r.t) {
        case 'stdout':
          return io.stdout(r.line);
        case 'stderr':
          return io.stderr(r.line);
        case 'ended':
          return ended();
        case 'metrics':
          return void (this.view && applyMetrics(this.view, r.metrics));
        case 'snapshot':
          snapshots.get(r.id)?.resolve(r.snapshot);
          return void snapshots.delete(r.id);
        case 'declined':
          snapshots.get(r.id)?.reject(new CheckpointDeclined(r.message));
          return void snapshots.delete(r.id);
        case 'done':
          rows = r.rowsWritten;
          return void worker.terminate();
        case 'failed':
          this.failed(r.error.name === 'PlanError' ? new PlanError(r.error.message, undefined, r.error.hint) : new RuntimeError(r.error.message));
          return void worker.terminate();
      }
    });
    worker.on('error', (err) => this.failed(err));
    return { worker, ended: new Promise<void>((resolve) => (ended = resolve)), exited, snapshots };
  }

  /** Keeps `all` (the whole job, built but not run) showing the counters of every worker's subtasks. */
  mirror(all: RuntimeDag): void {
    this.view = metricsView(all);
  }

  /** Connects the main thread's runner: a cancel reaches every worker, a worker's failure fails the job. */
  attach(runner: JobRunner): void {
    this.runner = runner;
    runner.onCancel(() => this.cancel());
    for (const err of this.pending.splice(0)) runner.fail(err);
  }

  async ended(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.ended));
  }

  cancel(): void {
    this.command({ t: 'cancel' });
  }

  drain(): void {
    this.command({ t: 'drain' });
  }

  close(): void {
    this.command({ t: 'close' });
  }

  async finished(): Promise<number> {
    const rows = await Promise.all(this.threads.map((t) => t.exited));
    this.mesh.close();
    return rows.reduce((a, b) => a + b, 0);
  }

  /** Stops the workers at once (the job could not start here). */
  async terminate(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
    this.mesh.close();
  }

  snapshot(id: number, hold: boolean): Promise<TaskSnapshot[]> {
    return Promise.all(this.threads.map((t) => new Promise<TaskSnapshot>((resolve, reject) => {
      t.snapshots.set(id, { resolve, reject });
      t.worker.postMessage({ t: 'checkpoint', id, hold } satisfies WorkerCommand);
    })));
  }

  release(): void {
    this.command({ t: 'release' });
  }

  commit(id: number): void {
    this.command({ t: 'commit', id });
  }

  private failed(err: unknown): void {
    if (this.runner) this.runner.fail(err);
    else this.pending.push(err);
  }

  private command(cmd: WorkerCommand): void {
    for (const t of this.threads) t.worker.postMessage(cmd);
  }
}
