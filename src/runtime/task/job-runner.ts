import { randomBytes } from 'node:crypto';
import { RuntimeError } from '../../types/errors.js';
import type { Consumer, RuntimeDag, RuntimeSource, RuntimeVertex } from './runtime-dag.js';
import { FanOut } from '../operators/operator.js';
import type { SourcePosition } from '../../connectors/connector.js';
import { CheckpointCoordinator, type CheckpointPeers, type CheckpointTarget } from '../checkpoint/checkpoint-coordinator.js';
import { TaskParticipant } from '../checkpoint/task-participant.js';
import { ChannelBarriers } from '../exchange/channel-barriers.js';
import type { CheckpointSettings } from '../checkpoint/checkpoint-config.js';
import { FileCheckpointStorage, MemoryCheckpointStorage, type LoadedCheckpoint } from '../checkpoint/checkpoint-storage.js';
import type { CheckpointRecord } from '../checkpoint/checkpoint-stats.js';
import { restoreJob } from '../checkpoint/restore-job.js';
import { DEFAULT_MAX_PARALLELISM } from '../state/keyed-state-table.js';
import { topologicalOrder } from './topological-order.js';
import { SinkOperator } from '../operators/sink-operator.js';
import { deliverChannels } from '../exchange/channel-inputs.js';
import { operatorCountersOf } from './subtask-metrics.js';
import { driveSource, type SourceTask } from './source-driver.js';

export interface JobResult {
  readonly rowsWritten: number;
  readonly cancelled: boolean;
  /** Set when the job was stopped with a savepoint: where it is. */
  readonly savepoint?: string;
}

export interface RunnerOptions {
  /** `table.exec.source.idle-timeout` in ms (0: sources are never marked idle). */
  readonly idleTimeout?: number;
  /** Checkpoint and savepoint settings; without them: no periodic checkpoints, savepoints need a target directory. */
  readonly checkpointing?: CheckpointSettings;
  /** The job's id (a restarted job keeps its first attempt's); a new one when absent. */
  readonly jobId?: string;
  /**
   * Leave retained checkpoints to the caller when the run ends (`checkpoints.jobEnded`): a job
   * that restarts after a failure restores from them.
   */
  readonly keepCheckpoints?: boolean;
  /** Restore from this checkpoint or savepoint before reading (`weir run --from-savepoint`). */
  readonly restoreFrom?: { readonly checkpoint: LoadedCheckpoint; readonly allowNonRestoredState: boolean };
  /** Worker threads, on the main thread (which coordinates): the workers' parts of the job. */
  readonly peers?: Peers;
  /** Worker threads, on the main thread: the whole job's DAG (built, never run), which shows every subtask's counters. */
  readonly view?: RuntimeDag;
  /**
   * Worker threads, on each worker: the main thread coordinates checkpoints. When this
   * part's input has ended, `ended` is called; the part closes once `closed` resolves.
   */
  readonly coordinated?: { ended(): void; readonly closed: Promise<void> };
}

/** The parts of a job on worker threads, as the main thread sees them. */
export interface Peers extends CheckpointPeers {
  /** Resolves once every other part's input has ended (or the job stopped). */
  ended(): Promise<void>;
  /** Stops them (this part failed). */
  cancel(): void;
  /** Their sources end as if exhausted (stop-with-savepoint --drain). */
  drain(): void;
  /** Lets them close (after the job's final checkpoint). */
  close(): void;
  /** Resolves with the rows their sinks wrote once every part has closed. */
  finished(): Promise<number>;
}

const NO_CHECKPOINTS: CheckpointSettings = {
  interval: 0, mode: 'EXACTLY_ONCE', timeout: 600_000, minPause: 0, maxConcurrent: 1, tolerableFailures: 0, unaligned: false,
  retention: 'NO_EXTERNALIZED_CHECKPOINTS', checkpointsDir: undefined, savepointsDir: undefined, numRetained: 1,
};

/**
 * Runs a DAG to completion on this thread: each source is pulled in its own async loop and its
 * chunks are pushed through the chained operators. A vertex finishes once all its inputs have
 * ended; the job ends when every source has ended, or fails on the first error (every operator
 * is then closed, uncommitted output discarded). Everything that enters the operators runs under
 * the DAG's task lock, which checkpoints take between two pieces of work.
 */
