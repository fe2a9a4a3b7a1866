/**
 * Wakes a processing-time operator when its next deadline (in the injected clock's millis) has
 * passed, also if no row arrives by then. Cleared on close.
 */
export class ClockTimer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clock: () => number,
    private readonly fire: (now: number) => unknown,
  ) {}

  /** Schedules a wake-up at `deadline` (or none when undefined), replacing any earlier one. */
  schedule(deadline: number | undefined): void {
    clearTimeout(this.timer);
    if (deadline === undefined) return;
    this.timer = setTimeout(() => void this.fire(this.clock()), Math.max(10, deadline - this.clock() + 1));
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
