import { formatDiagnostic } from '../sql/diagnostics.js';
import { InternalError, PlanError, RuntimeError, SqlError, SqlErrors } from '../types/errors.js';

/** Turns any error into the lines a user sees: `file:line:col: error: …` with source and caret where known. */
export function describeError(err: unknown, fileName: string, text: string): string {
  if (err instanceof SqlErrors) return err.errors.map((e) => describeError(e, fileName, text)).join('\n');
  if (err instanceof SqlError || (err instanceof PlanError && err.span)) {
    return formatDiagnostic(fileName, text, { message: err.message, span: err.span!, hint: err.hint });
  }
  if (err instanceof PlanError) return `${fileName}: error: ${err.message}${err.hint ? `\nhint: ${err.hint}` : ''}`;
  if (err instanceof RuntimeError) return `${fileName}: job failed: ${err.message}`;
  if (err instanceof InternalError) return `${fileName}: internal error (a bug in weir): ${err.message}`;
  const message = err instanceof Error ? err.message : String(err);
  return `${fileName}: internal error (a bug in weir): ${message}`;
}
