import type { Chunk, Row, RowKind } from '../../types/row.js';
import { Timestamp } from '../../types/values.js';
import type { SliceAssigner } from '../windows/slice-assigner.js';
import type { TimeShift } from '../windows/time-shift.js';
import type { Operator, Output } from './operator.js';

/**
 * TUMBLE / HOP / CUMULATE as a table function: each row once per window it falls in, with
 * window_start, window_end and window_time appended; emitted per record, rows with a NULL
 * rowtime dropped (Flink's AlignedWindowTableFunctionOperator).
 */
export class WindowTvfOperator implements Operator {
  numNullRowtimeDropped = 0;

  metrics(): Readonly<Record<string, number>> {
    return { numNullRowtimeDropped: this.numNullRowtimeDropped };
  }

  constructor(
    readonly name: string,
    private readonly assigner: SliceAssigner,
    private readonly shift: TimeShift,
    /** Event time of a row in millis, or null; processing time ignores the row. */
    private readonly timeOf: (row: Row) => number | null,
    private readonly out: Output,
  ) {}

  processChunk(chunk: Chunk): void | Promise<void> {
    const rows: Row[] = [];
    const kinds: RowKind[] | null = chunk.kinds ? [] : null;
    chunk.rows.forEach((row, i) => {
      const time = this.timeOf(row);
      if (time === null) {
        this.numNullRowtimeDropped++;
        return;
      }
      const t = this.shift.toWindowTime(time);
      const ends = this.assigner.windowEndsOf(this.assigner.sliceEnd(t));
      // Flink's SlidingWindowAssigner lists a row's HOP windows latest first.
      if (this.assigner.kind === 'HOP') ends.reverse();
      for (const end of ends) {
        const start = this.assigner.windowStart(end);
        if (start > t) continue;
        rows.push([...row, Timestamp.ofMillis(start), Timestamp.ofMillis(end), this.shift.windowTime(end)]);
        kinds?.push(chunk.kinds![i]!);
      }
    });
    if (rows.length > 0) return this.out.emit({ rows, kinds });
  }

  processWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark);
  }
}
