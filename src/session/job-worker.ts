/**
 * A worker thread's entry: re-plans the script up to the job's statement (planning is
 * deterministic, so the DAG and its channel numbers come out as in every other worker), builds
 * this worker's subtasks and runs them until the job ends. The main thread coordinates:
 * checkpoints (this part's snapshot on request), commits, cancel and close.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseScript } from '../sql/parser.js';
import { buildRuntimeDag } from '../runtime/task/job-graph-builder.js';
import { JobRunner } from '../runtime/task/job-runner.js';
import { WorkerMesh } from '../runtime/exchange/worker-mesh.js';
import { checkpointSettings } from '../runtime/checkpoint/checkpoint-config.js';
import { Session } from './session.js';
import { collectMetrics } from '../runtime/task/subtask-metrics.js';
import { METRICS_INTERVAL_MS, type JobWorkerInit, type WorkerCommand, type WorkerReport } from './job-worker-init.js';

const init = workerData as JobWorkerInit;
const port = parentPort!;
const report = (r: WorkerReport, transfer: ArrayBuffer[] = []) => port.postMessage(r, transfer);

async function main(): Promise<number> {
  const session = new Session({ baseDir: init.baseDir });
  // The options as the job saw them; the script's SETs before it set the same values again.
  for (const [key, value] of init.config) session.config.set(key, value);
  const script = parseScript(init.text);
  let job;
  for (let i = 0; i <= init.statementIndex; i++) {
    const result = await session.execute(script.statements[i]!, init.text);
    if (i === init.statementIndex && result.kind === 'job') job = result.job;
  }
  if (!job) throw new Error(`statement ${init.statementIndex + 1} of the script is not a job`);
  const io = { stdout: (line: string) => report({ t: 'stdout', line }), stderr: (line: string) => report({ t: 'stderr', line }) };
  const mesh = new WorkerMesh(init.ports);
  const placement = { worker: init.worker, workers: init.workers, mesh, credits: init.credits };
  const sourceParallelism = new Map(init.restore?.metadata.sources.map((s) => [s.uid, s.subtasks.length]));
  const dag = buildRuntimeDag(job, { ...session.runtimeOptions(), writer: io, placement, sourceParallelism });
  let close!: () => void;
  const closed = new Promise<void>((resolve) => (close = resolve));
  const files = new Map(init.restore?.files);
  const restoreFrom = init.restore && {
    checkpoint: { path: init.restore.path, metadata: init.restore.metadata, readFile: async (name: string) => files.get(name)! },
    // The main thread has checked the whole job's operators against the checkpoint.
    allowNonRestoredState: true,
  };
  const runner = new JobRunner(dag, {
    idleTimeout: session.config.durationMillis('table.exec.source.idle-timeout'),
    checkpointing: checkpointSettings(session.config, session.baseDir),
    jobId: init.jobId,
    coordinated: { ended: () => report({ t: 'ended' }), closed },
    ...(restoreFrom ? { restoreFrom } : {}),
  });
  port.on('message', (cmd: WorkerCommand) => {
    switch (cmd.t) {
      case 'cancel':
        return runner.cancel();
      case 'drain':
        return runner.drain();
      case 'close':
        return close();
      case 'release':
        return runner.participant.releaseHolds();
      case 'commit':
        return void runner.participant.commit(cmd.id).catch((err: unknown) => runner.fail(err));
      case 'checkpoint':
        return void runner.participant.snapshot(cmd.id, cmd.hold).then(
          (snapshot) => report({ t: 'snapshot', id: cmd.id, snapshot }),
          (err: unknown) => report({ t: 'declined', id: cmd.id, message: err instanceof Error ? err.message : String(err) }),
        );
    }
  });
  // The main thread shows this worker's subtasks in the REST API.
  const metrics = setInterval(() => report({ t: 'metrics', metrics: collectMetrics(dag) }), METRICS_INTERVAL_MS);
  metrics.unref();
  try {
    const { rowsWritten } = await runner.run();
    return rowsWritten;
  } finally {
    clearInterval(metrics);
    report({ t: 'metrics', metrics: collectMetrics(dag) });
  }
}

main().then(
  (rowsWritten) => report({ t: 'done', rowsWritten }),
  (err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    const hint = (e as { hint?: unknown }).hint;
    report({ t: 'failed', error: { name: e.name, message: e.message, ...(typeof hint === 'string' ? { hint } : {}) } });
  },
);
