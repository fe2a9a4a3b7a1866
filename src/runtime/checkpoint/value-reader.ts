import { Buffer } from 'node:buffer';
import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row, RowKind } from '../../types/row.js';
import { Decimal, Timestamp } from '../../types/values.js';
import {
  FORMAT_VERSION, T_UNDEFINED, T_NULL, T_FALSE, T_TRUE, T_INT32, T_FLOAT64, T_BIGINT32,
  T_BIGINT64, T_BIGINT_BIG, T_LATIN1, T_UTF8, T_UTF16, T_BYTES, T_DECIMAL, T_TIMESTAMP, T_ARRAY,
  T_OBJECT, T_MAP, T_SET, T_CHUNK, T_SHAPE_DEF, T_SHAPED, T_SMALL_INT, MAX_DEPTH, SHORT_READ,
  latin1Slice, utf8Slice, corrupt, setOwn,
} from './value-format.js';

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
        // Exactly n slots: pushing would leave a small array (a group's accumulators, its key)
        // with 17, tripling restored state's memory.
        const a = new Array<unknown>(n);
        for (let i = 0; i < n; i++) a[i] = this.read();
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
    // Arrays of their final length (rows hold only values: no holes stay).
    const rows = new Array<Row>(n);
    for (let r = 0; r < n; r++) {
      const arity = this.length(1);
      const row = new Array<unknown>(arity);
      for (let i = 0; i < arity; i++) row[i] = this.read();
      rows[r] = row;
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
