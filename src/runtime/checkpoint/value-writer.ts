import { Buffer } from 'node:buffer';
import type { WellFormed } from './value-format.js';
import { InternalError } from '../../types/errors.js';
import { low32 } from '../../types/int64-halves.js';
import type { Chunk } from '../../types/row.js';
import { Decimal, Timestamp } from '../../types/values.js';
import {
  FORMAT_VERSION, T_UNDEFINED, T_NULL, T_FALSE, T_TRUE, T_INT32, T_FLOAT64, T_BIGINT32,
  T_BIGINT64, T_BIGINT_BIG, T_LATIN1, T_UTF8, T_UTF16, T_BYTES, T_DECIMAL, T_TIMESTAMP, T_ARRAY,
  T_MAP, T_SET, T_CHUNK, T_SHAPE_DEF, T_SHAPED, T_SMALL_INT, MAX_DEPTH, SHORT_WRITE, MIN_I32,
  MAX_I32, MIN_I64, MAX_I64, utf8Write, unsupported, className, varintSize, accumulatorClassOwner,
  accumulatorShapeProblem, accumulatorError, firstUnsupportedField,
} from './value-format.js';

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
  /** Writing an accumulator class instance's fields: another one inside it is refused. */
  private inAccumulator = false;

  constructor(initialCapacity = 256) {
    this.buf = this.fresh(initialCapacity);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  /** A new buffer for a new encoding: the version byte first. */
  private fresh(capacity: number): Buffer {
    const buf = Buffer.allocUnsafeSlow(Math.max(16, capacity));
    buf[0] = FORMAT_VERSION;
    return buf;
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

  /**
   * The bytes written (version byte first) without copying them: a view of the writer's buffer,
   * which the writer gives up (it starts over with a small one). For large encodings, whose copy
   * would be one more large allocation.
   */
  take(): Uint8Array {
    const out = new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.pos);
    this.buf = this.fresh(256);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.reset();
    return out;
  }

  /** Drops what was written (after a failed write, the contents are half a value). */
  reset(): void {
    this.pos = 1;
    this.depth = 0;
    this.shapes = { next: new Map() };
    this.shapeCount = 0;
    this.inAccumulator = false;
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
      this.tagInt32(T_BIGINT32, low32(v));
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
      const owner = this.inAccumulator ? undefined : accumulatorClassOwner(proto as object);
      if (owner === undefined) throw unsupported(className(v));
      this.writeAccumulator(v, owner);
    }
  }

  /**
   * An instance of a user aggregate's accumulator class (value-format.ts, registerAccumulatorClass):
   * written as the plain object of its fields. Failures name the aggregate function.
   */
  private writeAccumulator(v: object, owner: string): void {
    const problem = accumulatorShapeProblem(v);
    if (problem !== undefined) throw accumulatorError(owner, v, problem);
    this.enter();
    this.inAccumulator = true;
    try {
      this.writePlainObject(v as Record<string, unknown>);
    } catch (err) {
      if (!(err instanceof InternalError)) throw err;
      throw accumulatorError(owner, v, firstUnsupportedField(v) ?? err.message);
    } finally {
      this.inAccumulator = false;
    }
    this.depth--;
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


interface ShapeNode {
  id?: number;
  readonly next: Map<string, ShapeNode>;
}
