/**
 * A compact binary codec for state values and chunks: it writes operators' state into checkpoint
 * files and moves chunks of rows between worker threads, so it avoids JSON and per-value
 * allocation.
 *
 * Layout: a format version byte, then tagged values (one tag byte, then the payload; lengths and
 * counts are unsigned LEB128 varints). The tags are a PERSISTED FORMAT: checkpoints must stay
 * readable after weir upgrades, so a tag is never renumbered or reused. A new kind of value gets a
 * new tag; a change old data cannot be read with bumps FORMAT_VERSION and keeps reading the old one.
 *
 * Supported: undefined, null, booleans, numbers (exact, including NaN, -0 and ±Infinity), bigint
 * (any size), strings, Decimal, Timestamp, Uint8Array (a Buffer decodes as a Uint8Array), arrays
 * (holes decode as undefined, non-index properties are dropped), plain objects (own enumerable
 * string keys; a null-prototype object decodes with Object.prototype), Map and Set. Anything else
 * throws an InternalError naming its class: operator state must not hold it.
 *
 * Strings are written one byte per char when every char is below U+0100, else as UTF-8. A string
 * with lone surrogates (not well-formed UTF-16) is written as its raw UTF-16 code units, so it too
 * round-trips exactly: replacing them by U+FFFD, as UTF-8 would, could merge two state keys.
 *
 * No identity: an object referenced twice decodes as two equal copies; a cycle throws once nesting
 * passes MAX_DEPTH. Corrupt or truncated input throws RuntimeError("checkpoint data is corrupt:
 * …"): every length is checked against the bytes left before anything is read or allocated.
 */
import { Buffer } from 'node:buffer';
import { InternalError, RuntimeError } from '../../types/errors.js';
import type { Chunk, Row, RowKind } from '../../types/row.js';
import { Decimal, Timestamp } from '../../types/values.js';

/** The first byte of every encoded stream. Bump it only with a reader for the old version. */
export const FORMAT_VERSION = 1;

// Tags (persisted: never renumber or reuse; see the top comment).
const T_UNDEFINED = 0x00;
const T_NULL = 0x01;
const T_FALSE = 0x02;
const T_TRUE = 0x03;
const T_INT32 = 0x04; // number, 4 bytes LE
const T_FLOAT64 = 0x05; // number, 8 bytes LE
const T_BIGINT32 = 0x06; // bigint in int32 range, 4 bytes LE
const T_BIGINT64 = 0x07; // bigint in int64 range, 8 bytes LE
const T_BIGINT_BIG = 0x08; // sign byte (0 or 1), varint n, n magnitude bytes big-endian
const T_LATIN1 = 0x09; // varint n, n chars below U+0100 one byte each
const T_UTF8 = 0x0a; // varint n, n bytes of UTF-8
const T_UTF16 = 0x0b; // varint n, n UTF-16 code units, 2 bytes LE each
const T_BYTES = 0x0c; // varint n, n bytes
const T_DECIMAL = 0x0d; // zigzag varint scale, then the unscaled bigint (tagged)
const T_TIMESTAMP = 0x0e; // millis float64 LE, varint nanos
const T_ARRAY = 0x0f; // varint n, n values
const T_OBJECT = 0x10; // varint n, n × (string key (tagged), value)
const T_MAP = 0x11; // varint n, n × (key, value)
const T_SET = 0x12; // varint n, n values
const T_CHUNK = 0x13; // varint rows, kinds flag byte, rows × (varint arity, values), kinds bytes
const T_SHAPE_DEF = 0x14; // varint n, n string keys (tagged), n values: an object whose key list gets the next shape id
const T_SHAPED = 0x15; // varint shape id, the shape's values in key order: an object with a key list seen before
const T_SMALL_INT = 0x80; // 0x80 | n: the number n in 0..127, no payload

/** Deeper nesting is refused: a cycle when writing, corruption when reading (no stack overflow). */
const MAX_DEPTH = 1000;
// Strings shorter than these are written / read char by char, longer ones natively (measured).
const SHORT_WRITE = 32;
const SHORT_READ = 10;
/** The shared writer of encodeValues/encodeChunk is dropped rather than kept above this size. */
const MAX_KEPT_CAPACITY = 1 << 20;