export class JobRunner {
  /** 32 hex characters, like Flink's JobID. */
  readonly jobId: string;
  readonly checkpoints: CheckpointCoordinator;
  /** Sources stop reading (cancel, or stop-with-savepoint); nothing more enters the operators. */
  private cancelled = false;
  private stoppedWith: string | undefined;
  /** Each source's position after the last chunk it delivered. */
  private readonly delivered = new Map<RuntimeSource, SourcePosition | undefined>();
  private failure: unknown;
  private readonly cancelListeners = new Set<() => void>();
  /** Stop-with-savepoint --drain: sources end as if exhausted. */
  private draining = false;
  private drives: Promise<unknown> | undefined;
  /** Worker threads: resolves when every channel from other workers has ended. */
  private inputsEnded: Promise<void> | undefined;
  /** A stop-with-savepoint --drain in progress: the job closes only after its savepoint. */
  private drainedStop: Promise<unknown> | undefined;
  private readonly remainingInputs = new Map<RuntimeVertex, number>();
  /** Polls in flight: cancel resolves them with null, so a source waiting for data stops waiting. */
  private readonly waiting = new Set<(v: null) => void>();
  /** Rows the sources have emitted so far (Flink's numRecordsOut of the sources). */
  private sourceRows = 0;

  private readonly idleTimeout: number;
  /** With periodic checkpoints, a job that ends commits its sinks through one last checkpoint. */
  private readonly finalCheckpoint: boolean;
  private readonly target: CheckpointTarget;
  private readonly barriers: ChannelBarriers | undefined;
  /** Worker threads, on a worker the first one coordinates: its side of the checkpoints. */
  readonly participant: TaskParticipant;

  constructor(
    readonly dag: RuntimeDag,
    private readonly opts: RunnerOptions = {},
  ) {
    this.idleTimeout = opts.idleTimeout ?? 0;
    this.jobId = opts.jobId ?? randomBytes(16).toString('hex');
    // A vertex ends when every channel feeding it has ended (several per input when parallel).
    for (const v of dag.vertices) this.remainingInputs.set(v, 0);
    for (const from of [...dag.sources, ...dag.vertices]) for (const c of from.consumers) this.remainingInputs.set(c.vertex, this.remainingInputs.get(c.vertex)! + 1);
    for (const { consumer } of dag.remote?.inputs ?? []) this.remainingInputs.set(consumer.vertex, this.remainingInputs.get(consumer.vertex)! + 1);
    const settings = opts.checkpointing ?? NO_CHECKPOINTS;
    for (const s of dag.sinks) s.commitOnCheckpoint = settings.interval > 0;
    this.finalCheckpoint = settings.interval > 0 && !opts.coordinated;
    const remote = dag.remote;
    if (remote) {
      this.barriers = new ChannelBarriers(remote.inputs, remote.outgoing, (id) => this.participant.begin(id));
      this.onCancel(() => this.barriers?.abort(new RuntimeError('The job stopped.')));
    }
    const storage = settings.checkpointsDir ? new FileCheckpointStorage(settings.checkpointsDir) : new MemoryCheckpointStorage();
    const restoredId = opts.restoreFrom?.checkpoint.metadata.checkpointId ?? 0;
    this.target = this.checkpointTarget();
    this.participant = new TaskParticipant(this.target, dag.sinks);
    this.checkpoints = new CheckpointCoordinator(settings, this.target, storage, (err) => this.fail(err), restoredId);
  }

  private checkpointTarget(): CheckpointTarget {
    const operators = topologicalOrder(this.dag.vertices).filter((v) => !v.exchange);
    return {
      jobId: this.jobId,
      lock: this.dag.lock,
      maxParallelism: DEFAULT_MAX_PARALLELISM,
      operators: operators.map((v) => ({ uid: v.operator.name, subtask: v.subtask, parallelism: v.parallelism, description: v.description, operator: v.operator, ...(v.inputKeys ? { inputKeys: v.inputKeys } : {}) })),
      sources: this.dag.sources.map((s) => ({ uid: s.name, subtask: s.subtask, parallelism: s.parallelism, name: s.name, position: () => this.delivered.get(s) })),
      sinks: operators.flatMap((v) => (v.operator instanceof SinkOperator ? [{ uid: v.operator.name, subtask: v.subtask, parallelism: v.parallelism, operator: v.operator }] : [])),
      ...(this.barriers ? { barriers: this.barriers } : {}),
      ...(this.opts.peers ? { peers: this.opts.peers } : {}),
      ...(this.dag.remote ? { jobUids: this.dag.remote.jobUids } : {}),
    };
  }

  /** Fails the job from outside the data path (e.g. too many failed checkpoints, another worker failed). */
  fail(err: unknown): void {
    this.failure ??= err;
    this.cancel();
  }

  /** Takes a savepoint while the job keeps running. */
  triggerSavepoint(targetDir?: string): Promise<CheckpointRecord> {
    return this.checkpoints.trigger('SAVEPOINT', { targetDir: targetDir ?? this.opts.checkpointing?.savepointsDir });
  }

