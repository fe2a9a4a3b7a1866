import type { JoinType } from '../../planner/logical/plan-node.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import type { StateTtl } from '../state/keyed-state-table.js';
import { WatermarkValve, type ValveState } from '../time/watermark-valve.js';
import { ChangeBuffer } from './change-buffer.js';
import { joinRecordView, type JoinInputLayout, type JoinRecord, type JoinRecordView } from './join-state-views.js';
import type { Operator, Output } from './operator.js';

export interface JoinSide {
  /** The equi-join key of a row of this side. */
  readonly keyOf: (row: Row) => HashKey;
  /** Whether a join-key column is NULL: such a row is stored but matches nothing (`=` is never true on NULL). */
  readonly nullKey: (row: Row) => boolean;
  readonly width: number;
  /** How this input's rows are identified, which decides its state layout (its EXPLAIN input spec). */
  readonly layout: JoinInputLayout;
}

type Emit = (kind: RowKind, row: Row) => void;

/**
 * Regular joins over changelogs (Flink 1.20's StreamingJoinOperator and, for SEMI / ANTI,
 * StreamingSemiAntiJoinOperator): each side's rows are kept per join key in the layout its input
 * spec allows (join-state-views.ts); a row is joined with the other side's matching rows when it
 * arrives or is retracted. Inner joins forward the input's row kind; outer joins emit +I/-D and
 * keep, per row of an outer side, how many rows it matches, so the NULL-padded row is retracted on
 * its first match and restored after its last.
 *
 * An input whose unique key contains the join key may send +U without -U (update-before
 * inference asks it to when nothing downstream needs -U): its layout replaces the stored row with
 * the same key, which joins exactly the rows the old one did (same join key), so its joined rows
 * replace the old ones downstream, as in Flink. Unlike Flink 1.20, the other side's association
 * counts stay as they were (Flink counts the new row as one more match, so a later delete never
 * restores the NULL-padded row: FLINK-40681); under a non-equi condition the old row is retracted
 * first (-D), as it may join other rows.
 */
export class StreamingJoinOperator implements Operator {
  private readonly views: readonly [JoinRecordView, JoinRecordView];
  private readonly outer: readonly [boolean, boolean];
  private readonly valve = new WatermarkValve(2, (w) => this.out.emitWatermark(w));

