/**
 * Debezium JSON → changelog rows, as Flink's DebeziumJsonDeserializationSchema reads them:
 * "c" (create) and "r" (snapshot read) → +I(after); "u" → -U(before), +U(after); "d" → -D(before).
 * Every failure of a record is "Corrupt Debezium JSON message"; ignore-parse-errors skips the
 * record instead (and, as in the JSON format, turns fields that fail to convert into NULL).
 */
import type { RowType } from '../../../types/data-type.js';
import { RuntimeError } from '../../../types/errors.js';
import { RowKind, type Row } from '../../../types/row.js';
import type { Decoded, Decoder } from '../format.js';
import { JsonRowDecoder, type TimestampStandard } from '../json/json-decoder.js';
import { debeziumEnvelope } from './debezium-envelope.js';

export interface DebeziumDecodeOptions {
  readonly schemaInclude: boolean;
  readonly ignoreParseErrors: boolean;
  readonly timestampFormat: TimestampStandard;
}

/** A malformed record; becomes the cause of the "Corrupt Debezium JSON message" error. */
class DebeziumRecordError extends Error {
  override readonly name = 'DebeziumRecordError';
}

const replicaIdentity = (op: string): DebeziumRecordError =>
  new DebeziumRecordError(
    `The "before" field of ${op} message is null, if you are using Debezium Postgres Connector, ` +
      'please check the Postgres table has been set REPLICA IDENTITY to FULL level.',
  );

/** The innermost cause's message: what actually went wrong, for the one line weir prints. */
function rootMessage(e: unknown): string {
  let cur = e;
  while (cur instanceof Error && cur.cause instanceof Error) cur = cur.cause;
  return cur instanceof Error ? cur.message : String(cur);
}

export class DebeziumJsonDecoder implements Decoder {
  private readonly json: JsonRowDecoder;

  constructor(
    rowType: RowType,
    private readonly opts: DebeziumDecodeOptions,
  ) {
    // Flink never fails on missing fields here: ignore-parse-errors covers that role.
    this.json = new JsonRowDecoder(debeziumEnvelope(rowType, opts.schemaInclude), {
      failOnMissingField: false,
      ignoreParseErrors: opts.ignoreParseErrors,
      timestampFormat: opts.timestampFormat,
    });
  }

  splitRecords(text: string): string[] {
    return this.json.splitRecords(text);
  }

  decode(record: string): Decoded {
    try {
      return this.changes(record);
    } catch (e) {
      if (this.opts.ignoreParseErrors) return 'skip';
      throw new RuntimeError(`Corrupt Debezium JSON message '${record}'. ${rootMessage(e)}`, { cause: e });
    }
  }

  private changes(record: string): Decoded {
    // One message is one JSON object; the JSON decoder alone would explode a top-level array.
    if (record.trimStart().startsWith('[')) throw new DebeziumRecordError('Expected a JSON object, found an array.');
    const d = this.json.decode(record);
    if (d === 'skip') return 'skip';
    const root = d.rows[0]!;
    const payload = (this.opts.schemaInclude ? root[0] : root) as Row | null;
    if (payload === null) {
      throw new DebeziumRecordError(
        'The message has no "payload" field; unset debezium-json.schema-include for messages without a schema.',
      );
    }
    const before = payload[0] as Row | null;
    const after = payload[1] as Row | null;
    const op = payload[2] as string | null;
    switch (op) {
      case 'c':
      case 'r':
        if (after === null) throw new DebeziumRecordError(`The "after" field of a "${op}" message is null.`);
        return { rows: [after], kinds: [RowKind.INSERT] };
      case 'u':
        if (before === null) throw replicaIdentity('UPDATE');
        if (after === null) throw new DebeziumRecordError('The "after" field of a "u" message is null.');
        return { rows: [before, after], kinds: [RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER] };
      case 'd':
        if (before === null) throw replicaIdentity('DELETE');
        return { rows: [before], kinds: [RowKind.DELETE] };
      case null:
        throw new DebeziumRecordError(
          this.opts.schemaInclude
            ? 'The message has no "op" field.'
            : 'The message has no "op" field; set debezium-json.schema-include for messages wrapped in {"schema":…,"payload":…}.',
        );
      default:
        throw new DebeziumRecordError(`Unknown "op" value "${op}". The Debezium JSON message is '${record}'`);
    }
  }
}
