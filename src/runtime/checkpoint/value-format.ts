/** The tags and helpers the codec's writer and reader share (value-codec.ts describes the format). */
import { Buffer } from 'node:buffer';
import { InternalError, RuntimeError } from '../../types/errors.js';
import { Decimal, Timestamp } from '../../types/values.js';
/** The first byte of every encoded stream. Bump it only with a reader for the old version. */
export const FORMAT_VERSION = 1;

// Tags (persisted: never renumber or reuse; see the top comment).
export const T_UNDEFINED = 0x00;
export const T_NULL = 0x01;
export const T_FALSE = 0x02;
export const T_TRUE = 0x03;
export const T_INT32 = 0x04; // number, 4 bytes LE
export const T_FLOAT64 = 0x05; // number, 8 bytes LE
export const T_BIGINT32 = 0x06; // bigint in int32 range, 4 bytes LE
export const T_BIGINT64 = 0x07; // bigint in int64 range, 8 bytes LE
export const T_BIGINT_BIG = 0x08; // sign byte (0 or 1), varint n, n magnitude bytes big-endian
export const T_LATIN1 = 0x09; // varint n, n chars below U+0100 one byte each
export const T_UTF8 = 0x0a; // varint n, n bytes of UTF-8
export const T_UTF16 = 0x0b; // varint n, n UTF-16 code units, 2 bytes LE each
export const T_BYTES = 0x0c; // varint n, n bytes
export const T_DECIMAL = 0x0d; // zigzag varint scale, then the unscaled bigint (tagged)
export const T_TIMESTAMP = 0x0e; // millis float64 LE, varint nanos
export const T_ARRAY = 0x0f; // varint n, n values
export const T_OBJECT = 0x10; // varint n, n × (string key (tagged), value)
export const T_MAP = 0x11; // varint n, n × (key, value)
export const T_SET = 0x12; // varint n, n values
export const T_CHUNK = 0x13; // varint rows, kinds flag byte, rows × (varint arity, values), kinds bytes
export const T_SHAPE_DEF = 0x14; // varint n, n string keys (tagged), n values: an object whose key list gets the next shape id
export const T_SHAPED = 0x15; // varint shape id, the shape's values in key order: an object with a key list seen before
export const T_SMALL_INT = 0x80; // 0x80 | n: the number n in 0..127, no payload

/** Deeper nesting is refused: a cycle when writing, corruption when reading (no stack overflow). */
export const MAX_DEPTH = 1000;
// Strings shorter than these are written / read char by char, longer ones natively (measured).
export const SHORT_WRITE = 32;
export const SHORT_READ = 10;
/** The shared writer of encodeValues/encodeChunk is dropped rather than kept above this size. */
export const MAX_KEPT_CAPACITY = 1 << 20;

export const MIN_I32 = -(2n ** 31n);
export const MAX_I32 = 2n ** 31n - 1n;
export const MIN_I64 = -(2n ** 63n);
export const MAX_I64 = 2n ** 63n - 1n;

export interface WellFormed {
  isWellFormed(): boolean; // ES2024, in Node 20; the repo's lib is ES2023
}

// Buffer's undocumented encoders skip `write`/`toString`'s argument handling (about 1.3× faster on
// short strings); the public methods stand in if a Node version lacks them.
type Utf8Write = (this: Buffer, s: string, offset: number, max: number) => number;
type Slice = (this: Buffer, start: number, end: number) => string;
const fast = Buffer.prototype as unknown as { utf8Write?: Utf8Write; latin1Slice?: Slice; utf8Slice?: Slice };
export const utf8Write: Utf8Write =
  fast.utf8Write ??
  function (this: Buffer, s, offset, max) {
    return this.write(s, offset, max, 'utf8');
  };
export const latin1Slice: Slice =
  fast.latin1Slice ??
  function (this: Buffer, start, end) {
    return this.toString('latin1', start, end);
  };
export const utf8Slice: Slice =
  fast.utf8Slice ??
  function (this: Buffer, start, end) {
    return this.toString('utf8', start, end);
  };

export function unsupported(what: string): InternalError {
  return new InternalError(
    `cannot encode a ${what} in a checkpoint: state may hold only SQL values, arrays, plain objects, Map and Set`,
  );
}

/**
 * Accumulator classes of user-defined aggregate functions, by prototype, with the function's name
 * for errors (registered by its wrapper, src/runtime/aggregates/user-aggregate.ts). The codec
 * writes an instance of one exactly as the plain object of its own enumerable string-keyed
 * properties (the T_SHAPE_DEF/T_SHAPED tags: no tag of its own, so the persisted format is
 * unchanged); it decodes as that plain object and the wrapper rebuilds the instance from it.
 * Instances of any other class are refused, as is such an instance inside another one (only the
 * accumulator itself is rebuilt).
 */
