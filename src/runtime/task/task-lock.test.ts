import { describe, expect, it } from 'vitest';
import { TaskLock } from './task-lock.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('TaskLock', () => {
  it('runs synchronous work at once and returns its result', () => {
    const lock = new TaskLock();
    expect(lock.run(() => 42)).toBe(42);
  });

  it('runs one piece of work at a time, in arrival order, also across awaits', async () => {
    const lock = new TaskLock();
    const log: string[] = [];
    const slow = lock.run(async () => {
      log.push('a start');
      await tick();
      log.push('a end');
    });
    const next = lock.run(() => void log.push('b'));
    const last = lock.run(async () => void log.push('c'));
    await Promise.all([slow, next, last]);
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
  });

  it('a hold waits for work in flight and holds later work until released', async () => {
    const lock = new TaskLock();
    const log: string[] = [];
    const first = lock.run(async () => {
      await tick();
      log.push('work 1');
    });
    const held = lock.acquire().then((release) => {
      log.push('held');
      return release;
    });
    const later = lock.run(() => void log.push('work 2'));
    const release = await held;
    await tick();
    expect(log).toEqual(['work 1', 'held']);
    release();
    await Promise.all([first, later]);
    expect(log).toEqual(['work 1', 'held', 'work 2']);
  });

  it('a failing piece of work does not block the next', async () => {
    const lock = new TaskLock();
    await expect(lock.run(async () => {
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await lock.run(async () => 'next')).toBe('next');
  });
});
