/**
 * Rows → Debezium JSON, as Flink's DebeziumJsonSerializationSchema writes them: INSERT and
 * UPDATE_AFTER become `{"before":null,"after":{…},"op":"c"}`, UPDATE_BEFORE and DELETE become
 * `{"before":{…},"after":null,"op":"d"}`. An update is thus a delete plus a create, never "u".
 */
import type { RowType } from '../../../types/data-type.js';
import { RuntimeError } from '../../../types/errors.js';
import { ROW_KIND_SHORT, RowKind, type Row } from '../../../types/row.js';
import type { Encoder } from '../format.js';
import { JsonRowEncoder, type JsonEncodeOptions } from '../json/json-encoder.js';
import { debeziumEnvelope } from './debezium-envelope.js';

export class DebeziumJsonEncoder implements Encoder {
  private readonly json: JsonRowEncoder;

  constructor(rowType: RowType, opts: JsonEncodeOptions) {
    // The envelope goes through the JSON encoder too, so ignore-null-fields also drops the
    // null `before`/`after`, as in Flink.
    this.json = new JsonRowEncoder(debeziumEnvelope(rowType, false), opts);
  }

  encode(row: Row, kind: RowKind): string {
    const insert = kind === RowKind.INSERT || kind === RowKind.UPDATE_AFTER;
    try {
      return this.json.encode(insert ? [null, row, 'c'] : [row, null, 'd'], kind);
    } catch (e) {
      // Name the table's row, not the envelope the JSON encoder saw.
      const shown = `${ROW_KIND_SHORT[kind]}(${row.map((v) => String(v)).join(',')})`;
      throw new RuntimeError(`Could not serialize row '${shown}'.`, { cause: e });
    }
  }
}
