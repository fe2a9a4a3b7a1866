import { keyHash32, type HashKey } from '../../types/value-hash.js';

/** Flink's default `pipeline.max-parallelism`: the number of key groups. */
export const DEFAULT_MAX_PARALLELISM = 128;

/** The key group of a key (Flink: a hash of the key modulo max parallelism). */
export function keyGroupOf(key: HashKey, maxParallelism: number): number {
  return (keyHash32(key) >>> 0) % maxParallelism;
}

/**
 * A table's entries as a checkpoint holds them: keys and values in the table's iteration order
 * (operators emit in that order, e.g. sessions ending at the same time). Key groups are not stored:
 * a restore that must split the entries (another parallelism) computes each key's group then.
 */
export interface TableSnapshot<V> {
  readonly keys: readonly HashKey[];
  readonly values: readonly V[];
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

  /** The live entries, for a checkpoint: flat arrays, so 1 M keys cost no per-entry allocation. */
  snapshot(): TableSnapshot<V> {
    if (this.ttl) this.sweep(this.ttl.now());
    // Sized up front: growing two arrays of a million entries by push copies them ~20 times, with the task held.
    const keys = new Array<HashKey>(this.map.size);
    const values = new Array<V>(this.map.size);
    let i = 0;
    for (const [k, v] of this.map) {
      keys[i] = k;
      values[i++] = v;
    }
    if (!this.ttl) return { keys, values };
    return { keys, values, writtenAt: keys.map((k) => this.written.get(k) ?? this.ttl!.now()) };
  }

  /**
   * Loads a snapshot's entries whose key group is in [from, to] (a restore at any parallelism); with
   * `whole`, the snapshot is known to hold only such keys and none is hashed to check.
   */
  restore(snapshot: TableSnapshot<V>, from = 0, to = this.maxParallelism - 1, whole = false): void {
    const { keys, values, writtenAt } = snapshot;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!whole) {
        const g = keyGroupOf(key, this.maxParallelism);
        if (g < from || g > to) continue;
      }
      this.map.set(key, values[i]!);
      if (this.ttl) this.written.set(key, writtenAt?.[i] ?? this.ttl.now());
    }
    // The sweep stops at the first unexpired key: keep `written` oldest first.
    if (this.ttl) {
      const byTime = [...this.written].sort((a, b) => a[1] - b[1]);
      this.written.clear();
      for (const [k, at] of byTime) this.written.set(k, at);
    }
  }
}
