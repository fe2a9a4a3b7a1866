/**
 * Seeded random bounded changelog streams for differential tests of the updating (non-windowed)
 * engine: inserts, and updates (-U old / +U new) and deletes (-D old) of rows currently present,
 * as a CDC source would emit them, with NULLs and duplicate rows. The final state of a table is
 * the multiset left after applying its changelog.
 */
import { formatDecimal, prng } from './event-stream.js';

/** A column value: string, INT (number), DECIMAL (unscaled bigint, see the column's scale) or NULL. */
export type Value = string | number | bigint | null;
export type Row = readonly Value[];

export type ChangeKind = '+I' | '-U' | '+U' | '-D';
export interface Change {
  readonly kind: ChangeKind;
  readonly row: Row;
}

/** How one column's random values are drawn. */
export type ColumnGen =
  | { readonly kind: 'int'; readonly min: number; readonly max: number; readonly nulls: number }
  | { readonly kind: 'dec'; readonly maxUnscaled: number; readonly scale: number; readonly nulls: number }
  | { readonly kind: 'str'; readonly values: readonly string[]; readonly nulls: number };

export interface TableGen {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly flinkType: string; readonly duckType: string; readonly gen: ColumnGen }[];
}

export interface ChangelogOptions {
  /** Number of changes (an update counts once). */
  readonly changes: number;
  /** Share of inserts that copy a present row exactly. */
  readonly duplicateShare: number;
  /** Shares of updates and deletes among the non-insert changes. */
  readonly insertShare: number;
  readonly deleteShare: number;
  /** Share of inserts sent twice in a row (two identical rows present at once). */
  readonly twinShare?: number;
  /** The first column is a serial number given on insert and never updated (no duplicate rows by chance). */
  readonly serialFirstColumn?: boolean;
}

export function generateChangelog(rnd: () => number, table: TableGen, o: ChangelogOptions): Change[] {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const value = (g: ColumnGen): Value => {
    if (rnd() < g.nulls) return null;
    switch (g.kind) {
      case 'int':
        return int(g.min, g.max);
      case 'dec':
        return BigInt(int(-g.maxUnscaled, g.maxUnscaled));
      case 'str':
        return g.values[int(0, g.values.length - 1)]!;
    }
  };
  let serial = 0;
  const randomRow = (): Row => table.columns.map((c, i) => (i === 0 && o.serialFirstColumn ? ++serial : value(c.gen)));
  const present: Row[] = [];
  const out: Change[] = [];
  for (let i = 0; i < o.changes; i++) {
    const r = rnd();
    if (present.length === 0 || r < o.insertShare) {
      const row = present.length > 0 && rnd() < o.duplicateShare ? present[int(0, present.length - 1)]! : randomRow();
      present.push(row);
      out.push({ kind: '+I', row });
      if (o.twinShare && rnd() < o.twinShare) {
        present.push(row);
        out.push({ kind: '+I', row });
      }
      continue;
    }
    const at = int(0, present.length - 1);
    const old = present[at]!;
    if (r < o.insertShare + o.deleteShare) {
      present.splice(at, 1);
      out.push({ kind: '-D', row: old });
    } else {
      // Change one or two columns; sometimes none (an update that changes nothing).
      const next = [...old];
      const first = o.serialFirstColumn ? 1 : 0;
      for (let n = int(0, 2); n > 0; n--) {
        const c = int(first, table.columns.length - 1);
        next[c] = value(table.columns[c]!.gen);
      }
      present[at] = next;
      out.push({ kind: '-U', row: old }, { kind: '+U', row: next });
    }
  }
  return out;
}

/** The multiset of rows left after applying a changelog (throws if it retracts an absent row). */
export function finalState(changes: readonly Change[]): Row[] {
  const rows = new Multiset<Row>();
  for (const c of changes) {
    const key = JSON.stringify(c.row, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    if (c.kind === '+I' || c.kind === '+U') rows.add(key, c.row);
    else rows.remove(key);
  }
  return rows.values();
}

/** Counted multiset of keys (each key keeps a sample value). */
export class Multiset<T = unknown> {
  private readonly counts = new Map<string, { value: T; count: number }>();
  add(key: string, value: T): void {
    const e = this.counts.get(key);
    if (e) e.count++;
    else this.counts.set(key, { value, count: 1 });
  }
  /** Removes one copy; throws if there is none (a retraction of a row that is not there). */
  remove(key: string): void {
    const e = this.counts.get(key);
    if (!e) throw new Error(`retraction of a row that is not present: ${key}`);
    if (--e.count === 0) this.counts.delete(key);
  }
  values(): T[] {
    return [...this.counts.values()].flatMap((e) => Array<T>(e.count).fill(e.value));
  }
}

/** A Flink / DuckDB SQL literal for a value of the column. */
export function sqlLiteral(v: Value, gen: ColumnGen): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  if (typeof v === 'bigint') return formatDecimal(v, gen.kind === 'dec' ? gen.scale : 0);
  return String(v);
}

/** Golden connector input lines: `+I(1, 'a', NULL, 2.50)`, `-U(…)`, … */
export function goldenChangelog(table: TableGen, changes: readonly Change[]): string[] {
  return changes.map((c) => `${c.kind}(${c.row.map((v, i) => sqlLiteral(v, table.columns[i]!.gen)).join(', ')})`);
}

export function flinkDdl(table: TableGen): string {
  return `CREATE TABLE ${table.name} (${table.columns.map((c) => `${c.name} ${c.flinkType}`).join(', ')}) WITH ('connector' = 'golden');`;
}

export function duckDdl(table: TableGen): string {
  return `CREATE OR REPLACE TABLE ${table.name} (${table.columns.map((c) => `${c.name} ${c.duckType}`).join(', ')})`;
}

/** INSERT statement of a final state into DuckDB (null when there are no rows). */
export function duckInsert(table: TableGen, rows: readonly Row[]): string | null {
  if (rows.length === 0) return null;
  const values = rows.map((r) => `(${r.map((v, i) => sqlLiteral(v, table.columns[i]!.gen)).join(', ')})`);
  return `INSERT INTO ${table.name} VALUES ${values.join(', ')}`;
}

export { prng };
