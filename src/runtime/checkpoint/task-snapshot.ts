import type { SinkCommittable, SourcePosition } from '../../connectors/connector.js';
import { CheckpointDeclined, type CheckpointTarget } from './checkpoint-coordinator.js';
import { snapshotOperator } from './operator-snapshot.js';
import { encodeValues } from './value-codec.js';

/** Chunks that were in flight on a channel into `uid`'s subtask `subtask`, input `input` (unaligned checkpoints). */
export interface ChannelState {
  readonly uid: string;
  readonly subtask: number;
  readonly parallelism: number;
  readonly input: number;
  /** Encoded chunks (value codec), in arrival order. */
  readonly chunks: readonly Uint8Array[];
}

/** One task's (one worker's) part of a checkpoint, before it is written. */
export interface TaskSnapshot {
  readonly operators: readonly { readonly uid: string; readonly description: string; readonly subtask: number; readonly parallelism: number; readonly bytes: Uint8Array }[];
  readonly sources: readonly { readonly uid: string; readonly subtask: number; readonly position: SourcePosition }[];
  readonly sinks: readonly { readonly uid: string; readonly subtask: number; readonly committables: readonly SinkCommittable[] }[];
  readonly channels: readonly ChannelState[];
}

/**
 * Snapshots one task: holds its lock (so the cut falls between two pieces of work), records the
 * sources' positions, lets operators flush what they buffer for speed (upstream first), encodes
 * every operator's state, pre-commits the sinks and sends the barrier on the channels to other
 * workers. The hold ends at once unless `hold` (stop-with-savepoint: until `release` is called).
 * With channels from other workers, what arrives on them after the cut and before their barrier
 * is part of the snapshot (the channel state of an unaligned checkpoint).
 */
export async function snapshotTask(target: CheckpointTarget, id: number, hold: boolean): Promise<{ snapshot: TaskSnapshot; release: () => void; syncMillis: number }> {
  // Recording starts in the same step as the lock is requested: all that arrives later is after the cut.
  const inFlight = target.barriers?.begin(id);
  const lockedAt = Date.now();
  const release = await target.lock.acquire();
  let held = true;
  const unlock = () => {
    if (held) release();
    held = false;
  };
  const operators: TaskSnapshot['operators'][number][] = [];
  const sources: TaskSnapshot['sources'][number][] = [];
  const sinks: TaskSnapshot['sinks'][number][] = [];
  try {
    for (const s of target.sources) {
      const position = s.position();
      if (position === undefined) throw new CheckpointDeclined(`${s.name} does not support checkpoints: its reader cannot record a position.`);
      sources.push({ uid: s.uid, subtask: s.subtask, position });
    }
    for (const o of target.operators) await o.operator.prepareSnapshot?.();
    for (const o of target.operators) {
      const snapshot = snapshotOperator(o.operator);
      if (snapshot !== undefined) operators.push({ uid: o.uid, description: o.description, subtask: o.subtask, parallelism: o.parallelism, bytes: encodeValues([snapshot]) });
    }
    for (const s of target.sinks) {
      const committables = await s.operator.prepareCommit(id);
      if (committables.length > 0) sinks.push({ uid: s.uid, subtask: s.subtask, committables });
    }
    target.barriers?.emit(id);
  } catch (err) {
    unlock();
    throw err;
  }
  const syncMillis = Date.now() - lockedAt;
  if (!hold) unlock();
  try {
    const channels = (await inFlight) ?? [];
    return { snapshot: { operators, sources, sinks, channels }, release: unlock, syncMillis };
  } catch (err) {
    unlock();
    throw err;
  }
}
