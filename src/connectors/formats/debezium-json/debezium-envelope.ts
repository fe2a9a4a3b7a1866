/** The JSON shape Debezium wraps each change in, as a row type the JSON format can read and write. */
import { ROW, STRING, type RowType } from '../../../types/data-type.js';

/**
 * `{before, after, op}` around the table's columns; with `schemaInclude` nested under `payload`
 * (Kafka Connect's `value.converter.schemas.enable`), whose `schema` sibling is not read.
 * Other Debezium fields (`source`, `ts_ms`, …) are not declared, so they are ignored.
 */
export function debeziumEnvelope(rowType: RowType, schemaInclude: boolean): RowType {
  const payload = ROW([
    { name: 'before', type: rowType },
    { name: 'after', type: rowType },
    { name: 'op', type: STRING() },
  ]);
  return schemaInclude ? ROW([{ name: 'payload', type: payload }]) : payload;
}
