import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { PlanError, RuntimeError } from '../types/errors.js';
import { WorkerMesh } from '../runtime/exchange/worker-mesh.js';
import type { JobRunner, Peers } from '../runtime/task/job-runner.js';
import type { JobWorkerInit, WorkerCommand, WorkerReport } from './job-worker-init.js';
import type { ScriptIO } from './script-runner.js';

/** The compiled worker entry; absent when the sources run untranspiled (unit tests run in one thread). */
const WORKER_SCRIPT = fileURLToPath(new URL('./job-worker.js', import.meta.url));

export function workerThreadsAvailable(): boolean {
  return existsSync(WORKER_SCRIPT);
}

type Shared = Omit<JobWorkerInit, 'worker' | 'ports'>;

/**
 * The worker threads of one job attempt. The main thread is worker 0 (it also serves REST and
 * coordinates checkpoints); workers 1… run in threads. Every pair of workers shares a
 * MessageChannel for the data channels between their subtasks.
 */
export class WorkerGroup implements Peers {
  /** Worker 0's ports. */
  readonly mesh: WorkerMesh;
  private readonly threads: Worker[] = [];
  private readonly outcomes: Promise<number>[] = [];
  private runner: JobRunner | undefined;
  private pending: unknown[] = [];

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
    this.mesh = new WorkerMesh(ports[0]!);
    for (let w = 1; w < n; w++) {
      const own = ports[w]!;
      const init: JobWorkerInit = { ...shared, worker: w, ports: own };
      const thread = new Worker(WORKER_SCRIPT, { workerData: init, transferList: own.filter((p): p is MessagePort => p !== undefined) });
      this.threads.push(thread);
      this.outcomes.push(new Promise<number>((resolve) => {
        let rows: number | undefined;
        thread.on('message', (r: WorkerReport) => {
          if (r.t === 'stdout') io.stdout(r.line);
          else if (r.t === 'stderr') io.stderr(r.line);
          else if (r.t === 'done') rows = r.rowsWritten;
          else if (r.t === 'failed') this.failed(r.error.name === 'PlanError' ? new PlanError(r.error.message, undefined, r.error.hint) : new RuntimeError(r.error.message));
        });
        thread.on('error', (err) => this.failed(err));
        thread.on('exit', () => resolve(rows ?? 0));
        // A worker that has reported its end stops; the job ends when all have.
        thread.on('message', (r: WorkerReport) => {
          if (r.t === 'done' || r.t === 'failed') void thread.terminate();
        });
      }));
    }
  }

  /** Connects the first worker's runner: a cancel reaches every worker, a worker's failure fails the job. */
  attach(runner: JobRunner): void {
    this.runner = runner;
    runner.onCancel(() => this.command({ t: 'cancel' }));
    for (const err of this.pending.splice(0)) runner.fail(err);
  }

  async finished(): Promise<number> {
    const rows = await Promise.all(this.outcomes);
    this.mesh.close();
    return rows.reduce((a, b) => a + b, 0);
  }

  private failed(err: unknown): void {
    if (this.runner) this.runner.fail(err);
    else this.pending.push(err);
  }

  private command(cmd: WorkerCommand): void {
    for (const t of this.threads) t.postMessage(cmd);
  }
}
