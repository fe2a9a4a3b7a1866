import { describe, expect, it } from 'vitest';
import { ChannelBarriers } from '../exchange/channel-barriers.js';
import type { RemoteInput } from '../exchange/remote-links.js';
import type { RuntimeVertex } from '../task/runtime-dag.js';
import { TaskLock } from '../task/task-lock.js';
import type { CheckpointTarget } from './checkpoint-coordinator.js';
import { TaskParticipant } from './task-participant.js';

// A worker whose checkpoint begins with a barrier from another worker (before the coordinator's
// trigger reaches it): the messages after that barrier may have been sent after the sender's cut,
// so this worker's cut must fall before any of them is processed, and the barrier's channel counts
// as passed.

const consumer = (name: string) => ({ vertex: { operator: { name }, subtask: 1, parallelism: 2 } as unknown as RuntimeVertex, input: 0 });
const inputs: RemoteInput[] = [
  { channel: 0, worker: 0, consumer: consumer('Join[2]') },
  { channel: 1, worker: 0, consumer: consumer('Join[2]') },
];

function worker(): { participant: TaskParticipant; barriers: ChannelBarriers; lock: TaskLock; processed: string[] } {
  const lock = new TaskLock();
  const processed: string[] = [];
  let participant: TaskParticipant | undefined;
  const barriers = new ChannelBarriers(inputs, [], (id) => participant!.begin(id));
  const target: CheckpointTarget = {
    jobId: 'j',
    lock,
    maxParallelism: 128,
    operators: [],
    // The source's position is what has been processed: it shows where the cut fell.
    sources: [{ uid: 'Source: s[3]', name: 'Source: s[3]', subtask: 1, parallelism: 2, position: () => [...processed] }],
    sinks: [],
    barriers,
  };
  participant = new TaskParticipant(target, []);
  participant.start();
  return { participant, barriers, lock, processed };
}

describe('a checkpoint begun by a barrier', () => {
  it('cuts before the messages handled after the barrier, in the same step', async () => {
    const { participant, barriers, lock, processed } = worker();
    const chunk = new Uint8Array([1, 2, 3]);
    // One batch of messages, handled in one go (as a pump does): barrier on 0, then data on 0 and 1.
    barriers.arrived({ t: 'barrier', ch: 0, id: 7 });
    void lock.run(() => void processed.push('after the barrier on 0'));
    barriers.arrived({ t: 'chunk', ch: 1, bytes: chunk });
    void lock.run(() => void processed.push('before the barrier on 1'));
    barriers.arrived({ t: 'barrier', ch: 1, id: 7 });
    const snapshot = await participant.snapshot(7, false);
    expect(snapshot.sources[0]!.position).toEqual([]);
    // Channel 0's barrier came first: nothing of it is in flight. Channel 1's chunk is.
    expect(snapshot.channels).toEqual([{ uid: 'Join[2]', subtask: 1, parallelism: 2, input: 0, chunks: [chunk] }]);
    await lock.run(() => {});
    expect(processed).toEqual(['after the barrier on 0', 'before the barrier on 1']);
  });

  it('is the snapshot the coordinator gets, also when its request comes after the snapshot completed', async () => {
    const { participant, barriers, lock, processed } = worker();
    barriers.arrived({ t: 'barrier', ch: 0, id: 7 });
    barriers.arrived({ t: 'barrier', ch: 1, id: 7 });
    // The snapshot completes and the task goes on before the coordinator's request arrives.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await lock.run(() => void processed.push('after the cut'));
    const snapshot = await participant.snapshot(7, false);
    expect(snapshot.sources[0]!.position).toEqual([]);
    // A late barrier of a checkpoint already taken begins no snapshot.
    participant.begin(7);
    await lock.run(() => void processed.push('later'));
    const next = participant.snapshot(8, false);
    barriers.arrived({ t: 'barrier', ch: 0, id: 8 });
    barriers.arrived({ t: 'barrier', ch: 1, id: 8 });
    expect((await next).sources[0]!.position).toEqual(['after the cut', 'later']);
  });
});
