import type { Chunk, Row } from '../../types/row.js';
import type { Timestamp } from '../../types/values.js';
import type { Operator, Output } from './operator.js';
import { OperatorWatermark } from '../time/operator-watermark.js';

/**
 * Generates watermarks from `WATERMARK FOR col AS expr`: the watermark is the largest value the
 * expression has produced, emitted every `intervalMillis` of processing time (checked after each
 * chunk; 0 emits after every chunk), as Flink's WatermarkAssignerOperator. Watermarks arriving
 * from the source are forwarded when they advance; the final watermark always passes.
 */
export class WatermarkAssignerOperator implements Operator {
  private current = -Infinity;
  /** The last watermark sent. */
  private readonly emitted = new OperatorWatermark();
  private lastEmitTime: number;

  constructor(
    readonly name: string,
    private readonly watermarkOf: (row: Row) => unknown,
    private readonly intervalMillis: number,
    private readonly now: () => number,
    private readonly out: Output,
  ) {
    this.lastEmitTime = now();
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    for (const row of chunk.rows) {
      const wm = this.watermarkOf(row) as Timestamp | null;
      if (wm !== null && wm.millis > this.current) this.current = wm.millis;
    }
    const forwarded = this.out.emit(chunk);
    const now = this.now();
    if (this.current > this.emitted.value && now - this.lastEmitTime >= this.intervalMillis) {
      this.lastEmitTime = now;
      return forwarded ? forwarded.then(() => this.emit(this.current)) : this.emit(this.current);
    }
    return forwarded;
  }

  processWatermark(watermark: number): void | Promise<void> {
    // After a restore, e.g. the final watermark of a source that had ended goes out once more.
    if (this.emitted.step(watermark) !== 'ignore') return this.out.emitWatermark(watermark);
  }

  /** What the next watermark and its timing depend on (weir keeps watermarks across a restore). */
  snapshotFields(): { current: number; emitted: number; lastEmitTime: number } {
    return { current: this.current, emitted: this.emitted.value, lastEmitTime: this.lastEmitTime };
  }

  restoreFields(fields: unknown): void {
    const f = fields as { current: number; emitted: number; lastEmitTime: number };
    ({ current: this.current, lastEmitTime: this.lastEmitTime } = f);
    this.emitted.restore(f.emitted);
  }

  private emit(watermark: number): void | Promise<void> {
    this.emitted.step(watermark);
    return this.out.emitWatermark(watermark);
  }
}
