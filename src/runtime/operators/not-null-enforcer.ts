import { RuntimeError } from '../../types/errors.js';
import type { Chunk } from '../../types/row.js';
import type { Operator, Output } from './operator.js';

/**
 * Flink's sink NOT NULL constraint check (`table.exec.sink.not-null-enforcer`): a row with NULL
 * in a NOT NULL column of the sink fails the job (ERROR) or is dropped silently (DROP).
 */
export class NotNullEnforcer implements Operator {
  constructor(
    readonly name: string,
    /** [position, column name] of the sink's NOT NULL columns. */
    private readonly columns: readonly (readonly [number, string])[],
    private readonly drop: boolean,
    private readonly out: Output,
  ) {}

  processChunk(chunk: Chunk): void | Promise<void> {
    const keep: number[] = [];
    chunk.rows.forEach((row, i) => {
      const nulled = this.columns.find(([p]) => row[p] === null || row[p] === undefined);
      if (!nulled) return keep.push(i);
      if (this.drop) return;
      throw new RuntimeError(`Column '${nulled[1]}' is NOT NULL, however, a null value is being written into it. You can set job configuration 'table.exec.sink.not-null-enforcer'='DROP' to suppress this exception and drop such records silently.`);
    });
    if (keep.length === chunk.rows.length) return this.out.emit(chunk);
    if (keep.length === 0) return;
    return this.out.emit({ rows: keep.map((i) => chunk.rows[i]!), kinds: chunk.kinds ? keep.map((i) => chunk.kinds![i]!) : null });
  }

  processWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark);
  }
}
