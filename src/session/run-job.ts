import type { DataType } from '../types/data-type.js';
import { PlanError, RuntimeError } from '../types/errors.js';
import { formatRowForPrint } from '../types/format-print.js';
import type { Chunk } from '../types/row.js';
import { TableauPrinter } from '../cli/tableau.js';
import { buildRuntimeDag } from '../runtime/task/job-graph-builder.js';
import type { RuntimeDag } from '../runtime/task/runtime-dag.js';
import { JobRunner, type JobResult } from '../runtime/task/job-runner.js';
import { restartStrategy, type RestartStrategy } from '../runtime/task/restart-strategy.js';
import { checkpointSettings } from '../runtime/checkpoint/checkpoint-config.js';
import { loadCheckpoint, type LoadedCheckpoint } from '../runtime/checkpoint/checkpoint-storage.js';
import type { ScriptOptions } from './script-runner.js';
import type { Session } from './session.js';
import { canUseWorkers, startWorkers } from './job-workers.js';
import { randomBytes } from 'node:crypto';
import type { StatementResult } from './statement-result.js';

type JobStatement = Extract<StatementResult, { kind: 'job' }>;

/** Where a job comes from in its script: worker threads re-plan it from there. */
export interface JobOrigin {
  readonly text: string;
  readonly statementIndex: number;
}
type Restore = { readonly checkpoint: LoadedCheckpoint; readonly allowNonRestoredState: boolean };

/**
 * What `onJobEnd` is told after each attempt. `restarting`: the attempt failed with `error` and
 * the job restarts (the REST monitor keeps its record, RESTARTING); otherwise the job has ended.
 */
export interface AttemptEnd {
  readonly cancelled: boolean;
  readonly error?: unknown;
  readonly restarting?: boolean;
}

/**
 * Runs a job until it finishes, is cancelled or stopped, or fails for good: a failed attempt is
 * restarted as the restart strategy (`restart-strategy.type`) allows, from a fresh DAG (operators,
 * readers and writers are single-use) restored from the latest completed checkpoint — or, without
 * one, from the savepoint the job started with, or from the beginning. Sinks restore through the
 * checkpoint, so transactional sinks (filesystem) stay exactly-once; what print sinks and queries
 * wrote after that checkpoint is written again (at-least-once, as in Flink).
 */
export async function runJob(result: JobStatement, session: Session, opts: ScriptOptions, origin?: JobOrigin): Promise<'done' | 'cancelled'> {
  const { io } = opts;
  checkRunnable(result, session);
  const output = queryOutput(result, session, opts);
  const checkpointing = checkpointSettings(session.config, session.baseDir);
  const strategy = restartStrategy(session.config, checkpointing.interval > 0);
  const allowNonRestoredState = opts.restore?.allowNonRestoredState ?? false;
  const initial: Restore | undefined = opts.restore && { checkpoint: await loadCheckpoint(opts.restore.path), allowNonRestoredState };
  const kept = new AttemptCheckpoints();
  let restoreFrom = initial;
  let cancelBeforeRun = false;
  let jobId: string | undefined;
  for (let restarts = 0; ; restarts++) {
    // Sources keep the parallelism they were checkpointed at: their positions cannot be split again.
    const sourceParallelism = new Map(restoreFrom?.checkpoint.metadata.sources.map((s) => [s.uid, s.subtasks.length]));
    jobId ??= randomBytes(16).toString('hex');
    const workers = origin && canUseWorkers(result, session) ? await startWorkers(origin, session, jobId, io, restoreFrom?.checkpoint) : undefined;
    const build = { ...session.runtimeOptions(), writer: io, collect: output.collect, sourceParallelism };
    let dag: RuntimeDag;
    let view: RuntimeDag | undefined;
    try {
      dag = buildRuntimeDag(result.job, { ...build, ...(workers ? { placement: workers.placement } : {}) });
      // On worker threads, monitoring shows the whole job: built here too, never run, its counters copied from every worker.
      view = workers && buildRuntimeDag(result.job, build);
    } catch (err) {
      await workers?.group.terminate();
      throw err;
    }
    if (view && workers) workers.group.mirror(view);
    const runner = new JobRunner(dag, { idleTimeout: session.config.durationMillis('table.exec.source.idle-timeout'), checkpointing, restoreFrom, jobId, keepCheckpoints: true, ...(workers ? { peers: workers.group, view } : {}) });
    workers?.group.attach(runner);
    kept.track(runner);
    await opts.onJob?.(runner, result.job);
    if (cancelBeforeRun) runner.cancel();
    let ended: JobResult;
    try {
      ended = await runner.run();
    } catch (error) {
      const decision = strategy.onFailure();
      if (!decision.restart) return fail(runner, strategy.type === 'disable' ? error : suppressed(strategy, error));
      // Ctrl-C and the REST API hold the failed runner until the next one is announced.
      const cancel = onCancel(runner);
      try {
        await kept.ended(runner, 'restarting');
        const from = kept.latest;
        const source = from ? `checkpoint ${from.id}` : initial ? `savepoint ${initial.checkpoint.path}` : 'the beginning';
        io.stderr(`${opts.fileName}: the job failed (${firstLine(error)}); restarting from ${source} in ${formatDelay(decision.delay)} (restart ${restarts + 1})`);
        const attemptEnd: AttemptEnd = { cancelled: false, error, restarting: true };
        opts.onJobEnd?.(runner, attemptEnd);
        if (await cancel.within(decision.delay)) return end(runner, { rowsWritten: 0, cancelled: true });
        restoreFrom = from ? { checkpoint: await loadCheckpoint(from.location), allowNonRestoredState } : initial;
      } catch (err) {
        return fail(runner, err);
      } finally {
        cancel.release(() => (cancelBeforeRun = true));
      }
      continue;
    }
    return end(runner, ended);
  }

  async function fail(runner: JobRunner, error: unknown): Promise<never> {
    await kept.ended(runner, 'failed');
    opts.onJobEnd?.(runner, { cancelled: false, error });
    throw error;
  }

  async function end(runner: JobRunner, { cancelled, savepoint }: JobResult): Promise<'done' | 'cancelled'> {
    await kept.ended(runner, cancelled ? 'cancelled' : 'finished');
    opts.onJobEnd?.(runner, { cancelled });
    if (savepoint) io.stderr(`Savepoint completed. Path: file:${savepoint}`);
    output.done?.();
    for (const [operator, m] of runner.metrics()) {
      if (m['numLateRecordsDropped']) io.stderr(`${opts.fileName}: ${operator} dropped ${m['numLateRecordsDropped']} late record(s) (numLateRecordsDropped).`);
    }
    return cancelled ? 'cancelled' : 'done';
  }
}

