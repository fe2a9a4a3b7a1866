import type { SourceReader } from '../../connectors/connector.js';
import type { Chunk } from '../../types/row.js';

/** Serves constant rows once (VALUES, SELECT without FROM). */
export class ValuesReader implements SourceReader {
  private done = false;

  constructor(private readonly rows: unknown[][]) {}

  async poll(): Promise<Chunk | null> {
    if (this.done) return null;
    this.done = true;
    return { rows: this.rows, kinds: null };
  }

  async close(): Promise<void> {}
}
