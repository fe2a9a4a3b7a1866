import type { Chunk, Row } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import type { Timestamp } from '../../types/values.js';
import type { SliceAssigner } from '../windows/slice-assigner.js';
import type { TimeShift } from '../windows/time-shift.js';
import type { Operator, Output } from './operator.js';
import type { BoundAggregate, GroupingSet } from './window-aggregate-operator.js';

/**
 * The local phase of two-phase window aggregation (Flink's LocalSlicingWindowAggOperator):
 * pre-aggregates each chunk per key and slice and emits [keys…, slice end, accumulators…];
 * lateness is left to the global phase, which merges these partial results.
 */
export class LocalWindowAggregateOperator implements Operator {
  constructor(
    readonly name: string,
    private readonly assigner: SliceAssigner,
    private readonly shift: TimeShift,
    private readonly timeIndex: number,
    private readonly keys: GroupingSet,
    private readonly aggs: readonly BoundAggregate[],
    private readonly out: Output,
  ) {}

  processChunk(chunk: Chunk): void | Promise<void> {
    const partial = new Map<string, { key: unknown[]; sliceEnd: number; accs: unknown[] }>();
    for (const row of chunk.rows) {
      const time = row[this.timeIndex] as Timestamp | null;
      if (time === null) continue;
      const sliceEnd = this.assigner.sliceEnd(this.shift.toWindowTime(time.millis));
      const id = `${sliceEnd}|${String(this.keys.keyOf(row) as HashKey)}`;
      let p = partial.get(id);
      if (!p) partial.set(id, (p = { key: this.keys.keyValues(row), sliceEnd, accs: this.aggs.map((a) => a.fn.createAccumulator()) }));
      for (let a = 0; a < this.aggs.length; a++) {
        const agg = this.aggs[a]!;
        if (agg.filter === undefined || row[agg.filter] === true) p.accs[a] = agg.fn.accumulate(p.accs[a], agg.args.map((x) => row[x]));
      }
    }
    const rows: Row[] = [...partial.values()].map((p) => [...p.key, p.sliceEnd, ...p.accs]);
    if (rows.length > 0) return this.out.emit({ rows, kinds: null });
  }

  processWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark);
  }
}
