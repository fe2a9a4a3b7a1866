import { randomBytes } from 'node:crypto';

type Operation =
  | { readonly status: 'IN_PROGRESS' }
  | { readonly status: 'COMPLETED'; readonly location: string }
  | { readonly status: 'FAILED'; readonly failure: OperationFailure };

/** Why an operation failed, as Flink's SerializedThrowable names it. */
export interface OperationFailure {
  /** The Java class Flink would report (e.g. org.apache.flink.runtime.checkpoint.CheckpointException). */
  readonly className: string;
  readonly message: string;
}

/** A failure that names the Java class Flink reports for it (e.g. a job that is not running). */
export class OperationError extends Error {
  constructor(
    readonly className: string,
    message: string,
  ) {
    super(message);
  }
}

/** How many finished operations are kept (Flink keeps them for `rest.async.store-duration`). */
const KEPT = 1000;

/**
 * The savepoint operations triggered over REST (POST /savepoints and /stop), by job and trigger
 * id, so GET /savepoints/:triggerid can report them as Flink's AsynchronousOperationResult.
 */
export class SavepointOperations {
  private readonly operations = new Map<string, Operation>();

  /**
   * Starts `run` (resolving with the savepoint's directory) under `triggerId`, or a fresh id.
   * A trigger id already known for the job starts nothing (Flink's idempotent triggers).
   */
  start(jobId: string, triggerId: string | undefined, run: () => Promise<string>): string {
    const id = triggerId ?? randomBytes(16).toString('hex');
    const key = `${jobId}/${id}`;
    if (this.operations.has(key)) return id;
    this.operations.set(key, { status: 'IN_PROGRESS' });
    run().then(
      (location) => this.finish(key, { status: 'COMPLETED', location }),
      (err: unknown) => this.finish(key, { status: 'FAILED', failure: asFailure(err) }),
    );
    return id;
  }

  private finish(key: string, op: Operation): void {
    this.operations.set(key, op);
    for (const k of this.operations.keys()) {
      if (this.operations.size <= KEPT) break;
      if (this.operations.get(k)!.status !== 'IN_PROGRESS') this.operations.delete(k);
    }
  }

  /** AsynchronousOperationResult with a SavepointInfo, or undefined for an unknown trigger id. */
  result(jobId: string, triggerId: string) {
    const op = this.operations.get(`${jobId}/${triggerId.toLowerCase()}`);
    if (!op) return undefined;
    if (op.status === 'IN_PROGRESS') return { status: { id: 'IN_PROGRESS' } };
    if (op.status === 'COMPLETED') return { status: { id: 'COMPLETED' }, operation: { location: `file:${op.location}` } };
    const { className, message } = op.failure;
    const text = `${className}: ${message}`;
    return {
      status: { id: 'COMPLETED' },
      operation: {
        'failure-cause': {
          class: className,
          'stack-trace': text,
          // Flink sends the Java-serialized exception; weir has none, so this is the text in base64.
          'serialized-throwable': Buffer.from(text).toString('base64'),
        },
      },
    };
  }
}

/** A rejection as a failure; the engine's savepoint failures are Flink's CheckpointException. */
function asFailure(err: unknown): OperationFailure {
  if (err instanceof OperationError) return { className: err.className, message: err.message };
  return { className: 'org.apache.flink.runtime.checkpoint.CheckpointException', message: err instanceof Error ? err.message : String(err) };
}
