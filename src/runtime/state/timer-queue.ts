import type { HashKey } from '../../types/value-hash.js';

/**
 * Event- or processing-time timers of keyed operators: at a time, the keys that must fire
 * (e.g. a window end and the keys with data in that window). Registered per key so it
 * snapshots with the key's state; fired in time order.
 */
export class TimerQueue {
  private readonly byTime = new Map<number, Set<HashKey>>();

  constructor(readonly name: string) {}

  register(time: number, key: HashKey): void {
    let keys = this.byTime.get(time);
    if (!keys) this.byTime.set(time, (keys = new Set()));
    keys.add(key);
  }

  /** Removes and returns the timers due at or before `time`, earliest first. */
  due(time: number, triggerTime: (t: number) => number = (t) => t): [number, Set<HashKey>][] {
    const due = [...this.byTime].filter(([t]) => triggerTime(t) <= time).sort((a, b) => a[0] - b[0]);
    for (const [t] of due) this.byTime.delete(t);
    return due;
  }

  /** The earliest registered timer, if any. */
  next(triggerTime: (t: number) => number = (t) => t): number | undefined {
    let min: number | undefined;
    for (const t of this.byTime.keys()) {
      const at = triggerTime(t);
      if (min === undefined || at < min) min = at;
    }
    return min;
  }

  get size(): number {
    return this.byTime.size;
  }

  /** All timers as [time, key] pairs, for a checkpoint. */
  snapshot(): [number, HashKey][] {
    return [...this.byTime].flatMap(([t, keys]) => [...keys].map((k): [number, HashKey] => [t, k]));
  }

  restore(timers: readonly (readonly [number, HashKey])[], owns?: (key: HashKey) => boolean): void {
    for (const [t, k] of timers) if (!owns || owns(k)) this.register(t, k);
  }
}
