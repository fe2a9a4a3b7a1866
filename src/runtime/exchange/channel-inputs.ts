import { FanOut } from '../operators/operator.js';
import { decodeChunk } from '../checkpoint/value-codec.js';
import type { Consumer, RuntimeVertex } from '../task/runtime-dag.js';
import type { TaskLock } from '../task/task-lock.js';
import type { ChannelBarriers } from './channel-barriers.js';
import type { RemoteLinks } from './remote-links.js';
import type { ChannelMessage } from './worker-mesh.js';

/** What delivering channel input needs from the job runner. */
export interface ChannelTask {
  readonly lock: TaskLock;
  readonly barriers: ChannelBarriers | undefined;
  cancelled(): boolean;
  onCancel(listener: () => void): () => void;
  fail(err: unknown): void;
  endInput(vertex: RuntimeVertex): Promise<void>;
  setIdle(consumers: readonly Consumer[], idle: boolean): Promise<void>;
}

/**
 * Delivers what arrives on the channels from other workers, each piece of work under the task
 * lock in arrival order; a chunk's credit goes back once it is processed. Resolves when every
 * channel has ended and this worker's own channels have sent everything (or the job stopped).
 */
export async function deliverChannels(remote: RemoteLinks, task: ChannelTask): Promise<void> {
  const { mesh } = remote.placement;
  let open = remote.inputs.length;
  let ended!: () => void;
  const allEnded = new Promise<void>((resolve) => (ended = resolve));
  let stop!: () => void;
  const cancelled = new Promise<void>((resolve) => (stop = task.onCancel(resolve)));
  const deliver = (work: () => void | Promise<void>, then?: () => void) => {
    try {
      const r = task.lock.run(() => (task.cancelled() ? undefined : work()));
      if (r) r.then(then, (err: unknown) => task.fail(err));
      else then?.();
    } catch (err) {
      task.fail(err);
    }
  };
  for (const input of remote.inputs) {
    const out = new FanOut([input.consumer]);
    const metrics = input.consumer.vertex.metrics;
    const credit = () => mesh.send(input.worker, { t: 'credit', ch: input.channel, n: 1 });
    const handle = (msg: ChannelMessage) => {
      task.barriers?.arrived(msg);
      switch (msg.t) {
        case 'chunk':
          if (metrics) metrics.numBytesIn += msg.bytes.length;
          return deliver(() => out.emit(decodeChunk(msg.bytes)), credit);
        case 'watermark':
          return deliver(() => out.emitWatermark(msg.watermark));
        case 'idle':
          return deliver(() => task.setIdle([input.consumer], msg.idle));
        case 'end':
          return deliver(() => task.endInput(input.consumer.vertex), () => {
            if (--open === 0) ended();
          });
      }
    };
    mesh.on(input.channel, handle);
  }
  mesh.start();
  if (open === 0) ended();
  if (!task.cancelled()) await Promise.race([allEnded, cancelled]);
  // Sending ends with each channel's end-of-data: wait until the last of it has left.
  const drained = remote.ready();
  if (drained && !task.cancelled()) await Promise.race([drained, cancelled]);
  stop();
}
