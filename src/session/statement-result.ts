import type { PlannedJob } from '../planner/logical/plan-node.js';

/** What executing one statement gives back to the CLI or a test. */
export type StatementResult =
  | { readonly kind: 'ok' }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'text'; readonly text: string }
  /** An INSERT, statement set or query: planned, ready to run. */
  | { readonly kind: 'job'; readonly job: PlannedJob; readonly name: string; readonly query: boolean };
