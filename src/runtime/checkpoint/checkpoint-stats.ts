import type { CheckpointKind } from './checkpoint-metadata.js';

export type CheckpointStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** One checkpoint or savepoint attempt, as Flink's CheckpointingStatistics lists it. */
export interface CheckpointRecord {
  readonly id: number;
  readonly kind: CheckpointKind;
  status: CheckpointStatus;
  readonly triggerTime: number;
  /** Completion or failure time. */
  endTime: number;
  /** State bytes written. */
  stateSize: number;
  /**
   * State bytes written per operator uid, by subtask index (subtasks without state have no
   * entry); they sum to `stateSize`.
   */
  readonly operatorSizes: Map<string, Map<number, number>>;
  /** Time with the task's lock held (Flink's synchronous part). */
  syncMillis: number;
  location: string | undefined;
  failureMessage: string | undefined;
}

/** The history of a job's checkpoints (newest last, bounded as Flink's web.checkpoints.history). */
export class CheckpointStats {
  readonly history: CheckpointRecord[] = [];
  counts = { completed: 0, failed: 0, inProgress: 0 };
  latestCompleted: CheckpointRecord | undefined;
  latestFailed: CheckpointRecord | undefined;
  latestSavepoint: CheckpointRecord | undefined;
  restored: { id: number; path: string; time: number; savepoint: boolean } | undefined;

  constructor(private readonly limit = 10) {}

  started(id: number, kind: CheckpointKind): CheckpointRecord {
    const r: CheckpointRecord = { id, kind, status: 'IN_PROGRESS', triggerTime: Date.now(), endTime: -1, stateSize: 0, operatorSizes: new Map(), syncMillis: 0, location: undefined, failureMessage: undefined };
    this.history.push(r);
    if (this.history.length > this.limit) this.history.shift();
    this.counts.inProgress++;
    return r;
  }

  /** One operator subtask's snapshot was encoded into `bytes` bytes: counted for it and in the total. */
  subtaskSnapshot(r: CheckpointRecord, uid: string, subtask: number, bytes: number): void {
    let sizes = r.operatorSizes.get(uid);
    if (!sizes) r.operatorSizes.set(uid, (sizes = new Map()));
    sizes.set(subtask, (sizes.get(subtask) ?? 0) + bytes);
    r.stateSize += bytes;
  }

  completed(r: CheckpointRecord, location: string): void {
    r.status = 'COMPLETED';
    r.endTime = Date.now();
    r.location = location;
    this.counts.inProgress--;
    this.counts.completed++;
    if (r.kind === 'SAVEPOINT') this.latestSavepoint = r;
    else this.latestCompleted = r;
  }

  failed(r: CheckpointRecord, message: string): void {
    r.status = 'FAILED';
    r.endTime = Date.now();
    r.failureMessage = message;
    this.counts.inProgress--;
    this.counts.failed++;
    this.latestFailed = r;
  }
}