const MIN_I32 = -(2n ** 31n);
const MAX_I32 = 2n ** 31n - 1n;
const MIN_I64 = -(2n ** 63n);
const MAX_I64 = 2n ** 63n - 1n;

interface WellFormed {
  isWellFormed(): boolean; // ES2024, in Node 20; the repo's lib is ES2023
}

// Buffer's undocumented encoders skip `write`/`toString`'s argument handling (about 1.3× faster on
// short strings); the public methods stand in if a Node version lacks them.
type Utf8Write = (this: Buffer, s: string, offset: number, max: number) => number;
type Slice = (this: Buffer, start: number, end: number) => string;
const fast = Buffer.prototype as unknown as { utf8Write?: Utf8Write; latin1Slice?: Slice; utf8Slice?: Slice };
const utf8Write: Utf8Write =
  fast.utf8Write ??
  function (this: Buffer, s, offset, max) {
    return this.write(s, offset, max, 'utf8');
  };
const latin1Slice: Slice =
  fast.latin1Slice ??
  function (this: Buffer, start, end) {
    return this.toString('latin1', start, end);
  };
const utf8Slice: Slice =
  fast.utf8Slice ??
  function (this: Buffer, start, end) {
    return this.toString('utf8', start, end);
  };

function unsupported(what: string): InternalError {
  return new InternalError(
    `cannot encode a ${what} in a checkpoint: state may hold only SQL values, arrays, plain objects, Map and Set`,
  );
}

