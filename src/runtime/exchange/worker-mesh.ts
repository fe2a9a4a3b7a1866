import type { MessagePort } from 'node:worker_threads';

/**
 * What travels on a channel between two workers. A channel connects one producing subtask to
 * one consuming subtask's input; its id is the same in every worker (the DAG builds in the same
 * order everywhere). Chunks are the value codec's bytes, never JSON.
 */
export type ChannelMessage =
  | { readonly t: 'chunk'; readonly ch: number; readonly bytes: Uint8Array }
  | { readonly t: 'watermark'; readonly ch: number; readonly watermark: number }
  | { readonly t: 'idle'; readonly ch: number; readonly idle: boolean }
  | { readonly t: 'end'; readonly ch: number }
  | { readonly t: 'barrier'; readonly ch: number; readonly id: number }
  /** Receiver to sender: `n` more chunks may be sent (credit-based flow control). */
  | { readonly t: 'credit'; readonly ch: number; readonly n: number };

/** Where a worker stands among the job's workers; subtask k of every vertex runs on worker k % workers. */
export interface Placement {
  readonly worker: number;
  readonly workers: number;
  readonly mesh: WorkerMesh;
  /** Chunks a channel may have in flight before its sender waits for credit. */
  readonly credits: number;
}

export function workerOf(subtask: number, workers: number): number {
  return subtask % workers;
}

/**
 * One worker's connections to the others: a MessagePort per peer (ordered, so each channel is
 * FIFO), and the handler of each channel end that lives in this worker.
 */
export class WorkerMesh {
  private readonly handlers = new Map<number, (msg: ChannelMessage) => void>();
  private started = false;

  /** `ports[w]`: the port to worker w (undefined for this worker itself). */
  constructor(private readonly ports: readonly (MessagePort | undefined)[]) {}

  send(worker: number, msg: ChannelMessage): void {
    const port = this.ports[worker];
    if (!port) throw new Error(`no port to worker ${worker}`);
    if (msg.t === 'chunk') port.postMessage(msg, [msg.bytes.buffer as ArrayBuffer]);
    else port.postMessage(msg);
  }

  /** Routes messages for channel `ch` (either end of it) to `handler`. */
  on(ch: number, handler: (msg: ChannelMessage) => void): void {
    this.handlers.set(ch, handler);
  }

  /** Starts delivering; messages that arrived earlier wait in the ports until now. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const port of this.ports) {
      port?.on('message', (msg: ChannelMessage) => {
        const handler = this.handlers.get(msg.ch);
        if (!handler) throw new Error(`message for unknown channel ${msg.ch}`);
        handler(msg);
      });
    }
  }

  close(): void {
    for (const port of this.ports) port?.close();
  }
}
