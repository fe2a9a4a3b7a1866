/** The `debezium-json` format factory (Flink's DebeziumJsonFormatFactory options and validation). */
import type { ConfigOption } from '../../../catalog/config-option.js';
import { readBoolean, readString } from '../../../catalog/option-readers.js';
import { ALL } from '../../../types/changelog-mode.js';
import { PlanError } from '../../../types/errors.js';
import type { FormatContext, FormatFactory } from '../format.js';
import type { TimestampStandard } from '../json/json-decoder.js';
import type { MapNullKeyMode } from '../json/json-encoder.js';
import { JSON_OPTIONS } from '../json/json-format.js';
import { DebeziumJsonDecoder } from './debezium-json-decoder.js';
import { DebeziumJsonEncoder } from './debezium-json-encoder.js';

export const DEBEZIUM_JSON_OPTIONS = {
  schemaInclude: {
    key: 'schema-include',
    description: 'Messages are wrapped in {"schema":…,"payload":…} (Kafka Connect schemas.enable); reading only.',
    defaultValue: 'false',
  } satisfies ConfigOption,
  ignoreParseErrors: JSON_OPTIONS.ignoreParseErrors,
  timestampFormat: JSON_OPTIONS.timestampFormat,
  mapNullKeyMode: JSON_OPTIONS.mapNullKeyMode,
  mapNullKeyLiteral: JSON_OPTIONS.mapNullKeyLiteral,
  decimalAsPlainNumber: JSON_OPTIONS.decimalAsPlainNumber,
  ignoreNullFields: JSON_OPTIONS.ignoreNullFields,
} as const;

const O = DEBEZIUM_JSON_OPTIONS;

function timestampFormat(options: ReadonlyMap<string, string>): TimestampStandard {
  const v = readString(options, O.timestampFormat.key, 'SQL');
  if (v !== 'SQL' && v !== 'ISO-8601') {
    throw new PlanError(`Unsupported value '${v}' for ${O.timestampFormat.key}. Supported values are [SQL, ISO-8601].`);
  }
  return v;
}

function mapNullKeyMode(options: ReadonlyMap<string, string>): MapNullKeyMode {
  const v = readString(options, O.mapNullKeyMode.key, 'FAIL');
  const up = v.toUpperCase();
  if (up !== 'FAIL' && up !== 'DROP' && up !== 'LITERAL') {
    throw new PlanError(
      `Unsupported value '${v}' for option ${O.mapNullKeyMode.key}. Supported values are [LITERAL, FAIL, DROP].`,
    );
  }
  return up;
}

export const debeziumJsonFormatFactory: FormatFactory = {
  identifier: 'debezium-json',
  requiredOptions: [],
  optionalOptions: Object.values(DEBEZIUM_JSON_OPTIONS),
  // Decoding yields, and encoding accepts, every change kind (Flink's two modes are the same).
  changelogMode: ALL,
  createDecoder(ctx: FormatContext) {
    const o = ctx.options;
    return new DebeziumJsonDecoder(ctx.rowType, {
      schemaInclude: readBoolean(o, O.schemaInclude.key, false),
      ignoreParseErrors: readBoolean(o, O.ignoreParseErrors.key, false),
      timestampFormat: timestampFormat(o),
    });
  },
  createEncoder(ctx: FormatContext) {
    const o = ctx.options;
    const nullKeyMode = mapNullKeyMode(o);
    const tsFormat = timestampFormat(o);
    // Flink writes no schema, so it rejects the option rather than silently writing bare payloads.
    if (readBoolean(o, O.schemaInclude.key, false)) {
      throw new PlanError(
        `Debezium JSON serialization doesn't support 'debezium-json.${O.schemaInclude.key}' option been set to true.`,
      );
    }
    return new DebeziumJsonEncoder(ctx.rowType, {
      timestampFormat: tsFormat,
      mapNullKeyMode: nullKeyMode,
      mapNullKeyLiteral: readString(o, O.mapNullKeyLiteral.key, 'null'),
      decimalAsPlainNumber: readBoolean(o, O.decimalAsPlainNumber.key, false),
      ignoreNullFields: readBoolean(o, O.ignoreNullFields.key, false),
    });
  },
};
