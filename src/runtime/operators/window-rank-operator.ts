import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import type { Timestamp } from '../../types/values.js';
import type { Operator, Output } from './operator.js';
import { KeyedStateTable } from '../state/keyed-state-table.js';
import { TimerQueue } from '../state/timer-queue.js';
import type { TimeShift } from '../windows/time-shift.js';
import { OperatorWatermark } from '../time/operator-watermark.js';

export interface WindowRankSpec {
  readonly rankFunction: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK';
  readonly limit: number;
  readonly keepLast: boolean;
  /** When a window's rows can be ranked: the watermark value its end maps to. */
  readonly triggerOf: (row: Row) => number;
  readonly partitionOf: (row: Row) => HashKey;
  /** Compares two rows by the ORDER BY keys (directions applied). */
  readonly compare: (a: Row, b: Row) => number;
}

/**
 * Window Top-N / deduplication (Flink's WindowRankOperator, WindowDeduplicateOperator): rows wait
 * per window and partition until the window closes, then are ranked (stable: equal keys keep
 * arrival order, or the latest arrival first for keep-last deduplication) and those ranked
 * within the limit are emitted with their rank. Rows of a window that already closed are late.
 */
export class WindowRankOperator implements Operator {
  numLateRecordsDropped = 0;
  private readonly wm = new OperatorWatermark();
  /** Partition → window trigger time → its rows in arrival order. */
  private readonly buffer = new KeyedStateTable<Map<number, Row[]>>('window-rank-buffer');
  private readonly timers = new TimerQueue('window-rank-timers');

  metrics(): Readonly<Record<string, number>> {
    return { numLateRecordsDropped: this.numLateRecordsDropped };
  }

  constructor(
    readonly name: string,
    private readonly spec: WindowRankSpec,
    private readonly out: Output,
  ) {}

  processChunk(chunk: Chunk): void {
    chunk.rows.forEach((row, i) => {
      if (chunk.kinds && chunk.kinds[i] !== RowKind.INSERT) {
        throw new RuntimeError(`${this.name} received an update; window Top-N needs an insert-only input.`);
      }
      const trigger = this.spec.triggerOf(row);
      if (trigger <= this.wm.value) {
        this.numLateRecordsDropped++;
        return;
      }
      const key = this.spec.partitionOf(row);
      let windows = this.buffer.get(key);
      if (!windows) this.buffer.set(key, (windows = new Map()));
      const rows = windows.get(trigger);
      if (rows) rows.push(row);
      else {
        windows.set(trigger, [row]);
        this.timers.register(trigger, key);
      }
    });
  }

  async processWatermark(watermark: number): Promise<void> {
    const step = this.wm.step(watermark);
    if (step === 'ignore') return;
    if (step === 'repeat') return this.out.emitWatermark(watermark);
    const out: Row[] = [];
    for (const [t, keys] of this.timers.due(watermark)) {
      for (const key of keys) {
        const windows = this.buffer.get(key)!;
        this.rank(windows.get(t)!, out);
        windows.delete(t);
        if (windows.size === 0) this.buffer.delete(key);
      }
    }
    if (out.length > 0) await this.out.emit({ rows: out, kinds: null });
    await this.out.emitWatermark(watermark);
  }

  stateTables() {
    return [this.buffer, this.timers];
  }

  /** The watermark: it decides which rows are late. */
  snapshotFields(): { watermark: number } {
    return { watermark: this.wm.value };
  }

  restoreFields(fields: unknown): void {
    this.wm.restore((fields as { watermark: number }).watermark);
  }

  private rank(rows: Row[], out: Row[]): void {
    const { compare, limit, rankFunction } = this.spec;
    const sorted = (this.spec.keepLast ? [...rows].reverse() : rows.slice()).sort(compare);
    let rank = 0;
    let dense = 0;
    for (let i = 0; i < sorted.length; i++) {
      const tie = i > 0 && compare(sorted[i - 1]!, sorted[i]!) === 0;
      if (!tie) {
        rank = i + 1;
        dense++;
      }
      const value = rankFunction === 'ROW_NUMBER' ? i + 1 : rankFunction === 'RANK' ? rank : dense;
      if (value > limit) {
        if (rankFunction === 'ROW_NUMBER' || rankFunction === 'RANK') break;
        continue;
      }
      out.push([...sorted[i]!, BigInt(value)]);
    }
  }
}

/** The watermark at which a row's window closes: from its window_end, shifted like the window operators. */
export function windowTrigger(windowEndIndex: number, shift: TimeShift): (row: Row) => number {
  return (row) => shift.triggerTime((row[windowEndIndex] as Timestamp).millis);
}
