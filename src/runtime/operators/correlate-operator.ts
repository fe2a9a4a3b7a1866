import type { Chunk, Row, RowKind } from '../../types/row.js';
import type { Operator, Output } from './operator.js';

/** Produces the right-hand rows for one left row (a table function call or UNNEST). */
export type RowsFn = (row: Row) => Iterable<unknown[]>;

/**
 * LATERAL TABLE / UNNEST: joins each input row with the rows its function yields; for LEFT,
 * a row yielding nothing is kept with NULLs on the right. Row kinds are preserved.
 */
export class CorrelateOperator implements Operator {
  constructor(
    readonly name: string,
    private readonly rowsOf: RowsFn,
    private readonly left: boolean,
    private readonly rightWidth: number,
    private readonly out: Output,
  ) {}

  processChunk(chunk: Chunk): void | Promise<void> {
    const rows: Row[] = [];
    const kinds: RowKind[] | null = chunk.kinds ? [] : null;
    chunk.rows.forEach((row, i) => {
      let any = false;
      for (const right of this.rowsOf(row)) {
        any = true;
        rows.push([...row, ...right]);
        kinds?.push(chunk.kinds![i]!);
      }
      if (!any && this.left) {
        rows.push([...row, ...new Array<unknown>(this.rightWidth).fill(null)]);
        kinds?.push(chunk.kinds![i]!);
      }
    });
    if (rows.length > 0) return this.out.emit({ rows, kinds });
  }

  processWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark);
  }
}
