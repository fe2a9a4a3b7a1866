import { RowFolder } from './row-folder.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { KeyedStateTable, type StateTtl } from '../state/keyed-state-table.js';
import { MiniBatchTrigger, type MiniBatch } from './mini-batch.js';
import { ChangeBuffer } from './change-buffer.js';
import { BatchGroups } from './batch-groups.js';
import type { Operator, Output } from './operator.js';
import type { BoundAggregate, GroupingSet } from './window-aggregate-operator.js';

/** Plain data (checkpoints encode it): the grouping set by its index in the operator's list. */
interface GroupState {
  readonly key: readonly unknown[];
  readonly set: number;
  accs: unknown[];
  /** Rows in the group (Flink's hidden count1): the group is gone when it reaches 0. */
  count: number;
}

/** A result row: the group's key, then its aggregate values (a loop: Array#concat runs in C++, slower). */
function rowOf(key: readonly unknown[], values: readonly unknown[]): Row {
  const n = key.length;
  const row = new Array<unknown>(n + values.length);
  for (let i = 0; i < n; i++) row[i] = key[i];
  for (let i = 0; i < values.length; i++) row[n + i] = values[i];
  return row;
}

/** A group touched in the current mini-batch: its state, and its aggregate values before the batch. */
interface Touched {
  st: GroupState | undefined;
  readonly before: unknown[] | undefined;
}

/** What a group aggregation computes and how it emits. */
export interface GroupAggregateSpec {
  readonly sets: readonly GroupingSet[];
  readonly aggs: readonly BoundAggregate[];
  /** Whether two lists of aggregate values of the same group are equal (an unchanged result emits nothing). */
  readonly sameValues: (a: readonly unknown[], b: readonly unknown[]) => boolean;
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
  /** Mini-batch: groups touched since the last flush, in first-touch order. */
  private readonly touched = new BatchGroups<Touched>();
  private readonly trigger: MiniBatchTrigger | undefined;
  /** Reused: a group's aggregate values before and after a row. */
  private readonly before: unknown[] = [];
  private readonly after: unknown[] = [];

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
    const { rows, kinds } = chunk;
    const batch = this.trigger;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const kind = kinds ? kinds[i]! : RowKind.INSERT;
      const retract = kind === RowKind.UPDATE_BEFORE || kind === RowKind.DELETE;
      for (let set = 0; set < this.sets.length; set++) {
        const hash = this.sets[set]!.keyOf(row);
        if (!batch) {
          this.applyRow(row, retract, set, hash, this.state.get(hash), changes.add);
          continue;
        }
        const t = this.touch(hash);
        t.st = this.accumulate(row, retract, set, hash, t.st) ?? t.st;
      }
      if (batch?.add()) this.endBatch(changes.add);
    }
    return changes.emitTo(this.out);
  }

  /** Without mini-batch: applies one row and emits how its group's result changed. */
  private applyRow(row: Row, retract: boolean, set: number, hash: HashKey, st: GroupState | undefined, emit: (kind: RowKind, row: Row) => void): void {
    const before = st !== undefined && st.count > 0 ? this.valuesOf(st, this.before) : undefined;
    const next = this.accumulate(row, retract, set, hash, st);
    if (next) this.emitChange(hash, next, before, emit);
  }

  /** The group's aggregate values, written into `into`. */
  private valuesOf(st: GroupState, into: unknown[]): unknown[] {
    for (let i = 0; i < this.aggs.length; i++) {
      const a = this.aggs[i]!;
      into[i] = a.grouping ? a.grouping(this.sets[st.set]!) : a.fn.getValue(st.accs[i]);
    }
    return into;
  }

  /**
   * Mini-batch: the group's entry in this batch. Its result before the batch is what was last
   * emitted: recomputed from the accumulators rather than kept per group, so state holds only
   * accumulators. The entry keeps the group's state, so the batch looks each group up once.
   */
  private touch(hash: HashKey): Touched {
    const t = this.touched.get(hash);
    if (t) return t;
    const st = this.state.get(hash);
    return this.touched.add(hash, { st, before: st !== undefined && st.count > 0 ? this.valuesOf(st, []) : undefined });
  }

  /** Ends a mini-batch: one change per touched group. */
  private endBatch(emit: (kind: RowKind, row: Row) => void): void {
    this.trigger?.reset();
    const { hashes, values } = this.touched.take();
    for (let i = 0; i < hashes.length; i++) {
      const t = values[i]!;
      if (t.st) this.emitChange(hashes[i]!, t.st, t.before, emit);
    }
  }

  private flush(): void | Promise<void> {
    const changes = new ChangeBuffer();
    this.endBatch(changes.add);
    return changes.emitTo(this.out);
  }

  /** Applies a row to its group's accumulators; the group's state, or undefined if the row is ignored. */
  private accumulate(row: Row, retract: boolean, set: number, hash: HashKey, st: GroupState | undefined): GroupState | undefined {
    const fresh = !st;
    if (!st || st.count <= 0) {
      if (retract) return undefined;
      // A new array of exactly the accumulators: refilling one in place leaves it with ~19 slots,
      // and 100 k groups' state then spills the CPU caches.
      const accs = this.aggs.map((a) => a.fn.createAccumulator());
      if (st) st.accs = accs;
      else st = { key: this.sets[set]!.keyValues(row), set, accs, count: 0 };
    }
    if (this.spec.countColumn !== undefined) this.merge(row, st, this.spec.countColumn);
    else {
      this.folder.fold(st.accs, row, retract);
      st.count += retract ? -1 : 1;
    }
    // A write: adds the group, or refreshes its time-to-live (an existing entry needs no write without one).
    if (fresh || this.spec.ttl) this.state.set(hash, st);
    return st;
  }

  /** The global phase: merges a local phase's accumulators and row count into the group. */
  private merge(row: Row, st: GroupState, countColumn: number): void {
    for (let a = 0; a < this.aggs.length; a++) st.accs[a] = this.aggs[a]!.fn.merge(st.accs[a], row[this.aggs[a]!.args[0]!]);
    st.count += Number(row[countColumn]);
  }

  /**
   * Emits how the group's result changed from its aggregate values `before` (those last emitted,
   * undefined if none). Rows are built only for what is emitted; values go through reused arrays.
   */
  private emitChange(hash: HashKey, st: GroupState, before: readonly unknown[] | undefined, emit: (kind: RowKind, row: Row) => void): void {
    if (st.count <= 0) {
      if (before) emit(RowKind.DELETE, rowOf(st.key, before));
      this.state.delete(hash);
    } else if (!before) emit(RowKind.INSERT, rowOf(st.key, this.valuesOf(st, this.after)));
    else if (!this.spec.sameValues(before, this.valuesOf(st, this.after))) {
      if (this.spec.updateBefore) emit(RowKind.UPDATE_BEFORE, rowOf(st.key, before));
      emit(RowKind.UPDATE_AFTER, rowOf(st.key, this.after));
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
