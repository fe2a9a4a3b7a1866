import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InternalError, RuntimeError } from '../../types/errors.js';
import type { Chunk, RowKind } from '../../types/row.js';
import { Decimal, Timestamp } from '../../types/values.js';
import { MAX_KEPT_CAPACITY } from './value-format.js';
import {
  FORMAT_VERSION,
  ValueReader,
  ValueWriter,
  decodeChunk,
  decodeValues,
  encodeChunk,
  encodeValues,
} from './value-codec.js';

const roundTrip = (v: unknown): unknown => decodeValues(encodeValues([v]))[0];

/** Nested supported values (dense arrays, Object.prototype objects: so toStrictEqual holds). */
const { value: anyValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean()),
    fc.oneof(fc.integer(), fc.integer({ min: 0, max: 200 }), fc.double()),
    fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n })),
    fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 60 }),
      // Any UTF-16 code units, lone surrogates included.
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
    ),
    fc.uint8Array({ maxLength: 20 }),
    fc.tuple(fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }), fc.integer({ min: -50, max: 50 })).map(([u, s]) => new Decimal(u, s)),
    fc.tuple(fc.integer({ min: -(2 ** 45), max: 2 ** 45 }), fc.integer({ min: 0, max: 999_999 })).map(([m, n]) => new Timestamp(m, n)),
    tie('array'),
    tie('object'),
    tie('map'),
    tie('set'),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 5, noNullPrototype: true }),
  map: fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 4 }).map((es) => new Map(es)),
  set: fc.array(tie('value'), { maxLength: 4 }).map((xs) => new Set(xs)),
}));

const bidRow = (i: number): unknown[] => [
  BigInt(1000 + i),
  BigInt(i * 7919),
  BigInt(i) * 10n ** 12n,
  `channel-${i % 10}`,
  'https://example.com/',
  new Timestamp(1_700_000_000_000 + i, i % 3),
  `extra ${'x'.repeat(i % 70)} é ☃ 😀`,
];

