import { describe, expect, it } from 'vitest';
import {
  ARRAY, BIGINT, DECIMAL, INT, MAP, ROW, STRING, TIMESTAMP, TIMESTAMP_LTZ, type DataType,
} from '../../../types/data-type.js';
import { PlanError, RuntimeError } from '../../../types/errors.js';
import { RowKind, type Row } from '../../../types/row.js';
import { Decimal, Timestamp } from '../../../types/values.js';
import type { Decoded } from '../format.js';
import { debeziumJsonFormatFactory as factory } from './debezium-json-format.js';

const session = { timeZone: 'UTC', now: () => 0 };
const rowType = (...fields: [string, DataType][]) => ROW(fields.map(([name, type]) => ({ name, type })));
type RT = ReturnType<typeof rowType>;
const ctx = (rt: RT, opts: Record<string, string>) => ({ rowType: rt, options: new Map(Object.entries(opts)), session });
const decoder = (rt: RT, opts: Record<string, string> = {}) => factory.createDecoder(ctx(rt, opts));
const encoder = (rt: RT, opts: Record<string, string> = {}) => factory.createEncoder(ctx(rt, opts));
const changes = (d: Decoded): [RowKind, Row][] => {
  if (d === 'skip') throw new Error('skipped');
  return d.rows.map((r, i) => [d.kinds![i]!, r]);
};

const ORDERS = rowType(['id', INT()], ['name', STRING()], ['price', DECIMAL(10, 2)]);

describe('debezium-json decode', () => {
  it('maps c/r/u/d to changelog rows and ignores other Debezium fields', () => {
    const d = decoder(ORDERS);
    const src = '"source":{"db":"inventory","table":"orders"},"ts_ms":1589362330904';
    expect(changes(d.decode(`{"before":null,"after":{"id":1,"name":"a","price":1.5},"op":"c",${src}}`))).toEqual([
      [RowKind.INSERT, [1, 'a', new Decimal(150n, 2)]],
    ]);
    expect(changes(d.decode('{"before":null,"after":{"id":2,"name":"b","price":null},"op":"r"}'))).toEqual([
      [RowKind.INSERT, [2, 'b', null]],
    ]);
    expect(changes(d.decode('{"before":{"id":1,"name":"a","price":1.5},"after":{"id":1,"name":"a2","price":2},"op":"u"}'))).toEqual([
      [RowKind.UPDATE_BEFORE, [1, 'a', new Decimal(150n, 2)]],
      [RowKind.UPDATE_AFTER, [1, 'a2', new Decimal(200n, 2)]],
    ]);
    expect(changes(d.decode('{"before":{"id":1},"after":null,"op":"d"}'))).toEqual([[RowKind.DELETE, [1, null, null]]]);
  });

  it('reads the payload of schema-include messages', () => {
    const d = decoder(ORDERS, { 'schema-include': 'true' });
    const msg = '{"schema":{"type":"struct","fields":[]},"payload":{"before":null,"after":{"id":7,"name":"x","price":"0.10"},"op":"c"}}';
    expect(changes(d.decode(msg))).toEqual([[RowKind.INSERT, [7, 'x', new Decimal(10n, 2)]]]);
    expect(() => d.decode('{"before":null,"after":{"id":7},"op":"c"}')).toThrow(/no "payload" field/);
    // Without the option, a wrapped message has no top-level "op".
    expect(() => decoder(ORDERS).decode(msg)).toThrow(/no "op" field; set debezium-json.schema-include/);
  });

  it('fails on bad records with the message, or skips them with ignore-parse-errors', () => {
    const bad = [
      '{"before":null,"after":{"id":1},"op":"x"}',
      '{"before":null,"after":{"id":1}}',
      '{"before":null,"after":null,"op":"c"}',
      '{"before":null,"after":{"id":1},"op":"u"}',
      '{"before":null,"after":null,"op":"d"}',
      '{"before":null,"after":{"id":1},"op":"c"',
      '[{"before":null,"after":{"id":1},"op":"c"}]',
      '{"before":null,"after":{"id":"one"},"op":"c"}',
      '{"before":null,"after":"oops","op":"c"}',
    ];
    const strict = decoder(ORDERS);
    for (const rec of bad) expect(() => strict.decode(rec)).toThrow(`Corrupt Debezium JSON message '${rec}'.`);
    expect(() => strict.decode(bad[0]!)).toThrow(`Unknown "op" value "x". The Debezium JSON message is '${bad[0]}'`);
    expect(() => strict.decode(bad[3]!)).toThrow('The "before" field of UPDATE message is null');
    expect(() => strict.decode(bad[4]!)).toThrow(RuntimeError);
    const lenient = decoder(ORDERS, { 'ignore-parse-errors': 'true' });
    for (const rec of bad.filter((_r, i) => i !== 7)) expect(lenient.decode(rec)).toBe('skip');
    // A field that does not convert becomes NULL; the record is kept.
    expect(changes(lenient.decode(bad[7]!))).toEqual([[RowKind.INSERT, [null, null, null]]]);
  });

  it('reads timestamps per timestamp-format.standard', () => {
    const rt = rowType(['t', TIMESTAMP(3)]);
    const ts = new Timestamp(Date.UTC(2020, 11, 30, 12, 13, 14, 123));
    expect(changes(decoder(rt).decode('{"after":{"t":"2020-12-30 12:13:14.123"},"op":"c"}'))).toEqual([[RowKind.INSERT, [ts]]]);
    const iso = decoder(rt, { 'timestamp-format.standard': 'ISO-8601' });
    expect(changes(iso.decode('{"after":{"t":"2020-12-30T12:13:14.123"},"op":"c"}'))).toEqual([[RowKind.INSERT, [ts]]]);
    expect(() => decoder(rt, { 'timestamp-format.standard': 'RFC' })).toThrow(
      "Unsupported value 'RFC' for timestamp-format.standard. Supported values are [SQL, ISO-8601].",
    );
  });
});

