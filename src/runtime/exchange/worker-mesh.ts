import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

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

/** The main thread's place when workers run the job: it coordinates and owns no subtask. */
export const COORDINATOR = -1;

export function workerOf(subtask: number, workers: number): number {
  return subtask % workers;
}

/** Messages a pump takes from one port at most: the peer may go on sending while it runs. */
const PUMP_LIMIT = 64;

/**
 * One worker's connections to the others: a MessagePort per peer (ordered, so each channel is
 * FIFO), and the handler of each channel end that lives in this worker. Credits are handled as
 * they arrive; everything else goes through an inbox in arrival order and is handled in a later
 * macrotask (a port delivers every queued message in one go, and handling them at once would
 * never let this thread's sources, timers and REST requests run) or by `pump`.
 */
export class WorkerMesh {
  private readonly handlers = new Map<number, (msg: ChannelMessage) => void>();
  private inbox: ChannelMessage[] = [];
  private scheduled = false;
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
        this.receive(msg);
        if (this.inbox.length > 0 && !this.scheduled) {
          this.scheduled = true;
          setImmediate(() => {
            this.scheduled = false;
            this.handleInbox();
          });
        }
      });
    }
  }

  /**
   * Takes what has arrived on the ports and handles it now. A source that always has data calls
   * this between polls: the peers' chunks are processed and their credit goes back without
   * waiting for the source to yield (otherwise both workers stall, out of credit, in turn).
   */
  pump(): void {
    if (!this.started) return;
    for (const port of this.ports) {
      if (!port) continue;
      for (let i = 0; i < PUMP_LIMIT; i++) {
        const received = receiveMessageOnPort(port);
        if (!received) break;
        this.receive(received.message as ChannelMessage);
      }
    }
    this.handleInbox();
  }

  close(): void {
    for (const port of this.ports) port?.close();
  }

  private receive(msg: ChannelMessage): void {
    if (msg.t === 'credit') this.dispatch(msg);
    else this.inbox.push(msg);
  }

  private handleInbox(): void {
    const inbox = this.inbox;
    this.inbox = [];
    for (const msg of inbox) this.dispatch(msg);
  }

  private dispatch(msg: ChannelMessage): void {
    const handler = this.handlers.get(msg.ch);
    if (!handler) throw new Error(`message for unknown channel ${msg.ch}`);
    handler(msg);
  }
}
