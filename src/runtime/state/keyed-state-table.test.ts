import { describe, expect, it } from 'vitest';
import { keyGroupOf, KeyedStateTable } from './keyed-state-table.js';
import { TimerQueue } from './timer-queue.js';

describe('KeyedStateTable', () => {
  it('spreads keys over key groups deterministically', () => {
    const groups = new Set<number>();
    for (let k = 0; k < 1000; k++) groups.add(keyGroupOf(k, 128));
    expect(groups.size).toBeGreaterThan(120);
    expect(keyGroupOf('sabc', 128)).toBe(keyGroupOf('sabc', 128));
  });

  it('snapshots its entries in order and restores only the key groups a subtask owns', () => {
    const t = new KeyedStateTable<number>('counts');
    for (let k = 0; k < 200; k++) t.set(`s${k}`, k);
    const snap = t.snapshot();
    expect(snap.keys).toHaveLength(200);
    expect(snap.keys.slice(0, 3)).toEqual(['s0', 's1', 's2']);
    expect(snap.values.slice(0, 3)).toEqual([0, 1, 2]);
    // Two subtasks at parallelism 2 each take half of the key groups; together they hold everything.
    const a = new KeyedStateTable<number>('counts');
    const b = new KeyedStateTable<number>('counts');
    a.restore(snap, 0, 63);
    b.restore(snap, 64, 127);
    expect(a.size + b.size).toBe(200);
    expect(a.size).toBeGreaterThan(0);
    expect(b.get('s7') ?? a.get('s7')).toBe(7);
    expect([...a.entries()].every(([k]) => keyGroupOf(k, 128) <= 63)).toBe(true);
    // A snapshot known to hold only the subtask's groups loads as it is.
    const whole = new KeyedStateTable<number>('counts');
    whole.restore(snap, 0, 127, true);
    expect([...whole.entries()].map(([k]) => k)).toEqual(snap.keys);
  });
});

describe('TimerQueue', () => {
  it('fires due timers in time order and keeps the rest', () => {
    const q = new TimerQueue('timers');
    q.register(30, 'a');
    q.register(10, 'b');
    q.register(10, 'c');
    q.register(20, 'a');
    expect(q.next()).toBe(10);
    expect(q.due(20).map(([t, keys]) => [t, [...keys]])).toEqual([[10, ['b', 'c']], [20, ['a']]]);
    expect(q.snapshot()).toEqual([[30, 'a']]);
  });
});
