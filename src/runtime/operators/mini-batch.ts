import { ClockTimer } from '../time/clock-timer.js';

/** `table.exec.mini-batch.*`: a batch ends after `size` rows or `latency` ms of processing time. */
export interface MiniBatch {
  readonly size: number;
  readonly latency: number;
  readonly clock: () => number;
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
    this.timer = new ClockTimer(spec.clock, onTimeout);
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
