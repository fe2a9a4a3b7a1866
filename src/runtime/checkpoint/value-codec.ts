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
 * string keys; a null-prototype object decodes with Object.prototype), Map and Set. An instance of
 * a user aggregate's accumulator class (registerAccumulatorClass in value-format.ts) is written as
 * the plain object of its fields and decodes as one. Anything else throws an InternalError naming
 * its class: operator state must not hold it.
 *
 * Strings are written one byte per char when every char is below U+0100, else as UTF-8. A string
 * with lone surrogates (not well-formed UTF-16) is written as its raw UTF-16 code units, so it too
 * round-trips exactly: replacing them by U+FFFD, as UTF-8 would, could merge two state keys.
 *
 * No identity: an object referenced twice decodes as two equal copies; a cycle throws once nesting
 * passes MAX_DEPTH. Corrupt or truncated input throws RuntimeError("checkpoint data is corrupt:
 * …"): every length is checked against the bytes left before anything is read or allocated.
 */

import type { Chunk } from '../../types/row.js';
import { MAX_KEPT_CAPACITY, corrupt } from './value-format.js';
import { ValueReader } from './value-reader.js';
import { ValueWriter } from './value-writer.js';

export { FORMAT_VERSION } from './value-format.js';
export { ValueReader } from './value-reader.js';
export { ValueWriter } from './value-writer.js';

let shared: ValueWriter | null = new ValueWriter(4096);

/** Encodes with the shared writer; a nested call (from a getter) gets a writer of its own. */
function encodeWith(write: (w: ValueWriter) => void): Uint8Array {
  const w = shared ?? new ValueWriter();
  shared = null;
  try {
    write(w);
    // A writer grown past what is kept hands over its buffer: copying megabytes of state would
    // allocate as much again (external memory, which makes V8 run full GCs sooner).
    return w.capacity > MAX_KEPT_CAPACITY ? w.take() : w.finish();
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
