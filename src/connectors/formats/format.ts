import type { ConfigOption } from '../../catalog/config-option.js';
import type { ChangelogMode } from '../../types/changelog-mode.js';
import type { RowType } from '../../types/data-type.js';
import type { Row, RowKind } from '../../types/row.js';
import type { FunctionContext } from '../../functions/function-def.js';

export interface FormatContext {
  /** The columns the format reads or writes. */
  readonly rowType: RowType;
  /** This format's options with the `<format>.` prefix removed (e.g. `ignore-parse-errors`). */
  readonly options: ReadonlyMap<string, string>;
  readonly session: FunctionContext;
}

/** A format, looked up by the `format` option's value. Option keys are without the format prefix. */
export interface FormatFactory {
  readonly identifier: string;
  readonly requiredOptions: readonly ConfigOption[];
  readonly optionalOptions: readonly ConfigOption[];
  readonly changelogMode: ChangelogMode;
  createDecoder(ctx: FormatContext): Decoder;
  createEncoder(ctx: FormatContext): Encoder;
}

/** Result of decoding one record: rows (usually one), or 'skip' when ignore-parse-errors dropped it. */
export type Decoded = { readonly rows: Row[]; readonly kinds?: RowKind[] } | 'skip';

export interface Decoder {
  /** Splits a file's text into records (lines for json/raw; csv honours quoted line breaks). */
  splitRecords(text: string): string[];
  /** Decodes one record. Throws RuntimeError naming the record when malformed and errors are not ignored. */
  decode(record: string): Decoded;
}

export interface Encoder {
  /** One record's text, without a trailing line separator. */
  encode(row: Row, kind: RowKind): string;
}
