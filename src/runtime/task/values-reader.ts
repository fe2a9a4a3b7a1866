import type { SourceReader } from '../../connectors/connector.js';
import { RuntimeError } from '../../types/errors.js';
import type { Chunk } from '../../types/row.js';

/** A VALUES reader's checkpointed position: its one chunk was served or not. */
export interface ValuesPosition {
  readonly version: 1;
  readonly served: boolean;
}

/** Serves constant rows once (VALUES, SELECT without FROM). */
export class ValuesReader implements SourceReader {
  private done = false;

  constructor(private readonly rows: unknown[][]) {}

  async poll(): Promise<Chunk | null> {
    if (this.done) return null;
    this.done = true;
    return { rows: this.rows, kinds: null };
  }

  position(): ValuesPosition {
    return { version: 1, served: this.done };
  }

  restore(position: unknown): void {
    const p = position as Partial<ValuesPosition> | null;
    if (p?.version !== 1 || typeof p.served !== 'boolean') throw new RuntimeError(`Cannot restore a VALUES source from its checkpointed position ${JSON.stringify(position)}.`);
    this.done = p.served;
  }

  async close(): Promise<void> {}
}
