import type { JoinType } from '../../planner/logical/plan-node.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { KeyedStateTable, type StateTtl } from '../state/keyed-state-table.js';
import { WatermarkValve } from '../time/watermark-valve.js';
import { ChangeBuffer } from './change-buffer.js';
import type { Operator, Output } from './operator.js';

/** One stored input row: how many identical copies, and (outer sides) how many other-side rows it matches. */
interface Entry {
  readonly row: Row;
  readonly id: HashKey;
  count: number;
  associations: number;
}

export interface JoinSide {
  /** The equi-join key of a row of this side. */
  readonly keyOf: (row: Row) => HashKey;
  readonly width: number;
}

/**
 * Regular joins over changelogs (Flink's StreamingJoinOperator and, for SEMI / ANTI,
 * StreamingSemiAntiJoinOperator): each side's rows are kept per join key; a row is joined with
 * the other side's matching rows when it arrives or is retracted. Inner joins forward the input's
 * row kind; outer joins emit +I/-D and keep, per row of an outer side, how many rows it matches so
 * the NULL-padded row is retracted on its first match and restored after its last.
 */
export class StreamingJoinOperator implements Operator {
  private readonly state: [KeyedStateTable<Entry[]>, KeyedStateTable<Entry[]>];
  private readonly outer: readonly [boolean, boolean];
  private readonly valve = new WatermarkValve(2);

  constructor(
    readonly name: string,
    private readonly joinType: JoinType,
    private readonly sides: readonly [JoinSide, JoinSide],
    /** The non-key part of the condition over [left…, right…]. */
    private readonly matches: (joined: Row) => boolean,
    private readonly rowId: readonly [(row: Row) => HashKey, (row: Row) => HashKey],
    private readonly out: Output,
    /** Per input: a STATE_TTL hint may give the sides different time-to-live. */
    ttl: readonly [StateTtl?, StateTtl?] = [],
  ) {
    this.state = [new KeyedStateTable('join-left-records', undefined, ttl[0]), new KeyedStateTable('join-right-records', undefined, ttl[1])];
    this.outer = [joinType === 'LEFT' || joinType === 'FULL', joinType === 'RIGHT' || joinType === 'FULL'];
  }

  processChunk(chunk: Chunk, input: number): void | Promise<void> {
    const changes = new ChangeBuffer();
    const emit = changes.add;
    chunk.rows.forEach((row, i) => {
      const kind = chunk.kinds?.[i] ?? RowKind.INSERT;
      if (this.joinType === 'SEMI' || this.joinType === 'ANTI') this.semiAnti(row, kind, input, emit);
      else this.join(row, kind, input, emit);
    });
    return changes.emitTo(this.out);
  }

  private join(row: Row, kind: RowKind, input: number, emit: (k: RowKind, r: Row) => void): void {
    const other = 1 - input;
    const inputOuter = this.outer[input]!;
    const otherOuter = this.outer[other]!;
    const key = this.sides[input]!.keyOf(row);
    const joined = (mine: Row, theirs: Row) => (input === 0 ? [...mine, ...theirs] : [...theirs, ...mine]);
    const padded = (r: Row, side: number) => (side === 0 ? [...r, ...this.nulls(1)] : [...this.nulls(0), ...r]);
    const matched = this.matching(row, input, key);
    const copies = matched.reduce((n, m) => n + m.count, 0);
    // As Flink: every copy of a matched row is joined (and its NULL-padded row retracted or restored);
    // an outer row's association count moves by one per arriving or retracted row of the other side.
    if (kind === RowKind.INSERT || kind === RowKind.UPDATE_AFTER) {
      this.add(input, key, row, inputOuter ? copies : 0);
      if (inputOuter && copies === 0) return emit(RowKind.INSERT, padded(row, input));
      for (const m of matched) {
        for (let c = 0; c < m.count; c++) {
          if (otherOuter && m.associations === 0) emit(RowKind.DELETE, padded(m.row, other));
          emit(inputOuter || otherOuter ? RowKind.INSERT : kind, joined(row, m.row));
        }
        if (otherOuter) m.associations++;
      }
      return;
    }
    this.retract(input, key, row);
    if (copies === 0) {
      if (inputOuter) emit(RowKind.DELETE, padded(row, input));
      return;
    }
    for (const m of matched) {
      for (let c = 0; c < m.count; c++) {
        emit(inputOuter ? RowKind.DELETE : kind, joined(row, m.row));
        if (otherOuter && m.associations === 1) emit(RowKind.INSERT, padded(m.row, other));
      }
      if (otherOuter) m.associations--;
    }
  }

  /** SEMI / ANTI: the left row is in the result while it has (SEMI) or lacks (ANTI) a match. */
  private semiAnti(row: Row, kind: RowKind, input: number, emit: (k: RowKind, r: Row) => void): void {
    const semi = this.joinType === 'SEMI';
    const accumulate = kind === RowKind.INSERT || kind === RowKind.UPDATE_AFTER;
    const key = this.sides[input]!.keyOf(row);
    const matched = this.matching(row, input, key);
    const copies = matched.reduce((n, m) => n + m.count, 0);
    if (input === 0) {
      if (accumulate) this.add(0, key, row, copies);
      else this.retract(0, key, row);
      if ((copies > 0) === semi) emit(kind, row);
      return;
    }
    if (accumulate) this.add(1, key, row, 0);
    else this.retract(1, key, row);
    for (const left of matched) {
      const flips = accumulate ? left.associations++ === 0 : --left.associations === 0;
      const flipKind = accumulate === semi ? RowKind.INSERT : RowKind.DELETE;
      if (flips) for (let c = 0; c < left.count; c++) emit(flipKind, left.row);
    }
  }

  /** The other side's stored rows (with their copy counts) that join with `row`. */
  private matching(row: Row, input: number, key: HashKey): Entry[] {
    const other = 1 - input;
    return (this.state[other]!.get(key) ?? []).filter((e) => this.matches(input === 0 ? [...row, ...e.row] : [...e.row, ...row]));
  }

  private add(side: number, key: HashKey, row: Row, associations: number): void {
    const id = this.rowId[side]!(row);
    const list = this.state[side]!.get(key) ?? [];
    const e = list.find((x) => x.id === id);
    if (e) e.count++;
    else list.push({ row, id, count: 1, associations });
    this.state[side]!.set(key, list);
  }

  private retract(side: number, key: HashKey, row: Row): void {
    const id = this.rowId[side]!(row);
    const list = this.state[side]!.get(key);
    const at = list?.findIndex((x) => x.id === id) ?? -1;
    if (!list || at < 0) return;
    if (--list[at]!.count === 0) list.splice(at, 1);
    if (list.length === 0) this.state[side]!.delete(key);
    else this.state[side]!.set(key, list);
  }

  private nulls(side: number): null[] {
    return new Array<null>(this.sides[side]!.width).fill(null);
  }

  /** Watermarks pass on as the minimum over both inputs (the output has no time attribute). */
  processWatermark(watermark: number, input: number): void | Promise<void> {
    const advanced = this.valve.update(input, watermark);
    if (advanced !== undefined) return this.out.emitWatermark(advanced);
  }

  setInputIdle(input: number, idle: boolean): void | Promise<void> {
    const advanced = this.valve.setIdle(input, idle);
    if (advanced !== undefined) return this.out.emitWatermark(advanced);
  }

  stateTables() {
    return this.state;
  }
}
