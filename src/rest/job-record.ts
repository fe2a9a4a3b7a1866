import { createHash } from 'node:crypto';
import type { CheckpointSettings } from '../runtime/checkpoint/checkpoint-config.js';
import type { JobRunner } from '../runtime/task/job-runner.js';
import type { RuntimeSource, RuntimeVertex } from '../runtime/task/job-graph-builder.js';
import { topologicalOrder } from '../runtime/task/topological-order.js';

/** Flink's JobStatus values that an embedded job passes through. */
export type JobState = 'RUNNING' | 'CANCELLING' | 'CANCELED' | 'FINISHED' | 'FAILED';

/** Every JobStatus Flink reports (keys of `timestamps` in /jobs/:jobid). */
export const JOB_STATUSES = ['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'FAILED', 'CANCELLING', 'CANCELED', 'FINISHED', 'RESTARTING', 'SUSPENDED', 'RECONCILING'] as const;

/** Every ExecutionState Flink reports (keys of `tasks` / `status-counts`). */
export const EXECUTION_STATES = ['CREATED', 'SCHEDULED', 'DEPLOYING', 'RUNNING', 'FINISHED', 'CANCELING', 'CANCELED', 'FAILED', 'RECONCILING', 'INITIALIZING'] as const;

/** A vertex of the running DAG as the REST API shows it: a source or an operator, parallelism 1. */
export interface VertexRecord {
  /** 32 hex characters, like Flink's JobVertexID. */
  readonly id: string;
  readonly name: string;
  readonly node: { readonly kind: 'source'; readonly source: RuntimeSource } | { readonly kind: 'operator'; readonly vertex: RuntimeVertex };
  /** Ids of the vertices feeding this one. */
  readonly inputs: readonly string[];
}

export interface JobFailure {
  readonly exceptionName: string;
  readonly stacktrace: string;
  readonly timestamp: number;
}

/** One job the script ran: its identity, its state transitions, and the runner to read metrics from. */
export class JobRecord {
  /** The runner's id (32 hex characters, like Flink's JobID): checkpoint directories are named after it. */
  readonly id: string;
  readonly startTime = Date.now();
  readonly timestamps = new Map<string, number>([['INITIALIZING', this.startTime], ['CREATED', this.startTime], ['RUNNING', this.startTime]]);
  readonly vertices: readonly VertexRecord[];
  state: JobState = 'RUNNING';
  endTime = -1;
  failure: JobFailure | undefined;
  /** Ids of the savepoints that stopped the job (Flink's SYNC_SAVEPOINT). */
  readonly syncSavepoints = new Set<number>();
  /** A stop-with-savepoint or cancel-with-savepoint was requested: no second one may start. */
  stopping = false;
  /** POST /savepoints with cancel-job: the job ends CANCELED, not FINISHED, after its savepoint. */
  cancelWithSavepoint = false;

  constructor(
    readonly name: string,
    readonly runner: JobRunner,
    /** The settings the runner was given (`checkpointSettings` of the session). */
    readonly checkpointing: CheckpointSettings,
  ) {
    this.id = runner.jobId;
    const { sources } = runner.dag;
    const vertices = topologicalOrder(runner.dag.vertices);
    const ids = new Map<unknown, string>();
    [...sources.map((s) => [s, s.name] as const), ...vertices.map((v) => [v, v.operator.name] as const)].forEach(([node, name], i) => {
      ids.set(node, createHash('md5').update(`${this.id}/${i}/${name}`).digest('hex'));
    });
    const inputs = new Map<unknown, string[]>();
    for (const from of [...sources, ...vertices]) {
      for (const c of from.consumers) inputs.set(c.vertex, [...(inputs.get(c.vertex) ?? []), ids.get(from)!]);
    }
    this.vertices = [
      ...sources.map((s): VertexRecord => ({ id: ids.get(s)!, name: s.name, node: { kind: 'source', source: s }, inputs: [] })),
      ...vertices.map((v): VertexRecord => ({ id: ids.get(v)!, name: v.operator.name, node: { kind: 'operator', vertex: v }, inputs: inputs.get(v) ?? [] })),
    ];
  }

  /**
   * Whether the job has checkpoint statistics to show: periodic checkpoints are configured, or a
   * savepoint was taken (weir answers Flink's "not enabled" 404 until then).
   */
  get checkpointStatsAvailable(): boolean {
    const { counts } = this.runner.checkpoints.stats;
    return this.checkpointing.interval > 0 || counts.completed + counts.failed + counts.inProgress > 0;
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
    if (this.state === 'RUNNING') this.transition('CANCELLING');
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