function className(v: object): string {
  const proto: unknown = Object.getPrototypeOf(v);
  const ctor: unknown = proto === null || proto === undefined ? undefined : (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'object of an anonymous class';
}

function corrupt(what: string): RuntimeError {
  return new RuntimeError(`checkpoint data is corrupt: ${what}`);
}

/** Bytes of a varint of n: the width reserved for a length known only after writing. */
function varintSize(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
}

/**
 * Appends values to a growable buffer (starts small, doubles). `finish()` returns a copy of the
 * bytes and starts over, so one writer serves many encodings. After a write threw, call `reset()`.
 */
export class ValueWriter {
  private buf: Buffer;
  private view: DataView;
  private pos = 1;
  private depth = 0;
  /**
   * Key lists of the objects written so far, as a trie of keys ending in a shape id: state holds
   * millions of objects of a few shapes, whose keys are then written once per encoding.
   */
  private shapes: ShapeNode = { next: new Map() };
  private shapeCount = 0;

  constructor(initialCapacity = 256) {
    this.buf = Buffer.allocUnsafeSlow(Math.max(16, initialCapacity));
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.buf[0] = FORMAT_VERSION;
  }

  get capacity(): number {
    return this.buf.length;
  }

  /** The bytes written since the last finish/reset (version byte first), as a new Uint8Array. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.pos);
    out.set(new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.pos));
    this.reset();
    return out;
  }

  /** Drops what was written (after a failed write, the contents are half a value). */
  reset(): void {
    this.pos = 1;
    this.depth = 0;
    this.shapes = { next: new Map() };
    this.shapeCount = 0;
  }

  write(v: unknown): void {
    switch (typeof v) {
      case 'number':
        return this.writeNumber(v);
      case 'string':
        return this.writeString(v);
      case 'bigint':
        return this.writeBigint(v);
      case 'object':
        return v === null ? this.byte(T_NULL) : this.writeObject(v);
      case 'boolean':
        return this.byte(v ? T_TRUE : T_FALSE);
      case 'undefined':
        return this.byte(T_UNDEFINED);
      default:
        throw unsupported(typeof v); // function, symbol
    }
  }

  /** The fast path for chunks: no tag per row, the arity once per row, kinds one byte per row. */
  writeChunk(chunk: Chunk): void {
    const { rows, kinds } = chunk;
    if (kinds !== null && kinds.length !== rows.length) {
      throw new InternalError(`chunk has ${rows.length} rows but ${kinds.length} row kinds`);
    }
    this.byte(T_CHUNK);
    this.varint(rows.length);
    this.byte(kinds === null ? 0 : 1);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const n = row.length;
      this.varint(n);
      for (let i = 0; i < n; i++) this.write(row[i]);
    }
    if (kinds !== null) {
      this.ensure(kinds.length);
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < kinds.length; i++) buf[p++] = kinds[i]!;
      this.pos = p;
    }
  }

  private ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  private varint(n: number): void {
    this.ensure(5);
    const buf = this.buf;
    let p = this.pos;
    while (n >= 0x80) {
      buf[p++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128); // not >>>: lengths may pass 2^31
    }
    buf[p++] = n;
    this.pos = p;
  }

  /** A tag and an int32, little-endian. */
  private tagInt32(tag: number, v: number): void {
    this.ensure(5);
    const buf = this.buf;
    const p = this.pos;
    buf[p] = tag;
    buf[p + 1] = v;
    buf[p + 2] = v >> 8;
    buf[p + 3] = v >> 16;
    buf[p + 4] = v >> 24;
    this.pos = p + 5;
  }

  private writeNumber(v: number): void {
    if ((v | 0) === v && (v !== 0 || 1 / v > 0)) {
      // An int32 (not -0).
      if (v >= 0 && v < 0x80) this.byte(T_SMALL_INT | v);
      else this.tagInt32(T_INT32, v);
    } else {
      this.ensure(9);
      this.buf[this.pos] = T_FLOAT64;
      this.view.setFloat64(this.pos + 1, v, true);
      this.pos += 9;
    }
  }

  private writeBigint(v: bigint): void {
    if (v >= MIN_I32 && v <= MAX_I32) {
      this.tagInt32(T_BIGINT32, Number(v));
    } else if (v >= MIN_I64 && v <= MAX_I64) {
      this.ensure(9);
      this.buf[this.pos] = T_BIGINT64;
      this.view.setBigInt64(this.pos + 1, v, true);
      this.pos += 9;
    } else {
      // Rare: the magnitude's bytes, big-endian, through its hex digits.
      let hex = (v < 0n ? -v : v).toString(16);
      if (hex.length % 2 === 1) hex = `0${hex}`;
      const n = hex.length / 2;
      this.byte(T_BIGINT_BIG);
      this.byte(v < 0n ? 1 : 0);
      this.varint(n);
      this.ensure(n);
      this.buf.write(hex, this.pos, n, 'hex');
      this.pos += n;
    }
  }

  private writeString(s: string): void {
    const n = s.length;
    if (n < SHORT_WRITE) {
      // Optimistically one byte per char; a char from U+0100 up falls through to UTF-8.
      this.ensure(n + 2);
      const buf = this.buf;
      let p = this.pos + 2;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c > 0xff) break;
        buf[p++] = c;
      }
      if (i === n) {
        buf[this.pos] = T_LATIN1;
        buf[this.pos + 1] = n;
        this.pos = p;
        return;
      }
    }
    // UTF-8 into the room for the longest encoding; its varint length is padded to the width
    // reserved for that longest one (LEB128 allows padding), so there is no second pass.
    const max = 3 * n;
    const width = varintSize(max);
    this.ensure(1 + width + max);
    const start = this.pos + 1 + width;
    const written = utf8Write.call(this.buf, s, start, max);
    if (written !== n && !(s as unknown as WellFormed).isWellFormed()) {
      this.writeUtf16(s);
      return;
    }
    const buf = this.buf;
    let p = this.pos;
    // All ASCII when bytes = chars: the reader then takes its one-byte-per-char path.
    buf[p++] = written === n ? T_LATIN1 : T_UTF8;
    let len = written;
    for (let w = width; w > 1; w--) {
      buf[p++] = (len & 0x7f) | 0x80;
      len = Math.floor(len / 128);
    }
    buf[p] = len;
    this.pos = start + written;
  }

  private writeUtf16(s: string): void {
    this.byte(T_UTF16);
    this.varint(s.length);
    this.ensure(2 * s.length);
    this.pos += this.buf.write(s, this.pos, 2 * s.length, 'utf16le');
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new InternalError(`cannot encode a value nested deeper than ${MAX_DEPTH} levels in a checkpoint: is it cyclic?`);
    }
  }

  private writeObject(v: object): void {
    if (Array.isArray(v)) {
      this.enter();
      this.byte(T_ARRAY);
      this.varint(v.length);
      for (let i = 0; i < v.length; i++) this.write(v[i]);
      this.depth--;
      return;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto === Timestamp.prototype) {
      const { millis, nanos } = v as Timestamp;
      if (!(Number.isInteger(nanos) && nanos >= 0 && nanos <= 999_999)) {
        throw new InternalError(`cannot encode a Timestamp with nanos ${nanos} (must be an integer in 0..999999)`);
      }
      this.ensure(9);
      this.buf[this.pos] = T_TIMESTAMP;
      this.view.setFloat64(this.pos + 1, millis, true);
      this.pos += 9;
      this.varint(nanos);
    } else if (proto === Decimal.prototype) {
      const { unscaled, scale } = v as Decimal;
      if ((scale | 0) !== scale) throw new InternalError(`cannot encode a Decimal with scale ${scale}`);
      this.byte(T_DECIMAL);
      this.varint(((scale << 1) ^ (scale >> 31)) >>> 0);
      this.writeBigint(unscaled);
    } else if (v instanceof Uint8Array) {
      this.byte(T_BYTES);
      this.varint(v.length);
      this.ensure(v.length);
      this.buf.set(v, this.pos);
      this.pos += v.length;
    } else if (proto === Map.prototype) {
      this.enter();
      this.byte(T_MAP);
      this.varint((v as Map<unknown, unknown>).size);
      for (const [k, x] of v as Map<unknown, unknown>) {
        this.write(k);
        this.write(x);
      }
      this.depth--;
    } else if (proto === Set.prototype) {
      this.enter();
      this.byte(T_SET);
      this.varint((v as Set<unknown>).size);
      for (const x of v as Set<unknown>) this.write(x);
      this.depth--;
    } else if (proto === Object.prototype || proto === null) {
      this.enter();
      this.writePlainObject(v as Record<string, unknown>);
      this.depth--;
    } else {
      throw unsupported(className(v));
    }
  }

  /** A plain object: its key list once per encoding (T_SHAPE_DEF), then only its shape id (T_SHAPED). */
  private writePlainObject(v: Record<string, unknown>): void {
    let node = this.shapes;
    let n = 0;
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map() }));
      node = child;
      n++;
    }
    if (node.id !== undefined) {
      this.byte(T_SHAPED);
      this.varint(node.id);
      for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) this.write(v[k]);
      return;
    }
    node.id = this.shapeCount++;
    this.byte(T_SHAPE_DEF);
    this.varint(n);
    for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) this.writeString(k);
    for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) this.write(v[k]);
  }
}

