import type { SourcePosition } from '../../connectors/connector.js';
import type { Operator } from '../operators/operator.js';
import type { SinkOperator } from '../operators/sink-operator.js';
import type { TaskLock } from '../task/task-lock.js';
import type { HashKey } from '../../types/value-hash.js';
import { RuntimeError } from '../../types/errors.js';
import type { CheckpointSettings } from './checkpoint-config.js';
import type { ChannelEntry, CheckpointKind, CheckpointMetadata, OperatorEntry, SinkEntry, SourceEntry } from './checkpoint-metadata.js';
import type { CheckpointStorage } from './checkpoint-storage.js';
import { CheckpointStats, type CheckpointRecord } from './checkpoint-stats.js';
import { snapshotTask, type ChannelState, type TaskSnapshot } from './task-snapshot.js';
import { encodeValues } from './value-codec.js';
import { keyGroupRange } from '../task/exchange.js';

/** What a checkpoint reads from a running job (one task: subtask 0 of everything). */
export interface CheckpointTarget {
  readonly jobId: string;
  readonly lock: TaskLock;
  readonly maxParallelism: number;
  /** Operator subtasks in topological order (producers before consumers), by stable operator id. */
  readonly operators: readonly (Subtask & {
    readonly description: string;
    readonly operator: Operator;
    /** Per input, the key that routes its rows to subtasks (keyed inputs only). */
    readonly inputKeys?: readonly (((row: unknown[]) => HashKey) | undefined)[];
  })[];
  /** Each source subtask's position after the last chunk it delivered; undefined when its reader cannot say. */
  readonly sources: readonly (Subtask & { readonly name: string; position(): SourcePosition | undefined })[];
  readonly sinks: readonly (Subtask & { readonly operator: SinkOperator })[];
  /** Worker threads: the barriers on this task's channels to and from other workers. */
  readonly barriers?: { begin(id: number): Promise<ChannelState[]>; emit(id: number): void };
  /** Worker threads: the job's other tasks, snapshotted and committed along with this one. */
  readonly peers?: CheckpointPeers;
  /** Operator ids of the whole job when this task holds only part of it (a restore checks against these). */
  readonly jobUids?: ReadonlySet<string>;
}

/** The tasks of a job on other workers, as its checkpoint coordinator reaches them. */
export interface CheckpointPeers {
  /** Their snapshots for checkpoint `id`; with `hold`, they stay held until `release`. */
  snapshot(id: number, hold: boolean): Promise<TaskSnapshot[]>;
  release(): void;
  /** Checkpoint `id` is complete: their sinks commit what it covers. */
  commit(id: number): void;
}

/** One parallel instance of an operator, source or sink. */
export interface Subtask {
  readonly uid: string;
  readonly subtask: number;
  readonly parallelism: number;
}

/** Subtasks grouped by operator id, in first-seen order. */
export function groupByUid<T extends { readonly uid: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    let list = out.get(item.uid);
    if (!list) out.set(item.uid, (list = []));
    list.push(item);
  }
  return out;
}

/** Flink's CheckpointFailureReason messages. */
export const FAILURE = {
  expired: 'Checkpoint expired before completing.',
  declined: 'Checkpoint was declined.',
  io: 'An Exception occurred while triggering the checkpoint.',
  tooMany: 'Exceeded checkpoint tolerable failure threshold.',
} as const;

/** A checkpoint a task refused (e.g. a source that cannot record its position). */
export class CheckpointDeclined extends Error {}

export interface TriggerOptions {
  /** Savepoints: a directory other than `state.savepoints.dir`. */
  readonly targetDir?: string;
  /**
   * Stop-with-savepoint: the task stays held from the snapshot until the savepoint is complete,
   * then this runs (the job stops there). If the savepoint fails, the task is released and the
   * job goes on, as in Flink.
   */
  readonly stop?: (location: string) => void;
}

/**
 * Takes checkpoints of one job: periodically (interval, min-pause, max-concurrent, timeout) and on
 * request (savepoints). A snapshot holds the task's lock: every operator first flushes what it
 * buffered for speed (upstream first), then its state is encoded, the sources' positions read
 * and the sinks pre-commit — in a single-task job that is exactly the aligned barrier's cut. The
 * files are written after the lock is released; sinks commit once `_metadata` is in place.
 */
