import type { PlannedJob } from '../planner/logical/plan-node.js';
import { parseScript } from '../sql/parser.js';
import { formatDiagnostic } from '../sql/diagnostics.js';
import type * as A from '../sql/ast/index.js';
import { PlanError, SqlError } from '../types/errors.js';
import { formatTable } from '../cli/tableau.js';
import { explainJob } from '../planner/explain.js';
import type { JobRunner } from '../runtime/task/job-runner.js';
import { runJob, type JobOrigin } from './run-job.js';
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
  for (const [statementIndex, stmt] of script.statements.entries()) {
    try {
      const result = await session.execute(stmt, text);
      if ((await handleResult(result, stmt, session, opts, jobs, { text, statementIndex })) === 'cancelled') {
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

async function handleResult(result: StatementResult, stmt: A.Statement, session: Session, opts: ScriptOptions, jobs: { started: number }, origin: JobOrigin): Promise<'done' | 'cancelled' | void> {
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
      return runJob(result, session, opts, origin);
  }
}
