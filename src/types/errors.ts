import type { Span } from './span.js';

/** A problem in the user's SQL text: always has a position. */
export class SqlError extends Error {
  override readonly name = 'SqlError';
  constructor(
    readonly code: string,
    message: string,
    readonly span: Span,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Several independent SqlErrors found in one script. */
export class SqlErrors extends Error {
  override readonly name = 'SqlErrors';
  constructor(readonly errors: SqlError[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

/** Valid SQL that weir cannot plan: names the unsupported construct. */
export class PlanError extends Error {
  override readonly name = 'PlanError';
  constructor(message: string, readonly span?: Span, readonly hint?: string) {
    super(message);
  }
}

/** A failure while a job runs (bad record, overflow in CAST, connector I/O). */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A bug in weir itself. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