export class CheckpointCoordinator {
  readonly stats = new CheckpointStats();
  private nextId: number;
  private running = 0;
  private consecutiveFailures = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastEnd = 0;
  private stopped = false;
  private readonly retained: string[] = [];
  /** Checkpoints not yet complete or failed, so the job can wait for them before it closes. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly settings: CheckpointSettings,
    private readonly target: CheckpointTarget,
    private readonly storage: CheckpointStorage,
    /** Fails the job (too many failed checkpoints). */
    private readonly fail: (err: Error) => void,
    /** After a restore, ids continue from the restored checkpoint's (as in Flink). */
    restoredId = 0,
  ) {
    this.nextId = restoredId + 1;
  }

  /** Starts periodic checkpoints when an interval is set. */
  start(): void {
    if (this.settings.interval > 0) this.schedule(this.settings.interval);
  }

  /** No more periodic checkpoints (the job is ending). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.periodic(), delay);
  }

  private async periodic(): Promise<void> {
    if (this.running >= this.settings.maxConcurrent) return this.schedule(Math.max(10, this.settings.interval / 10));
    const pause = this.lastEnd + this.settings.minPause - Date.now();
    if (pause > 0) return this.schedule(pause);
    this.schedule(this.settings.interval);
    await this.trigger('CHECKPOINT').catch(() => {});
  }

  /** Takes one checkpoint or savepoint; resolves with its record once complete, rejects with the failure. */
  trigger(kind: CheckpointKind, opts: TriggerOptions = {}): Promise<CheckpointRecord> {
    const p = this.attempt(kind, opts);
    const tracked = p.catch(() => {}).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    return p;
  }

  /** Resolves once no checkpoint is in progress. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private async attempt(kind: CheckpointKind, opts: TriggerOptions): Promise<CheckpointRecord> {
    const record = this.stats.started(this.nextId++, kind);
    this.running++;
    let timedOut = false;
    let timeout: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => {
        timedOut = true;
        reject(new RuntimeError(FAILURE.expired));
      }, this.settings.timeout);
    });
    try {
      const location = await Promise.race([this.take(record, opts, () => timedOut), expiry]);
      this.stats.completed(record, location);
      this.consecutiveFailures = 0;
      await this.retain(record, location);
      return record;
    } catch (err) {
      this.stats.failed(record, failureMessage(err));
      if (kind === 'CHECKPOINT' && ++this.consecutiveFailures > this.settings.tolerableFailures) {
        this.fail(new RuntimeError(`${FAILURE.tooMany} The latest checkpoint failed due to: ${record.failureMessage}`));
      }
      throw err;
    } finally {
      clearTimeout(timeout);
      this.running--;
      this.lastEnd = Date.now();
    }
  }

  private async take(record: CheckpointRecord, opts: TriggerOptions, expired: () => boolean): Promise<string> {
    const { target } = this;
    const hold = opts.stop !== undefined;
    // This task first: it begins recording its channels before any peer's barrier can reach it.
    const local = snapshotTask(target, record.id, hold);
    const remote = target.peers?.snapshot(record.id, hold);
    const releasePeers = () => {
      if (hold) target.peers?.release();
    };
    let release: (() => void) | undefined;
    try {
      const [own, others] = await Promise.all([local, remote ?? []]);
      release = own.release;
      record.syncMillis = own.syncMillis;
      const { entries, files } = this.assemble(record, [own.snapshot, ...others]);
      return await this.persist(record, entries, files, opts, expired);
    } finally {
      release?.();
      if (!release) void local.then((l) => l.release(), () => {});
      releasePeers();
    }
  }

  /** The checkpoint's metadata entries and state files, from every task's snapshot. */
  private assemble(record: CheckpointRecord, parts: readonly TaskSnapshot[]): { entries: Pick<CheckpointMetadata, 'operators' | 'sources' | 'sinks' | 'channels'>; files: Map<string, Uint8Array> } {
    const files = new Map<string, Uint8Array>();
    const bySubtask = <T extends { readonly subtask: number }>(list: T[]) => list.sort((a, b) => a.subtask - b.subtask);
    const operators: OperatorEntry[] = [];
    for (const [uid, list] of groupByUid(parts.flatMap((p) => p.operators))) {
      const subtasks = bySubtask(list).map((o) => {
        const file = `op-${operators.length}-${o.subtask}`;
        files.set(file, o.bytes);
        this.stats.subtaskSnapshot(record, uid, o.subtask, o.bytes.length);
        const range = keyGroupRange(o.subtask, o.parallelism, this.target.maxParallelism);
        return { subtask: o.subtask, keyGroups: [range.from, range.to] as const, file, bytes: o.bytes.length };
      });
      operators.push({ uid, description: list[0]!.description, subtasks });
    }
    const sources: SourceEntry[] = [...groupByUid(parts.flatMap((p) => p.sources))].map(([uid, list]) => ({ uid, subtasks: bySubtask(list).map(({ subtask, position }) => ({ subtask, position })) }));
    const sinks: SinkEntry[] = [...groupByUid(parts.flatMap((p) => p.sinks))].map(([uid, list]) => ({ uid, subtasks: bySubtask(list).map(({ subtask, committables }) => ({ subtask, committables })) }));
    const channels: ChannelEntry[] = parts.flatMap((p) => p.channels).map((c, i) => {
      const file = `channel-${i}`;
      const bytes = encodeValues([c.chunks]);
      files.set(file, bytes);
      this.stats.subtaskSnapshot(record, c.uid, c.subtask, bytes.length);
      return { uid: c.uid, subtask: c.subtask, parallelism: c.parallelism, input: c.input, file, bytes: bytes.length };
    });
    return { entries: { operators, sources, sinks, ...(channels.length > 0 ? { channels } : {}) }, files };
  }

  /** Writes the checkpoint, then lets the sinks commit what it covers. */
  private async persist(record: CheckpointRecord, entries: Pick<CheckpointMetadata, 'operators' | 'sources' | 'sinks' | 'channels'>, files: ReadonlyMap<string, Uint8Array>, opts: TriggerOptions, expired: () => boolean): Promise<string> {
    const { target } = this;
    const metadata: CheckpointMetadata = {
      format: 'weir-checkpoint', version: 1, kind: record.kind, checkpointId: record.id, jobId: target.jobId,
      timestamp: record.triggerTime, maxParallelism: target.maxParallelism, ...entries,
    };
    if (expired()) throw new RuntimeError(FAILURE.expired);
    let location: string;
    try {
      location = await this.storage.write(metadata, files, opts.targetDir);
    } catch (err) {
      throw new RuntimeError(`${FAILURE.io} ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const s of target.sinks) await s.operator.commitUpTo(record.id);
    target.peers?.commit(record.id);
    opts.stop?.(location);
    return location;
  }

  /** Keeps the newest `num-retained` checkpoints (savepoints belong to the user). */
  private async retain(record: CheckpointRecord, location: string): Promise<void> {
    if (record.kind === 'SAVEPOINT') return;
    this.retained.push(location);
    while (this.retained.length > this.settings.numRetained) await this.storage.discard(this.retained.shift()!).catch(() => {});
  }

  /**
   * Drops the retained checkpoints when the job ends, as Flink's retention says: always when it
   * finishes, and when it is cancelled or fails unless they are externalized (kept on failure by
   * DELETE_ON_CANCELLATION, on both by RETAIN_ON_CANCELLATION).
   */
  async jobEnded(outcome: 'finished' | 'cancelled' | 'failed'): Promise<void> {
    this.stop();
    const { retention } = this.settings;
    const keep = (outcome === 'failed' && retention !== 'NO_EXTERNALIZED_CHECKPOINTS') || (outcome === 'cancelled' && retention === 'RETAIN_ON_CANCELLATION');
    if (keep) return;
    for (const location of this.retained.splice(0)) await this.storage.discard(location).catch(() => {});
  }
}

function failureMessage(err: unknown): string {
  if (err instanceof CheckpointDeclined) return `${FAILURE.declined} ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
