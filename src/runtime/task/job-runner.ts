import { RuntimeError } from '../../types/errors.js';
import type { RuntimeDag, RuntimeSource, RuntimeVertex } from './job-graph-builder.js';
import { FanOut } from '../operators/operator.js';

/** Flink's Long.MAX_VALUE watermark, sent when a bounded source ends. */
export const MAX_WATERMARK = Number.MAX_SAFE_INTEGER;

export interface JobResult {
  readonly rowsWritten: number;
  readonly cancelled: boolean;
}

/**
 * Runs a DAG to completion on this thread: each source is pulled in its own async loop and its
 * chunks are pushed through the chained operators. A vertex finishes once all its inputs have
 * ended; the job ends when every source has ended, or fails on the first error (every operator
 * is then closed, uncommitted output discarded).
 */
export class JobRunner {
  private cancelled = false;
  private readonly remainingInputs = new Map<RuntimeVertex, number>();

  constructor(readonly dag: RuntimeDag) {
    for (const v of dag.vertices) this.remainingInputs.set(v, v.inputs);
  }

  /** Stops the sources at their next poll; the job then ends without committing. */
  cancel(): void {
    this.cancelled = true;
  }

  async run(): Promise<JobResult> {
    const { sources, vertices } = this.dag;
    let failure: unknown;
    try {
      for (const v of vertices) await v.operator.open?.();
      await Promise.all(
        sources.map((s) =>
          this.drive(s).catch((err: unknown) => {
            failure ??= err;
            this.cancelled = true;
          }),
        ),
      );
    } catch (err) {
      failure ??= err;
    }
    await this.closeAll(failure !== undefined || this.cancelled);
    if (failure !== undefined) throw asRuntimeError(failure);
    return { rowsWritten: this.dag.sinks.reduce((n, s) => n + s.rowsWritten, 0), cancelled: this.cancelled };
  }

  private async drive(source: RuntimeSource): Promise<void> {
    try {
      const out = new FanOut(source.consumers);
      for (;;) {
        if (this.cancelled) return;
        const next = await source.reader.poll();
        if (next === null) break;
        const r = 'rows' in next ? out.emit(next) : out.emitWatermark(next.watermark);
        if (r) await r;
      }
      // A bounded source ends with the final watermark, which fires every pending timer (as in Flink).
      if (source.bounded) await out.emitWatermark(MAX_WATERMARK);
      for (const c of source.consumers) await this.endInput(c.vertex);
    } finally {
      await source.reader.close();
    }
  }

  private async endInput(vertex: RuntimeVertex): Promise<void> {
    const left = this.remainingInputs.get(vertex)! - 1;
    this.remainingInputs.set(vertex, left);
    if (left > 0 || this.cancelled) return;
    await vertex.operator.finish?.();
    for (const c of vertex.consumers) await this.endInput(c.vertex);
  }

  private async closeAll(_failed: boolean): Promise<void> {
    for (const v of this.dag.vertices) {
      try {
        await v.operator.close?.();
      } catch {
        // Closing after a failure must not hide the failure.
      }
    }
  }
}

function asRuntimeError(err: unknown): Error {
  if (err instanceof Error) return err;
  return new RuntimeError(String(err));
}
