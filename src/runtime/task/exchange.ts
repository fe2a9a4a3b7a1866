import type { Operator, Output } from '../operators/operator.js';
import type { Chunk, RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { keyGroupOf } from '../state/keyed-state-table.js';

/** The subtask that owns a key group (Flink's KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup). */
export function subtaskOfKeyGroup(keyGroup: number, parallelism: number, maxParallelism: number): number {
  return Math.floor((keyGroup * parallelism) / maxParallelism);
}

/** The key groups a subtask owns, inclusive (Flink's computeKeyGroupRangeForOperatorIndex). */
export function keyGroupRange(subtask: number, parallelism: number, maxParallelism: number): { from: number; to: number } {
  return { from: Math.floor((subtask * maxParallelism + parallelism - 1) / parallelism), to: Math.floor(((subtask + 1) * maxParallelism - 1) / parallelism) };
}

/**
 * The sending side of a keyed exchange: splits each chunk by the key group of every row and
 * hands each part to the subtask owning it; watermarks go to every subtask.
 */
export class HashExchange implements Operator {
  readonly name = 'HashExchange';
  /** The target of each key group. */
  private readonly owners: Int32Array;

  constructor(
    private readonly keyOf: (row: unknown[]) => HashKey,
    private readonly targets: readonly Output[],
    private readonly maxParallelism: number,
  ) {
    this.owners = Int32Array.from({ length: maxParallelism }, (_g, g) => subtaskOfKeyGroup(g, targets.length, maxParallelism));
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    const n = this.targets.length;
    const { rows, kinds } = chunk;
    const parts: unknown[][][] = [];
    const partKinds: RowKind[][] | null = kinds ? [] : null;
    for (let t = 0; t < n; t++) {
      parts.push([]);
      partKinds?.push([]);
    }
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const t = this.owners[keyGroupOf(this.keyOf(row), this.maxParallelism)]!;
      parts[t]!.push(row);
      partKinds?.[t]!.push(kinds![i]!);
    }
    return each(this.targets, (out, t) => (parts[t]!.length > 0 ? out.emit({ rows: parts[t]!, kinds: partKinds ? partKinds[t]! : null }) : undefined));
  }

  processWatermark(watermark: number): void | Promise<void> {
    return each(this.targets, (out) => out.emitWatermark(watermark));
  }
}

/** The sending side of a rebalancing exchange: whole chunks round-robin over the subtasks; watermarks to all. */
export class RebalanceExchange implements Operator {
  readonly name = 'RebalanceExchange';
  private next: number;

  constructor(
    private readonly targets: readonly Output[],
    /** Where this sender starts, so several senders do not all begin with subtask 0 (as Flink). */
    start: number,
  ) {
    this.next = start % targets.length;
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    const out = this.targets[this.next]!;
    this.next = (this.next + 1) % this.targets.length;
    return out.emit(chunk);
  }

  processWatermark(watermark: number): void | Promise<void> {
    return each(this.targets, (out) => out.emitWatermark(watermark));
  }
}

/** Calls `f` for each target in order, awaiting only when one returns a promise. */
function each(targets: readonly Output[], f: (out: Output, i: number) => void | Promise<void>): void | Promise<void> {
  for (let i = 0; i < targets.length; i++) {
    const r = f(targets[i]!, i);
    if (r) return r.then(async () => {
      for (let j = i + 1; j < targets.length; j++) await f(targets[j]!, j);
    });
  }
}
