import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { KeyedStateTable, type StateTtl } from '../state/keyed-state-table.js';
import type { Operator, Output } from './operator.js';
import type { BoundAggregate, GroupingSet } from './window-aggregate-operator.js';

interface GroupState {
  readonly key: readonly unknown[];
  readonly set: GroupingSet;
  readonly accs: unknown[];
  /** Rows in the group (Flink's hidden count1): the group is gone when it reaches 0. */
  count: number;
  /** The last result emitted for the group, and its identity for change detection. */
  previous?: Row;
  previousKey?: HashKey;
}

/**
 * Group aggregation over a changelog (Flink's GroupAggFunction, per record): +I/+U rows are
 * accumulated, -U/-D rows retracted. The group's first result is emitted as +I; a changed
 * result as -U(old) +U(new) (-U only when downstream needs update-befores); an unchanged result
 * emits nothing; when the last row of a group is retracted, -D(old) and the state goes. A
 * retraction for a group without state is ignored, as in Flink.
 */
export class GroupAggregateOperator implements Operator {
  private readonly state: KeyedStateTable<GroupState>;
  private readonly argBuffers: unknown[][];

  constructor(
    readonly name: string,
    private readonly sets: readonly GroupingSet[],
    private readonly aggs: readonly BoundAggregate[],
    /** Identity of an output row, to detect unchanged results. */
    private readonly rowKey: (row: Row) => HashKey,
    private readonly updateBefore: boolean,
    private readonly out: Output,
    ttl?: StateTtl,
  ) {
    this.state = new KeyedStateTable<GroupState>('group-aggregate', undefined, ttl);
    this.argBuffers = aggs.map((a) => new Array<unknown>(a.args.length));
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    const rows: Row[] = [];
    const kinds: RowKind[] = [];
    const emit = (kind: RowKind, row: Row) => {
      rows.push(row);
      kinds.push(kind);
    };
    chunk.rows.forEach((row, i) => {
      const kind = chunk.kinds?.[i] ?? RowKind.INSERT;
      const retract = kind === RowKind.UPDATE_BEFORE || kind === RowKind.DELETE;
      for (const set of this.sets) this.apply(row, retract, set, emit);
    });
    if (rows.length > 0) return this.out.emit({ rows, kinds });
  }

  private apply(row: Row, retract: boolean, set: GroupingSet, emit: (kind: RowKind, row: Row) => void): void {
    const hash = set.keyOf(row);
    let st = this.state.get(hash);
    if (!st) {
      if (retract) return;
      this.state.set(hash, (st = { key: set.keyValues(row), set, accs: this.aggs.map((a) => a.fn.createAccumulator()), count: 0 }));
    }
    for (let a = 0; a < this.aggs.length; a++) {
      const agg = this.aggs[a]!;
      if (agg.grouping || (agg.filter !== undefined && row[agg.filter] !== true)) continue;
      const args = this.argBuffers[a]!;
      for (let j = 0; j < args.length; j++) args[j] = row[agg.args[j]!];
      if (!retract) st.accs[a] = agg.fn.accumulate(st.accs[a], args);
      else if (agg.fn.retract) st.accs[a] = agg.fn.retract(st.accs[a], args);
      else throw new RuntimeError(`${this.name}: an aggregate cannot retract, but its input contains updates or deletes.`);
    }
    st.count += retract ? -1 : 1;
    this.state.set(hash, st); // a write: refreshes the state's time-to-live
    if (st.count <= 0) {
      if (st.previous) emit(RowKind.DELETE, st.previous);
      this.state.delete(hash);
      return;
    }
    const result: Row = [...st.key, ...this.aggs.map((a, i) => (a.grouping ? a.grouping(st.set) : a.fn.getValue(st.accs[i])))];
    const resultKey = this.rowKey(result);
    if (!st.previous) emit(RowKind.INSERT, result);
    else if (resultKey !== st.previousKey) {
      if (this.updateBefore) emit(RowKind.UPDATE_BEFORE, st.previous);
      emit(RowKind.UPDATE_AFTER, result);
    } else return;
    st.previous = result;
    st.previousKey = resultKey;
  }

  processWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark);
  }

  stateTables() {
    return [this.state];
  }
}
