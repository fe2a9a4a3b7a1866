import type { TaskLock } from '../task/task-lock.js';

/**
 * Wakes a processing-time operator when its next deadline (in the injected clock's millis) has
 * passed, also if no row arrives by then. Cleared on close. With the task's lock, the wake-up
 * waits for a checkpoint in progress instead of changing state under it.
 */
export class ClockTimer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clock: () => number,
    private readonly fire: (now: number) => unknown,
    private readonly lock?: TaskLock,
  ) {}

  /** Schedules a wake-up at `deadline` (or none when undefined), replacing any earlier one. */
  schedule(deadline: number | undefined): void {
    clearTimeout(this.timer);
    if (deadline === undefined) return;
    this.timer = setTimeout(() => void this.wake(), Math.max(10, deadline - this.clock() + 1));
  }

  private wake(): unknown {
    return this.lock ? this.lock.run(() => this.fire(this.clock())) : this.fire(this.clock());
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
