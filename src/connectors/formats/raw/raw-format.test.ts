import { describe, expect, it } from 'vitest';
import { BIGINT, INT, ROW, STRING, MAP } from '../../../types/data-type.js';
import { RowKind } from '../../../types/row.js';
import { rawFormatFactory } from './raw-format.js';

const session = { timeZone: 'UTC', now: () => 0 };
const ctx = (fields: { name: string; type: ReturnType<typeof STRING> | ReturnType<typeof INT> }[], opts: Record<string, string> = {}) => ({
  rowType: ROW(fields),
  options: new Map(Object.entries(opts)),
  session,
});

describe('raw format', () => {
  it('reads each line as one string record and writes it back', () => {
    const d = rawFormatFactory.createDecoder(ctx([{ name: 'line', type: STRING() }]));
    expect(d.splitRecords('a,b\n\nc\n')).toEqual(['a,b', '', 'c']);
    expect(d.decode('a,b')).toEqual({ rows: [['a,b']] });
    const e = rawFormatFactory.createEncoder(ctx([{ name: 'line', type: STRING() }]));
    expect(e.encode(['x y'], RowKind.INSERT)).toBe('x y');
  });

  it('round-trips numbers in both byte orders', () => {
    for (const endianness of ['big-endian', 'little-endian']) {
      const c = ctx([{ name: 'n', type: BIGINT() }], { endianness });
      const text = rawFormatFactory.createEncoder(c).encode([-2n], RowKind.INSERT);
      expect(rawFormatFactory.createDecoder({ ...c, options: new Map([['endianness', endianness]]) }).decode(text)).toEqual({ rows: [[-2n]] });
    }
  });

  it('rejects schemas with more than one column or unsupported types', () => {
    expect(() => rawFormatFactory.createDecoder(ctx([{ name: 'f0', type: STRING() }, { name: 'f1', type: BIGINT() }]))).toThrow(
      "The 'raw' format only supports single physical column. However the defined schema contains multiple physical columns: [`f0` STRING, `f1` BIGINT]",
    );
    expect(() => rawFormatFactory.createDecoder({ ...ctx([]), rowType: ROW([{ name: 'm', type: MAP(STRING(), INT()) }]) })).toThrow(
      "The 'raw' format doesn't supports 'MAP<STRING, INT>' as column type.",
    );
    expect(() => rawFormatFactory.createDecoder(ctx([{ name: 'a', type: STRING() }], { charset: 'UNKNOWN' }))).toThrow(
      "Unsupported 'raw.charset' name: UNKNOWN.",
    );
  });
});