/** Sets an own property; an own "__proto__" key must not set the prototype. */
function setOwn(o: Record<string, unknown>, k: string, x: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
  else o[k] = x;
}

interface ShapeNode {
  id?: number;
  readonly next: Map<string, ShapeNode>;
}

/** Reads back what a ValueWriter wrote, value by value; checks the version byte on construction. */
export class ValueReader {
  private readonly buf: Buffer;
  private readonly view: DataView;
  private readonly end: number;
  private pos = 1;
  private depth = 0;
  /** Key lists by shape id, in the order the writer defined them. */
  private readonly shapes: string[][] = [];

  constructor(bytes: Uint8Array) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); // a view, no copy
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.byteLength;
    if (this.end === 0) throw corrupt('it is empty (no format version byte)');
    const version = this.buf[0]!;
    if (version !== FORMAT_VERSION) {
      throw new RuntimeError(
        `checkpoint data has format version ${version}, but this weir reads only version ${FORMAT_VERSION}: ` +
          'it was written by a newer weir (restore it with that version) or is corrupt',
      );
    }
  }

  /** True once every byte was read. */
  get done(): boolean {
    return this.pos >= this.end;
  }

  /** An object key (a tagged string). */
  private key(): string {
    const at = this.pos;
    const t = this.pos < this.end ? this.buf[this.pos++]! : -1;
    if (t !== T_LATIN1 && t !== T_UTF8 && t !== T_UTF16) throw corrupt(`an object key was expected at byte ${at}`);
    return this.stringAfter(t);
  }

  /** An object of a known shape: its values in key order. */
  private objectOf(keys: readonly string[]): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const k of keys) setOwn(o, k, this.read());
    return o;
  }

  read(): unknown {
    if (this.pos >= this.end) throw corrupt(`a value was expected at byte ${this.pos}, but the data ends there`);
    const tag = this.buf[this.pos++]!;
    if (tag >= T_SMALL_INT) return tag & 0x7f;
    switch (tag) {
      case T_UNDEFINED:
        return undefined;
      case T_NULL:
        return null;
      case T_FALSE:
        return false;
      case T_TRUE:
        return true;
      case T_INT32:
        return this.int32();
      case T_FLOAT64:
        return this.float64();
      case T_BIGINT32:
      case T_BIGINT64:
      case T_BIGINT_BIG:
        return this.bigintAfter(tag);
      case T_LATIN1:
      case T_UTF8:
      case T_UTF16:
        return this.stringAfter(tag);
      case T_BYTES: {
        const n = this.length(1);
        const out = new Uint8Array(n); // a copy: decoded values must not pin or alias the input
        out.set(this.buf.subarray(this.pos, this.pos + n));
        this.pos += n;
        return out;
      }
      case T_DECIMAL: {
        const z = this.varint();
        if (z > 0xffffffff) throw corrupt(`decimal scale out of range before byte ${this.pos}`);
        const scale = (z >>> 1) ^ -(z & 1);
        const at = this.pos;
        const t = this.pos < this.end ? this.buf[this.pos++]! : -1;
        if (t !== T_BIGINT32 && t !== T_BIGINT64 && t !== T_BIGINT_BIG) {
          throw corrupt(`a decimal's unscaled bigint was expected at byte ${at}`);
        }
        return new Decimal(this.bigintAfter(t), scale);
      }
      case T_TIMESTAMP: {
        const millis = this.float64();
        const nanos = this.varint();
        if (nanos > 999_999) throw corrupt(`timestamp nanos ${nanos} out of range before byte ${this.pos}`);
        return new Timestamp(millis, nanos);
      }
      case T_ARRAY: {
        const n = this.length(1);
        this.enter();
        const a: unknown[] = [];
        for (let i = 0; i < n; i++) a.push(this.read());
        this.depth--;
        return a;
      }
      case T_OBJECT: {
        const n = this.length(2);
        this.enter();
        const o: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) {
          const k = this.key();
          setOwn(o, k, this.read());
        }
        this.depth--;
        return o;
      }
      case T_SHAPE_DEF: {
        const n = this.length(2);
        this.enter();
        const keys: string[] = [];
        for (let i = 0; i < n; i++) keys.push(this.key());
        this.shapes.push(keys);
        const o = this.objectOf(keys);
        this.depth--;
        return o;
      }
      case T_SHAPED: {
        const id = this.length(0);
        const keys = this.shapes[id];
        if (keys === undefined) throw corrupt(`object shape ${id} was not defined before byte ${this.pos}`);
        this.enter();
        const o = this.objectOf(keys);
        this.depth--;
        return o;
      }
      case T_MAP: {
        const n = this.length(2);
        this.enter();
        const m = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) m.set(this.read(), this.read());
        this.depth--;
        return m;
      }
      case T_SET: {
        const n = this.length(1);
        this.enter();
        const s = new Set<unknown>();
        for (let i = 0; i < n; i++) s.add(this.read());
        this.depth--;
        return s;
      }
      default:
        throw corrupt(`unknown tag 0x${tag.toString(16)} at byte ${this.pos - 1}`);
    }
  }

  /** Reads what `ValueWriter.writeChunk` wrote. */
  readChunk(): Chunk {
    const at = this.pos;
    if (this.pos >= this.end || this.buf[this.pos++] !== T_CHUNK) throw corrupt(`a chunk was expected at byte ${at}`);
    const n = this.length(1);
    this.need(1);
    const flag = this.buf[this.pos++]!;
    if (flag > 1) throw corrupt(`bad chunk flag ${flag} at byte ${this.pos - 1}`);
    const rows: Row[] = [];
    for (let r = 0; r < n; r++) {
      const arity = this.length(1);
      const row: Row = [];
      for (let i = 0; i < arity; i++) row.push(this.read());
      rows.push(row);
    }
    if (flag === 0) return { rows, kinds: null };
    this.need(n);
    const kinds: RowKind[] = [];
    for (let i = 0; i < n; i++) {
      const k = this.buf[this.pos++]!;
      if (k > 3) throw corrupt(`bad row kind ${k} at byte ${this.pos - 1}`);
      kinds.push(k as RowKind);
    }
    return { rows, kinds };
  }

  private need(n: number): void {
    if (this.pos + n > this.end) {
      throw corrupt(`${n} bytes were expected at byte ${this.pos}, but only ${this.end - this.pos} are left (truncated?)`);
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw corrupt(`values nested deeper than ${MAX_DEPTH} levels at byte ${this.pos}`);
  }

  private varint(): number {
    const buf = this.buf;
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) throw corrupt(`the data ends inside a length at byte ${this.pos}`);
      const b = buf[this.pos++]!;
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 128;
    }
    throw corrupt(`a length longer than 5 bytes ends at byte ${this.pos}`);
  }

  /** A count of things that take at least `minBytes` each: more than the bytes left is corrupt. */
  private length(minBytes: number): number {
    const n = this.varint();
    if (n * minBytes > this.end - this.pos) {
      throw corrupt(`a length of ${n} at byte ${this.pos} exceeds the ${this.end - this.pos} bytes left (truncated?)`);
    }
    return n;
  }

  private int32(): number {
    this.need(4);
    const buf = this.buf;
    const p = this.pos;
    this.pos = p + 4;
    return buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24);
  }

  private float64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  private bigintAfter(tag: number): bigint {
    if (tag === T_BIGINT32) return BigInt(this.int32());
    if (tag === T_BIGINT64) {
      this.need(8);
      const v = this.view.getBigInt64(this.pos, true);
      this.pos += 8;
      return v;
    }
    this.need(1);
    const sign = this.buf[this.pos++]!;
    if (sign > 1) throw corrupt(`bad bigint sign ${sign} at byte ${this.pos - 1}`);
    const n = this.length(1);
    if (n === 0) throw corrupt(`empty bigint magnitude at byte ${this.pos}`);
    const magnitude = BigInt(`0x${this.buf.toString('hex', this.pos, this.pos + n)}`);
    this.pos += n;
    return sign === 1 ? -magnitude : magnitude;
  }

  private stringAfter(tag: number): string {
    const n = this.length(tag === T_UTF16 ? 2 : 1);
    const buf = this.buf;
    const p = this.pos;
    if (tag === T_LATIN1) {
      this.pos = p + n;
      if (n < SHORT_READ) {
        let s = '';
        for (let i = p; i < p + n; i++) s += String.fromCharCode(buf[i]!);
        return s;
      }
      return latin1Slice.call(buf, p, p + n);
    }
    if (tag === T_UTF8) {
      this.pos = p + n;
      return utf8Slice.call(buf, p, p + n);
    }
    this.pos = p + 2 * n;
    return buf.toString('utf16le', p, p + 2 * n);
  }
}