  /**
   * Flink's stop-with-savepoint: takes a savepoint and stops the job right after it; it ends
   * FINISHED. With `drain`, the sources first stop and send the final watermark, every operator
   * finishes (all windows fire, sinks commit), and the savepoint follows.
   */
  async stopWithSavepoint(targetDir?: string, drain = false): Promise<CheckpointRecord> {
    if (!drain) return this.stopNow(targetDir);
    // run() waits for this stop before closing the drained operators.
    const stopped = (async () => {
      this.drain();
      this.opts.peers?.drain();
      // Every part's input ends: the final watermark and end of data pass through all channels.
      await this.drives;
      await this.inputsEnded;
      await this.opts.peers?.ended();
      return this.stopNow(targetDir);
    })();
    this.drainedStop = stopped.catch(() => {});
    return stopped;
  }

  /** Sources end as if exhausted (stop-with-savepoint --drain; on a worker, at the main thread's request). */
  drain(): void {
    this.draining = true;
    this.wakePolls();
  }

  private stopNow(targetDir: string | undefined): Promise<CheckpointRecord> {
    return this.checkpoints.trigger('SAVEPOINT', {
      targetDir: targetDir ?? this.opts.checkpointing?.savepointsDir,
      stop: (location) => {
        this.stoppedWith = location;
        this.cancel();
      },
    });
  }

  /** The job as monitoring shows it: every subtask, also those on other worker threads. */
  get view(): RuntimeDag {
    return this.opts.view ?? this.dag;
  }

  /** Each operator's counters summed over its subtasks, by operator name (e.g. `WindowAggregate[3]` → numLateRecordsDropped). */
  metrics(): Map<string, Readonly<Record<string, number>>> {
    const out = new Map<string, Record<string, number>>();
    for (const v of this.view.vertices) {
      const m = operatorCountersOf(v);
      if (!m) continue;
      const sum = out.get(v.operator.name) ?? {};
      for (const [k, n] of Object.entries(m)) sum[k] = (sum[k] ?? 0) + n;
      out.set(v.operator.name, sum);
    }
    return out;
  }

  /** Rows read from all sources so far (for progress reports). */
  rowsRead(): number {
    return this.sourceRows;
  }

  /**
   * Stops the sources, also while they wait for data; the job then ends without committing.
   * Listeners hear of it (also after the run ended: a failed job waiting to restart is cancelled).
   */
  cancel(): void {
    this.cancelled = true;
    this.wakePolls();
    for (const listener of this.cancelListeners) listener();
  }

  /** Calls `listener` on each cancel request; returns the function that stops listening. */
  onCancel(listener: () => void): () => void {
    this.cancelListeners.add(listener);
    return () => this.cancelListeners.delete(listener);
  }

  /** Resolves the polls in flight with null, so sources waiting for data stop waiting. */
  private wakePolls(): void {
    for (const resolve of this.waiting) resolve(null);
    this.waiting.clear();
  }

  /**
   * `p`, or null once the job is cancelled. (Racing each poll against one long-lived cancel
   * promise would leak: every race leaves a reaction on it.)
   */
  private orCancel<T>(p: Promise<T>): Promise<T | null> {
    if (this.cancelled || this.draining) return Promise.resolve(null);
    return new Promise<T | null>((resolve, reject) => {
      this.waiting.add(resolve);
      p.then(
        (v) => {
          this.waiting.delete(resolve);
          resolve(v);
        },
        (e: unknown) => {
          this.waiting.delete(resolve);
          reject(e);
        },
      );
    });
  }

