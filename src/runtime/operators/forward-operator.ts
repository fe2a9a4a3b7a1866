import type { Chunk } from '../../types/row.js';
import type { Operator, Output } from './operator.js';

/**
 * Passes data through unchanged: UNION ALL (several inputs into one output) and, until the
 * watermark work lands, the watermark assigner. Watermarks of several inputs combine as their minimum.
 */
export class ForwardOperator implements Operator {
  private readonly watermarks: number[];
  private current = -Infinity;

  constructor(
    readonly name: string,
    inputs: number,
    private readonly out: Output,
  ) {
    this.watermarks = new Array<number>(inputs).fill(-Infinity);
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    return this.out.emit(chunk);
  }

  processWatermark(watermark: number, input: number): void | Promise<void> {
    this.watermarks[input] = watermark;
    const min = Math.min(...this.watermarks);
    if (min > this.current) {
      this.current = min;
      return this.out.emitWatermark(min);
    }
  }
}