const ACCUMULATOR_CLASSES = new WeakMap<object, string>();

/**
 * Lets the codec write instances of the class with prototype `prototype` as their fields; `owner`
 * names the aggregate function in errors, e.g. "User aggregate function 'MY_AVG'". A prototype
 * registered again keeps its first owner.
 */
export function registerAccumulatorClass(prototype: object, owner: string): void {
  if (!ACCUMULATOR_CLASSES.has(prototype)) ACCUMULATOR_CLASSES.set(prototype, owner);
}

/** The owner of an accumulator class registered with `registerAccumulatorClass`, by its prototype. */
export function accumulatorClassOwner(prototype: object): string | undefined {
  return ACCUMULATOR_CLASSES.get(prototype);
}

/**
 * Why an accumulator class instance cannot be written as its fields (undefined when nothing is
 * wrong with its own properties): a built-in class whose contents are not fields, or own
 * properties the fields would lose (symbol-keyed or non-enumerable).
 */
export function accumulatorShapeProblem(v: object): string | undefined {
  if (v instanceof Map || v instanceof Set || v instanceof WeakMap || v instanceof WeakSet || v instanceof Date || v instanceof RegExp || v instanceof Promise || v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
    return `it extends a built-in class whose contents are not fields`;
  }
  if (Object.getOwnPropertySymbols(v).length > 0) return 'it has a Symbol-keyed property';
  for (const k of Object.getOwnPropertyNames(v)) {
    if (!Object.prototype.propertyIsEnumerable.call(v, k)) return `its property '${k}' is not enumerable`;
  }
  return undefined;
}

/**
 * The first field of an accumulator class instance the codec cannot write, as "accumulator.f is a
 * function" (undefined when none is found): for the error, after writing it failed.
 */
export function firstUnsupportedField(acc: object): string | undefined {
  for (const k in acc) {
    if (!Object.prototype.hasOwnProperty.call(acc, k)) continue;
    const r = firstUnsupported((acc as Record<string, unknown>)[k], `accumulator.${k}`, 0);
    if (r) return r;
  }
  return undefined;
}

function firstUnsupported(v: unknown, path: string, depth: number): string | undefined {
  if (typeof v === 'function') return `${path} is a function`;
  if (typeof v === 'symbol') return `${path} is a Symbol`;
  if (typeof v !== 'object' || v === null || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = firstUnsupported(v[i], `${path}[${i}]`, depth + 1);
      if (r) return r;
    }
    return undefined;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (v instanceof Uint8Array || proto === Timestamp.prototype || proto === Decimal.prototype) return undefined;
  if (proto === Map.prototype) {
    for (const [k, x] of v as Map<unknown, unknown>) {
      const r = firstUnsupported(k, `a key of ${path}`, depth + 1) ?? firstUnsupported(x, `a value of ${path}`, depth + 1);
      if (r) return r;
    }
    return undefined;
  }
  if (proto === Set.prototype) {
    for (const x of v as Set<unknown>) {
      const r = firstUnsupported(x, `an element of ${path}`, depth + 1);
      if (r) return r;
    }
    return undefined;
  }
  if (proto !== Object.prototype && proto !== null) return `${path} is an instance of class ${className(v)}`;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const r = firstUnsupported((v as Record<string, unknown>)[k], `${path}.${k}`, depth + 1);
    if (r) return r;
  }
  return undefined;
}

/** A user aggregate's accumulator that cannot go into a checkpoint: names the function and the rule. */
export function accumulatorError(owner: string, acc: object, problem: string): RuntimeError {
  return new RuntimeError(
    `${owner} cannot save its accumulator (an instance of class ${className(acc)}) in a checkpoint: ${problem}. ` +
      'Accumulators must be plain data: numbers, strings, booleans, null, bigint, SQL values, arrays, plain objects, Map and Set, ' +
      "or an instance of the class createAccumulator() returns whose own enumerable fields hold only such data (no functions, Symbols or other class instances; see docs/fault-tolerance.md).",
  );
}

export function className(v: object): string {
  const proto: unknown = Object.getPrototypeOf(v);
  const ctor: unknown = proto === null || proto === undefined ? undefined : (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'object of an anonymous class';
}

export function corrupt(what: string): RuntimeError {
  return new RuntimeError(`checkpoint data is corrupt: ${what}`);
}

/** Bytes of a varint of n: the width reserved for a length known only after writing. */
export function varintSize(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
}

/** Sets an own property; an own "__proto__" key must not set the prototype. */
export function setOwn(o: Record<string, unknown>, k: string, x: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
  else o[k] = x;
}
