import { describe, expect, it } from 'vitest';
import {
  ARRAY, BIGINT, BOOLEAN, BYTES, DATE, DECIMAL, DOUBLE, FLOAT, INT, ROW, STRING, TIME, TIMESTAMP, TIMESTAMP_LTZ,
  TINYINT, type DataType,
} from '../../../types/data-type.js';
import { PlanError, RuntimeError } from '../../../types/errors.js';
import { RowKind } from '../../../types/row.js';
import { Decimal, Timestamp } from '../../../types/values.js';
import { csvFormatFactory } from './csv-format.js';

const session = { timeZone: 'UTC', now: () => 0 };
const rowType = (...fields: [string, DataType][]) => ROW(fields.map(([name, type]) => ({ name, type })));
const ctx = (rt: ReturnType<typeof rowType>, opts: Record<string, string>) => ({
  rowType: rt,
  options: new Map(Object.entries(opts)),
  session,
});
const dec = (rt: ReturnType<typeof rowType>, opts: Record<string, string> = {}) => csvFormatFactory.createDecoder(ctx(rt, opts));
const enc = (rt: ReturnType<typeof rowType>, opts: Record<string, string> = {}) => csvFormatFactory.createEncoder(ctx(rt, opts));
const rows = (d: ReturnType<typeof dec>, rec: string) => {
  const r = d.decode(rec);
  if (r === 'skip') throw new Error('skipped');
  return r.rows;
};
const wrap = (t: DataType) => rowType(['f0', STRING()], ['f1', t], ['f2', STRING()]);

describe('csv encode (Jackson quoting)', () => {
  // Expected texts from Flink's CsvRowDataSerDeSchemaTest.
  const cases: [DataType, unknown, string][] = [
    [STRING(), 'This is a test.', '"This is a test."'],
    [STRING(), 'This is a test\n\r.', '"This is a test\n\r."'],
    [BOOLEAN(), true, 'true'],
    [INT(), 1234567, '1234567'],
    [BIGINT(), 12345678910n, '12345678910'],
    [FLOAT(), Math.fround(0.33333334), '0.33333334'],
    [DOUBLE(), 0.33333333332, '0.33333333332'],
    [DECIMAL(38, 25), new Decimal(12340000000000000000000000001n, 25), '"1234.0000000000000000000000001"'],
    [DATE(), 17816, '2018-10-12'],
    [TIME(0), 43_932_000, '12:12:12'],
    [TIME(3), 43_932_232, '12:12:12.232'],
    [TIMESTAMP(0), new Timestamp(Date.UTC(2018, 9, 12, 12, 12, 12)), '"2018-10-12 12:12:12"'],
    [TIMESTAMP(3), new Timestamp(Date.UTC(2018, 9, 12, 12, 12, 12, 123)), '"2018-10-12 12:12:12.123"'],
    [TIMESTAMP_LTZ(3), new Timestamp(123456), '"1970-01-01 00:02:03.456Z"'],
    [rowType(['f0', STRING()], ['f1', INT()], ['f2', BOOLEAN()]), ['Hello', 42, false], 'Hello;42;false'],
    [ARRAY(STRING()), ['a', 'b', 'c'], 'a;b;c'],
    [ARRAY(TINYINT()), [12, 4, null], '12;4;null'],
    [BYTES(), new Uint8Array([107, 3, 11]), 'awML'],
  ];
  for (const [t, v, text] of cases) {
    it(`writes ${t.kind} as ${JSON.stringify(text)} and reads it back`, () => {
      const rt = wrap(t);
      const opts = { 'null-literal': 'null' };
      expect(enc(rt, opts).encode(['BEGIN', v, 'END'], RowKind.INSERT)).toBe(`BEGIN,${text},END`);
      expect(rows(dec(rt, opts), `BEGIN,${text},END`)).toEqual([['BEGIN', v, 'END']]);
    });
  }

  it('applies custom quote, escape and delimiters', () => {
    const opts = { 'escape-character': '*', 'quote-character': "'", 'array-element-delimiter': ':', 'field-delimiter': ';' };
    const rt = wrap(STRING());
    expect(rows(dec(rt, opts), "BEGIN;123*'4**;END")[0]![1]).toBe("123'4*");
    expect(rows(dec(rt, opts), "BEGIN;'a;b*'c';END")[0]![1]).toBe("a;b'c");
    expect(enc(rt, opts).encode(['BEGIN', "a;b'c", 'END'], RowKind.INSERT)).toBe("BEGIN;'a;b''c';END");
    const nested = wrap(rowType(['a', STRING()], ['b', STRING()]));
    expect(enc(nested, opts).encode(['BEGIN', ['1', 'hello world'], 'END'], RowKind.INSERT)).toBe("BEGIN;'1:hello world';END");
    expect(rows(dec(nested, opts), 'BEGIN;1:hello;END')[0]![1]).toEqual(['1', 'hello']);
    expect(rows(dec(wrap(INT()), opts), 'BEGIN;       12          ;END')[0]![1]).toBe(12);
  });

  it('writes without quotes when quoting is disabled, tab delimiter escapes', () => {
    const rt = rowType(['a', STRING()], ['b', INT()], ['c', STRING()]);
    expect(enc(rt, { 'quote-character': '#' }).encode(['Test', 12, '2019-12-26 12:12:12'], RowKind.INSERT)).toBe(
      'Test,12,#2019-12-26 12:12:12#',
    );
    expect(enc(rt, { 'disable-quote-character': 'true' }).encode(['Test', 12, 'a b'], RowKind.INSERT)).toBe('Test,12,a b');
    expect(enc(rt, { 'field-delimiter': '\\t' }).encode(['x', 1, 'y'], RowKind.INSERT)).toBe('x\t1\ty');
    expect(enc(rt).encode([null, null, ''], RowKind.INSERT)).toBe(',,');
  });
});