  constructor(
    readonly name: string,
    private readonly joinType: JoinType,
    private readonly sides: readonly [JoinSide, JoinSide],
    /** The non-equi part of the condition over [left…, right…]; undefined when there is none. */
    private readonly matches: ((joined: Row) => boolean) | undefined,
    private readonly out: Output,
    /** Per input: a STATE_TTL hint may give the sides different time-to-live. */
    ttl: readonly [StateTtl?, StateTtl?] = [],
  ) {
    this.views = [joinRecordView('join-left-records', sides[0].layout, ttl[0]), joinRecordView('join-right-records', sides[1].layout, ttl[1])];
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

  /** Flink's StreamingJoinOperator.processElement, in its order of emitted rows. */
  private join(row: Row, kind: RowKind, input: number, emit: Emit): void {
    const other = 1 - input;
    const inputOuter = this.outer[input]!;
    const otherOuter = this.outer[other]!;
    const key = this.sides[input]!.keyOf(row);
    const mine = this.views[input]!;
    // A +U without its -U (update-before inference dropped it) replaces a stored row. Under a
    // non-equi condition the old row may join other rows than the new one: retract it first (-D).
    let replacing = kind === RowKind.UPDATE_AFTER && mine.replaced(key, row) !== undefined;
    if (replacing && this.matches) {
      this.join(mine.replaced(key, row)!, RowKind.DELETE, input, emit);
      replacing = false;
    }
    const matched = this.matching(row, input, key);
    // Flink joins every stored copy of a matched row (NoUniqueKey keeps copies as a count).
    const copies = matched.reduce((n, m) => n + m.count, 0);
    const joinAll = (k: RowKind) => {
      for (const m of matched) for (let c = 0; c < m.count; c++) emit(k, input === 0 ? [...row, ...m.row] : [...m.row, ...row]);
    };
    if (kind === RowKind.INSERT || kind === RowKind.UPDATE_AFTER) {
      if (inputOuter && copies === 0) {
        emit(RowKind.INSERT, this.padded(row, input));
        mine.add(key, row, 0);
        return;
      }
      if (!inputOuter) mine.add(key, row, 0);
      // The other side's first match retracts its NULL-padded row (once per stored copy). A
      // replacing row matches what the row it replaces matched: the counts stay.
      if (otherOuter && !replacing) this.associate(matched, other, key, +1, RowKind.DELETE, emit);
      joinAll(inputOuter || otherOuter ? RowKind.INSERT : kind);
      if (inputOuter) mine.add(key, row, copies);
      return;
    }
    mine.retract(key, row);
    if (copies === 0) {
      if (inputOuter) emit(RowKind.DELETE, this.padded(row, input));
      return;
    }
    joinAll(inputOuter ? RowKind.DELETE : kind);
    // The other side's last match gone restores its NULL-padded row.
    if (otherOuter) this.associate(matched, other, key, -1, RowKind.INSERT, emit);
  }

  /**
   * Moves the association count of matched outer rows by one; a row passing 0 ↔ 1 sends its
   * NULL-padded row (retracted on +1, restored on -1), once per stored copy as Flink does.
   */
  private associate(matched: readonly JoinRecord[], side: number, key: HashKey, step: 1 | -1, kind: RowKind, emit: Emit): void {
    for (const m of matched) {
      if (m.associations === (step > 0 ? 0 : 1)) for (let c = 0; c < m.count; c++) emit(kind, this.padded(m.row, side));
      this.views[side]!.setAssociations(key, m, m.associations + step);
    }
  }

  /** SEMI / ANTI (Flink's StreamingSemiAntiJoinOperator): the left row is in the result while it has (SEMI) or lacks (ANTI) a match. */
  private semiAnti(row: Row, kind: RowKind, input: number, emit: Emit): void {
    const semi = this.joinType === 'SEMI';
    const accumulate = kind === RowKind.INSERT || kind === RowKind.UPDATE_AFTER;
    const key = this.sides[input]!.keyOf(row);
    const matched = this.matching(row, input, key);
    if (input === 0) {
      const copies = matched.reduce((n, m) => n + m.count, 0);
      if ((copies > 0) === semi) emit(kind, row);
      if (accumulate) this.views[0].add(key, row, copies);
      else this.views[0].retract(key, row);
      return;
    }
    if (accumulate) this.views[1].add(key, row, 0);
    else this.views[1].retract(key, row);
    // A left row's first match (or last match gone) flips it: SEMI forwards the right row's kind
    // (+I/+U, -D/-U), ANTI retracts with -D and restores with +I.
    const flip = accumulate ? (semi ? kind : RowKind.DELETE) : semi ? kind : RowKind.INSERT;
    for (const left of matched) {
      if (left.associations === (accumulate ? 0 : 1)) for (let c = 0; c < left.count; c++) emit(flip, left.row);
      this.views[0].setAssociations(key, left, left.associations + (accumulate ? 1 : -1));
    }
  }

  /** The other side's stored records under `key` that join with `row`. */
  private matching(row: Row, input: number, key: HashKey): JoinRecord[] {
    const matched: JoinRecord[] = [];
    if (this.sides[input]!.nullKey(row)) return matched;
    const cond = this.matches;
    const accept = cond && (input === 0 ? (other: Row) => cond([...row, ...other]) : (other: Row) => cond([...other, ...row]));
    this.views[1 - input]!.collect(key, accept, matched);
    return matched;
  }

  private padded(row: Row, side: number): Row {
    const nulls = new Array<null>(this.sides[1 - side]!.width).fill(null);
    return side === 0 ? [...row, ...nulls] : [...nulls, ...row];
  }

  /** Watermarks pass on as the minimum over both inputs (the output has no time attribute). */
  processWatermark(watermark: number, input: number): void | Promise<void> {
    return this.valve.update(input, watermark);
  }

  setInputIdle(input: number, idle: boolean): void | Promise<void> {
    return this.valve.setIdle(input, idle);
  }

  stateTables() {
    return [this.views[0].table, this.views[1].table];
  }

  /** The valve's per-input watermarks: late rows and the next output watermark depend on them. */
  snapshotFields(): ValveState {
    return this.valve.snapshot();
  }

  restoreFields(fields: unknown): void {
    this.valve.restore(fields as ValveState);
  }
}
