import type { Consumer, RuntimeVertex } from '../task/runtime-dag.js';
import { RemoteSender } from './remote-sender.js';
import type { VertexMetrics } from '../task/vertex-metrics.js';
import { workerOf, type Placement } from './worker-mesh.js';

/** A channel ending in this worker: what arrives on it goes to `consumer`. */
export interface RemoteInput {
  readonly channel: number;
  /** The worker of the producing subtask. */
  readonly worker: number;
  readonly consumer: Consumer;
}

/**
 * Built with the DAG in each worker: every producer → consumer link between subtasks on
 * different workers becomes a numbered channel (numbered in build order, so alike in every
 * worker). The producing worker sends through a RemoteSender vertex; the consuming worker
 * records the channel as a remote input of the real consumer.
 */
export class RemoteLinks {
  private next = 0;
  readonly senders: RuntimeVertex[] = [];
  /** The sending ends of this worker's channels (the senders' operators). */
  readonly outgoing: RemoteSender[] = [];
  readonly inputs: RemoteInput[] = [];
  /** The ids of every operator and source of the job, also those on other workers. */
  jobUids: ReadonlySet<string> = new Set();
  private waiting: (() => void)[] = [];

  constructor(readonly placement: Placement) {}

  owns(subtask: number): boolean {
    return workerOf(subtask, this.placement.workers) === this.placement.worker;
  }

  /** What producing subtask `k` (of `parallelism`, counting in `metrics`) feeds to reach `entry`: itself, or a sender to its worker. */
  link(k: number, parallelism: number, entry: Consumer, metrics?: VertexMetrics): Consumer {
    const { workers, worker, mesh, credits } = this.placement;
    const from = workerOf(k, workers);
    const to = workerOf(entry.vertex.subtask, workers);
    if (from === to) return entry;
    const channel = this.next++;
    if (to === worker) this.inputs.push({ channel, worker: from, consumer: entry });
    if (from !== worker) return entry;
    const operator = new RemoteSender(channel, to, mesh, credits, () => this.wake(), metrics);
    const vertex: RuntimeVertex = { operator, description: operator.name, subtask: k, parallelism, exchange: true, inputs: 1, consumers: [] };
    this.senders.push(vertex);
    this.outgoing.push(operator);
    return { vertex, input: 0 };
  }

  /** Resolves once no channel of this worker has chunks waiting for credit (sources poll again then). */
  ready(): Promise<void> | undefined {
    if (!this.outgoing.some((s) => s.backlogged)) return undefined;
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => this.ready());
  }

  /** Handles what other workers have sent so far (WorkerMesh.pump). */
  pump(): void {
    this.placement.mesh.pump();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
