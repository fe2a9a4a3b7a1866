import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaskLock } from '../task/task-lock.js';
import type { CheckpointSettings } from './checkpoint-config.js';
import { CheckpointCoordinator, type CheckpointTarget } from './checkpoint-coordinator.js';
import { FileCheckpointStorage, MemoryCheckpointStorage } from './checkpoint-storage.js';

const SETTINGS: CheckpointSettings = {
  interval: 0, mode: 'EXACTLY_ONCE', timeout: 600_000, minPause: 0, maxConcurrent: 1, tolerableFailures: 0, unaligned: false,
  retention: 'NO_EXTERNALIZED_CHECKPOINTS', checkpointsDir: undefined, savepointsDir: undefined, numRetained: 1,
};

function target(position: () => unknown = () => ({ offset: 1 }), lock = new TaskLock()): CheckpointTarget {
  return { jobId: 'a'.repeat(32), lock, maxParallelism: 128, operators: [], sinks: [], sources: [{ uid: 'Source: t[2]', subtask: 0, parallelism: 1, name: 'Source: t[2]', position }] };
}

describe('CheckpointCoordinator failures are reported with their reason', () => {
  it('a task that cannot record its position declines the checkpoint', async () => {
    const failures: Error[] = [];
    const c = new CheckpointCoordinator({ ...SETTINGS, tolerableFailures: 5 }, target(() => undefined), new MemoryCheckpointStorage(), (e) => failures.push(e));
    await expect(c.trigger('CHECKPOINT')).rejects.toThrow();
    expect(c.stats.latestFailed?.failureMessage).toBe('Checkpoint was declined. Source: t[2] does not support checkpoints: its reader cannot record a position.');
    expect(c.stats.counts).toMatchObject({ failed: 1, completed: 0, inProgress: 0 });
    expect(failures).toEqual([]);
  });

  it('a checkpoint that cannot start within the timeout expires', async () => {
    const lock = new TaskLock();
    let finish!: () => void;
    void lock.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const c = new CheckpointCoordinator({ ...SETTINGS, timeout: 30, tolerableFailures: 5 }, target(undefined, lock), new MemoryCheckpointStorage(), () => {});
    await expect(c.trigger('CHECKPOINT')).rejects.toThrow('Checkpoint expired before completing.');
    expect(c.stats.latestFailed?.failureMessage).toBe('Checkpoint expired before completing.');
    finish();
  });

  it('a storage error fails the checkpoint; more failures in a row than tolerated fail the job', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'weir-coordinator-')), 'not-a-dir');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, ''));
    const failures: Error[] = [];
    const c = new CheckpointCoordinator({ ...SETTINGS, tolerableFailures: 1 }, target(), new FileCheckpointStorage(file), (e) => failures.push(e));
    await expect(c.trigger('CHECKPOINT')).rejects.toThrow('An Exception occurred while triggering the checkpoint.');
    expect(failures).toEqual([]);
    await expect(c.trigger('CHECKPOINT')).rejects.toThrow();
    expect(failures.map((e) => e.message)).toEqual([expect.stringMatching(/^Exceeded checkpoint tolerable failure threshold\. The latest checkpoint failed due to: An Exception occurred while triggering the checkpoint\./)]);
  });

  it('checkpoint ids continue after the restored one; a completed checkpoint records where it is', async () => {
    const c = new CheckpointCoordinator(SETTINGS, target(), new MemoryCheckpointStorage(), () => {}, 41);
    const r = await c.trigger('CHECKPOINT');
    expect(r.id).toBe(42);
    expect(r.location).toBe(`memory:${'a'.repeat(32)}/chk-42`);
    expect(c.stats.latestCompleted).toBe(r);
  });
});
