import type { SessionConfig } from '../catalog/session-config.js';
import type { PlannedJob } from '../planner/logical/plan-node.js';
import { checkpointSettings } from '../runtime/checkpoint/checkpoint-config.js';
import type { JobRunner } from '../runtime/task/job-runner.js';
import { jobName } from './job-name.js';
import { JobRecord, JobRegistry, jobFailure } from './job-record.js';
import { restOptions } from './rest-options.js';
import { SavepointOperations } from './savepoint-operations.js';
import { startRestServer, type RestServer } from './rest-server.js';

/** How a job (or one attempt of it) ended, as runScript reports it. */
export interface JobOutcome {
  readonly cancelled: boolean;
  readonly error?: unknown;
  /** The attempt failed with `error` and the restart strategy restarts the job: it has not ended. */
  readonly restarting?: boolean;
}

/**
 * Flink's REST API for the jobs of one `weir run`: the server starts with the first job when the
 * session sets `rest.port` or `rest.bind-address` (printing its URL on stderr), registers every
 * job, records how each ends, and stops in `close()`.
 */
export class RestMonitor {
  readonly jobs = new JobRegistry();
  private readonly records = new Map<JobRunner, JobRecord>();
  /** Each job's record: a restart's runner comes with the same planned job and joins its record. */
  private readonly byJob = new Map<PlannedJob, JobRecord>();
  private readonly operations = new SavepointOperations();
  private server: RestServer | undefined;

  constructor(
    private readonly config: SessionConfig,
    private readonly stderr: (line: string) => void,
  ) {}

  /** The server's URL once started. */
  get url(): string | undefined {
    return this.server?.url;
  }

  /** Registers a job before it runs; starts the server first if the session asks for it. */
  async jobStarted(runner: JobRunner, job: PlannedJob): Promise<JobRecord | undefined> {
    if (!this.server) {
      const opts = restOptions(this.config);
      if (!opts) return undefined;
      this.server = await startRestServer(opts.host, opts.port, {
        jobs: this.jobs,
        timeZone: this.config.timeZone(),
        operations: this.operations,
      });
      this.stderr(`REST API at ${this.server.url}`);
    }
    const restarting = this.byJob.get(job);
    if (restarting?.state === 'RESTARTING') {
      restarting.restarted(runner);
      this.records.set(runner, restarting);
      return restarting;
    }
    // The settings runScript gave the runner, read from the same config (the base directory only
    // moves relative directories, and the REST asks only whether a default directory is set).
    const record = this.jobs.add(new JobRecord(jobName(job, this.config), runner, checkpointSettings(this.config, process.cwd())));
    this.records.set(runner, record);
    this.byJob.set(job, record);
    return record;
  }

  jobEnded(runner: JobRunner, outcome: JobOutcome): void {
    const record = this.records.get(runner);
    if (!record) return;
    if (outcome.error !== undefined) {
      record.failed(jobFailure(outcome.error), outcome.restarting === true);
    } else {
      // Cancel-with-savepoint stops the runner as stop-with-savepoint does, but ends CANCELED in Flink.
      record.transition(outcome.cancelled || record.cancelWithSavepoint ? 'CANCELED' : 'FINISHED');
    }
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }
}
