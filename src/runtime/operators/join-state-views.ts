import type { Row } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { InternalError } from '../../types/errors.js';
import { KeyedStateTable, type StateTtl } from '../state/keyed-state-table.js';

/**
 * One stored input row of a regular join. `count` is how many identical copies are stored (only
 * the NoUniqueKey layout keeps more than one); `associations` is, on an outer side (and the left
 * side of SEMI / ANTI joins), how many rows of the other side it matches.
 */
export interface JoinRecord {
  readonly row: Row;
  count: number;
  associations: number;
}

/**
 * A join input's rows per join key, laid out by its input spec as Flink's JoinRecordStateViews
 * and OuterJoinRecordStateViews do. Writes go to the state table, so a key's TTL restarts.
 */
export interface JoinRecordView {
  readonly table: KeyedStateTable<unknown>;
  /** Appends the key's stored records that `accept` (the rest of the join condition) lets through. */
  collect(key: HashKey, accept: ((row: Row) => boolean) | undefined, into: JoinRecord[]): void;
  /** An accumulate message: stores the row with its association count (Flink's addRecord). */
  add(key: HashKey, row: Row, associations: number): void;
  /** A retract message: drops the row (one copy of it) if stored (Flink's retractRecord). */
  retract(key: HashKey, row: Row): void;
  /** Writes a stored record's new association count back (Flink's updateNumOfAssociations). */
  setAssociations(key: HashKey, record: JoinRecord, associations: number): void;
  /** The stored row that `row` would replace (same unique key), if any; never for NoUniqueKey. */
  replaced(key: HashKey, row: Row): Row | undefined;
}

/** The layout of one input: Flink's JoinInputSideSpec with the functions the runtime needs. */
export type JoinInputLayout =
  | { readonly kind: 'JoinKeyContainsUniqueKey' }
  | { readonly kind: 'HasUniqueKey'; readonly uniqueKeyOf: (row: Row) => HashKey }
  | { readonly kind: 'NoUniqueKey'; readonly rowId: (row: Row) => HashKey }
  /** NoUniqueKey over an insert-only input: rows are never retracted, so none needs an identity. */
  | { readonly kind: 'AppendOnly' };

export function joinRecordView(name: string, layout: JoinInputLayout, ttl?: StateTtl): JoinRecordView {
  switch (layout.kind) {
    case 'JoinKeyContainsUniqueKey':
      return new SingleRecordView(new KeyedStateTable(name, undefined, ttl));
    case 'HasUniqueKey':
      return new KeyedRecordsView(new KeyedStateTable(name, undefined, ttl), layout.uniqueKeyOf, false);
    case 'NoUniqueKey':
      return new KeyedRecordsView(new KeyedStateTable(name, undefined, ttl), layout.rowId, true);
    case 'AppendOnly':
      return new AppendOnlyView(new KeyedStateTable(name, undefined, ttl));
  }
}

/**
 * JoinKeyContainsUniqueKey: at most one row per join key, so the join key alone finds it. A row
 * arriving for an occupied key replaces the stored one (an UPDATE_AFTER without UPDATE_BEFORE),
 * and a retraction clears the key whatever row it carries, as Flink's ValueState does.
 */
class SingleRecordView implements JoinRecordView {
  constructor(readonly table: KeyedStateTable<JoinRecord>) {}

  collect(key: HashKey, accept: ((row: Row) => boolean) | undefined, into: JoinRecord[]): void {
    const r = this.table.get(key);
    if (r && (!accept || accept(r.row))) into.push(r);
  }

  add(key: HashKey, row: Row, associations: number): void {
    this.table.set(key, { row, count: 1, associations });
  }

  retract(key: HashKey): void {
    this.table.delete(key);
  }

  replaced(key: HashKey): Row | undefined {
    return this.table.get(key)?.row;
  }

  setAssociations(key: HashKey, record: JoinRecord, associations: number): void {
    record.associations = associations;
    this.table.set(key, record);
  }
}

/** A join key's records: one record as is (the common case, no Map), or a Map by record id. */
type Bucket = JoinRecord | Map<HashKey, JoinRecord>;

