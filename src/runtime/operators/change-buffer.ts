import type { Row, RowKind } from '../../types/row.js';
import type { Output } from './operator.js';

/** The changes an operator produces while it handles a chunk, sent on together as one chunk. */
export class ChangeBuffer {
  private readonly rows: Row[] = [];
  private readonly kinds: RowKind[] = [];

  readonly add = (kind: RowKind, row: Row): void => {
    this.rows.push(row);
    this.kinds.push(kind);
  };

  emitTo(out: Output): void | Promise<void> {
    if (this.rows.length > 0) return out.emit({ rows: this.rows, kinds: this.kinds });
  }
}
