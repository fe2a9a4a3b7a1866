import type { SinkOperator } from '../operators/sink-operator.js';
import type { CheckpointTarget } from './checkpoint-coordinator.js';
import { snapshotTask, type TaskSnapshot } from './task-snapshot.js';

/**
 * A task's side of checkpoints another thread coordinates (a worker thread's part of a job): its
 * snapshot for each checkpoint, taken once whichever comes first (the trigger or the first
 * barrier) and only after the task has started; holds for stop-with-savepoint; commits.
 */
export class TaskParticipant {
  /** Snapshots begun and not yet taken by the coordinator, by checkpoint id. */
  private readonly parts = new Map<number, Promise<{ snapshot: TaskSnapshot; release: () => void }>>();
  /** The latest checkpoint the coordinator has taken this task's snapshot of. */
  private taken = 0;
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

  /**
   * A barrier of checkpoint `id` reached this task before the coordinator's request: the snapshot
   * begins now, and the request (which may come after it completed) takes that one.
   */
  begin(id: number): void {
    if (id > this.taken) void this.part(id, false).catch(() => {});
  }

  /** The coordinator's request: this task's snapshot for checkpoint `id`; `hold` keeps the task held until `releaseHolds`. */
  async snapshot(id: number, hold: boolean): Promise<TaskSnapshot> {
    const begun = this.parts.has(id);
    const part = this.part(id, hold);
    // Begun by a barrier: hold the task from now on.
    if (begun && hold) this.held.push(await this.target.lock.acquire());
    try {
      return (await part).snapshot;
    } finally {
      // Taken: a late barrier of it (or of an older one) begins nothing.
      this.taken = Math.max(this.taken, id);
      for (const k of this.parts.keys()) if (k <= id) this.parts.delete(k);
    }
  }

  private part(id: number, hold: boolean): Promise<{ snapshot: TaskSnapshot; release: () => void }> {
    let part = this.parts.get(id);
    if (!part) {
      // Begun within this call once running: when a barrier begins it, the cut must fall before
      // the next message on the channels is handled (those may come after the sender's barrier).
      part = this.running ? snapshotTask(this.target, id, hold) : this.started.then(() => snapshotTask(this.target, id, hold));
      this.parts.set(id, part);
      part.then(({ release }) => hold && this.held.push(release), () => {});
    }
    return part;
  }

  releaseHolds(): void {
    for (const release of this.held.splice(0)) release();
  }

  /** Checkpoint `id` is complete: the sinks commit what it covers. */
  async commit(id: number): Promise<void> {
    for (const s of this.sinks) await s.commitUpTo(id);
  }
}