describe('csv decode', () => {
  const rt = rowType(['s', STRING()], ['i', INT()], ['t', STRING()]);

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const d = dec(rt);
    const recs = d.splitRecords('"a,b",1,"say ""hi"""\n"multi\nline",2,x\r\n');
    expect(recs).toEqual(['"a,b",1,"say ""hi"""', '"multi\nline",2,x']);
    expect(recs.flatMap((r) => rows(d, r))).toEqual([
      ['a,b', 1, 'say "hi"'],
      ['multi\nline', 2, 'x'],
    ]);
  });

  it('fails naming the record, or skips with ignore-parse-errors', () => {
    expect(() => dec(rt).decode('Test,null,Test')).toThrow("Failed to deserialize CSV row 'Test,null,Test'.");
    expect(() => dec(rt).decode('Test')).toThrow(RuntimeError);
    const lenient = dec(rt, { 'ignore-parse-errors': 'true' });
    expect(rows(lenient, 'Test,null,Test')).toEqual([['Test', null, 'Test']]);
    expect(rows(lenient, 'Test')).toEqual([['Test', null, null]]);
    expect(lenient.decode('Test,12,Test,Test')).toBe('skip');
  });

  it('handles comments, trailing delimiter and empty lines', () => {
    expect(rows(dec(rt), '#Test,12,Test')).toEqual([['#Test', 12, 'Test']]);
    expect(rows(dec(rt, { 'allow-comments': 'true' }), '#Test,12,Test')).toEqual([]);
    expect(rows(dec(rt), 'a,1,b,')).toEqual([['a', 1, 'b']]);
    expect(rows(dec(rt), '')).toEqual([]);
  });

  it('keeps BIGINT and DECIMAL exact', () => {
    const d = dec(rowType(['a', BIGINT()], ['b', DECIMAL(30, 10)]));
    const [r] = rows(d, '-9223372036854775808,12345678901234567890.0123456789');
    expect(r![0]).toBe(-9223372036854775808n);
    expect((r![1] as Decimal).toString()).toBe('12345678901234567890.0123456789');
  });

  it('validates options like Flink', () => {
    expect(() => dec(rt, { 'field-delimiter': ';;' })).toThrow(
      "Option 'csv.field-delimiter' must be a string with single character, but was: ;;",
    );
    expect(() => dec(rt, { 'disable-quote-character': 'true', 'quote-character': "'" })).toThrow(
      'Format cannot define a quote character and disabled quote character at the same time.',
    );
    expect(() => dec(rowType(['t', TIME(5)]))).toThrow(PlanError);
  });
});
