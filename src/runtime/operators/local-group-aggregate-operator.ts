import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import { RowFolder } from './row-folder.js';
import { MiniBatchTrigger, type MiniBatch } from './mini-batch.js';
import { BatchGroups } from './batch-groups.js';
import type { Operator, Output } from './operator.js';
import type { BoundAggregate, GroupingSet } from './window-aggregate-operator.js';

interface Partial {
  readonly key: unknown[];
  readonly accs: unknown[];
  count: number;
}

/**
 * The local phase of two-phase group aggregation (Flink's MiniBatchLocalGroupAggFunction): folds
 * each mini-batch's rows per key into fresh accumulators (+I/+U accumulate, -U/-D retract) and,
 * when the batch ends, emits one insert-only row per key: [keys…, accumulators…, count1], where
 * count1 is the key's rows added minus rows retracted. State lives only within a batch.
 */
export class LocalGroupAggregateOperator implements Operator {
  private readonly partials = new BatchGroups<Partial>();
  private readonly trigger: MiniBatchTrigger;
  private readonly folder: RowFolder;

  constructor(
    readonly name: string,
    private readonly keys: GroupingSet,
    private readonly aggs: readonly BoundAggregate[],
    private readonly out: Output,
    miniBatch: MiniBatch,
  ) {
    this.trigger = new MiniBatchTrigger(miniBatch, () => this.flush());
    this.folder = new RowFolder(name, aggs);
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    // Batches that end within the chunk are emitted together after it: folding stays synchronous,
    // so no other chunk's rows can slip between a key's partial results.
    const rows: Row[] = [];
    for (let i = 0; i < chunk.rows.length; i++) {
      const kind = chunk.kinds?.[i] ?? RowKind.INSERT;
      this.fold(chunk.rows[i]!, kind === RowKind.UPDATE_BEFORE || kind === RowKind.DELETE);
      if (this.trigger.add()) this.drain(rows);
    }
    if (rows.length > 0) return this.out.emit({ rows, kinds: null });
  }

  private fold(row: Row, retract: boolean): void {
    const hash = this.keys.keyOf(row);
    const p = this.partials.get(hash) ?? this.partials.add(hash, { key: this.keys.keyValues(row), accs: this.aggs.map((a) => a.fn.createAccumulator()), count: 0 });
    this.folder.fold(p.accs, row, retract);
    p.count += retract ? -1 : 1;
  }

  /** Ends the batch: its partial results go to `rows`. */
  private drain(rows: Row[]): void {
    this.trigger.reset();
    for (const p of this.partials.take().values) {
      const row: Row = p.key.slice();
      for (const acc of p.accs) row.push(acc);
      row.push(BigInt(p.count));
      rows.push(row);
    }
  }

  private flush(): void | Promise<void> {
    const rows: Row[] = [];
    this.drain(rows);
    if (rows.length > 0) return this.out.emit({ rows, kinds: null });
  }

  async processWatermark(watermark: number): Promise<void> {
    await this.flush();
    await this.out.emitWatermark(watermark);
  }

  finish(): void | Promise<void> {
    return this.flush();
  }

  /** Emits the batch's partial results: the phase keeps no state, so the snapshot holds none. */
  prepareSnapshot(): void | Promise<void> {
    return this.flush();
  }

  close(): void {
    this.trigger.close();
  }
}
