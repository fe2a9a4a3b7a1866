import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import type { Timestamp } from '../../types/values.js';
import type { Operator, Output } from './operator.js';
import { KeyedStateTable } from '../state/keyed-state-table.js';
import type { BoundAggregate } from './window-aggregate-operator.js';
import { OperatorWatermark } from '../time/operator-watermark.js';

/** The frame of an OVER window, ending at the current row. */
export type OverFrame = { readonly unit: 'ROWS' | 'RANGE'; readonly preceding: number | 'UNBOUNDED' };

interface Partition {
  /** Rows not yet processed, by rowtime. */
  readonly pending: Map<number, Row[]>;
  /** Bounded frames: processed rows still inside some future frame, oldest first. */
  readonly history: { time: number; row: Row }[];
  /** Unbounded frames: the running accumulators. */
  accs?: unknown[];
  /** Rowtime of the last rows processed: bounded frames drop rows not after it (Flink's lastTriggeringTs). */
  lastTriggered: number;
}

/**
 * Event-time OVER aggregation (Flink's RowTime{Rows,Range}{Bounded,Unbounded}PrecedingFunction):
 * rows are buffered per partition until the watermark passes their rowtime, then processed in
 * rowtime order, each emitted with the aggregates over its frame. RANGE frames treat rows with the
 * same rowtime as peers (same values). Late rows are dropped (numLateRecordsDropped): for
 * unbounded frames those at or behind the watermark, for bounded frames those not after the
 * last rowtime already processed in their partition, as Flink's functions do.
 */
export class OverAggregateOperator implements Operator {
  numLateRecordsDropped = 0;
  private readonly wm = new OperatorWatermark();
  private readonly partitions = new KeyedStateTable<Partition>('over-partitions');

  metrics(): Readonly<Record<string, number>> {
    return { numLateRecordsDropped: this.numLateRecordsDropped };
  }

  constructor(
    readonly name: string,
    private readonly timeIndex: number,
    private readonly frame: OverFrame,
    private readonly keyOf: (row: Row) => HashKey,
    private readonly aggs: readonly BoundAggregate[],
    private readonly out: Output,
    /** Processing-time OVER: rows are processed on arrival, in arrival order. */
    private readonly proctime = false,
  ) {}

  processChunk(chunk: Chunk): void | Promise<void> {
    if (this.proctime) return this.processNow(chunk);
    chunk.rows.forEach((row, i) => {
      if (chunk.kinds && chunk.kinds[i] !== RowKind.INSERT) {
        throw new RuntimeError(`${this.name} received an update; OVER aggregation needs an insert-only input.`);
      }
      const ts = row[this.timeIndex] as Timestamp | null;
      const key = this.keyOf(row);
      let p = this.partitions.get(key);
      const bound = this.frame.preceding === 'UNBOUNDED' ? this.wm.value : (p?.lastTriggered ?? -Infinity);
      if (ts === null || ts.millis <= bound) {
        this.numLateRecordsDropped++;
        return;
      }
      if (!p) this.partitions.set(key, (p = { pending: new Map(), history: [], lastTriggered: -Infinity }));
      const same = p.pending.get(ts.millis);
      if (same) same.push(row);
      else p.pending.set(ts.millis, [row]);
    });
  }

  private processNow(chunk: Chunk): void | Promise<void> {
    const out: Row[] = [];
    for (const row of chunk.rows) {
      const key = this.keyOf(row);
      let p = this.partitions.get(key);
      if (!p) this.partitions.set(key, (p = { pending: new Map(), history: [], lastTriggered: -Infinity }));
      this.process(p, 0, [row], out);
    }
    if (out.length > 0) return this.out.emit({ rows: out, kinds: null });
  }

  async processWatermark(watermark: number): Promise<void> {
    if (this.proctime) return this.out.emitWatermark(watermark);
    const step = this.wm.step(watermark);
    if (step === 'ignore') return;
    if (step === 'repeat') return this.out.emitWatermark(watermark);
    const rows: Row[] = [];
    for (const [key, p] of this.partitions) {
      const due = [...p.pending.keys()].filter((t) => t <= watermark).sort((a, b) => a - b);
      for (const t of due) {
        this.process(p, t, p.pending.get(t)!, rows);
        p.pending.delete(t);
        p.lastTriggered = t;
      }
      if (p.pending.size === 0 && p.history.length === 0 && !p.accs && this.frame.preceding === 'UNBOUNDED') this.partitions.delete(key);
    }
    if (rows.length > 0) await this.out.emit({ rows, kinds: null });
    await this.out.emitWatermark(watermark);
  }

  private process(p: Partition, time: number, rows: Row[], out: Row[]): void {
    const { unit, preceding } = this.frame;
    if (preceding === 'UNBOUNDED') {
      // The frame only grows: keep running accumulators. RANGE peers all see each other.
      p.accs ??= this.aggs.map((a) => a.fn.createAccumulator());
      if (unit === 'RANGE') {
        for (const row of rows) this.accumulate(p.accs, row);
        const values = this.aggs.map((a, i) => a.fn.getValue(p.accs![i]));
        for (const row of rows) out.push([...row, ...values]);
      } else {
        for (const row of rows) {
          this.accumulate(p.accs, row);
          out.push([...row, ...this.aggs.map((a, i) => a.fn.getValue(p.accs![i]))]);
        }
      }
      return;
    }
    if (unit === 'RANGE') {
      // Peers share one result: the frame covers every row within `preceding` of this rowtime.
      for (const row of rows) p.history.push({ time, row });
      while (p.history.length > 0 && p.history[0]!.time < time - preceding) p.history.shift();
      const values = this.aggregate(p.history.map((h) => h.row));
      for (const row of rows) out.push([...row, ...values]);
      return;
    }
    for (const row of rows) {
      p.history.push({ time, row });
      while (p.history.length > preceding + 1) p.history.shift();
      out.push([...row, ...this.aggregate(p.history.map((h) => h.row))]);
    }
  }

  stateTables() {
    return [this.partitions];
  }

  /** The watermark: it decides which rows are late (unbounded frames). */
  snapshotFields(): { watermark: number } {
    return { watermark: this.wm.value };
  }

  restoreFields(fields: unknown): void {
    this.wm.restore((fields as { watermark: number }).watermark);
  }

  private accumulate(accs: unknown[], row: Row): void {
    this.aggs.forEach((a, i) => {
      if (a.filter === undefined || row[a.filter] === true) accs[i] = a.fn.accumulate(accs[i], a.args.map((x) => row[x]));
    });
  }

  /** Aggregates over a bounded frame, recomputed (the frame holds at most `preceding` rows or time). */
  private aggregate(frame: readonly Row[]): unknown[] {
    const accs = this.aggs.map((a) => a.fn.createAccumulator());
    for (const row of frame) this.accumulate(accs, row);
    return this.aggs.map((a, i) => a.fn.getValue(accs[i]));
  }
}