describe('debezium-json encode', () => {
  it('writes inserts and update-afters as "c", update-befores and deletes as "d"', () => {
    const e = encoder(ORDERS);
    const row = [1, 'a"b', new Decimal(250n, 2)];
    const after = '{"before":null,"after":{"id":1,"name":"a\\"b","price":2.50},"op":"c"}';
    const before = '{"before":{"id":1,"name":"a\\"b","price":2.50},"after":null,"op":"d"}';
    expect(e.encode(row, RowKind.INSERT)).toBe(after);
    expect(e.encode(row, RowKind.UPDATE_AFTER)).toBe(after);
    expect(e.encode(row, RowKind.UPDATE_BEFORE)).toBe(before);
    expect(e.encode(row, RowKind.DELETE)).toBe(before);
    expect(e.encode([null, null, null], RowKind.INSERT)).toBe('{"before":null,"after":{"id":null,"name":null,"price":null},"op":"c"}');
  });

  it('honours the JSON encoding options', () => {
    const rt = rowType(['x', DECIMAL(20, 9)], ['t', TIMESTAMP_LTZ(3)], ['m', MAP(STRING(), INT())], ['n', INT()]);
    const ts = new Timestamp(Date.UTC(2020, 11, 30, 12, 13, 14, 120));
    const row = [new Decimal(27n, 9), ts, new Map<unknown, unknown>([[null, 1]]), null];
    expect(() => encoder(rt).encode(row, RowKind.INSERT)).toThrow("Could not serialize row '+I(");
    const e = encoder(rt, {
      'encode.decimal-as-plain-number': 'true',
      'timestamp-format.standard': 'ISO-8601',
      'map-null-key.mode': 'LITERAL',
      'map-null-key.literal': 'N',
      'encode.ignore-null-fields': 'true',
    });
    // ignore-null-fields also drops the envelope's null "before", as Flink's serializer does.
    expect(e.encode(row, RowKind.INSERT)).toBe('{"after":{"x":0.000000027,"t":"2020-12-30T12:13:14.12Z","m":{"N":1}},"op":"c"}');
    expect(encoder(rt).encode([new Decimal(27n, 9), null, null, 1], RowKind.DELETE)).toBe(
      '{"before":{"x":2.7E-8,"t":null,"m":null,"n":1},"after":null,"op":"d"}',
    );
  });

  it('rejects schema-include and bad option values when writing', () => {
    expect(() => encoder(ORDERS, { 'schema-include': 'true' })).toThrow(
      "Debezium JSON serialization doesn't support 'debezium-json.schema-include' option been set to true.",
    );
    expect(() => encoder(ORDERS, { 'map-null-key.mode': 'keep' })).toThrow(PlanError);
    expect(() => encoder(ORDERS, { 'timestamp-format.standard': 'x' })).toThrow(PlanError);
    // Reading with schema-include is fine.
    expect(() => decoder(ORDERS, { 'schema-include': 'true' })).not.toThrow();
  });

  it('declares the full changelog for reading and writing', () => {
    expect([...factory.changelogMode.kinds].sort()).toEqual([RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE]);
  });
});

describe('debezium-json round trip', () => {
  it('reads back every kind it writes, with NULLs, DECIMAL, TIMESTAMP, BIGINT and nested ROW', () => {
    const rt = rowType(
      ['id', BIGINT()],
      ['d', DECIMAL(38, 4)],
      ['t', TIMESTAMP(6)],
      ['r', rowType(['a', ARRAY(STRING())], ['b', rowType(['c', INT()])])],
      ['s', STRING()],
    );
    const rows: Row[] = [
      [-9223372036854775808n, new Decimal(-123456789012345678901234567n, 4), new Timestamp(1_600_000_000_123, 456_000), [['x', null], [3]], 'é\n'],
      [1n, null, null, [null, null], null],
      [2n, new Decimal(0n, 4), new Timestamp(0), null, ''],
    ];
    const e = encoder(rt);
    const d = decoder(rt);
    for (const kind of [RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE]) {
      for (const row of rows) {
        const back = changes(d.decode(e.encode(row, kind)));
        // The wire has only "c" and "d": -U reads back as -D, +U as +I (as in Flink).
        const expected = kind === RowKind.INSERT || kind === RowKind.UPDATE_AFTER ? RowKind.INSERT : RowKind.DELETE;
        expect(back).toEqual([[expected, row]]);
      }
    }
  });

  it('splits lines and ignores blank ones', () => {
    expect(decoder(ORDERS).splitRecords('{"op":"c"}\r\n\n{"op":"d"}\n')).toEqual(['{"op":"c"}', '{"op":"d"}']);
  });
});
