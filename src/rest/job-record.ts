import { createHash } from 'node:crypto';
import type { CheckpointSettings } from '../runtime/checkpoint/checkpoint-config.js';
import type { JobRunner } from '../runtime/task/job-runner.js';
import { jobVertices, type VertexRecord } from './job-vertices.js';

/** Flink's JobStatus values that an embedded job passes through. */
export type JobState = 'RUNNING' | 'RESTARTING' | 'CANCELLING' | 'CANCELED' | 'FINISHED' | 'FAILED';

/** Every JobStatus Flink reports (keys of `timestamps` in /jobs/:jobid). */
export const JOB_STATUSES = ['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'FAILED', 'CANCELLING', 'CANCELED', 'FINISHED', 'RESTARTING', 'SUSPENDED', 'RECONCILING'] as const;

/** Every ExecutionState Flink reports (keys of `tasks` / `status-counts`). */
export const EXECUTION_STATES = ['CREATED', 'SCHEDULED', 'DEPLOYING', 'RUNNING', 'FINISHED', 'CANCELING', 'CANCELED', 'FAILED', 'RECONCILING', 'INITIALIZING'] as const;

export type { VertexRecord } from './job-vertices.js';

export interface JobFailure {
  readonly exceptionName: string;
  readonly stacktrace: string;
  readonly timestamp: number;
}

/** A failure as Flink's exception history shows it: the error's stack, then each cause's ("Caused by: …"). */
export function jobFailure(error: unknown, timestamp = Date.now()): JobFailure {
  const e = error instanceof Error ? error : new Error(String(error));
  const lines = [e.stack ?? `${e.name}: ${e.message}`];
  for (let c = e.cause, depth = 0; c !== undefined && depth < 10; c = c instanceof Error ? c.cause : undefined, depth++) {
    lines.push(`Caused by: ${c instanceof Error ? (c.stack ?? `${c.name}: ${c.message}`) : String(c)}`);
  }
  return { exceptionName: e.name, stacktrace: lines.join('\n'), timestamp };
}

/**
 * One job the script ran: its identity, its state transitions, and the runner to read metrics
 * from — the current attempt's, as a restart replaces it (the id and vertex ids stay).
 */
export class JobRecord {
  /** The first attempt's runner id (32 hex characters, like Flink's JobID): its checkpoint directories are named after it. */
  readonly id: string;
  readonly startTime = Date.now();
  readonly timestamps = new Map<string, number>([['INITIALIZING', this.startTime], ['CREATED', this.startTime], ['RUNNING', this.startTime]]);
  private current: JobRunner;
  private nodes: readonly VertexRecord[] = [];
  /** Vertex ids by chained vertex name, kept across attempts (a restart rebuilds the DAG alike). */
  private readonly vertexIds = new Map<string, string>();
  state: JobState = 'RUNNING';
  endTime = -1;
  /** The failure that ended the job. */
  failure: JobFailure | undefined;
  /** Every failure, oldest first: those the job restarted from, and the one that ended it (Flink's exception history). */
  readonly exceptionHistory: JobFailure[] = [];
  /** Restarts so far (Flink's numRestarts). */
  numRestarts = 0;
  /** Ids of the savepoints that stopped the job (Flink's SYNC_SAVEPOINT). */
  readonly syncSavepoints = new Set<number>();
  /** A stop-with-savepoint or cancel-with-savepoint was requested: no second one may start. */
  stopping = false;
  /** POST /savepoints with cancel-job: the job ends CANCELED, not FINISHED, after its savepoint. */
  cancelWithSavepoint = false;

  constructor(
    readonly name: string,
    runner: JobRunner,
    /** The settings the runner was given (`checkpointSettings` of the session). */
    readonly checkpointing: CheckpointSettings,
  ) {
    this.id = runner.jobId;
    this.current = runner;
    this.nodes = this.vertexRecords(runner);
  }

  /** The current attempt's runner. */
  get runner(): JobRunner {
    return this.current;
  }

  /** The job vertices (one per operator chain, with its subtasks), with ids that stay the same across restarts. */
  get vertices(): readonly VertexRecord[] {
    return this.nodes;
  }

  /** A restart's attempt begins: its runner replaces the failed one and the job is RUNNING again. */
  restarted(runner: JobRunner): void {
    this.current = runner;
    this.nodes = this.vertexRecords(runner);
    this.numRestarts++;
    this.transition('RUNNING');
  }

  /** An attempt failed: the failure joins the history; the job is RESTARTING, or FAILED for good. */
  failed(failure: JobFailure, restarting: boolean): void {
    this.exceptionHistory.push(failure);
    if (restarting) this.transition('RESTARTING');
    else this.transition('FAILED', failure);
  }

  private vertexRecords(runner: JobRunner): readonly VertexRecord[] {
    return jobVertices(runner.view, (name) => {
      let id = this.vertexIds.get(name);
      if (id === undefined) this.vertexIds.set(name, (id = createHash('md5').update(`${this.id}/${name}`).digest('hex')));
      return id;
    });
  }

  /** Subtasks over all vertices (Flink's task count of the job). */
  get numTasks(): number {
    return this.nodes.reduce((n, v) => n + v.parallelism, 0);
  }

  get ended(): boolean {
    return this.endTime >= 0;
  }

  duration(now = Date.now()): number {
    return (this.ended ? this.endTime : now) - this.startTime;
  }

  /** Records a state change and its time (as Flink's `timestamps`). */
  transition(state: JobState, failure?: JobFailure): void {
    const now = Date.now();
    this.state = state;
    this.timestamps.set(state, now);
    if (state === 'CANCELED' || state === 'FINISHED' || state === 'FAILED') this.endTime = now;
    if (failure) this.failure = failure;
  }

  /** PATCH /jobs/:jobid: cancels a running job; false when it has already ended. */
  cancel(): boolean {
    if (this.ended) return false;
    if (this.state === 'RUNNING' || this.state === 'RESTARTING') this.transition('CANCELLING');
    this.runner.cancel();
    return true;
  }
}

/** The jobs of this process, newest last. */
export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();

  add(job: JobRecord): JobRecord {
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  list(): JobRecord[] {
    return [...this.jobs.values()];
  }
}
