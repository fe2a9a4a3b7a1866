import type { SqlError } from '../types/errors.js';
import type { Span } from '../types/span.js';

export interface DiagnosticLike {
  readonly message: string;
  readonly span: Span;
  readonly hint?: string;
}

/** The source line containing `offset` whose column is `col` (without its line break). */
function lineText(source: string, offset: number, col: number): string {
  const start = Math.max(0, Math.min(offset - (col - 1), source.length));
  let end = start;
  while (end < source.length) {
    const c = source.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return source.slice(start, end);
}

/**
 * Formats an error like a compiler diagnostic:
 * ```
 * job.sql:3:15: error: Unexpected 'FORM'; expected …
 *     SELECT a, b FORM t
 *                 ^~~~
 * hint: did you mean FROM?
 * ```
 */
export function formatDiagnostic(fileName: string, sourceText: string, error: SqlError | DiagnosticLike, severity: 'error' | 'warning' = 'error'): string {
  const { start, end } = error.span;
  const out = [`${fileName}:${start.line}:${start.col}: ${severity}: ${error.message}`];
  const text = lineText(sourceText, start.offset, start.col);
  if (text.length > 0 || start.col === 1) {
    // Keep tabs in the padding so the caret lines up under the source.
    const pad = text.slice(0, start.col - 1).replace(/[^\t]/g, ' ');
    const lastCol = end.line === start.line ? end.col : text.length + 1;
    const len = Math.max(1, Math.min(lastCol, text.length + 1) - start.col);
    out.push(`    ${text}`);
    out.push(`    ${pad}^${'~'.repeat(len - 1)}`);
  }
  if (error.hint) out.push(`hint: ${error.hint}`);
  return out.join('\n');
}
