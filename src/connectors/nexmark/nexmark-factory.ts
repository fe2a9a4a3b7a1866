/**
 * The `nexmark` connector: the Nexmark benchmark's event stream as one table of
 * `event_type, person, auction, bid`, generated deterministically from a seed, unthrottled
 * (the rate only spaces event times), bounded by `events.num` when it is set.
 */
import type { ConnectorFactory, ReaderContext, SourceReader, TableContext, TableSource } from '../connector.js';
import { INSERT_ONLY } from '../../types/changelog-mode.js';
import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row } from '../../types/row.js';
import type { NexmarkConfig } from './nexmark-config.js';
import { NexmarkGenerator } from './nexmark-generator.js';
import { NEXMARK_OPTIONS, readNexmarkConfig } from './nexmark-options.js';
import { checkNexmarkSchema } from './nexmark-schema.js';

/** Rows per poll: large enough to pay per-chunk costs rarely, small enough to interleave. */
export const NEXMARK_CHUNK = 1024;

/**
 * A nexmark reader's checkpointed position. Events are pure in their id, so the next id restores
 * exactly the events (and event times) a run without the restore would have emitted.
 */
export interface NexmarkPosition {
  readonly version: 1;
  /** The id of the next event this subtask emits (ids s, s+p, s+2p, … for subtask s of p). */
  readonly nextEventId: number;
  /** The parallelism the ids are spaced by; a restore at another one is refused. */
  readonly parallelism: number;
}

/**
 * Subtask `s` of `p` emits event numbers s, s+p, s+2p, …: the union at any parallelism is the
 * single-subtask stream, with the same event times (the total rate is the configured rate).
 */
export class NexmarkReader implements SourceReader {
  private readonly gen: NexmarkGenerator;
  private next: number;
  private readonly end: number;
  private closed = false;

  constructor(
    config: NexmarkConfig,
    private readonly subtask: number,
    private readonly parallelism: number,
    private readonly chunkSize = NEXMARK_CHUNK,
  ) {
    this.gen = new NexmarkGenerator(config);
    this.next = subtask;
    this.end = config.eventsNum > 0 ? config.eventsNum : Infinity;
  }

  async poll(): Promise<Chunk | null> {
    if (this.closed || this.next >= this.end) return null;
    const step = this.parallelism;
    const n = Math.min(this.chunkSize, Math.ceil((this.end - this.next) / step));
    const rows = new Array<Row>(n);
    let e = this.next;
    for (let i = 0; i < n; i++, e += step) rows[i] = this.gen.event(e);
    this.next = e;
    return { rows, kinds: null };
  }

  position(): NexmarkPosition {
    return { version: 1, nextEventId: this.next, parallelism: this.parallelism };
  }

  restore(position: unknown): void {
    const p = position as Partial<NexmarkPosition> | null;
    const id = p?.nextEventId;
    if (p?.version !== 1 || typeof id !== 'number' || !Number.isSafeInteger(id) || id < this.subtask) {
      throw new RuntimeError(`Cannot restore the nexmark source from its checkpointed position ${JSON.stringify(position)}.`);
    }
    // Another parallelism would give this subtask other ids than the ones it was emitting.
    if (p.parallelism !== this.parallelism || (id - this.subtask) % this.parallelism !== 0) {
      throw new RuntimeError(`Cannot restore the nexmark source: event id ${id} at parallelism ${String(p.parallelism)} is not one of subtask ${this.subtask} of ${this.parallelism}; restore at the checkpoint's parallelism.`);
    }
    this.next = id;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

export const nexmarkFactory: ConnectorFactory = {
  identifier: 'nexmark',
  requiredOptions: [],
  optionalOptions: Object.values(NEXMARK_OPTIONS),
  createSource(ctx: TableContext): TableSource {
    checkNexmarkSchema(ctx.tableName, ctx.physicalType);
    const config = readNexmarkConfig(ctx.options);
    return {
      changelogMode: INSERT_ONLY,
      bounded: config.eventsNum > 0,
      splittable: true,
      metadata: new Map(),
      createReader: (rctx: ReaderContext) => new NexmarkReader(config, rctx.subtask, rctx.parallelism),
    };
  },
};