let shared: ValueWriter | null = new ValueWriter(4096);

/** Encodes with the shared writer; a nested call (from a getter) gets a writer of its own. */
function encodeWith(write: (w: ValueWriter) => void): Uint8Array {
  const w = shared ?? new ValueWriter();
  shared = null;
  try {
    write(w);
    return w.finish();
  } finally {
    w.reset();
    if (w.capacity <= MAX_KEPT_CAPACITY) shared = w;
  }
}

/** Version byte, then the values as one array (its count lets truncation be detected). */
export function encodeValues(values: readonly unknown[]): Uint8Array {
  return encodeWith((w) => w.write(values));
}

export function decodeValues(bytes: Uint8Array): unknown[] {
  const r = new ValueReader(bytes);
  const v = r.read();
  if (!Array.isArray(v)) throw corrupt('expected the array of values written by encodeValues');
  if (!r.done) throw corrupt('bytes left after the values');
  return v;
}

export function encodeChunk(chunk: Chunk): Uint8Array {
  return encodeWith((w) => w.writeChunk(chunk));
}

export function decodeChunk(bytes: Uint8Array): Chunk {
  const r = new ValueReader(bytes);
  const chunk = r.readChunk();
  if (!r.done) throw corrupt('bytes left after the chunk');
  return chunk;
}
