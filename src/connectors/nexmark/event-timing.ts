/**
 * Event time of the N-th event: `baseTime + N * interEventDelayUs / 1000` with
 * `interEventDelayUs = 1e6 / rate`. With a distinct next-event rate, the rate alternates in
 * steps of half the rate period (a square wave), as Nexmark's rate shape does.
 */
import { RATE_PERIOD_SEC } from './nexmark-config.js';

interface Step {
  readonly rate: number;
  /** Events in one step at this rate. */
  readonly events: number;
  /** Event-time length of the step in ms. */
  readonly millis: number;
}

export class EventTiming {
  private readonly steps: readonly Step[];
  private readonly eventsPerCycle: number;
  private readonly cycleMillis: number;

  constructor(
    private readonly baseTime: number,
    private readonly firstRate: number,
    nextRate: number,
  ) {
    const rates = nextRate === firstRate ? [firstRate] : [firstRate, nextRate];
    const stepSec = Math.ceil(RATE_PERIOD_SEC / rates.length);
    this.steps = rates.map((rate) => {
      const events = stepSec * rate;
      return { rate, events, millis: Math.floor((events * 1000) / rate) };
    });
    this.eventsPerCycle = this.steps.reduce((n, s) => n + s.events, 0);
    this.cycleMillis = this.steps.reduce((n, s) => n + s.millis, 0);
  }

  /** Event time in epoch millis of event number `n` (0-based). */
  timestampOf(n: number): number {
    // Integer arithmetic (n * 1000 / rate) rather than a fractional delay, so no float drift.
    if (this.steps.length === 1) return this.baseTime + Math.floor((n * 1000) / this.firstRate);
    const cycle = Math.floor(n / this.eventsPerCycle);
    let rest = n - cycle * this.eventsPerCycle;
    let t = this.baseTime + cycle * this.cycleMillis;
    for (const s of this.steps) {
      if (rest < s.events) return t + Math.floor((rest * 1000) / s.rate);
      rest -= s.events;
      t += s.millis;
    }
    return t; // unreachable: rest < eventsPerCycle
  }
}