describe('value codec', () => {
  it('round-trips scalars and their edge cases exactly', () => {
    const values = [
      undefined, null, true, false,
      0, -0, 1, 127, 128, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, 0.5, -1e-300, NaN, Infinity, -Infinity,
      Number.MAX_VALUE, Number.MIN_VALUE,
      0n, -1n, 2n ** 31n, -(2n ** 31n) - 1n, 2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n,
      -(2n ** 64n), 3n ** 500n, -(7n ** 333n),
      '', 'a', 'héllo', '😀', 'a😀b', '☃'.repeat(40), 'é'.repeat(40), 'x'.repeat(31), 'x'.repeat(32), 'y'.repeat(50),
      'z'.repeat(100_000), '\u00ff\u0100', '\0',
    ];
    const decoded = decodeValues(encodeValues(values));
    expect(decoded).toHaveLength(values.length);
    decoded.forEach((d, i) => expect(Object.is(d, values[i]) || d === values[i], `value #${i}`).toBe(true));
  });

  it('keeps lone surrogates (written as UTF-16, not replaced by U+FFFD)', () => {
    for (const s of ['\uD800', 'a\uDC00b', '\uDC00\uD800', `${'q'.repeat(40)}\uD83D`, `é${'\uDFFF'.repeat(50)}`]) {
      expect(roundTrip(s)).toBe(s);
    }
  });

  it('round-trips Decimal, Timestamp and bytes as their classes', () => {
    const d = roundTrip(new Decimal(-123456789012345678901234567890n, -3));
    expect(d).toBeInstanceOf(Decimal);
    expect(d).toEqual(new Decimal(-123456789012345678901234567890n, -3));
    expect(roundTrip(new Decimal(5n, 2))).toEqual(new Decimal(5n, 2));
    const t = roundTrip(new Timestamp(1_700_000_000_123, 456_789));
    expect(t).toBeInstanceOf(Timestamp);
    expect(t).toEqual(new Timestamp(1_700_000_000_123, 456_789));
    expect(roundTrip(new Timestamp(-62_135_596_800_000))).toEqual(new Timestamp(-62_135_596_800_000, 0));
    const b = roundTrip(Buffer.from([1, 2, 255]));
    expect(b).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(b)).toBe(false);
    expect(Array.from(b as Uint8Array)).toEqual([1, 2, 255]);
    expect(roundTrip(new Uint8Array(0))).toEqual(new Uint8Array(0));
  });

  it('round-trips nested containers, Map keys of any type and Sets', () => {
    const v = {
      a: [new Map<unknown, unknown>([['k', new Map([[1n, [null]]])]]), new Set([1, 'x', [2]])],
      b: new Map<unknown, unknown>([[[1, 2], 'array key'], [{ o: 1 }, 'object key'], [new Timestamp(5, 0), 7n], [undefined, 0]]),
      c: {},
      d: [],
      e: undefined,
    };
    expect(roundTrip(v)).toStrictEqual(v);
    const nullProto = Object.assign(Object.create(null) as object, { x: 1 });
    expect(roundTrip(nullProto)).toStrictEqual({ x: 1 });
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    expect(roundTrip(sparse)).toStrictEqual([1, undefined, 3]);
  });

  it('keeps an own "__proto__" key as a key, not a prototype', () => {
    const o = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    const d = roundTrip(o) as Record<string, unknown>;
    expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
    expect(Object.keys(d)).toEqual(['__proto__', 'a']);
    expect(d['__proto__']).toEqual({ polluted: true });
  });

  it('does not preserve shared references', () => {
    const shared = [1];
    const [a, b] = roundTrip([shared, shared]) as unknown[][];
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it('round-trips any nested supported value (property)', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 4 }), (values) => {
        const bytes = encodeValues(values);
        const decoded = decodeValues(bytes);
        expect(decoded).toStrictEqual(values);
        expect(encodeValues(decoded)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses unsupported values with an InternalError naming the class', () => {
    class SessionSet {}
    const cases: [unknown, string][] = [
      [new SessionSet(), 'SessionSet'],
      [new Date(0), 'Date'],
      [() => 1, 'function'],
      [Symbol('s'), 'symbol'],
      [new Int32Array(2), 'Int32Array'],
      [new WeakMap(), 'WeakMap'],
      [[1, { deep: new Map([[1, new SessionSet()]]) }], 'SessionSet'],
      [new Timestamp(0, 1.5), 'Timestamp with nanos 1.5'],
    ];
    for (const [v, name] of cases) {
      expect(() => encodeValues([v])).toThrow(InternalError);
      expect(() => encodeValues([v])).toThrow(`cannot encode a ${name}`);
    }
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => encodeValues([cyclic])).toThrow(/nested deeper than .* is it cyclic/);
    // The shared writer still works after a failed encoding.
    expect(decodeValues(encodeValues(['ok']))).toEqual(['ok']);
  });

  it('starts with the format version and rejects an unknown one', () => {
    const bytes = encodeValues([1]);
    expect(bytes[0]).toBe(FORMAT_VERSION);
    bytes[0] = 99;
    expect(() => decodeValues(bytes)).toThrow(RuntimeError);
    expect(() => decodeValues(bytes)).toThrow(/format version 99.* reads only version 1/);
  });

  it('rejects every truncation with a RuntimeError', () => {
    const bytes = encodeValues([1, -5, 0.5, 2n ** 40n, 3n ** 90n, 'abc', '😀', 'x'.repeat(300), new Uint8Array([1, 2]),
      new Decimal(12n, 2), new Timestamp(1, 2), [1, [2]], { a: 1 }, new Map([[1, 2]]), new Set([3]), null]);
    for (let n = 0; n < bytes.length; n++) {
      expect(() => decodeValues(bytes.subarray(0, n)), `prefix of ${n} bytes`).toThrow(/checkpoint data is corrupt: /);
    }
    const chunk = encodeChunk({ rows: [bidRow(1), bidRow(2)], kinds: [0, 3] });
    for (let n = 0; n < chunk.length; n++) {
      expect(() => decodeChunk(chunk.subarray(0, n)), `chunk prefix of ${n} bytes`).toThrow(RuntimeError);
    }
  });

  it('rejects trailing bytes, unknown tags, deep nesting and huge lengths', () => {
    expect(() => decodeValues(new Uint8Array([...encodeValues([1]), 0x01]))).toThrow(/bytes left/);
    expect(() => decodeValues(new Uint8Array([FORMAT_VERSION, 0x7f]))).toThrow(/unknown tag 0x7f at byte 1/);
    expect(() => decodeValues(new Uint8Array([FORMAT_VERSION, ...new Array<number>(5000).fill(0x0f), 0x00]))).toThrow(
      /corrupt: .*(nested deeper|length)/,
    );
    const deep = new Uint8Array(1 + 2 * 5000);
    deep[0] = FORMAT_VERSION;
    for (let i = 0; i < 5000; i++) deep.set([0x0f, 1], 1 + 2 * i); // [[[[…]]]]
    expect(() => decodeValues(deep)).toThrow(/nested deeper than 1000/);
    expect(() => decodeValues(new Uint8Array([FORMAT_VERSION, 0x0f, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow(/exceeds/);
    expect(() => decodeValues(new Uint8Array([FORMAT_VERSION, 0x0f, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toThrow(
      /longer than 5 bytes/,
    );
    expect(() => decodeValues(new Uint8Array(0))).toThrow(/corrupt: it is empty/);
    expect(() => decodeChunk(encodeValues([1]))).toThrow(/a chunk was expected/);
  });

  it('never fails other than with a RuntimeError on corrupted bytes (property)', () => {
    const good = encodeValues([bidRow(3), { k: new Map([[[1], new Set(['a', 2n ** 70n])]]) }, new Decimal(-7n, 3)]);
    const goodChunk = encodeChunk({ rows: [bidRow(4), [], [null, 'x']], kinds: [0, 1, 2] });
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (chunk, flips) => {
          const bytes = (chunk ? goodChunk : good).slice();
          for (const [at, b] of flips) bytes[1 + (at % (bytes.length - 1))] = b;
          try {
            if (chunk) decodeChunk(bytes);
            else decodeValues(bytes);
          } catch (e) {
            expect(e).toBeInstanceOf(RuntimeError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips chunks with and without kinds', () => {
    const rows = Array.from({ length: 100 }, (_, i) => bidRow(i));
    const plain: Chunk = { rows, kinds: null };
    expect(decodeChunk(encodeChunk(plain))).toStrictEqual(plain);
    const kinds = rows.map((_, i) => (i % 4) as RowKind);
    const changelog: Chunk = { rows, kinds };
    expect(decodeChunk(encodeChunk(changelog))).toStrictEqual(changelog);
    const odd: Chunk = { rows: [[], [undefined], [[1, 2], new Map([['a', 1]])]], kinds: [3, 2, 1] };
    expect(decodeChunk(encodeChunk(odd))).toStrictEqual(odd);
    expect(decodeChunk(encodeChunk({ rows: [], kinds: null }))).toStrictEqual({ rows: [], kinds: null });
    expect(() => encodeChunk({ rows: [[1]], kinds: [] })).toThrow(InternalError);
  });

  it('rejects a chunk with a bad row kind', () => {
    const bytes = encodeChunk({ rows: [[1]], kinds: [2] });
    bytes[bytes.length - 1] = 9;
    expect(() => decodeChunk(bytes)).toThrow(/bad row kind 9/);
  });

  it('streams values through a reused, growing writer', () => {
    const w = new ValueWriter(1);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 1000; i++) w.write([i, `key-${i}`, BigInt(i) ** 3n]);
      w.writeChunk({ rows: [[round]], kinds: null });
      const bytes = w.finish();
      // Decodes from a view at an offset, as a slice of a larger file would be.
      const file = new Uint8Array(bytes.length + 10);
      file.set(bytes, 7);
      const r = new ValueReader(file.subarray(7, 7 + bytes.length));
      for (let i = 0; i < 1000; i++) expect(r.read()).toEqual([i, `key-${i}`, BigInt(i) ** 3n]);
      expect(r.done).toBe(false);
      expect(r.readChunk()).toEqual({ rows: [[round]], kinds: null });
      expect(r.done).toBe(true);
      expect(() => r.read()).toThrow(/data ends/);
    }
  });

  it('hands over the buffer of a large encoding, and encodes on afterwards', () => {
    const large = Array.from({ length: 200_000 }, (_, i) => [i, `k${i}`]);
    const bytes = encodeValues([large]);
    expect(bytes.length).toBeGreaterThan(MAX_KEPT_CAPACITY);
    const small = encodeValues(['after']);
    expect(decodeValues(small)).toEqual(['after']);
    // The large encoding's bytes are its own: the next encoding wrote elsewhere.
    expect(decodeValues(bytes)).toEqual([large]);
  });
});
