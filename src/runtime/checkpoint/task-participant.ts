import type { SinkOperator } from '../operators/sink-operator.js';
import type { CheckpointTarget } from './checkpoint-coordinator.js';
import { snapshotTask, type TaskSnapshot } from './task-snapshot.js';

/**
 * A task's side of checkpoints another thread coordinates (a worker thread's part of a job): its
 * snapshot for each checkpoint, taken once whichever comes first (the trigger or the first
 * barrier) and only after the task has started; holds for stop-with-savepoint; commits.
 */
export class TaskParticipant {
  private readonly parts = new Map<number, Promise<{ snapshot: TaskSnapshot; release: () => void }>>();
  private readonly held: (() => void)[] = [];
  private running = false;
  private markRunning!: () => void;
  /** Resolves once the operators are open and restored (nothing has reached them before). */
  private readonly started = new Promise<void>((resolve) => (this.markRunning = resolve));

  constructor(
    private readonly target: CheckpointTarget,
    private readonly sinks: readonly SinkOperator[],
  ) {}

  /** The operators are open and restored: snapshots begin at once from now on. */
  start(): void {
    this.running = true;
    this.markRunning();
  }

  /** This task's snapshot for checkpoint `id`; `hold` keeps the task held until `releaseHolds`. */
  async snapshot(id: number, hold: boolean): Promise<TaskSnapshot> {
    let part = this.parts.get(id);
    if (!part) {
      // Begun within this call once running: when a barrier begins it, the cut must fall before
      // the next message on the channels is handled (those may come after the sender's barrier).
      part = this.running ? snapshotTask(this.target, id, hold) : this.started.then(() => snapshotTask(this.target, id, hold));
      this.parts.set(id, part);
      part.then(({ release }) => hold && this.held.push(release), () => {}).finally(() => this.parts.delete(id));
    } else if (hold) {
      // Begun by a barrier: hold the task from now on.
      this.held.push(await this.target.lock.acquire());
    }
    return (await part).snapshot;
  }

  releaseHolds(): void {
    for (const release of this.held.splice(0)) release();
  }

  /** Checkpoint `id` is complete: the sinks commit what it covers. */
  async commit(id: number): Promise<void> {
    for (const s of this.sinks) await s.commitUpTo(id);
  }
}
