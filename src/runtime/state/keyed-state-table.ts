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
}

/**
 * A named table of per-key operator state (DESIGN.md: state tables partitioned by key group).
 * Lookups go straight to the key; the key group is a function of the key, computed when a
 * snapshot is split by key group, so a restore at another parallelism can take just its groups.
 */
export class KeyedStateTable<V> {
  private readonly map = new Map<HashKey, V>();

  constructor(
    readonly name: string,
    readonly maxParallelism = DEFAULT_MAX_PARALLELISM,
  ) {}

  get(key: HashKey): V | undefined {
    return this.map.get(key);
  }

  set(key: HashKey, value: V): void {
    this.map.set(key, value);
  }

  delete(key: HashKey): void {
    this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }

  entries(): IterableIterator<[HashKey, V]> {
    return this.map.entries();
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[HashKey, V]> {
    return this.map.entries();
  }

  /** The state split by key group (only non-empty groups), for a checkpoint. */
  snapshot(): KeyGroupSnapshot<V>[] {
    const groups = new Map<number, [HashKey, V][]>();
    for (const [k, v] of this.map) {
      const g = keyGroupOf(k, this.maxParallelism);
      let list = groups.get(g);
      if (!list) groups.set(g, (list = []));
      list.push([k, v]);
    }
    return [...groups].sort((a, b) => a[0] - b[0]).map(([keyGroup, entries]) => ({ keyGroup, entries }));
  }

  /** Loads the key groups in [from, to] of a snapshot (a restore at any parallelism). */
  restore(snapshot: readonly KeyGroupSnapshot<V>[], from = 0, to = this.maxParallelism - 1): void {
    for (const g of snapshot) if (g.keyGroup >= from && g.keyGroup <= to) for (const [k, v] of g.entries) this.map.set(k, v);
  }
}
