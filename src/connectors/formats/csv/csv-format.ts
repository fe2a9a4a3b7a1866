/** The `csv` format factory (Flink's CsvFormatFactory / CsvCommons options and validation). */
import type { ConfigOption } from '../../../catalog/config-option.js';
import { INSERT_ONLY } from '../../../types/changelog-mode.js';
import { PlanError } from '../../../types/errors.js';
import { readBoolean } from '../../../catalog/option-readers.js';
import type { FormatContext, FormatFactory } from '../format.js';
import type { CsvDialect } from './csv-dialect.js';
import { CsvRowDecoder } from './csv-decoder.js';
import { CsvRowEncoder } from './csv-encoder.js';

const opt = (key: string, description: string, defaultValue?: string): ConfigOption =>
  defaultValue === undefined ? { key, description } : { key, description, defaultValue };

export const CSV_OPTIONS = {
  fieldDelimiter: opt('field-delimiter', 'Field delimiter character; backslash escapes such as \\t allowed.', ','),
  disableQuoteCharacter: opt('disable-quote-character', 'Disable quoting of field values.', 'false'),
  quoteCharacter: opt('quote-character', 'Quote character for enclosing field values.', '"'),
  allowComments: opt('allow-comments', "Ignore comment lines starting with '#'.", 'false'),
  ignoreParseErrors: opt('ignore-parse-errors', 'Skip rows with parse errors; fields with errors become NULL.', 'false'),
  arrayElementDelimiter: opt('array-element-delimiter', 'Separator of array and row elements.', ';'),
  escapeCharacter: opt('escape-character', 'Escape character (disabled by default).'),
  nullLiteral: opt('null-literal', 'Text read and written as NULL (disabled by default).'),
  writeBigDecimalInScientificNotation: opt(
    'write-bigdecimal-in-scientific-notation',
    'Write DECIMAL values in scientific notation where Java would.',
    'true',
  ),
} as const;

/** Java's StringEscapeUtils.unescapeJava for the common escapes (`\t`, `\n`, `\\`, `\u0001`). */
export function unescapeJava(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e.length === 5 && e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    const map: Record<string, string> = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', '\\': '\\', "'": "'", '"': '"' };
    return map[e] ?? e;
  });
}

function singleChar(options: ReadonlyMap<string, string>, key: string, unescape: boolean): string | undefined {
  const raw = options.get(key);
  if (raw === undefined) return undefined;
  const v = unescape ? unescapeJava(raw) : raw;
  if (v.length !== 1) {
    throw new PlanError(`Option 'csv.${key}' must be a string with single character, but was: ${raw}`);
  }
  return v;
}

export function csvDialect(options: ReadonlyMap<string, string>): CsvDialect {
  const disableQuote = readBoolean(options, CSV_OPTIONS.disableQuoteCharacter.key, false);
  if (disableQuote && options.has(CSV_OPTIONS.quoteCharacter.key)) {
    throw new PlanError('Format cannot define a quote character and disabled quote character at the same time.');
  }
  const fieldDelimiter = singleChar(options, CSV_OPTIONS.fieldDelimiter.key, true) ?? ',';
  const arrayDelimiter = singleChar(options, CSV_OPTIONS.arrayElementDelimiter.key, false) ?? ';';
  const quote = singleChar(options, CSV_OPTIONS.quoteCharacter.key, false) ?? '"';
  const escape = singleChar(options, CSV_OPTIONS.escapeCharacter.key, false) ?? null;
  return {
    fieldDelimiter,
    quote: disableQuote ? null : quote,
    escape,
    arrayDelimiter,
    nullLiteral: options.get(CSV_OPTIONS.nullLiteral.key) ?? null,
    allowComments: readBoolean(options, CSV_OPTIONS.allowComments.key, false),
  };
}

export const csvFormatFactory: FormatFactory = {
  identifier: 'csv',
  requiredOptions: [],
  optionalOptions: Object.values(CSV_OPTIONS),
  changelogMode: INSERT_ONLY,
  createDecoder(ctx: FormatContext) {
    const d = csvDialect(ctx.options);
    return new CsvRowDecoder(ctx.rowType, d, readBoolean(ctx.options, CSV_OPTIONS.ignoreParseErrors.key, false));
  },
  createEncoder(ctx: FormatContext) {
    const d = csvDialect(ctx.options);
    const sci = readBoolean(ctx.options, CSV_OPTIONS.writeBigDecimalInScientificNotation.key, true);
    return new CsvRowEncoder(ctx.rowType, d, sci);
  },
};
