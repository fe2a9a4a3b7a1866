import type { CalcFn } from '../../planner/codegen/compile-calc.js';
import type { Chunk } from '../../types/row.js';
import type { Operator, Output } from './operator.js';

/** Projection + filter with a compiled function; drops chunks that end up empty. */
export class CalcOperator implements Operator {
  constructor(
    readonly name: string,
    private readonly fn: CalcFn,
    private readonly out: Output,
  ) {}

  processChunk(chunk: Chunk): void | Promise<void> {
    const result = this.fn(chunk.rows, chunk.kinds);
    if (result.rows.length > 0) return this.out.emit(result);
  }

  processWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark);
  }
}
