/**
 * The `raw` format (Flink's RawFormatFactory): exactly one physical column; strings in
 * `raw.charset` (validated; JS strings are charset-free), numbers as fixed-width binary in
 * `raw.endianness` carried as latin1 text. A null value is written as an empty record.
 */
import type { ConfigOption } from '../../../catalog/config-option.js';
import type { DataType, RowType } from '../../../types/data-type.js';
import { INSERT_ONLY } from '../../../types/changelog-mode.js';
import { PlanError, RuntimeError } from '../../../types/errors.js';
import type { RowKind } from '../../../types/row.js';
import { typeToString } from '../../../types/type-string.js';
import type { Decoder, Encoder, FormatContext, FormatFactory } from '../format.js';

export const RAW_OPTIONS = {
  charset: { key: 'charset', description: 'Charset of string values.', defaultValue: 'UTF-8' },
  endianness: { key: 'endianness', description: "Byte order of numbers: 'big-endian' or 'little-endian'.", defaultValue: 'big-endian' },
} as const satisfies Record<string, ConfigOption>;

const SUPPORTED = new Set(['CHAR', 'VARCHAR', 'BINARY', 'VARBINARY', 'BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE']);

const CHARSETS: Record<string, BufferEncoding> = {
  'UTF-8': 'utf8',
  UTF8: 'utf8',
  'US-ASCII': 'ascii',
  'ISO-8859-1': 'latin1',
  'UTF-16LE': 'utf16le',
};

function singleField(rt: RowType): DataType {
  if (rt.fields.length !== 1) {
    const schema = rt.fields.map((f) => `\`${f.name}\` ${typeToString(f.type)}`).join(', ');
    throw new PlanError(
      `The 'raw' format only supports single physical column. However the defined schema contains multiple physical columns: [${schema}]`,
    );
  }
  const t = rt.fields[0]!.type;
  if (!SUPPORTED.has(t.kind)) throw new PlanError(`The 'raw' format doesn't supports '${typeToString(t)}' as column type.`);
  return t;
}

function charset(o: ReadonlyMap<string, string>): BufferEncoding {
  const name = o.get(RAW_OPTIONS.charset.key) ?? 'UTF-8';
  const enc = CHARSETS[name.toUpperCase()];
  if (enc === undefined) throw new PlanError(`Unsupported 'raw.charset' name: ${name}.`);
  return enc;
}

function bigEndian(o: ReadonlyMap<string, string>): boolean {
  const name = o.get(RAW_OPTIONS.endianness.key) ?? 'big-endian';
  if (name.toLowerCase() === 'big-endian') return true;
  if (name.toLowerCase() === 'little-endian') return false;
  throw new PlanError(
    `Unsupported endianness name: ${name}. Valid values of 'raw.endianness' option are 'big-endian' and 'little-endian'.`,
  );
}

const WIDTH: Record<string, number> = { BOOLEAN: 1, TINYINT: 1, SMALLINT: 2, INT: 4, BIGINT: 8, FLOAT: 4, DOUBLE: 8 };

function decodeNumber(kind: string, b: Buffer, be: boolean): unknown {
  switch (kind) {
    case 'BOOLEAN':
      return b[0] !== 0;
    case 'TINYINT':
      return b.readInt8(0);
    case 'SMALLINT':
      return be ? b.readInt16BE(0) : b.readInt16LE(0);
    case 'INT':
      return be ? b.readInt32BE(0) : b.readInt32LE(0);
    case 'BIGINT':
      return be ? b.readBigInt64BE(0) : b.readBigInt64LE(0);
    case 'FLOAT':
      return be ? b.readFloatBE(0) : b.readFloatLE(0);
    default:
      return be ? b.readDoubleBE(0) : b.readDoubleLE(0);
  }
}

function encodeNumber(kind: string, v: unknown, be: boolean): Buffer {
  const b = Buffer.alloc(WIDTH[kind]!);
  switch (kind) {
    case 'BOOLEAN':
      b[0] = v ? 1 : 0;
      break;
    case 'TINYINT':
      b.writeInt8(v as number, 0);
      break;
    case 'SMALLINT':
      if (be) b.writeInt16BE(v as number, 0);
      else b.writeInt16LE(v as number, 0);
      break;
    case 'INT':
      if (be) b.writeInt32BE(v as number, 0);
      else b.writeInt32LE(v as number, 0);
      break;
    case 'BIGINT':
      if (be) b.writeBigInt64BE(v as bigint, 0);
      else b.writeBigInt64LE(v as bigint, 0);
      break;
    case 'FLOAT':
      if (be) b.writeFloatBE(v as number, 0);
      else b.writeFloatLE(v as number, 0);
      break;
    default:
      if (be) b.writeDoubleBE(v as number, 0);
      else b.writeDoubleLE(v as number, 0);
  }
  return b;
}

class RawDecoder implements Decoder {
  constructor(
    private readonly t: DataType,
    private readonly be: boolean,
  ) {}

  splitRecords(text: string): string[] {
    const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  decode(record: string) {
    const k = this.t.kind;
    if (k === 'CHAR' || k === 'VARCHAR') return { rows: [[record]] };
    // Binary and numeric records travel as latin1 text: one char per byte.
    const bytes = Buffer.from(record, 'latin1');
    if (k === 'BINARY' || k === 'VARBINARY') return { rows: [[new Uint8Array(bytes)]] };
    if (bytes.length !== WIDTH[k]) {
      throw new RuntimeError(
        `Failed to deserialize raw record '${record}': ${k} needs ${WIDTH[k]} bytes but the record has ${bytes.length}.`,
      );
    }
    return { rows: [[decodeNumber(k, bytes, this.be)]] };
  }
}

class RawEncoder implements Encoder {
  constructor(
    private readonly t: DataType,
    private readonly be: boolean,
  ) {}

  encode(row: unknown[], _kind: RowKind): string {
    const v = row[0];
    if (v === null || v === undefined) return '';
    const k = this.t.kind;
    if (k === 'CHAR' || k === 'VARCHAR') return v as string;
    const bytes = k === 'BINARY' || k === 'VARBINARY' ? Buffer.from(v as Uint8Array) : encodeNumber(k, v, this.be);
    return bytes.toString('latin1');
  }
}

export const rawFormatFactory: FormatFactory = {
  identifier: 'raw',
  requiredOptions: [],
  optionalOptions: Object.values(RAW_OPTIONS),
  changelogMode: INSERT_ONLY,
  createDecoder(ctx: FormatContext) {
    charset(ctx.options);
    return new RawDecoder(singleField(ctx.rowType), bigEndian(ctx.options));
  },
  createEncoder(ctx: FormatContext) {
    charset(ctx.options);
    return new RawEncoder(singleField(ctx.rowType), bigEndian(ctx.options));
  },
};
