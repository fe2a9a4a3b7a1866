import type { Chunk } from '../../types/row.js';
import type { Operator } from '../operators/operator.js';
import { encodeChunk } from '../checkpoint/value-codec.js';
import type { ChannelMessage, WorkerMesh } from './worker-mesh.js';
import type { VertexMetrics } from '../task/vertex-metrics.js';

/**
 * The sending end of a channel to a subtask on another worker. A chunk is encoded at once (the
 * producer's busy time) and sent while the channel has credit; otherwise it waits in the
 * channel's queue, and so do later watermarks and events, which keep their order. Nothing here
 * ever waits under the task lock (two workers sending to each other would deadlock): a queue
 * that is not empty is backpressure, and the worker's sources pause until every queue drains.
 */
export class RemoteSender implements Operator {
  readonly name = 'RemoteSender';
  private readonly queue: ChannelMessage[] = [];
  private ended = false;

  constructor(
    readonly channel: number,
    private readonly worker: number,
    private readonly mesh: WorkerMesh,
    private credits: number,
    /** Called when the queue has drained. */
    private readonly drained: () => void,
    /** The producing subtask's counters (numBytesOut). */
    private readonly producer: VertexMetrics | undefined,
  ) {
    mesh.on(channel, (msg) => {
      if (msg.t === 'credit') this.credit(msg.n);
    });
  }

  get backlogged(): boolean {
    return this.queue.length > 0;
  }

  processChunk(chunk: Chunk): void {
    const bytes = encodeChunk(chunk);
    if (this.producer) this.producer.numBytesOut += bytes.length;
    this.send({ t: 'chunk', ch: this.channel, bytes });
  }

  processWatermark(watermark: number): void {
    this.send({ t: 'watermark', ch: this.channel, watermark });
  }

  setInputIdle(_input: number, idle: boolean): void {
    this.send({ t: 'idle', ch: this.channel, idle });
  }

  finish(): void {
    this.ended = true;
    this.send({ t: 'end', ch: this.channel });
  }

  /** A checkpoint's barrier; none after the end (the receiver counts an ended channel as passed). */
  barrier(id: number): void {
    if (!this.ended) this.send({ t: 'barrier', ch: this.channel, id });
  }

  private send(msg: ChannelMessage): void {
    if (this.queue.length === 0 && (msg.t !== 'chunk' || this.credits > 0)) {
      if (msg.t === 'chunk') this.credits--;
      this.mesh.send(this.worker, msg);
    } else {
      this.queue.push(msg);
    }
  }

  private credit(n: number): void {
    this.credits += n;
    let sent = 0;
    while (sent < this.queue.length) {
      const msg = this.queue[sent]!;
      if (msg.t === 'chunk') {
        if (this.credits === 0) break;
        this.credits--;
      }
      this.mesh.send(this.worker, msg);
      sent++;
    }
    this.queue.splice(0, sent);
    if (this.queue.length === 0) this.drained();
  }
}
