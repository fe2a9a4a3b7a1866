import type { Chunk } from '../../types/row.js';
import type { KeyedStateTable } from '../state/keyed-state-table.js';
import type { TimerQueue } from '../state/timer-queue.js';
import { switchVertex, type VertexMetrics } from '../task/vertex-metrics.js';
import type { ChannelMerge } from '../task/channel-merge.js';

/** Where an operator sends its results: the next operators of the chain. */
export interface Output {
  emit(chunk: Chunk): void | Promise<void>;
  /** Forwards a watermark (epoch millis of event time). */
  emitWatermark(watermark: number): void | Promise<void>;
}

/**
 * A runtime operator (DESIGN.md convention 5). Operators receive chunks through `processChunk`;
 * `finish` is called once every input has ended (flush and commit); `close` always, also after a
 * failure. State, timers and checkpoint hooks are added by the stateful and checkpoint work.
 */
export interface Operator {
  readonly name: string;
  open?(): void | Promise<void>;
  processChunk(chunk: Chunk, input: number): void | Promise<void>;
  processWatermark?(watermark: number, input: number): void | Promise<void>;
  /** An input went idle (leave it out of the watermark) or active again; only multi-input operators see this. */
  setInputIdle?(input: number, idle: boolean): void | Promise<void>;
  finish?(): void | Promise<void>;
  close?(): void | Promise<void>;
  /** The operator's named state (DESIGN.md convention 5), for checkpoints and restore. */
  stateTables?(): readonly (KeyedStateTable<unknown> | TimerQueue)[];
  /**
   * Before a checkpoint snapshots this operator (Flink's prepareSnapshotPreBarrier): emit what
   * is buffered only for speed (a mini-batch, a local aggregation's partials), so the snapshot
   * need not hold it. Operators downstream see that output before their own snapshot.
   */
  prepareSnapshot?(): void | Promise<void>;
  /**
   * Operator state that is not keyed (the current watermark, counters, a non-keyed buffer), as
   * plain data the checkpoint value codec handles: numbers, strings, booleans, null, bigint,
   * SQL values, arrays, plain objects, Maps, Sets. Restored with `restoreFields` after the
   * state tables, before any input. When a restore at lower parallelism merges old subtasks, their
   * fields merge by the minimum of each number and the AND of each boolean (operator-snapshot.ts).
   */
  snapshotFields?(): unknown;
  restoreFields?(fields: unknown): void;
  /** Counters by Flink's metric names, e.g. numLateRecordsDropped. */
  metrics?(): Readonly<Record<string, number>>;
}

/** Where a node's output goes: an operator's input (one channel of it when several subtasks feed it). */
export interface Consumer {
  readonly vertex: { readonly operator: Operator; readonly metrics?: VertexMetrics };
  readonly input: number;
  readonly channel?: { readonly merge: ChannelMerge; readonly index: number };
}

/** Calls every consumer in turn (a node read by several consumers, e.g. a shared source). */
export class FanOut implements Output {
  /**
   * The list is read on every call: consumers added after construction are included. `metrics`
   * (the producing vertex's) counts records and watermarks out; each consumer's counts them in.
   */
  constructor(
    private readonly consumers: readonly Consumer[],
    private readonly metrics?: VertexMetrics,
  ) {}

  emit(chunk: Chunk): void | Promise<void> {
    const n = chunk.rows.length;
    if (this.metrics) this.metrics.numRecordsOut += n;
    return this.each((c) => {
      const m = c.vertex.metrics;
      if (!m) return c.vertex.operator.processChunk(chunk, c.input);
      m.numRecordsIn += n;
      const busyBefore = m.busyMs;
      const prev = switchVertex(m);
      try {
        return c.vertex.operator.processChunk(chunk, c.input);
      } finally {
        switchVertex(prev);
        m.chunkDone(n, m.busyMs - busyBefore);
      }
    });
  }

  emitWatermark(watermark: number): void | Promise<void> {
    if (this.metrics) this.metrics.outputWatermark = watermark;
    return this.each((c) => {
      const w = c.channel ? c.channel.merge.watermark(c.channel.index, watermark) : watermark;
      if (w === undefined) return;
      c.vertex.metrics?.watermarkIn(c.input, w);
      return c.vertex.operator.processWatermark?.(w, c.input);
    });
  }

  private each(f: (c: Consumer) => void | Promise<void>): void | Promise<void> {
    const list = this.consumers;
    for (let i = 0; i < list.length; i++) {
      const r = f(list[i]!);
      if (r) return r.then(() => this.rest(i + 1, f));
    }
  }

  private async rest(from: number, f: (c: Consumer) => void | Promise<void>): Promise<void> {
    for (let i = from; i < this.consumers.length; i++) await f(this.consumers[i]!);
  }
}
