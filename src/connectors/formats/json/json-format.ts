/** The `json` format factory (Flink's JsonFormatFactory options and validation). */
import type { ConfigOption } from '../../../catalog/config-option.js';
import { INSERT_ONLY } from '../../../types/changelog-mode.js';
import { PlanError } from '../../../types/errors.js';
import type { FormatContext, FormatFactory } from '../format.js';
import { readBoolean, readString } from '../../../catalog/option-readers.js';
import { JsonRowDecoder, type TimestampStandard } from './json-decoder.js';
import { JsonRowEncoder, type MapNullKeyMode } from './json-encoder.js';

const opt = (key: string, description: string, defaultValue?: string): ConfigOption =>
  defaultValue === undefined ? { key, description } : { key, description, defaultValue };

export const JSON_OPTIONS = {
  failOnMissingField: opt('fail-on-missing-field', 'Fail if a field is missing.', 'false'),
  ignoreParseErrors: opt('ignore-parse-errors', 'Skip rows with parse errors; fields with errors become NULL.', 'false'),
  timestampFormat: opt('timestamp-format.standard', "Timestamp text format: 'SQL' or 'ISO-8601'.", 'SQL'),
  mapNullKeyMode: opt('map-null-key.mode', "Null map keys when writing: 'FAIL', 'DROP' or 'LITERAL'.", 'FAIL'),
  mapNullKeyLiteral: opt('map-null-key.literal', "Key text for null keys in 'LITERAL' mode.", 'null'),
  decimalAsPlainNumber: opt('encode.decimal-as-plain-number', 'Write decimals without scientific notation.', 'false'),
  ignoreNullFields: opt('encode.ignore-null-fields', 'Omit null fields when writing.', 'false'),
  jsonParserEnabled: opt('decode.json-parser.enabled', 'Accepted for compatibility; weir always streams.', 'true'),
} as const;

function timestampFormat(options: ReadonlyMap<string, string>): TimestampStandard {
  const v = readString(options, JSON_OPTIONS.timestampFormat.key, 'SQL');
  if (v !== 'SQL' && v !== 'ISO-8601') {
    throw new PlanError(
      `Unsupported value '${v}' for ${JSON_OPTIONS.timestampFormat.key}. Supported values are [SQL, ISO-8601].`,
    );
  }
  return v;
}

function mapNullKeyMode(options: ReadonlyMap<string, string>): MapNullKeyMode {
  const v = readString(options, JSON_OPTIONS.mapNullKeyMode.key, 'FAIL');
  const up = v.toUpperCase();
  if (up !== 'FAIL' && up !== 'DROP' && up !== 'LITERAL') {
    throw new PlanError(
      `Unsupported value '${v}' for option ${JSON_OPTIONS.mapNullKeyMode.key}. Supported values are [LITERAL, FAIL, DROP].`,
    );
  }
  return up;
}

export const jsonFormatFactory: FormatFactory = {
  identifier: 'json',
  requiredOptions: [],
  optionalOptions: Object.values(JSON_OPTIONS),
  changelogMode: INSERT_ONLY,
  createDecoder(ctx: FormatContext) {
    const o = ctx.options;
    const failOnMissingField = readBoolean(o, JSON_OPTIONS.failOnMissingField.key, false);
    const ignoreParseErrors = readBoolean(o, JSON_OPTIONS.ignoreParseErrors.key, false);
    if (failOnMissingField && ignoreParseErrors) {
      throw new PlanError(
        `${JSON_OPTIONS.failOnMissingField.key} and ${JSON_OPTIONS.ignoreParseErrors.key} shouldn't both be true.`,
      );
    }
    readBoolean(o, JSON_OPTIONS.jsonParserEnabled.key, true);
    return new JsonRowDecoder(ctx.rowType, {
      failOnMissingField,
      ignoreParseErrors,
      timestampFormat: timestampFormat(o),
    });
  },
  createEncoder(ctx: FormatContext) {
    const o = ctx.options;
    return new JsonRowEncoder(ctx.rowType, {
      timestampFormat: timestampFormat(o),
      mapNullKeyMode: mapNullKeyMode(o),
      mapNullKeyLiteral: readString(o, JSON_OPTIONS.mapNullKeyLiteral.key, 'null'),
      decimalAsPlainNumber: readBoolean(o, JSON_OPTIONS.decimalAsPlainNumber.key, false),
      ignoreNullFields: readBoolean(o, JSON_OPTIONS.ignoreNullFields.key, false),
    });
  },
};