/**
 * HasUniqueKey (records by unique key: a new row with a stored key replaces it) and NoUniqueKey
 * (records by their whole value, with a copy count). Flink keeps a MapState per join key; a key
 * with a single record keeps just that record here, so 1:1 joins pay for no Map.
 */
class KeyedRecordsView implements JoinRecordView {
  constructor(
    readonly table: KeyedStateTable<Bucket>,
    private readonly idOf: (row: Row) => HashKey,
    /** NoUniqueKey: identical rows add up; HasUniqueKey: a row replaces the one with its key. */
    private readonly counted: boolean,
  ) {}

  collect(key: HashKey, accept: ((row: Row) => boolean) | undefined, into: JoinRecord[]): void {
    const b = this.table.get(key);
    if (!b) return;
    if (!(b instanceof Map)) {
      if (!accept || accept(b.row)) into.push(b);
      return;
    }
    for (const r of b.values()) if (!accept || accept(r.row)) into.push(r);
  }

  add(key: HashKey, row: Row, associations: number): void {
    const b = this.table.get(key);
    if (!b) return this.table.set(key, { row, count: 1, associations });
    const id = this.idOf(row);
    if (!(b instanceof Map)) {
      const storedId = this.idOf(b.row);
      if (storedId === id) return this.table.set(key, this.merge(b, row, associations));
      return this.table.set(key, new Map([[storedId, b], [id, { row, count: 1, associations }]]));
    }
    const stored = b.get(id);
    b.set(id, stored ? this.merge(stored, row, associations) : { row, count: 1, associations });
    this.table.set(key, b);
  }

  /** A row for a stored id: NoUniqueKey counts the copy and takes the new association count (as Flink); HasUniqueKey replaces the row. */
  private merge(stored: JoinRecord, row: Row, associations: number): JoinRecord {
    if (!this.counted) return { row, count: 1, associations };
    stored.count++;
    stored.associations = associations;
    return stored;
  }

  retract(key: HashKey, row: Row): void {
    const b = this.table.get(key);
    if (!b) return;
    const id = this.idOf(row);
    if (!(b instanceof Map)) {
      if (this.idOf(b.row) !== id) return;
      if (--b.count === 0) this.table.delete(key);
      else this.table.set(key, b);
      return;
    }
    const stored = b.get(id);
    if (!stored) return;
    if (--stored.count === 0) b.delete(id);
    // Back to a single record without a Map once only one is left.
    this.table.set(key, b.size === 1 ? b.values().next().value! : b);
  }

  setAssociations(key: HashKey, record: JoinRecord, associations: number): void {
    record.associations = associations;
    const b = this.table.get(key);
    if (b) this.table.set(key, b);
  }

  replaced(key: HashKey, row: Row): Row | undefined {
    const b = this.table.get(key);
    if (this.counted || !b) return undefined;
    const id = this.idOf(row);
    if (b instanceof Map) return b.get(id)?.row;
    return this.idOf(b.row) === id ? b.row : undefined;
  }
}

/**
 * An insert-only input without a unique key: a join key's rows in arrival order (one record, or a
 * list), without hashing each row for an identity that only a retraction would need.
 */
class AppendOnlyView implements JoinRecordView {
  constructor(readonly table: KeyedStateTable<JoinRecord | JoinRecord[]>) {}

  collect(key: HashKey, accept: ((row: Row) => boolean) | undefined, into: JoinRecord[]): void {
    const b = this.table.get(key);
    if (!b) return;
    if (!Array.isArray(b)) {
      if (!accept || accept(b.row)) into.push(b);
      return;
    }
    for (const r of b) if (!accept || accept(r.row)) into.push(r);
  }

  add(key: HashKey, row: Row, associations: number): void {
    const b = this.table.get(key);
    const record = { row, count: 1, associations };
    if (!b) this.table.set(key, record);
    else if (Array.isArray(b)) {
      b.push(record);
      this.table.set(key, b); // a write: refreshes the key's time-to-live
    } else this.table.set(key, [b, record]);
  }

  retract(): void {
    throw new InternalError('A join input planned as insert-only received a retraction');
  }

  replaced(): undefined {
    return undefined;
  }

  setAssociations(key: HashKey, record: JoinRecord, associations: number): void {
    record.associations = associations;
    const b = this.table.get(key);
    if (b) this.table.set(key, b);
  }
}
