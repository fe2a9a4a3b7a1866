import { describe, expect, it } from 'vitest';
import {
  ARRAY, BIGINT, BOOLEAN, BYTES, DATE, DECIMAL, DOUBLE, FLOAT, INT, MAP, MULTISET, ROW, STRING, TIME, TIMESTAMP,
  TIMESTAMP_LTZ, TINYINT, type DataType,
} from '../../../types/data-type.js';
import { RuntimeError, PlanError } from '../../../types/errors.js';
import { RowKind } from '../../../types/row.js';
import { Decimal, Timestamp } from '../../../types/values.js';
import { jsonFormatFactory } from './json-format.js';

const session = { timeZone: 'UTC', now: () => 0 };
const rowType = (...fields: [string, DataType][]) => ROW(fields.map(([name, type]) => ({ name, type })));
const decoder = (rt: ReturnType<typeof rowType>, opts: Record<string, string> = {}) =>
  jsonFormatFactory.createDecoder({ rowType: rt, options: new Map(Object.entries(opts)), session });
const encoder = (rt: ReturnType<typeof rowType>, opts: Record<string, string> = {}) =>
  jsonFormatFactory.createEncoder({ rowType: rt, options: new Map(Object.entries(opts)), session });
const rowsOf = (d: ReturnType<typeof decoder>, rec: string) => {
  const r = d.decode(rec);
  if (r === 'skip') throw new Error('skipped');
  return r.rows;
};

describe('json decode', () => {
  it('reads fields by name, missing fields as null', () => {
    const d = decoder(rowType(['id', INT()], ['name', STRING()], ['price', DECIMAL(10, 2)]));
    expect(rowsOf(d, '{"name":"Alice","id":1,"extra":true}')).toEqual([[1, 'Alice', null]]);
  });

  it('keeps BIGINT and DECIMAL exact', () => {
    const d = decoder(rowType(['id', BIGINT()], ['amount', DECIMAL(38, 18)]));
    const [row] = rowsOf(d, '{"id": 9223372036854775807, "amount": 12345678901234567890.123456789012345678}');
    expect(row![0]).toBe(9223372036854775807n);
    expect((row![1] as Decimal).toString()).toBe('12345678901234567890.123456789012345678');
  });

  it('converts numbers given as strings and strings given as numbers', () => {
    const d = decoder(rowType(['a', INT()], ['b', BIGINT()], ['c', DOUBLE()], ['d', STRING()], ['e', BOOLEAN()]));
    expect(rowsOf(d, '{"a":" 12 ","b":"-5","c":"1.5","d":1.50,"e":"TRUE"}')).toEqual([[12, -5n, 1.5, '1.50', true]]);
  });

  it('rounds decimals HALF_UP and nulls values that overflow the precision', () => {
    const d = decoder(rowType(['a', DECIMAL(5, 2)], ['b', DECIMAL(3, 0)]));
    const [row] = rowsOf(d, '{"a":"1.005","b":12345}');
    expect((row![0] as Decimal).toString()).toBe('1.01');
    expect(row![1]).toBeNull();
  });

  it('reads nested rows, arrays, maps and multisets; containers into strings', () => {
    const d = decoder(
      rowType(
        ['r', rowType(['x', INT()], ['y', ARRAY(STRING())])],
        ['m', MAP(STRING(), BIGINT())],
        ['s', MULTISET(STRING())],
        ['raw', STRING()],
      ),
    );
    const [row] = rowsOf(d, '{"r":{"x":1,"y":["a",null]},"m":{"k":2},"s":{"a":3},"raw":{"z": [1, {"q":"\\n"}]}}');
    expect(row).toEqual([[1, ['a', null]], new Map([['k', 2n]]), new Map([['a', 3]]), '{"z":[1,{"q":"\\n"}]}']);
  });

  it('parses timestamps in SQL and ISO-8601 standards', () => {
    const rt = rowType(['t', TIMESTAMP(3)], ['l', TIMESTAMP_LTZ(3)], ['d', DATE()], ['tm', TIME()]);
    const sql = decoder(rt);
    const [r1] = rowsOf(sql, '{"t":"2020-12-30 12:13:14.123","l":"2020-12-30 12:13:14.123Z","d":"2020-12-30","tm":"12:13:14"}');
    const millis = Date.UTC(2020, 11, 30, 12, 13, 14, 123);
    expect(r1).toEqual([new Timestamp(millis, 0), new Timestamp(millis, 0), 18626, 43_994_000]);
    const iso = decoder(rt, { 'timestamp-format.standard': 'ISO-8601' });
    const [r2] = rowsOf(iso, '{"t":"2020-12-30T12:13:14.123","l":"2020-12-30T12:13:14.123Z"}');
    expect(r2!.slice(0, 2)).toEqual([new Timestamp(millis, 0), new Timestamp(millis, 0)]);
    // The SQL standard does not accept the ISO form.
    expect(() => sql.decode('{"t":"2020-12-30T12:13:14"}')).toThrow(RuntimeError);
  });

  it('explodes a top-level array into rows', () => {
    const d = decoder(rowType(['col1', BIGINT()], ['col2', STRING()]));
    expect(rowsOf(d, '[{"col1": 123, "col2": "a"}, {"col1": 456, "col2": "b"}]')).toEqual([
      [123n, 'a'],
      [456n, 'b'],
    ]);
  });

  it('fails naming the record, or skips it with ignore-parse-errors', () => {
    const rt = rowType(['id', INT()]);
    const strict = decoder(rt);
    expect(() => strict.decode('{"id": 1')).toThrow("Failed to deserialize JSON '{\"id\": 1'.");
    expect(() => strict.decode('{"id": "abc"}')).toThrow(RuntimeError);
    const lenient = decoder(rt, { 'ignore-parse-errors': 'true' });
    expect(lenient.decode('{"id": 1')).toBe('skip');
    // A field-level error only nulls the field.
    expect(rowsOf(lenient, '{"id": "abc"}')).toEqual([[null]]);
  });

  it('fails on a missing field with fail-on-missing-field', () => {
    const d = decoder(rowType(['id', INT()], ['name', STRING()]), { 'fail-on-missing-field': 'true' });
    try {
      d.decode('{"id":1}');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe(`Failed to deserialize JSON '{"id":1}'.`);
      expect(((e as Error).cause as Error).message).toBe("Could not find field with name 'name'.");
    }
  });

  it('validates options like Flink', () => {
    expect(() => decoder(rowType(['a', INT()]), { 'fail-on-missing-field': 'true', 'ignore-parse-errors': 'true' })).toThrow(
      "fail-on-missing-field and ignore-parse-errors shouldn't both be true.",
    );
    expect(() => decoder(rowType(['a', INT()]), { 'timestamp-format.standard': 'RFC' })).toThrow(
      "Unsupported value 'RFC' for timestamp-format.standard. Supported values are [SQL, ISO-8601].",
    );
    expect(() => decoder(rowType(['m', MAP(INT(), INT())]))).toThrow(PlanError);
  });

  it('splits lines and ignores blank ones', () => {
    const d = decoder(rowType(['a', INT()]));
    expect(d.splitRecords('{"a":1}\r\n\n{"a":2}\n')).toEqual(['{"a":1}', '{"a":2}']);
  });
});

