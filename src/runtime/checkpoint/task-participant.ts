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

  constructor(
    private readonly target: CheckpointTarget,
    private readonly sinks: readonly SinkOperator[],
    /** Resolves once the operators are open and restored (nothing has reached them before). */
    private readonly started: Promise<void>,
  ) {}

  /** This task's snapshot for checkpoint `id`; `hold` keeps the task held until `releaseHolds`. */
  async snapshot(id: number, hold: boolean): Promise<TaskSnapshot> {
    let part = this.parts.get(id);
    if (!part) {
      this.parts.set(id, (part = this.started.then(() => snapshotTask(this.target, id, hold))));
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
