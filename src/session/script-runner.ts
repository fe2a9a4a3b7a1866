import type { DataType } from '../types/data-type.js';
import type { PlannedJob } from '../planner/logical/plan-node.js';
import { parseScript } from '../sql/parser.js';
import { formatDiagnostic } from '../sql/diagnostics.js';
import type * as A from '../sql/ast/index.js';
import { PlanError, SqlError } from '../types/errors.js';
import { formatRowForPrint } from '../types/format-print.js';
import type { Chunk } from '../types/row.js';
import { TableauPrinter, formatTable } from '../cli/tableau.js';
import { explainJob } from '../planner/explain.js';
import { buildRuntimeDag } from '../runtime/task/job-graph-builder.js';
import { JobRunner } from '../runtime/task/job-runner.js';
import { checkpointSettings } from '../runtime/checkpoint/checkpoint-config.js';
import { loadCheckpoint } from '../runtime/checkpoint/checkpoint-storage.js';
import { describeError } from './report-error.js';
import type { Session } from './session.js';
import type { StatementResult } from './statement-result.js';

export interface ScriptIO {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

export interface ScriptOptions {
  /** run: execute jobs; validate: plan only; explain: print each job's plan. */
  readonly mode: 'run' | 'validate' | 'explain';
  readonly fileName: string;
  readonly io: ScriptIO;
  /** How a top-level SELECT is shown: SQL client tableau, or Flink's print format (golden tests). */
  readonly queryOutput?: 'tableau' | 'print';
  /** Print parser warnings (names Apache Flink reserves); default true. */
  readonly warnings?: boolean;
  /** Called with each job before it runs (e.g. to cancel it on Ctrl-C, to serve the REST API); a returned promise is awaited. */
  readonly onJob?: (runner: JobRunner, job: PlannedJob) => void;
  /** Restore the script's job from this savepoint or retained checkpoint (`weir run --from-savepoint`). */
  readonly restore?: { readonly path: string; readonly allowNonRestoredState: boolean };
  /** Called when a job has ended: finished, cancelled, or failed with `error`. */
  readonly onJobEnd?: (runner: JobRunner, outcome: { readonly cancelled: boolean; readonly error?: unknown }) => void;
}

/** Runs a script statement by statement; returns the process exit code (0 ok, 1 error, 130 cancelled). */
export async function runScript(text: string, session: Session, opts: ScriptOptions): Promise<number> {
  const { io, fileName } = opts;
  const script = parseScript(text);
  if (opts.warnings !== false) for (const w of script.warnings ?? []) io.stderr(formatDiagnostic(fileName, text, w, 'warning'));
  if (script.errors.length > 0) {
    for (const e of script.errors) io.stderr(describeError(e, fileName, text));
    return 1;
  }
  let failed = false;
  const failedTables = new Set<string>();
  const jobs = { started: 0 };
  for (const stmt of script.statements) {
    try {
      const result = await session.execute(stmt, text);
      if ((await handleResult(result, stmt, session, opts, jobs)) === 'cancelled') {
        io.stderr(`${fileName}: the job was cancelled.`);
        return 130;
      }
    } catch (err) {
      failed = true;
      // In validate mode keep going, but skip errors caused by an earlier failed CREATE.
      const dependent = err instanceof SqlError && err.code === 'TABLE_NOT_FOUND' && [...failedTables].some((t) => err.message.includes(`'${t}'`));
      if (!dependent) io.stderr(describeError(err, fileName, text));
      if (stmt.kind === 'CreateTable' || stmt.kind === 'CreateView') failedTables.add(stmt.name.join('.'));
      if (opts.mode === 'run') return 1;
    }
  }
  return failed ? 1 : 0;
}

async function handleResult(result: StatementResult, stmt: A.Statement, session: Session, opts: ScriptOptions, jobs: { started: number }): Promise<'done' | 'cancelled' | void> {
  const { io } = opts;
  switch (result.kind) {
    case 'ok':
      return;
    case 'table':
      io.stdout(formatTable(result.columns, result.rows).trimEnd());
      return;
    case 'text':
      io.stdout(result.text.trimEnd());
      return;
    case 'job':
      if (opts.mode === 'validate') return;
      if (opts.mode === 'explain') {
        if (stmt.kind !== 'Explain') io.stdout(explainJob(result.job).trimEnd());
        return;
      }
      if (opts.restore && jobs.started > 0) {
        throw new PlanError('--from-savepoint restores one job, and this script starts more than one.', stmt.span,
          'Put the INSERT statements into one EXECUTE STATEMENT SET BEGIN … END; block: it runs as one job with one savepoint.');
      }
      jobs.started++;
      return runJob(result, session, opts);
  }
}

/** What the embedded engine cannot run although the plan is valid Flink: batch mode, and so INSERT OVERWRITE. */
function checkRunnable(result: Extract<StatementResult, { kind: 'job' }>, session: Session): void {
  const mode = session.config.get('execution.runtime-mode')?.toLowerCase();
  if (mode === 'batch') {
    throw new PlanError("weir's embedded engine runs jobs in streaming mode; 'execution.runtime-mode' = 'batch' is not supported yet.", undefined,
      "Remove SET 'execution.runtime-mode' = 'batch': bounded sources still end, and a streaming job's final results equal the batch results.");
  }
  const overwrite = result.job.sinks.find((s) => s.overwrite);
  if (overwrite) throw new PlanError('Streaming mode not support overwrite.', overwrite.span, 'INSERT OVERWRITE needs batch mode, which weir does not run yet; use INSERT INTO.');
}

async function runJob(result: Extract<StatementResult, { kind: 'job' }>, session: Session, opts: ScriptOptions): Promise<'done' | 'cancelled'> {
  const { io } = opts;
  checkRunnable(result, session);
  let collect: ((chunk: Chunk) => void) | undefined;
  let done: (() => void) | undefined;
  if (result.query) {
    const fields = result.job.sinks[0]!.fields;
    const types: DataType[] = fields.map((f) => f.type);
    if (opts.queryOutput === 'print') {
      collect = (chunk) => chunk.rows.forEach((row, i) => io.stdout(formatRowForPrint(chunk.kinds?.[i] ?? 0, row, types)));
    } else {
      const printer = new TableauPrinter(fields.map((f) => f.name), types, io.stdout, session.config.timeZone());
      printer.header();
      collect = (chunk) => printer.rows(chunk);
      done = () => printer.footer();
    }
  }
  const dag = buildRuntimeDag(result.job, { ...session.runtimeOptions(), writer: io, collect });
  const restoreFrom = opts.restore && { checkpoint: await loadCheckpoint(opts.restore.path), allowNonRestoredState: opts.restore.allowNonRestoredState };
  const runner = new JobRunner(dag, {
    idleTimeout: session.config.durationMillis('table.exec.source.idle-timeout'),
    checkpointing: checkpointSettings(session.config, session.baseDir),
    restoreFrom,
  });
  await opts.onJob?.(runner, result.job);
  let cancelled: boolean;
  let savepoint: string | undefined;
  try {
    ({ cancelled, savepoint } = await runner.run());
  } catch (error) {
    opts.onJobEnd?.(runner, { cancelled: false, error });
    throw error;
  }
  opts.onJobEnd?.(runner, { cancelled });
  if (savepoint) io.stderr(`Savepoint completed. Path: file:${savepoint}`);
  done?.();
  for (const [operator, m] of runner.metrics()) {
    if (m['numLateRecordsDropped']) io.stderr(`${opts.fileName}: ${operator} dropped ${m['numLateRecordsDropped']} late record(s) (numLateRecordsDropped).`);
  }
  return cancelled ? 'cancelled' : 'done';
}
