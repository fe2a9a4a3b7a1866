import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { KeyedStateTable, type StateTtl } from '../state/keyed-state-table.js';
import { ChangeBuffer } from './change-buffer.js';
import type { Operator, Output } from './operator.js';

export interface RankSpec {
  readonly rankFunction: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK';
  readonly limit: number;
  /** First rank emitted (OFFSET + 1). */
  readonly start: number;
  readonly outputRank: boolean;
  /** Top-1 by a time attribute without the rank column: Flink's Deduplicate (changes are -U/+U). */
  readonly deduplicate: boolean;
  /** A new row goes before rows with an equal sort key (keep-last deduplication). */
  readonly newFirstOnTies: boolean;
  /** The input can retract (-U/-D): keep every row, rows below the limit may come back. */
  readonly retracting: boolean;
  /** Downstream needs -U before each +U (false for upsert sinks: only +U is sent). */
  readonly updateBefore: boolean;
  readonly partitionOf: (row: Row) => HashKey;
  readonly compare: (a: Row, b: Row) => number;
  /** Identity of a row (a retraction removes the row equal to it). */
  readonly rowKey: (row: Row) => HashKey;
}

/**
 * Top-N over a changelog (Flink's Rank / Deduplicate operators): each partition's rows are kept
 * sorted; after each input row the ranked list within the limit is compared with the one before
 * and the difference emitted — with the rank column, a rank whose holder changed as -U/+U, a new
 * rank as +I, a vacated one as -D; without it, rows leaving the top as -D, then entering as +I.
 */
export class RankOperator implements Operator {
  private readonly state: KeyedStateTable<Row[]>;

  constructor(
    readonly name: string,
    private readonly spec: RankSpec,
    private readonly out: Output,
    ttl?: StateTtl,
  ) {
    this.state = new KeyedStateTable<Row[]>('rank', undefined, ttl);
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    const changes = new ChangeBuffer();
    chunk.rows.forEach((row, i) => {
      const kind = chunk.kinds?.[i] ?? RowKind.INSERT;
      const key = this.spec.partitionOf(row);
      const list = this.state.get(key) ?? [];
      const before = this.ranked(list);
      if (kind === RowKind.UPDATE_BEFORE || kind === RowKind.DELETE) this.remove(list, row);
      else this.insert(list, row);
      const after = this.ranked(list);
      if (list.length === 0) this.state.delete(key);
      else this.state.set(key, list);
      this.diff(before, after, changes.add);
    });
    return changes.emitTo(this.out);
  }

  private insert(list: Row[], row: Row): void {
    const { compare, newFirstOnTies } = this.spec;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compare(list[mid]!, row);
      if (c < 0 || (c === 0 && !newFirstOnTies)) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, row);
    // An insert-only input never brings back a row pushed below the limit: drop those.
    if (!this.spec.retracting) list.length = Math.min(list.length, this.keepCount(list));
  }

  private remove(list: Row[], row: Row): void {
    const key = this.spec.rowKey(row);
    const at = list.findIndex((r) => this.spec.rowKey(r) === key);
    if (at >= 0) list.splice(at, 1);
  }

  /** Rows that can still rank within the limit (ties at the limit stay for RANK/DENSE_RANK). */
  private keepCount(list: readonly Row[]): number {
    return this.rankedUpToLimit(list).length;
  }

  /** The rows ranked within [start, limit], with their rank. */
  private ranked(list: readonly Row[]): { row: Row; rank: number }[] {
    return this.rankedUpToLimit(list).filter((e) => e.rank >= this.spec.start);
  }

  private rankedUpToLimit(list: readonly Row[]): { row: Row; rank: number }[] {
    const { compare, limit, rankFunction } = this.spec;
    const out: { row: Row; rank: number }[] = [];
    let rank = 0;
    let dense = 0;
    for (let i = 0; i < list.length; i++) {
      const tie = i > 0 && compare(list[i - 1]!, list[i]!) === 0;
      if (!tie) {
        rank = i + 1;
        dense++;
      }
      const value = rankFunction === 'ROW_NUMBER' ? i + 1 : rankFunction === 'RANK' ? rank : dense;
      if (value > limit) break;
      out.push({ row: list[i]!, rank: value });
    }
    return out;
  }

  private diff(before: readonly { row: Row; rank: number }[], after: readonly { row: Row; rank: number }[], emit: (k: RowKind, r: Row) => void): void {
    const { outputRank, deduplicate, rowKey } = this.spec;
    const withRank = (e: { row: Row; rank: number }) => [...e.row, outputRank ? BigInt(e.rank) : null];
    // Ranks that change holder update (-U/+U): with the rank column, for deduplication, and for an
    // insert-only Top-1 (Flink's FastTop1Function); otherwise rows leave (-D) before others enter (+I).
    const topOne = this.spec.limit === 1 && this.spec.rankFunction === 'ROW_NUMBER' && !this.spec.retracting;
    if (outputRank || deduplicate || topOne) {
      for (let i = 0; i < Math.max(before.length, after.length); i++) {
        const b = before[i];
        const a = after[i];
        if (b && a && b.row === a.row && b.rank === a.rank) continue;
        if (b && a) {
          if (this.spec.updateBefore) emit(RowKind.UPDATE_BEFORE, withRank(b));
          emit(RowKind.UPDATE_AFTER, withRank(a));
        } else if (a) emit(RowKind.INSERT, withRank(a));
        else if (b) emit(RowKind.DELETE, withRank(b));
      }
      return;
    }
    // As multisets: every copy of a duplicate row enters and leaves on its own.
    const surplus = new Map<HashKey, number>();
    for (const e of before) surplus.set(rowKey(e.row), (surplus.get(rowKey(e.row)) ?? 0) + 1);
    for (const e of after) surplus.set(rowKey(e.row), (surplus.get(rowKey(e.row)) ?? 0) - 1);
    const take = (e: { row: Row }, sign: number) => {
      const n = surplus.get(rowKey(e.row))! * sign;
      if (n > 0) surplus.set(rowKey(e.row), (n - 1) * sign);
      return n > 0;
    };
    for (const e of before) if (take(e, 1)) emit(RowKind.DELETE, withRank(e));
    for (const e of after) if (take(e, -1)) emit(RowKind.INSERT, withRank(e));
  }

  processWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark);
  }

  stateTables() {
    return [this.state];
  }
}
