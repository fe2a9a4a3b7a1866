import { RowFolder } from './row-folder.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { KeyedStateTable, type StateTtl } from '../state/keyed-state-table.js';
import { MiniBatchTrigger, type MiniBatch } from './mini-batch.js';
import { ChangeBuffer } from './change-buffer.js';
import type { Operator, Output } from './operator.js';
import type { BoundAggregate, GroupingSet } from './window-aggregate-operator.js';

/** Plain data (checkpoints encode it): the grouping set by its index in the operator's list. */
interface GroupState {
  readonly key: readonly unknown[];
  readonly set: number;
  readonly accs: unknown[];
  /** Rows in the group (Flink's hidden count1): the group is gone when it reaches 0. */
  count: number;
}

/** What a group aggregation computes and how it emits. */
export interface GroupAggregateSpec {
  readonly sets: readonly GroupingSet[];
  readonly aggs: readonly BoundAggregate[];
  /** Whether two results of the same group are equal (an unchanged result emits nothing). */
  readonly sameResult: (a: Row, b: Row) => boolean;
  readonly updateBefore: boolean;
  readonly ttl?: StateTtl | undefined;
  readonly miniBatch?: MiniBatch | undefined;
  /**
   * The global phase of two-phase aggregation: input rows are a local phase's [keys…,
   * accumulators…, count1] (aggregate args name the accumulator columns), merged into the state.
   */
  readonly countColumn?: number;
}

/**
 * Group aggregation over a changelog (Flink's GroupAggFunction, per record): +I/+U rows are
 * accumulated, -U/-D rows retracted. The group's first result is emitted as +I; a changed
 * result as -U(old) +U(new) (-U only when downstream needs update-befores); an unchanged result
 * emits nothing; when the last row of a group is retracted, -D(old) and the state goes. A
 * retraction for a group without state is ignored, as in Flink.
 *
 * With mini-batch (Flink's MiniBatchGroupAggFunction) rows are still accumulated as they come,
 * but results are emitted once per touched group when the batch ends: after `size` rows, after
 * `allow-latency` of processing time, on a watermark and at the end of input. A group created and
 * emptied within one batch emits nothing.
 */
export class GroupAggregateOperator implements Operator {
  private readonly state: KeyedStateTable<GroupState>;
  private readonly sets: readonly GroupingSet[];
  private readonly aggs: readonly BoundAggregate[];
  private readonly folder: RowFolder;
  /** Mini-batch: groups touched since the last flush, in first-touch order, with their result before it. */
  private readonly touched = new Map<HashKey, Row | undefined>();
  private readonly trigger: MiniBatchTrigger | undefined;

  constructor(
    readonly name: string,
    private readonly spec: GroupAggregateSpec,
    private readonly out: Output,
  ) {
    this.sets = spec.sets;
    this.aggs = spec.aggs;
    this.state = new KeyedStateTable<GroupState>('group-aggregate', undefined, spec.ttl);
    this.folder = new RowFolder(name, spec.aggs);
    this.trigger = spec.miniBatch ? new MiniBatchTrigger(spec.miniBatch, () => this.flush()) : undefined;
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    const changes = new ChangeBuffer();
    const emit = changes.add;
    const batch = this.trigger;
    chunk.rows.forEach((row, i) => {
      const kind = chunk.kinds?.[i] ?? RowKind.INSERT;
      const retract = kind === RowKind.UPDATE_BEFORE || kind === RowKind.DELETE;
      for (let set = 0; set < this.sets.length; set++) {
        const hash = this.sets[set]!.keyOf(row);
        const st = this.state.get(hash);
        // The result before this row (or batch) is what was last emitted: recomputed from the
        // accumulators rather than kept per group, so state holds only accumulators.
        if (batch && !this.touched.has(hash)) this.touched.set(hash, this.resultOf(st));
        const prev = batch ? undefined : this.resultOf(st);
        const next = this.accumulate(row, retract, set, hash, st);
        if (!batch && next) this.emitChange(hash, next, prev, emit);
      }
      if (batch?.add()) this.endBatch(emit);
    });
    return changes.emitTo(this.out);
  }

  /** Ends a mini-batch: one change per touched group. */
  private endBatch(emit: (kind: RowKind, row: Row) => void): void {
    this.trigger?.reset();
    for (const [hash, prev] of this.touched) {
      const st = this.state.get(hash);
      if (st) this.emitChange(hash, st, prev, emit);
    }
    this.touched.clear();
  }

  private flush(): void | Promise<void> {
    const changes = new ChangeBuffer();
    this.endBatch(changes.add);
    return changes.emitTo(this.out);
  }

  /** Applies a row to its group's accumulators; the group's state, or undefined if the row is ignored. */
  private accumulate(row: Row, retract: boolean, set: number, hash: HashKey, st: GroupState | undefined): GroupState | undefined {
    if (!st || st.count <= 0) {
      if (retract) return undefined;
      st ??= { key: this.sets[set]!.keyValues(row), set, accs: [], count: 0 };
      st.accs.splice(0, st.accs.length, ...this.aggs.map((a) => a.fn.createAccumulator()));
    }
    if (this.spec.countColumn !== undefined) this.merge(row, st, this.spec.countColumn);
    else {
      this.folder.fold(st.accs, row, retract);
      st.count += retract ? -1 : 1;
    }
    this.state.set(hash, st); // a write: refreshes the state's time-to-live
    return st;
  }

  /** The global phase: merges a local phase's accumulators and row count into the group. */
  private merge(row: Row, st: GroupState, countColumn: number): void {
    for (let a = 0; a < this.aggs.length; a++) st.accs[a] = this.aggs[a]!.fn.merge(st.accs[a], row[this.aggs[a]!.args[0]!]);
    st.count += Number(row[countColumn]);
  }

  /** The group's current result row, or undefined when it has none (no rows). */
  private resultOf(st: GroupState | undefined): Row | undefined {
    if (!st || st.count <= 0) return undefined;
    const row: Row = st.key.slice();
    for (let i = 0; i < this.aggs.length; i++) {
      const a = this.aggs[i]!;
      row.push(a.grouping ? a.grouping(this.sets[st.set]!) : a.fn.getValue(st.accs[i]));
    }
    return row;
  }

  /** Emits how the group's result changed from `prev`, the result last emitted. */
  private emitChange(hash: HashKey, st: GroupState, prev: Row | undefined, emit: (kind: RowKind, row: Row) => void): void {
    const result = this.resultOf(st);
    if (!result) {
      if (prev) emit(RowKind.DELETE, prev);
      this.state.delete(hash);
    } else if (!prev) emit(RowKind.INSERT, result);
    else if (!this.spec.sameResult(prev, result)) {
      if (this.spec.updateBefore) emit(RowKind.UPDATE_BEFORE, prev);
      emit(RowKind.UPDATE_AFTER, result);
    }
  }

  async processWatermark(watermark: number): Promise<void> {
    if (this.trigger) await this.flush();
    await this.out.emitWatermark(watermark);
  }

  finish(): void | Promise<void> {
    if (this.trigger) return this.flush();
  }

  /**
   * Mini-batch: ends the batch, so no group's "result before the batch" is left outside the
   * state (the accumulators are in it already).
   */
  prepareSnapshot(): void | Promise<void> {
    if (this.trigger) return this.flush();
  }

  close(): void {
    this.trigger?.close();
  }

  stateTables() {
    return [this.state];
  }
}
