/**
 * Flink's FULL lookup cache (LookupFullCache): the whole table is loaded when the job starts and
 * again as its reload schedule says. Flink reloads on a background thread and swaps the table in;
 * here the reload due at an instant happens when the first lookup after it comes, on the
 * processing-time clock, so what a lookup sees is the table as of a reload at or before it.
 */
import type { Row } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { firstReload, nextReload, processZoneOffset, type ReloadSchedule, type ZoneOffset } from './reload-schedule.js';

/** Groups rows by their lookup key. */
export function indexRows(rows: readonly Row[], keyOfRow: (row: Row) => HashKey): Map<HashKey, Row[]> {
  const m = new Map<HashKey, Row[]>();
  for (const r of rows) {
    const k = keyOfRow(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export class FullLookupCache {
  private index: Map<HashKey, Row[]> | undefined;
  private due = Infinity;
  /** A load in progress, so lookups arriving meanwhile wait for it instead of loading again. */
  private loading: Promise<void> | undefined;
  /** How many times the table was read (for tests and metrics). */
  loads = 0;

  constructor(
    private readonly schedule: ReloadSchedule,
    private readonly loadAll: () => Promise<readonly Row[]>,
    private readonly keyOfRow: (row: Row) => HashKey,
    private readonly now: () => number,
    private readonly zone: ZoneOffset = processZoneOffset,
  ) {}

  /** The load at job start (the operator's open); a cache used without open loads on its first lookup. */
  open(): Promise<void> {
    if (this.index) return Promise.resolve();
    return this.load((start, end) => firstReload(this.schedule, start, end, this.zone));
  }

  async get(key: HashKey): Promise<readonly Row[]> {
    if (!this.index) await this.open();
    else if (this.now() >= this.due) {
      const due = this.due;
      await this.load((start, end) => nextReload(this.schedule, due, end - start, end));
    }
    return this.index!.get(key) ?? [];
  }

  private load(next: (start: number, end: number) => number): Promise<void> {
    this.loading ??= (async () => {
      try {
        const start = this.now();
        const rows = await this.loadAll();
        this.loads++;
        this.index = indexRows(rows, this.keyOfRow);
        this.due = next(start, this.now());
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}
