import type { SinkWriter } from '../../connectors/connector.js';
import type { Chunk } from '../../types/row.js';
import type { Operator } from './operator.js';

/** Hands chunks to a connector's writer; commits on finish, discards on close without finish. */
export class SinkOperator implements Operator {
  rowsWritten = 0;

  constructor(
    readonly name: string,
    private readonly writer: SinkWriter,
  ) {}

  processChunk(chunk: Chunk): void | Promise<void> {
    this.rowsWritten += chunk.rows.length;
    return this.writer.write(chunk);
  }

  finish(): Promise<void> {
    return this.writer.finish();
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
