import type { JoinType } from '../../planner/logical/plan-node.js';
import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { Operator, Output } from './operator.js';
import { WatermarkValve, type ValveState } from '../time/watermark-valve.js';
import { KeyedStateTable } from '../state/keyed-state-table.js';

interface WindowRows {
  readonly left: Row[];
  readonly right: Row[];
}

/**
 * Window join (Flink's WindowJoinOperator): each input's rows wait in their window (by window_end)
 * until the watermark of both inputs passes its end; then the window's rows are joined with the
 * condition and emitted — INNER, LEFT/RIGHT/FULL with NULL padding, SEMI and ANTI. Rows arriving
 * for a closed window are late and dropped.
 */
export class WindowJoinOperator implements Operator {
  numLateRecordsDropped = 0;
  private readonly valve = new WatermarkValve(2, (w) => this.advanceTo(w), (w) => this.out.emitWatermark(w));
  /** Window (by its trigger watermark) → rows of each side. Keyed by window until joins partition by key. */
  private readonly windows = new KeyedStateTable<WindowRows>('window-join-buffer');

  metrics(): Readonly<Record<string, number>> {
    return { numLateRecordsDropped: this.numLateRecordsDropped };
  }

  constructor(
    readonly name: string,
    private readonly joinType: JoinType,
    /** The join condition over left columns followed by right columns. */
    private readonly matches: (row: Row) => boolean,
    /** The watermark at which each side's row's window closes. */
    private readonly triggers: readonly [(row: Row) => number, (row: Row) => number],
    private readonly widths: readonly [number, number],
    private readonly out: Output,
  ) {}

  processChunk(chunk: Chunk, input: number): void {
    const side = input === 0 ? 'left' : 'right';
    chunk.rows.forEach((row, i) => {
      if (chunk.kinds && chunk.kinds[i] !== RowKind.INSERT) {
        throw new RuntimeError(`${this.name} received an update; window joins need insert-only inputs.`);
      }
      const trigger = this.triggers[input]!(row);
      if (trigger <= this.valve.watermark) {
        this.numLateRecordsDropped++;
        return;
      }
      let w = this.windows.get(trigger);
      if (!w) this.windows.set(trigger, (w = { left: [], right: [] }));
      w[side].push(row);
    });
  }

  processWatermark(watermark: number, input: number): void | Promise<void> {
    return this.valve.update(input, watermark);
  }

  setInputIdle(input: number, idle: boolean): void | Promise<void> {
    return this.valve.setIdle(input, idle);
  }

  private async advanceTo(combined: number): Promise<void> {
    const due = [...this.windows].map(([t]) => t as number).filter((t) => t <= combined).sort((a, b) => a - b);
    const rows: Row[] = [];
    for (const t of due) {
      this.join(this.windows.get(t)!, rows);
      this.windows.delete(t);
    }
    if (rows.length > 0) await this.out.emit({ rows, kinds: null });
    await this.out.emitWatermark(combined);
  }

  stateTables() {
    return [this.windows];
  }

  /** The valve's per-input watermarks: late rows and the next output watermark depend on them. */
  snapshotFields(): ValveState {
    return this.valve.snapshot();
  }

  restoreFields(fields: unknown): void {
    this.valve.restore(fields as ValveState);
  }

  private join({ left, right }: WindowRows, out: Row[]): void {
    const [lw, rw] = this.widths;
    const leftNulls = new Array<unknown>(lw).fill(null);
    const rightNulls = new Array<unknown>(rw).fill(null);
    const rightMatched = new Array<boolean>(right.length).fill(false);
    for (const l of left) {
      let matched = false;
      for (let j = 0; j < right.length; j++) {
        const joined = [...l, ...right[j]!];
        if (!this.matches(joined)) continue;
        matched = true;
        rightMatched[j] = true;
        if (this.joinType === 'SEMI' || this.joinType === 'ANTI') break;
        out.push(joined);
      }
      if (this.joinType === 'SEMI' && matched) out.push(l);
      if (this.joinType === 'ANTI' && !matched) out.push(l);
      if (!matched && (this.joinType === 'LEFT' || this.joinType === 'FULL')) out.push([...l, ...rightNulls]);
    }
    if (this.joinType === 'RIGHT' || this.joinType === 'FULL') {
      right.forEach((r, j) => {
        if (!rightMatched[j]) out.push([...leftNulls, ...r]);
      });
    }
  }
}
