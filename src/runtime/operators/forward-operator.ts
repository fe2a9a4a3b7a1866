import type { Chunk } from '../../types/row.js';
import type { Operator, Output } from './operator.js';
import { WatermarkValve, type ValveState } from '../time/watermark-valve.js';

/**
 * Passes data through unchanged: UNION ALL (several inputs into one output). Watermarks of the
 * inputs combine as their minimum over active inputs.
 */
export class ForwardOperator implements Operator {
  private readonly valve: WatermarkValve;

  constructor(
    readonly name: string,
    inputs: number,
    private readonly out: Output,
  ) {
    this.valve = new WatermarkValve(inputs, (w) => this.out.emitWatermark(w));
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    return this.out.emit(chunk);
  }

  processWatermark(watermark: number, input: number): void | Promise<void> {
    return this.valve.update(input, watermark);
  }

  setInputIdle(input: number, idle: boolean): void | Promise<void> {
    return this.valve.setIdle(input, idle);
  }

  /** The valve's per-input watermarks: late rows and the next output watermark depend on them. */
  snapshotFields(): ValveState {
    return this.valve.snapshot();
  }

  restoreFields(fields: unknown): void {
    this.valve.restore(fields as ValveState);
  }
}
