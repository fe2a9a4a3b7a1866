import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import { KeyedStateTable, type StateTtl } from '../state/keyed-state-table.js';
import { ChangeBuffer } from './change-buffer.js';
import type { Operator, Output } from './operator.js';

interface Entry {
  readonly id: HashKey;
  readonly row: Row;
}

/**
 * Flink's SinkUpsertMaterializer, placed before a sink whose PRIMARY KEY is not an upsert key of
 * the query: the changes of one primary key may come from different upstream keys and arrive
 * out of order (e.g. a +I for a new row before the -U of the old one). It keeps every live row
 * per primary key and always upserts the most recent one, so the sink ends with the right row.
 */
export class SinkUpsertMaterializer implements Operator {
  private readonly rows: KeyedStateTable<Entry[]>;

  constructor(
    readonly name: string,
    private readonly keyOf: (row: Row) => HashKey,
    private readonly rowIdOf: (row: Row) => HashKey,
    private readonly out: Output,
    ttl?: StateTtl,
  ) {
    this.rows = new KeyedStateTable('sink-upsert-materializer', undefined, ttl);
  }

  processChunk(chunk: Chunk): void | Promise<void> {
    const changes = new ChangeBuffer();
    chunk.rows.forEach((row, i) => {
      const kind = chunk.kinds?.[i] ?? RowKind.INSERT;
      const key = this.keyOf(row);
      const list = this.rows.get(key) ?? [];
      const id = this.rowIdOf(row);
      if (kind === RowKind.INSERT || kind === RowKind.UPDATE_AFTER) {
        const at = list.findIndex((e) => e.id === id);
        if (at >= 0) list[at] = { id, row };
        else list.push({ id, row });
        this.rows.set(key, list);
        changes.add(list.length === 1 ? RowKind.INSERT : RowKind.UPDATE_AFTER, row);
        return;
      }
      const at = list.findIndex((e) => e.id === id);
      if (at < 0) return; // a retraction of a row never seen here (e.g. expired by TTL)
      const wasLast = at === list.length - 1;
      list.splice(at, 1);
      if (list.length === 0) {
        this.rows.delete(key);
        changes.add(RowKind.DELETE, row);
      } else {
        this.rows.set(key, list);
        if (wasLast) changes.add(RowKind.UPDATE_AFTER, list[list.length - 1]!.row);
      }
    });
    return changes.emitTo(this.out);
  }

  processWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark);
  }

  stateTables() {
    return [this.rows];
  }
}
