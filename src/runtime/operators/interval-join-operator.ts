import type { JoinType } from '../../planner/logical/plan-node.js';
import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import type { Timestamp } from '../../types/values.js';
import { KeyedStateTable } from '../state/keyed-state-table.js';
import { MinHeap } from '../state/min-heap.js';
import { WatermarkValve, type ValveState } from '../time/watermark-valve.js';
import type { Operator, Output } from './operator.js';

interface Buffered {
  readonly row: Row;
  readonly time: number;
  matched: boolean;
  /** Arrival order over both sides: rebuilds the expiry heaps' order on restore. */
  readonly seq: number;
}

export interface IntervalJoinSpec {
  readonly joinType: JoinType;
  readonly keyOf: readonly [(row: Row) => HashKey, (row: Row) => HashKey];
  readonly timeIndex: readonly [number, number];
  /** lower <= leftTime - rightTime <= upper. */
  readonly lower: number;
  readonly upper: number;
  readonly widths: readonly [number, number];
  /** The whole join condition over [left…, right…]. */
  readonly matches: (joined: Row) => boolean;
}

/**
 * Event-time interval join (Flink's RowTimeIntervalJoin): a row joins, as it arrives, with the
 * other side's buffered rows in its time range (insert-only output). A row stays buffered while
 * the watermark can still bring rows it may match; when it leaves, an outer side's row that never
 * matched is emitted NULL-padded. Rows that can no longer match anything are late and dropped.
 */
export class IntervalJoinOperator implements Operator {
  numLateRecordsDropped = 0;
  private readonly buffers = [new KeyedStateTable<Buffered[]>('interval-join-left'), new KeyedStateTable<Buffered[]>('interval-join-right')] as const;
  private readonly valve = new WatermarkValve(2, (w) => this.expire(w), (w) => this.emitWatermark(w));
  /** Per side: when each buffered row's key must be looked at again (its expiry), so expiry never scans all state. */
  private readonly expiries = [new MinHeap<HashKey>(), new MinHeap<HashKey>()] as const;
  private readonly outer: readonly [boolean, boolean];
  private nextSeq = 0;

  constructor(
    readonly name: string,
    private readonly spec: IntervalJoinSpec,
    private readonly out: Output,
  ) {
    this.outer = [spec.joinType === 'LEFT' || spec.joinType === 'FULL', spec.joinType === 'RIGHT' || spec.joinType === 'FULL'];
  }

  /** The latest time a row of `side` at `time` can still be matched by the other side (left: t - lower). */
  private expiry(side: number, time: number): number {
    return side === 0 ? time - this.spec.lower : time + this.spec.upper;
  }

  processChunk(chunk: Chunk, input: number): void | Promise<void> {
    const rows: Row[] = [];
    const other = 1 - input;
    chunk.rows.forEach((row, i) => {
      if (chunk.kinds && chunk.kinds[i] !== RowKind.INSERT) throw new RuntimeError(`${this.name}: interval joins need insert-only inputs.`);
      const ts = row[this.spec.timeIndex[input]!] as Timestamp | null;
      if (ts === null || this.expiry(input, ts.millis) < this.valve.watermark) {
        this.numLateRecordsDropped++;
        return;
      }
      const t = ts.millis;
      const entry: Buffered = { row, time: t, matched: false, seq: this.nextSeq++ };
      const key = this.spec.keyOf[input]!(row);
      for (const o of this.buffers[other].get(key) ?? []) {
        const diff = input === 0 ? t - o.time : o.time - t;
        if (diff < this.spec.lower || diff > this.spec.upper) continue;
        const joined = input === 0 ? [...row, ...o.row] : [...o.row, ...row];
        if (!this.spec.matches(joined)) continue;
        entry.matched = o.matched = true;
        rows.push(joined);
      }
      const list = this.buffers[input].get(key) ?? [];
      list.push(entry);
      this.buffers[input].set(key, list);
      this.expiries[input]!.push(this.expiry(input, t), key);
    });
    if (rows.length > 0) return this.out.emit({ rows, kinds: null });
  }

  processWatermark(watermark: number, input: number): void | Promise<void> {
    return this.valve.update(input, watermark);
  }

  setInputIdle(input: number, idle: boolean): void | Promise<void> {
    return this.valve.setIdle(input, idle);
  }

  /** Drops rows the watermark has passed; unmatched rows of an outer side come out NULL-padded. */
  private async expire(watermark: number): Promise<void> {
    const rows: Row[] = [];
    for (const side of [0, 1] as const) {
      for (const key of new Set(this.expiries[side].popBelow(watermark))) {
        const list = this.buffers[side].get(key);
        if (!list) continue;
        const keep = list.filter((e) => {
          if (this.expiry(side, e.time) >= watermark) return true;
          if (this.outer[side] && !e.matched) rows.push(side === 0 ? [...e.row, ...this.nulls(1)] : [...this.nulls(0), ...e.row]);
          return false;
        });
        if (keep.length === 0) this.buffers[side].delete(key);
        else this.buffers[side].set(key, keep);
      }
    }
    if (rows.length > 0) await this.out.emit({ rows, kinds: null });
    await this.emitWatermark(watermark);
  }

  /** Output rows carry either side's time, so the watermark is held back by the wider side's range. */
  private emitWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark - Math.max(-this.spec.lower, this.spec.upper, 0));
  }

  private nulls(side: number): null[] {
    return new Array<null>(this.spec.widths[side]!).fill(null);
  }

  metrics(): Readonly<Record<string, number>> {
    return { numLateRecordsDropped: this.numLateRecordsDropped };
  }

  stateTables() {
    return [...this.buffers];
  }

  /** The valve's per-input watermarks: late rows and expiry depend on them. */
  snapshotFields(): ValveState {
    return this.valve.snapshot();
  }

  /**
   * After the buffers are restored: the expiry heaps are derived from them, pushed in arrival
   * order so rows expiring at the same time come out as they would have.
   */
  restoreFields(fields: unknown): void {
    this.valve.restore(fields as ValveState);
    for (const side of [0, 1] as const) {
      const live: [Buffered, HashKey][] = [];
      for (const [key, list] of this.buffers[side].entries()) for (const e of list) live.push([e, key]);
      live.sort((a, b) => a[0].seq - b[0].seq);
      for (const [e, key] of live) {
        this.expiries[side].push(this.expiry(side, e.time), key);
        this.nextSeq = Math.max(this.nextSeq, e.seq + 1);
      }
    }
  }
}
