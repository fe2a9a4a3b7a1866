import { ClockTimer } from '../time/clock-timer.js';
import type { TaskLock } from '../task/task-lock.js';

/** `table.exec.mini-batch.*`: a batch ends after `size` rows or `latency` ms of processing time. */
export interface MiniBatch {
  readonly size: number;
  readonly latency: number;
  readonly clock: () => number;
  /** The task's lock, so a latency wake-up waits for a checkpoint in progress. */
  readonly lock?: TaskLock;
}

/**
 * Counts the rows of the current mini-batch and wakes `onTimeout` when its latency has passed;
 * the operator ends the batch (and calls `reset`) when `add` says it is full, on the timeout, on
 * a watermark and at the end of input.
 */
export class MiniBatchTrigger {
  private rows = 0;
  private readonly timer: ClockTimer;

  constructor(
    private readonly spec: MiniBatch,
    onTimeout: () => unknown,
  ) {
    this.timer = new ClockTimer(spec.clock, onTimeout, spec.lock);
  }

  /** Counts one row; true when the batch is full. */
  add(): boolean {
    if (this.rows++ === 0) this.timer.schedule(this.spec.clock() + this.spec.latency);
    return this.rows >= this.spec.size;
  }

  reset(): void {
    this.timer.schedule(undefined);
    this.rows = 0;
  }

  close(): void {
    this.timer.clear();
  }
}