/** What the embedded engine cannot run although the plan is valid Flink: batch mode, and so INSERT OVERWRITE. */
function checkRunnable(result: JobStatement, session: Session): void {
  const mode = session.config.get('execution.runtime-mode')?.toLowerCase();
  if (mode === 'batch') {
    throw new PlanError("weir's embedded engine runs jobs in streaming mode; 'execution.runtime-mode' = 'batch' is not supported yet.", undefined,
      "Remove SET 'execution.runtime-mode' = 'batch': bounded sources still end, and a streaming job's final results equal the batch results.");
  }
  const overwrite = result.job.sinks.find((s) => s.overwrite);
  if (overwrite) throw new PlanError('Streaming mode not support overwrite.', overwrite.span, 'INSERT OVERWRITE needs batch mode, which weir does not run yet; use INSERT INTO.');
}

/** Where a top-level SELECT's rows go (shared by every attempt: the tableau header prints once). */
function queryOutput(result: JobStatement, session: Session, opts: ScriptOptions): { collect?: (chunk: Chunk) => void; done?: () => void } {
  if (!result.query) return {};
  const { io } = opts;
  const fields = result.job.sinks[0]!.fields;
  const types: DataType[] = fields.map((f) => f.type);
  if (opts.queryOutput === 'print') {
    return { collect: (chunk) => chunk.rows.forEach((row, i) => io.stdout(formatRowForPrint(chunk.kinds?.[i] ?? 0, row, types))) };
  }
  const printer = new TableauPrinter(fields.map((f) => f.name), types, io.stdout, session.config.timeZone());
  printer.header();
  return { collect: (chunk) => printer.rows(chunk), done: () => printer.footer() };
}

/** Flink's JobException when the strategy allows no more restarts; the message keeps the last failure's. */
function suppressed(strategy: RestartStrategy, cause: unknown): RuntimeError {
  return new RuntimeError(`Recovery is suppressed by ${strategy.toString()}\nCaused by: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
}

/**
 * Watches cancel requests (Ctrl-C, REST cancel) sent to a failed runner while the job restarts:
 * `within(ms)` waits the restart delay unless a cancel comes first (true then). `release` stops
 * watching; a cancel that came after the delay is passed on (to the next attempt) through `late`.
 */
function onCancel(runner: JobRunner): { within: (ms: number) => Promise<boolean>; release: (late: () => void) => void } {
  let requested = false;
  let wake = () => {};
  const stop = runner.onCancel(() => {
    requested = true;
    wake();
  });
  return {
    within: (ms) => new Promise<boolean>((resolve) => {
      if (requested) return resolve(true);
      const timer = setTimeout(() => resolve(false), ms);
      wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    }),
    release: (late) => {
      stop();
      if (requested) late();
    },
  };
}

/**
 * The job's retained checkpoints across attempts. Runners leave their end-of-job cleanup (the
 * coordinator's `jobEnded`, which discards retained checkpoints unless they are externalized) to
 * this, until it is known whether the job restarts: the next attempt restores from them. The
 * newest attempt with a completed checkpoint holds the job's checkpoints; an older holder's are
 * subsumed then, and the retention policy applies to the holder's when the job ends.
 */
class AttemptCheckpoints {
  private holder: { readonly cleanup: Cleanup; readonly id: number; readonly location: string } | undefined;
  private readonly deferred = new Map<JobRunner, Cleanup>();

  /** The job's latest completed checkpoint. */
  get latest(): { readonly id: number; readonly location: string } | undefined {
    return this.holder;
  }

  track(runner: JobRunner): void {
    this.deferred.set(runner, (outcome) => runner.checkpoints.jobEnded(outcome));
  }

  async ended(runner: JobRunner, outcome: 'restarting' | 'finished' | 'cancelled' | 'failed'): Promise<void> {
    const cleanup = this.deferred.get(runner);
    this.deferred.delete(runner);
    const latest = runner.checkpoints.stats.latestCompleted;
    // No cleanup left: a failed attempt whose restart was cancelled during the delay.
    if (cleanup && latest?.location !== undefined) {
      await this.holder?.cleanup('finished');
      this.holder = { cleanup, id: latest.id, location: latest.location };
    } else {
      await cleanup?.('finished');
    }
    if (outcome === 'restarting') return;
    await this.holder?.cleanup(outcome);
    this.holder = undefined;
  }
}

type Cleanup = (outcome: 'finished' | 'cancelled' | 'failed') => Promise<void>;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(3))} s`;
}
