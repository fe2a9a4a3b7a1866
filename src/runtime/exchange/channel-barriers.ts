import type { ChannelState } from '../checkpoint/task-snapshot.js';
import type { RemoteInput } from './remote-links.js';
import type { RemoteSender } from './remote-sender.js';
import type { ChannelMessage } from './worker-mesh.js';

interface Pending {
  /** Channels whose barrier has not arrived yet. */
  readonly waiting: Set<number>;
  readonly chunks: Map<number, Uint8Array[]>;
  readonly done: Promise<ChannelState[]>;
  resolve(states: ChannelState[]): void;
  reject(err: Error): void;
}

/**
 * Checkpoint barriers on the channels between workers, as in Flink's unaligned checkpoints: a
 * worker takes its snapshot on the checkpoint's trigger or on the first barrier that reaches it,
 * whichever comes first, sends the barrier on all its outgoing channels, and records what arrives
 * on each incoming channel until that channel's barrier (or end) arrives: those chunks were sent
 * before the sender's cut and processed after this worker's, so they belong to the checkpoint
 * and are replayed on restore. Nothing is blocked, so checkpoints also complete under
 * backpressure, and workers sending to each other cannot wait on each other.
 */
export class ChannelBarriers {
  private readonly pending = new Map<number, Pending>();
  private readonly ended = new Set<number>();

  constructor(
    private readonly inputs: readonly RemoteInput[],
    private readonly senders: readonly RemoteSender[],
    /** A barrier arrived for a checkpoint this worker has not begun: take its snapshot now. */
    private readonly onFirstBarrier: (id: number) => void,
  ) {}

  /** Starts recording for checkpoint `id`; resolves with the channel state once every barrier is in. */
  begin(id: number): Promise<ChannelState[]> {
    const existing = this.pending.get(id);
    if (existing) return existing.done;
    let resolve!: (s: ChannelState[]) => void;
    let reject!: (e: Error) => void;
    const done = new Promise<ChannelState[]>((res, rej) => ((resolve = res), (reject = rej)));
    done.catch(() => {});
    const waiting = new Set(this.inputs.map((i) => i.channel).filter((ch) => !this.ended.has(ch)));
    const p: Pending = { waiting, chunks: new Map(), done, resolve, reject };
    this.pending.set(id, p);
    this.check(id, p);
    return done;
  }

  /** Sends checkpoint `id`'s barrier on every outgoing channel (behind what was sent before). */
  emit(id: number): void {
    for (const s of this.senders) s.barrier(id);
  }

  /** Sees every message on an incoming channel as it arrives, before it is queued for processing. */
  arrived(msg: ChannelMessage): void {
    switch (msg.t) {
      case 'chunk':
        for (const p of this.pending.values()) {
          if (!p.waiting.has(msg.ch)) continue;
          let list = p.chunks.get(msg.ch);
          if (!list) p.chunks.set(msg.ch, (list = []));
          list.push(msg.bytes);
        }
        return;
      case 'barrier':
        if (!this.pending.has(msg.id)) this.onFirstBarrier(msg.id);
        return this.passed(msg.ch, (id) => id === msg.id);
      case 'end':
        // Nothing follows an end: every checkpoint waiting for this channel has all of it.
        this.ended.add(msg.ch);
        return this.passed(msg.ch, () => true);
    }
  }

  /** Fails the checkpoints in progress (the job stops). */
  abort(reason: Error): void {
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
  }

  private passed(ch: number, which: (id: number) => boolean): void {
    for (const [id, p] of this.pending) {
      if (!which(id)) continue;
      p.waiting.delete(ch);
      this.check(id, p);
    }
  }

  private check(id: number, p: Pending): void {
    if (p.waiting.size > 0) return;
    this.pending.delete(id);
    const states: ChannelState[] = [];
    for (const input of this.inputs) {
      const chunks = p.chunks.get(input.channel);
      if (chunks) states.push({ uid: input.consumer.vertex.operator.name, subtask: input.consumer.vertex.subtask, parallelism: input.consumer.vertex.parallelism, input: input.consumer.input, chunks });
    }
    p.resolve(states);
  }
}
