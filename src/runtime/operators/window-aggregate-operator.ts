import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import { RuntimeError } from '../../types/errors.js';
import { Timestamp } from '../../types/values.js';
import type { AggregateFunction } from '../aggregates/aggregate-function.js';
import type { SliceAssigner } from '../windows/slice-assigner.js';
import type { TimeShift } from '../windows/time-shift.js';
import type { Operator, Output } from './operator.js';
import { ClockTimer } from '../time/clock-timer.js';
import type { TaskLock } from '../task/task-lock.js';
import type { HashKey } from '../../types/value-hash.js';
import { KeyedStateTable } from '../state/keyed-state-table.js';
import { TimerQueue } from '../state/timer-queue.js';
import { OperatorWatermark } from '../time/operator-watermark.js';

/** One aggregate of the operator: the function, its argument columns and optional FILTER column. */
export interface BoundAggregate {
  readonly fn: AggregateFunction;
  readonly args: readonly number[];
  readonly filter?: number;
  /** GROUPING(…) / GROUPING_ID(…) / GROUP_ID(): a value of the row's grouping set, not of its rows. */
  readonly grouping?: (set: GroupingSet) => unknown;
}

/** One grouping set: how to key a row in it and which key values it keeps (others are NULL). */
export interface GroupingSet {
  readonly columns: readonly number[];
  keyOf(row: Row): HashKey;
  keyValues(row: Row): unknown[];
}

/** Plain data (checkpoints encode it): the grouping set by its index in the operator's list. */
interface KeyState {
  readonly key: readonly unknown[];
  readonly set: number;
  /** Slice end → one accumulator per aggregate. */
  readonly slices: Map<number, unknown[]>;
}

/**
 * Event-time window aggregation on slices (Flink's SlicingWindowOperator): rows are accumulated
 * into the slice of their rowtime, per key; when the watermark passes a window's end its slices
 * are merged and the result emitted, and slices no later window needs are dropped. Rows whose
 * last window has already fired are late: dropped and counted (numLateRecordsDropped). A late row
 * whose slice still belongs to an unfired window (HOP, CUMULATE) counts towards that window only.
 * State is O(keys × live slices). Processing-time windows fire when the clock passes their end.
 */
export class WindowAggregateOperator implements Operator {
  numLateRecordsDropped = 0;
  numNullRowtimeDropped = 0;
  private readonly wm = new OperatorWatermark();
  private readonly state = new KeyedStateTable<KeyState>('window-aggregate-slices');
  /** Window end → keys with data in it; fired in ascending order of end. */
  private readonly pending = new TimerQueue('window-aggregate-timers');

  metrics(): Readonly<Record<string, number>> {
    return { numLateRecordsDropped: this.numLateRecordsDropped, numNullRowtimeDropped: this.numNullRowtimeDropped };
  }

  constructor(
    readonly name: string,
    private readonly assigner: SliceAssigner,
    private readonly shift: TimeShift,
    private readonly timeIndex: number,
    private readonly sets: readonly GroupingSet[],
    private readonly aggs: readonly BoundAggregate[],
    private readonly out: Output,
    /** Processing-time windows: fire by this clock instead of by watermarks. */
    private readonly clock?: () => number,
    /** Global phase of two-phase aggregation: rows carry a slice end and accumulators to merge. */
    private readonly merging = false,
    /** The task's lock, so clock wake-ups wait for a checkpoint in progress. */
    lock?: TaskLock,
  ) {
    this.timer = clock ? new ClockTimer(clock, (now) => this.fireDue(now), lock) : undefined;
    this.argBuffers = aggs.map((a) => new Array<unknown>(a.args.length));
  }

  private readonly timer: ClockTimer | undefined;
  private readonly argBuffers: unknown[][];

  processChunk(chunk: Chunk): void | Promise<void> {
    this.accumulateChunk(chunk);
    if (this.clock) return this.fireDue(this.clock());
  }

  private accumulateChunk(chunk: Chunk): void {
    const { assigner, shift } = this;
    chunk.rows.forEach((row, i) => {
      if (chunk.kinds && chunk.kinds[i] !== RowKind.INSERT) {
        throw new RuntimeError(`${this.name} received an update (${chunk.kinds[i]}); window aggregation needs an insert-only input.`);
      }
      let sliceEnd: number;
      if (this.merging) sliceEnd = row[this.timeIndex] as number;
      else {
        const time = row[this.timeIndex] as Timestamp | null;
        if (time === null) {
          this.numNullRowtimeDropped++;
          return;
        }
        sliceEnd = assigner.sliceEnd(shift.toWindowTime(time.millis));
      }
      if (shift.triggerTime(assigner.lastWindowEnd(sliceEnd)) <= this.wm.value) {
        this.numLateRecordsDropped++;
        return;
      }
      for (let s = 0; s < this.sets.length; s++) this.accumulate(row, sliceEnd, s);
    });
  }

