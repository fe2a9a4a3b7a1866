import type { HashKey } from '../../types/value-hash.js';

/**
 * What a mini-batch holds per group, in first-touch order, emptied when the batch ends. The
 * values live in an array that starts afresh each batch, found through an index of positions;
 * not in a Map of the values: a Map that large keeps its table in V8's old generation, and
 * young objects referenced from there were copied by every minor GC and then promoted, some
 * 250 bytes per input row for the major GC to collect.
 */
export class BatchGroups<V> {
  private readonly index = new Map<HashKey, number>();
  private hashList: HashKey[] = [];
  private valueList: V[] = [];

  get(hash: HashKey): V | undefined {
    const i = this.index.get(hash);
    return i === undefined ? undefined : this.valueList[i];
  }

  add(hash: HashKey, value: V): V {
    this.index.set(hash, this.hashList.length);
    this.hashList.push(hash);
    this.valueList.push(value);
    return value;
  }

  /** The batch's groups in first-touch order; the batch is empty afterwards. */
  take(): { readonly hashes: readonly HashKey[]; readonly values: readonly V[] } {
    const taken = { hashes: this.hashList, values: this.valueList };
    this.index.clear();
    this.hashList = [];
    this.valueList = [];
    return taken;
  }
}
