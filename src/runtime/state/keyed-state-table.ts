import { keyHash32, type HashKey } from '../../types/value-hash.js';

/** Flink's default `pipeline.max-parallelism`: the number of key groups. */
export const DEFAULT_MAX_PARALLELISM = 128;

/** The key group of a key (Flink: a hash of the key modulo max parallelism). */
export function keyGroupOf(key: HashKey, maxParallelism: number): number {
  return (keyHash32(key) >>> 0) % maxParallelism;
}

/** The entries of one key group, as a snapshot holds them. */
export interface KeyGroupSnapshot<V> {
  readonly keyGroup: number;
  readonly entries: readonly (readonly [HashKey, V])[];
  /**
   * Each entry's position in the table's iteration order: operators emit in that order (e.g.
   * sessions ending at the same time), so a restore rebuilds it rather than the key-group order.
   */
  readonly positions?: readonly number[];
  /** With a TTL: each entry's last write time, so restored keys expire when they would have. */
  readonly writtenAt?: readonly number[];
}

/** State time-to-live (Flink's table.exec.state.ttl): processing time since a key's last write. */
export interface StateTtl {
  readonly millis: number;
  readonly now: () => number;
}

/**
 * A named table of per-key operator state (DESIGN.md: state tables partitioned by key group).
 * Lookups go straight to the key; the key group is a function of the key, computed when a
 * snapshot is split by key group, so a restore at another parallelism can take just its groups.
 * With a TTL, a key not written for that long is gone (never returned once expired, as Flink's
 * NeverReturnExpired), and expired keys are swept as new writes arrive, so memory stays bounded.
 */
export class KeyedStateTable<V> {
  private readonly map = new Map<HashKey, V>();
  /** With a TTL: last write time per key, in write order (oldest first). */
  private readonly written = new Map<HashKey, number>();
  private nextSweep = 0;

  constructor(
    readonly name: string,
    readonly maxParallelism = DEFAULT_MAX_PARALLELISM,
    private readonly ttl?: StateTtl,
  ) {}

  get(key: HashKey): V | undefined {
    if (this.ttl) {
      const at = this.written.get(key);
      if (at !== undefined && this.ttl.now() - at > this.ttl.millis) {
        this.delete(key);
        return undefined;
      }
    }
    return this.map.get(key);
  }

  set(key: HashKey, value: V): void {
    this.map.set(key, value);
    if (this.ttl) {
      const now = this.ttl.now();
      this.written.delete(key);
      this.written.set(key, now);
      // Sweeping on every write re-walks the Map's deleted slots each time; a tenth of the TTL
      // between sweeps keeps it cheap and memory within 1.1 × TTL of writes.
      if (now >= this.nextSweep) {
        this.sweep(now);
        this.nextSweep = now + Math.max(1, this.ttl.millis / 10);
      }
    }
  }

  delete(key: HashKey): void {
    this.map.delete(key);
    this.written.delete(key);
  }

  /** Drops keys whose last write is older than the TTL (the oldest come first). */
  private sweep(now: number): void {
    for (const [key, at] of this.written) {
      if (now - at <= this.ttl!.millis) return;
      this.map.delete(key);
      this.written.delete(key);
    }
  }

  get size(): number {
    return this.map.size;
  }

  /** Live entries (expired ones are swept first, so iteration never sees them either). */
  entries(): IterableIterator<[HashKey, V]> {
    if (this.ttl) this.sweep(this.ttl.now());
    return this.map.entries();
  }

  values(): IterableIterator<V> {
    if (this.ttl) this.sweep(this.ttl.now());
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[HashKey, V]> {
    return this.entries();
  }

  /** The state split by key group (only non-empty groups), for a checkpoint. */
  snapshot(): KeyGroupSnapshot<V>[] {
    const groups = new Map<number, { entries: [HashKey, V][]; positions: number[]; writtenAt: number[] }>();
    let position = 0;
    for (const [k, v] of this.map) {
      const g = keyGroupOf(k, this.maxParallelism);
      let group = groups.get(g);
      if (!group) groups.set(g, (group = { entries: [], positions: [], writtenAt: [] }));
      group.entries.push([k, v]);
      group.positions.push(position++);
      if (this.ttl) group.writtenAt.push(this.written.get(k) ?? this.ttl.now());
    }
    return [...groups]
      .sort((a, b) => a[0] - b[0])
      .map(([keyGroup, { entries, positions, writtenAt }]) => (this.ttl ? { keyGroup, entries, positions, writtenAt } : { keyGroup, entries, positions }));
  }

  /** Loads the key groups in [from, to] of a snapshot (a restore at any parallelism), in the snapshot table's order. */
  restore(snapshot: readonly KeyGroupSnapshot<V>[], from = 0, to = this.maxParallelism - 1): void {
    const restored: { key: HashKey; value: V; position: number; at: number | undefined }[] = [];
    for (const g of snapshot) {
      if (g.keyGroup < from || g.keyGroup > to) continue;
      g.entries.forEach(([key, value], i) => restored.push({ key, value, position: g.positions?.[i] ?? restored.length, at: g.writtenAt?.[i] }));
    }
    restored.sort((a, b) => a.position - b.position);
    for (const r of restored) {
      this.map.set(r.key, r.value);
      if (this.ttl) this.written.set(r.key, r.at ?? this.ttl.now());
    }
    // The sweep stops at the first unexpired key: keep `written` oldest first.
    if (this.ttl) {
      const byTime = [...this.written].sort((a, b) => a[1] - b[1]);
      this.written.clear();
      for (const [k, at] of byTime) this.written.set(k, at);
    }
  }
}
