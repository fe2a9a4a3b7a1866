import type { SourcePosition, SourceWatermark } from '../../connectors/connector.js';
import type { Chunk } from '../../types/row.js';
import { FanOut } from '../operators/operator.js';
import type { Consumer, RuntimeDag, RuntimeSource, RuntimeVertex } from './runtime-dag.js';
import { switchVertex } from './vertex-metrics.js';

/** Flink's Long.MAX_VALUE watermark, sent when a bounded source ends. */
export const MAX_WATERMARK = Number.MAX_SAFE_INTEGER;

const IDLE = Symbol('idle');

/** What driving a source needs from the job runner. */
export interface SourceTask {
  readonly dag: RuntimeDag;
  /** `table.exec.source.idle-timeout` in ms (0: never idle). */
  readonly idleTimeout: number;
  cancelled(): boolean;
  draining(): boolean;
  /** `p`, or null once the job is cancelled or draining. */
  orCancel<T>(p: Promise<T>): Promise<T | null>;
  /** Runs `work` under the task lock unless the job stopped meanwhile. */
  locked(work: () => Promise<void>): Promise<void>;
  setIdle(consumers: readonly Consumer[], idle: boolean): Promise<void>;
  endInput(vertex: RuntimeVertex): Promise<void>;
  /** The source read `rows` rows. */
  read(rows: number): void;
  /** Everything the source read up to `position` has been processed. */
  delivered(source: RuntimeSource, position: SourcePosition | undefined): void;
}

/**
 * Polls one source until it ends (or the job stops or drains) and pushes what it reads through
 * its chained operators under the task lock. A bounded or drained source ends with the final
 * watermark and ends its consumers' input.
 */
export async function driveSource(source: RuntimeSource, task: SourceTask): Promise<void> {
  try {
    const out = new FanOut(source.consumers, source.metrics);
    let idle = false;
    let yielded = Date.now();
    for (;;) {
      // A source that always has data resolves its polls at once; yield now and then so timers
      // (processing time, other paced sources, mini-batch latency) and signals get their turn.
      if (Date.now() - yielded > 10) {
        await new Promise((r) => setImmediate(r));
        yielded = Date.now();
      }
      // Input from other workers first: it returns their credit.
      task.dag.remote?.pump();
      // Backpressure: a channel to another worker is out of credit.
      const blocked = task.dag.remote?.ready();
      if (blocked) {
        source.metrics?.backPressured(true);
        await blocked;
        source.metrics?.backPressured(false);
      }
      if (task.cancelled()) return;
      if (task.draining()) break;
      // The source's busy time: its reader's synchronous work per poll.
      const prev = switchVertex(source.metrics);
      let poll: Promise<Chunk | SourceWatermark | null>;
      try {
        poll = source.reader.poll();
      } finally {
        switchVertex(prev);
      }
      let next = await pollOrIdle(poll, task);
      if (next === IDLE) {
        idle = true;
        await task.locked(() => task.setIdle(source.consumers, true));
        next = await task.orCancel(poll);
      }
      if (task.cancelled()) return;
      if (next === null) break;
      if (idle) {
        idle = false;
        await task.locked(() => task.setIdle(source.consumers, false));
      }
      if ('rows' in next) task.read(next.rows.length);
      const item = next;
      const position = source.reader.position?.();
      const r = task.dag.lock.run(() => {
        if (task.cancelled()) return;
        const r = 'rows' in item ? out.emit(item) : out.emitWatermark(item.watermark);
        if (!r) return task.delivered(source, position);
        return r.then(() => task.delivered(source, position));
      });
      if (r) await r;
    }
    await task.locked(async () => {
      // A bounded source ends with the final watermark, which fires every pending timer (as in Flink).
      if (source.bounded || task.draining()) await out.emitWatermark(MAX_WATERMARK);
      for (const c of source.consumers) await task.endInput(c.vertex);
    });
  } finally {
    await source.reader.close();
  }
}

/** The poll's result, or IDLE when the source has sent nothing for the idle timeout. */
function pollOrIdle(poll: Promise<Chunk | SourceWatermark | null>, task: SourceTask): Promise<Chunk | SourceWatermark | null | typeof IDLE> {
  if (task.idleTimeout <= 0) return task.orCancel(poll);
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<typeof IDLE>((resolve) => (timer = setTimeout(() => resolve(IDLE), task.idleTimeout)));
  return task.orCancel(Promise.race([poll, idle])).finally(() => clearTimeout(timer));
}