  async run(): Promise<JobResult> {
    const { sources, vertices } = this.dag;
    try {
      for (const v of vertices) await v.operator.open?.();
      await this.restore();
      this.participant.start();
      if (!this.opts.coordinated) this.checkpoints.start();
      const remote = this.dag.remote;
      this.inputsEnded = remote && deliverChannels(remote, {
        lock: this.dag.lock,
        barriers: this.barriers,
        cancelled: () => this.cancelled,
        onCancel: (l) => this.onCancel(l),
        fail: (err) => this.fail(err),
        endInput: (v) => this.endInput(v),
        setIdle: (c, idle) => this.setIdle(c, idle),
      });
      const task: SourceTask = {
        dag: this.dag,
        idleTimeout: this.idleTimeout,
        cancelled: () => this.cancelled,
        draining: () => this.draining,
        orCancel: (p) => this.orCancel(p),
        locked: (work) => this.locked(work),
        setIdle: (c, idle) => this.setIdle(c, idle),
        endInput: (v) => this.endInput(v),
        read: (rows) => void (this.sourceRows += rows),
        delivered: (source, position) => void this.delivered.set(source, position),
      };
      this.drives = Promise.all(sources.map((s) => driveSource(s, task).catch((err: unknown) => this.fail(err))));
      await this.drives;
      await this.inputsEnded;
      await this.opts.peers?.ended();
      await this.drainedStop;
      if (this.finalCheckpoint && !this.cancelled && this.failure === undefined) await this.checkpoints.trigger('CHECKPOINT');
      if (this.opts.coordinated) {
        this.opts.coordinated.ended();
        await this.opts.coordinated.closed;
      }
    } catch (err) {
      this.failure ??= err;
    }
    this.checkpoints.stop();
    await this.checkpoints.settle();
    const stopped = this.stoppedWith !== undefined;
    const cancelled = this.cancelled && !stopped;
    if (this.failure !== undefined) this.opts.peers?.cancel();
    this.opts.peers?.close();
    await this.closeAll();
    const peerRows = await this.opts.peers?.finished() ?? 0;
    if (!this.opts.keepCheckpoints) await this.checkpoints.jobEnded(this.failure !== undefined ? 'failed' : cancelled ? 'cancelled' : 'finished');
    if (this.failure !== undefined) throw asRuntimeError(this.failure);
    const rowsWritten = this.dag.sinks.reduce((n, s) => n + s.rowsWritten, peerRows);
    return stopped ? { rowsWritten, cancelled, savepoint: this.stoppedWith } : { rowsWritten, cancelled };
  }

  /** Loads the checkpoint to restore from, if any, and sets every source's starting position. */
  private async restore(): Promise<void> {
    const from = this.opts.restoreFrom;
    const { target } = this;
    const restored = from ? await restoreJob(target, from.checkpoint, from.allowNonRestoredState) : undefined;
    if (from) this.checkpoints.stats.restored = { id: from.checkpoint.metadata.checkpointId, path: from.checkpoint.path, time: Date.now(), savepoint: from.checkpoint.metadata.kind === 'SAVEPOINT' };
    for (const [i, s] of this.dag.sources.entries()) {
      const position = restored?.positions.get(`${target.sources[i]!.uid}/${s.subtask}`);
      if (position !== undefined) {
        if (!s.reader.restore) throw new RuntimeError(`${s.name} cannot continue from the checkpoint: its reader cannot restore a position.`);
        await s.reader.restore(position);
      }
      this.delivered.set(s, s.reader.position?.());
    }
    // What was in flight between workers at the checkpoint goes in first.
    const vertexOf = new Map(this.dag.vertices.map((v) => [v.operator, v]));
    for (const { operator, input, chunk } of restored?.inFlight ?? []) await this.locked(async () => void (await new FanOut([{ vertex: vertexOf.get(operator)!, input }]).emit(chunk)));
  }

  /**
   * Tells the operators where an idle source's data meets other inputs (UNION, joins) to leave
   * it out of their watermark, as Flink's watermark status does; single-input operators pass it on.
   */
  private async setIdle(consumers: readonly Consumer[], idle: boolean): Promise<void> {
    for (const { vertex, input, channel } of consumers) {
      let inputIdle: boolean | undefined = idle;
      if (channel) {
        // One channel of several: the input is idle once all are; an idle channel may let the watermark advance.
        const r = channel.merge.setIdle(channel.index, idle);
        if (r.watermark !== undefined) await vertex.operator.processWatermark?.(r.watermark, input);
        inputIdle = r.idle;
      }
      if (inputIdle === undefined) continue;
      // Where idleness cannot be passed on (several inputs, or a channel to another worker), the operator hears of it.
      if (vertex.inputs > 1 || vertex.consumers.length === 0) await vertex.operator.setInputIdle?.(input, inputIdle);
      else await this.setIdle(vertex.consumers, inputIdle);
    }
  }

  private async endInput(vertex: RuntimeVertex): Promise<void> {
    const left = this.remainingInputs.get(vertex)! - 1;
    this.remainingInputs.set(vertex, left);
    if (left > 0 || this.cancelled) return;
    await vertex.operator.finish?.();
    for (const c of vertex.consumers) await this.endInput(c.vertex);
  }

  /** Runs `work` under the task lock unless the job stopped meanwhile. */
  private async locked(work: () => Promise<void>): Promise<void> {
    await this.dag.lock.run(() => (this.cancelled ? undefined : work()));
  }

  private async closeAll(): Promise<void> {
    for (const v of this.dag.vertices) {
      try {
        await v.operator.close?.();
      } catch {
        // Closing after a failure must not hide the failure.
      }
    }
  }
}

function asRuntimeError(err: unknown): Error {
  if (err instanceof Error) return err;
  return new RuntimeError(String(err));
}