describe('json encode', () => {
  it('writes Flink-formatted objects', () => {
    const e = encoder(rowType(['id', INT()], ['name', STRING()], ['price', DECIMAL(10, 2)], ['big', BIGINT()]));
    expect(e.encode([1, 'Alice', new Decimal(250n, 2), 9007199254740993n], RowKind.INSERT)).toBe(
      '{"id":1,"name":"Alice","price":2.50,"big":9007199254740993}',
    );
  });

  it('writes floats, doubles and decimals like Java', () => {
    const e = encoder(rowType(['f', FLOAT()], ['d', DOUBLE()], ['x', DECIMAL(20, 9)], ['z', DECIMAL(38, 10)]));
    expect(e.encode([0.1, 1e21, new Decimal(27n, 9), new Decimal(0n, 10)], RowKind.INSERT)).toBe(
      '{"f":0.1,"d":1.0E21,"x":2.7E-8,"z":0E-10}',
    );
    const plain = encoder(rowType(['x', DECIMAL(20, 9)]), { 'encode.decimal-as-plain-number': 'true' });
    expect(plain.encode([new Decimal(27n, 9)], RowKind.INSERT)).toBe('{"x":0.000000027}');
  });

  it('writes timestamps per the standard, binary as base64, escapes strings', () => {
    const rt = rowType(['t', TIMESTAMP(3)], ['l', TIMESTAMP_LTZ(3)], ['b', BYTES()], ['s', STRING()], ['tm', TIME(0)]);
    const ts = new Timestamp(Date.UTC(2020, 11, 30, 12, 13, 14, 120));
    const row = [ts, ts, new Uint8Array([107, 3, 11]), 'a"b\\c\n\u0001', 3_600_000];
    expect(encoder(rt).encode(row, RowKind.INSERT)).toBe(
      '{"t":"2020-12-30 12:13:14.12","l":"2020-12-30 12:13:14.12Z","b":"awML","s":"a\\"b\\\\c\\n\\u0001","tm":"01:00:00"}',
    );
    expect(encoder(rt, { 'timestamp-format.standard': 'ISO-8601' }).encode(row, RowKind.INSERT)).toContain(
      '"t":"2020-12-30T12:13:14.12","l":"2020-12-30T12:13:14.12Z"',
    );
  });

  it('handles nulls, null map keys and ignore-null-fields', () => {
    const rt = rowType(['a', INT()], ['m', MAP(STRING(), INT())], ['r', rowType(['x', ARRAY(TINYINT())])]);
    const m = new Map<unknown, unknown>([[null, 1], ['k', null]]);
    expect(() => encoder(rt).encode([null, m, null], RowKind.INSERT)).toThrow(/Could not serialize row/);
    expect(encoder(rt, { 'map-null-key.mode': 'DROP' }).encode([null, m, [[1, null]]], RowKind.INSERT)).toBe(
      '{"a":null,"m":{"k":null},"r":{"x":[1,null]}}',
    );
    expect(
      encoder(rt, { 'map-null-key.mode': 'LITERAL', 'map-null-key.literal': 'N', 'encode.ignore-null-fields': 'true' }).encode(
        [null, m, [null]],
        RowKind.INSERT,
      ),
    ).toBe('{"m":{"N":1,"k":null},"r":{}}');
  });

  it('round-trips through the decoder', () => {
    const rt = rowType(['id', BIGINT()], ['d', DECIMAL(38, 4)], ['t', TIMESTAMP(6)], ['a', ARRAY(STRING())]);
    const row = [-9223372036854775808n, new Decimal(-123456789012345678901234567n, 4), new Timestamp(1_600_000_000_123, 456_000), ['x', null]];
    const text = encoder(rt).encode(row, RowKind.INSERT);
    expect(rowsOf(decoder(rt), text)).toEqual([row]);
  });
});