  private accumulate(row: Row, sliceEnd: number, setIndex: number): void {
    const set = this.sets[setIndex]!;
    const hash = set.keyOf(row);
    let ks = this.state.get(hash);
    if (!ks) this.state.set(hash, (ks = { key: set.keyValues(row), set: setIndex, slices: new Map() }));
    let accs = ks.slices.get(sliceEnd);
    if (!accs) {
      ks.slices.set(sliceEnd, (accs = this.aggs.map((a) => a.fn.createAccumulator())));
      for (const end of this.assigner.windowEndsOf(sliceEnd)) {
        if (this.shift.triggerTime(end) > this.wm.value) this.pending.register(end, hash);
      }
    }
    for (let a = 0; a < this.aggs.length; a++) {
      const agg = this.aggs[a]!;
      if (agg.grouping || (agg.filter !== undefined && row[agg.filter] !== true)) continue;
      if (this.merging) accs[a] = agg.fn.merge(accs[a], row[agg.args[0]!]);
      else {
        // One reused argument array per aggregate: functions read the values, never keep the array.
        const args = this.argBuffers[a]!;
        for (let i = 0; i < args.length; i++) args[i] = row[agg.args[i]!];
        accs[a] = agg.fn.accumulate(accs[a], args);
      }
    }
  }

  async processWatermark(watermark: number): Promise<void> {
    if (this.clock) return this.out.emitWatermark(watermark);
    const step = this.wm.step(watermark);
    if (step === 'ignore') return;
    if (step === 'repeat') return this.out.emitWatermark(watermark);
    await this.fireDue(watermark);
    await this.out.emitWatermark(watermark);
  }

  /** Fires every window whose end `time` (a watermark, or the clock for processing time) has passed. */
  private async fireDue(time: number): Promise<void> {
    this.wm.value = time;
    for (const [end, keys] of this.pending.due(time, (end) => this.shift.triggerTime(end))) {
      const rows = this.fire(end, keys);
      if (rows.length > 0) await this.out.emit({ rows, kinds: null });
    }
    // Processing time: wake up when the next window ends, also if no row arrives by then.
    this.timer?.schedule(this.pending.next((end) => this.shift.triggerTime(end)));
  }

  close(): void {
    this.timer?.clear();
  }

  stateTables() {
    return [this.state, this.pending];
  }

  /** The watermark (or, for processing time, the clock time last fired): it decides which rows are late. */
  snapshotFields(): { watermark: number } {
    return { watermark: this.wm.value };
  }

  restoreFields(fields: unknown): void {
    this.wm.restore((fields as { watermark: number }).watermark);
    // Processing time: the restored windows need their wake-up, also if no row arrives.
    this.timer?.schedule(this.pending.next((end) => this.shift.triggerTime(end)));
  }

  private fire(end: number, keys: ReadonlySet<HashKey>): Row[] {
    const slices = this.assigner.slicesOf(end);
    const start = Timestamp.ofMillis(this.assigner.windowStart(end));
    const windowEnd = Timestamp.ofMillis(end);
    const windowTime = this.shift.windowTime(end);
    const rows: Row[] = [];
    for (const hash of keys) {
      const ks = this.state.get(hash);
      if (!ks) continue;
      // A window of one slice (TUMBLE) is that slice's accumulators; others merge their slices.
      let merged = slices.length === 1 ? ks.slices.get(slices[0]!) : undefined;
      if (!merged) {
        merged = this.aggs.map((a) => a.fn.createAccumulator());
        for (const s of slices) {
          const accs = ks.slices.get(s);
          if (accs) for (let a = 0; a < this.aggs.length; a++) merged[a] = this.aggs[a]!.fn.merge(merged[a], accs[a]);
        }
      }
      const values = merged;
      rows.push([...ks.key, ...this.aggs.map((a, i) => (a.grouping ? a.grouping(this.sets[ks.set]!) : a.fn.getValue(values[i]))), start, windowEnd, windowTime]);
      // Slices whose last window has now fired are no longer needed.
      for (const s of slices) if (this.assigner.lastWindowEnd(s) <= end) ks.slices.delete(s);
      if (ks.slices.size === 0) this.state.delete(hash);
    }
    return rows;
  }
}
