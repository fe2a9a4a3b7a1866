import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { KeyedStateTable, type StateTtl } from '../state/keyed-state-table.js';
import { ChangeBuffer } from './change-buffer.js';
import type { Operator, Output } from './operator.js';

interface RowCounts {
  readonly row: Row;
  /** Copies of the row held by each input. */
  readonly counts: number[];
  /** Copies emitted so far. */
  emitted: number;
}

/** How many copies of a row the result holds, given each input's count. */
export type SetOpCount = (counts: readonly number[]) => number;

/** Distinct set operations: the result moves to its count with +I / -D rows. */
export const SET_OP_COUNTS: Record<string, SetOpCount> = {
  UNION: (c) => (c.some((n) => n > 0) ? 1 : 0),
  INTERSECT: (c) => (c[0]! > 0 && c[1]! > 0 ? 1 : 0),
  EXCEPT: (c) => (c[0]! > 0 && c[1]! <= 0 ? 1 : 0),
};

/**
 * INTERSECT ALL / EXCEPT ALL as Flink plans them (count per side, a filter, replicate_rows): every
 * change of the counts is an aggregate update (+I, -U/+U, -D) which, when the filter passes,
 * becomes that many copies of the row with the same kind.
 */
export const SET_OP_ALL_COPIES: Record<string, SetOpCount> = {
  'INTERSECT ALL': (c) => (c[0]! >= 1 && c[1]! >= 1 ? Math.min(c[0]!, c[1]!) : 0),
  'EXCEPT ALL': (c) => (c[0]! > c[1]! ? c[0]! - c[1]! : 0),
};

/**
 * UNION / INTERSECT / EXCEPT [ALL] over changelogs: per distinct row, the copies each input
 * holds (inserts count up, retractions down) and the copies emitted; after each input row the
 * result is moved to the count the operation calls for with +I or -D rows.
 */
export class SetOpOperator implements Operator {
  private readonly state: KeyedStateTable<RowCounts>;

  constructor(
    readonly name: string,
    private readonly inputs: number,
    private readonly resultCount: SetOpCount,
    private readonly rowKey: (row: Row) => HashKey,
    private readonly out: Output,
    /** ALL variants: emit Flink's aggregate-update changelog (see SET_OP_ALL_COPIES). */
    private readonly asUpdates = false,
    ttl?: StateTtl,
  ) {
    this.state = new KeyedStateTable<RowCounts>('set-operation', undefined, ttl);
  }

  processChunk(chunk: Chunk, input: number): void | Promise<void> {
    const changes = new ChangeBuffer();
    chunk.rows.forEach((row, i) => {
      const kind = chunk.kinds?.[i] ?? RowKind.INSERT;
      const key = this.rowKey(row);
      let st = this.state.get(key);
      const existed = st !== undefined;
      if (!st) this.state.set(key, (st = { row, counts: new Array<number>(this.inputs).fill(0), emitted: 0 }));
      const before = [...st.counts];
      st.counts[input]! += kind === RowKind.UPDATE_BEFORE || kind === RowKind.DELETE ? -1 : 1;
      this.state.set(key, st); // a write: refreshes the state's time-to-live
      if (this.asUpdates) {
        const copies = (k: RowKind, counts: readonly number[]) => {
          for (let n = this.resultCount(counts); n > 0; n--) changes.add(k, st!.row);
        };
        const gone = st.counts.every((n) => n <= 0);
        if (!existed) copies(RowKind.INSERT, st.counts);
        else if (gone) copies(RowKind.DELETE, before);
        else {
          copies(RowKind.UPDATE_BEFORE, before);
          copies(RowKind.UPDATE_AFTER, st.counts);
        }
        if (gone) this.state.delete(key);
        return;
      }
      const target = this.resultCount(st.counts);
      for (; st.emitted < target; st.emitted++) changes.add(RowKind.INSERT, st.row);
      for (; st.emitted > target; st.emitted--) changes.add(RowKind.DELETE, st.row);
      if (st.counts.every((n) => n === 0)) this.state.delete(key);
    });
    return changes.emitTo(this.out);
  }

  stateTables() {
    return [this.state];
  }
}
