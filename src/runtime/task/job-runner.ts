import { RuntimeError } from '../../types/errors.js';
import type { RuntimeDag, RuntimeSource, RuntimeVertex } from './job-graph-builder.js';
import { FanOut } from '../operators/operator.js';
import { switchVertex } from './vertex-metrics.js';
import type { SourceWatermark } from '../../connectors/connector.js';
import type { Chunk } from '../../types/row.js';

const IDLE = Symbol('idle');

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
  /** Polls in flight: cancel resolves them with null, so a source waiting for data stops waiting. */
  private readonly waiting = new Set<(v: null) => void>();
  /** Rows the sources have emitted so far (Flink's numRecordsOut of the sources). */
  private sourceRows = 0;

  constructor(
    readonly dag: RuntimeDag,
    /** `table.exec.source.idle-timeout` in ms (0: sources are never marked idle). */
    private readonly idleTimeout = 0,
  ) {
    for (const v of dag.vertices) this.remainingInputs.set(v, v.inputs);
  }

  /** Each operator's counters, by operator name (e.g. `WindowAggregate[3]` → numLateRecordsDropped). */
  metrics(): Map<string, Readonly<Record<string, number>>> {
    const out = new Map<string, Readonly<Record<string, number>>>();
    for (const v of this.dag.vertices) {
      const m = v.operator.metrics?.();
      if (m) out.set(v.operator.name, m);
    }
    return out;
  }

  /** Rows read from all sources so far (for progress reports). */
  rowsRead(): number {
    return this.sourceRows;
  }

  /** Stops the sources, also while they wait for data; the job then ends without committing. */
  cancel(): void {
    this.cancelled = true;
    for (const resolve of this.waiting) resolve(null);
    this.waiting.clear();
  }

  /**
   * `p`, or null once the job is cancelled. (Racing each poll against one long-lived cancel
   * promise would leak: every race leaves a reaction on it.)
   */
  private orCancel<T>(p: Promise<T>): Promise<T | null> {
    if (this.cancelled) return Promise.resolve(null);
    return new Promise<T | null>((resolve, reject) => {
      this.waiting.add(resolve);
      p.then(
        (v) => {
          this.waiting.delete(resolve);
          resolve(v);
        },
        (e: unknown) => {
          this.waiting.delete(resolve);
          reject(e);
        },
      );
    });
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
            this.cancel();
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
      const out = new FanOut(source.consumers, source.metrics);
      let idle = false;
      let yielded = Date.now();
      for (;;) {
        // A source that always has data resolves its polls at once; yield now and then so timers
        // (processing time, other paced sources, mini-batch latency) and signals get their turn.
        if (Date.now() - yielded > 10) {
          await new Promise((r) => setImmediate(r));
          yielded = Date.now();
        }
        if (this.cancelled) return;
        // The source's busy time: its reader's synchronous work per poll.
        const prev = switchVertex(source.metrics);
        let poll: Promise<Chunk | SourceWatermark | null>;
        try {
          poll = source.reader.poll();
        } finally {
          switchVertex(prev);
        }
        let next = await this.pollOrIdle(poll);
        if (next === IDLE) {
          idle = true;
          await this.setIdle(source.consumers, true);
          next = await this.orCancel(poll);
        }
        if (this.cancelled) return;
        if (next === null) break;
        if (idle) {
          idle = false;
          await this.setIdle(source.consumers, false);
        }
        if ('rows' in next) this.sourceRows += next.rows.length;
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

  /** The poll's result, or IDLE when the source has sent nothing for the idle timeout. */
  private pollOrIdle(poll: Promise<Chunk | SourceWatermark | null>): Promise<Chunk | SourceWatermark | null | typeof IDLE> {
    if (this.idleTimeout <= 0) return this.orCancel(poll);
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<typeof IDLE>((resolve) => (timer = setTimeout(() => resolve(IDLE), this.idleTimeout)));
    return this.orCancel(Promise.race([poll, idle])).finally(() => clearTimeout(timer));
  }

  /**
   * Tells the operators where an idle source's data meets other inputs (UNION, joins) to leave
   * it out of their watermark, as Flink's watermark status does; single-input operators pass it on.
   */
  private async setIdle(consumers: readonly { vertex: RuntimeVertex; input: number }[], idle: boolean): Promise<void> {
    for (const { vertex, input } of consumers) {
      if (vertex.inputs > 1) await vertex.operator.setInputIdle?.(input, idle);
      else await this.setIdle(vertex.consumers, idle);
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
