import type { SourceReader, SourceWatermark } from '../../src/connectors/connector.js';
import type { Chunk } from '../../src/types/row.js';

/** What a reader served, chunk by chunk (rows and kinds) and watermark by watermark. */
export type Served = (Chunk | SourceWatermark)[];

/** Polls until the end, or at most `limit` polls (for unbounded sources). */
export async function drainReader(r: SourceReader, limit = Infinity): Promise<Served> {
  const out: Served = [];
  for (let i = 0; i < limit; i++) {
    const c = await r.poll();
    if (c === null) break;
    out.push(c);
  }
  return out;
}

/**
 * Reads `k` polls, takes the position through JSON (as a checkpoint stores it), restores a fresh
 * reader from it and reads on: the concatenation must equal a straight read.
 */
export async function readAcrossRestore(make: () => SourceReader, k: number, limit = Infinity): Promise<{ served: Served; position: unknown }> {
  const first = make();
  const before = await drainReader(first, k);
  const position: unknown = JSON.parse(JSON.stringify(first.position!()));
  await first.close();
  const second = make();
  await second.restore!(position);
  const after = await drainReader(second, limit - before.length);
  await second.close();
  return { served: [...before, ...after], position };
}
