import { EXECUTION_STATES, JOB_STATUSES, type JobRecord, type VertexRecord } from './job-record.js';
import { subtaskIoMetrics, vertexMetrics } from './vertex-metrics.js';
import { DEFAULT_MAX_PARALLELISM } from '../runtime/state/keyed-state-table.js';

/** Every vertex's max parallelism: the key groups of keyed state (`pipeline.max-parallelism`'s default). */
const MAX_PARALLELISM = DEFAULT_MAX_PARALLELISM;

type ExecutionState = (typeof EXECUTION_STATES)[number];

/** The ExecutionState of every task while the job is in its current JobStatus. */
function taskState(job: JobRecord): ExecutionState {
  switch (job.state) {
    case 'RUNNING':
      return 'RUNNING';
    case 'CANCELLING':
      return 'CANCELING';
    // Between attempts the failed attempt's tasks are cancelled and the next ones not yet deployed.
    case 'RESTARTING':
      return 'CANCELED';
    default:
      return job.state;
  }
}

/** A count of `tasks` subtasks for every ExecutionState (Flink lists all of them, most at 0); all share the job's state. */
function stateCounts(job: JobRecord, tasks: number, lowerCase: boolean): Record<string, number> {
  const current = taskState(job);
  return Object.fromEntries(EXECUTION_STATES.map((s) => [lowerCase ? s.toLowerCase() : s, s === current ? tasks : 0]));
}

/** GET /jobs: JobIdsWithStatusOverview. */
export function jobIdsWithStatus(jobs: readonly JobRecord[]) {
  return { jobs: jobs.map((j) => ({ id: j.id, status: j.state })) };
}

/** GET /jobs/overview: MultipleJobsDetails, in the field names Flink sends (`jid`, `start-time`, `tasks`, …). */
export function multipleJobsDetails(jobs: readonly JobRecord[]) {
  const now = Date.now();
  return {
    jobs: jobs.map((j) => ({
      jid: j.id,
      name: j.name,
      state: j.state,
      'start-time': j.startTime,
      'end-time': j.endTime,
      duration: j.duration(now),
      'last-modification': Math.max(...j.timestamps.values()),
      tasks: { total: j.numTasks, ...stateCounts(j, j.numTasks, true) },
    })),
  };
}

function vertexTiming(job: JobRecord, now: number) {
  return { 'start-time': job.startTime, 'end-time': job.endTime, duration: job.duration(now) };
}

/** GET /jobs/:jobid: JobDetailsInfo. */
export function jobDetails(job: JobRecord) {
  const now = Date.now();
  const status = taskState(job);
  return {
    jid: job.id,
    name: job.name,
    isStoppable: false,
    state: job.state,
    'job-type': 'STREAMING',
    'start-time': job.startTime,
    'end-time': job.endTime,
    duration: job.duration(now),
    maxParallelism: -1,
    now,
    timestamps: Object.fromEntries(JOB_STATUSES.map((s) => [s, job.timestamps.get(s) ?? 0])),
    vertices: job.vertices.map((v) => ({
      id: v.id,
      name: v.name,
      maxParallelism: MAX_PARALLELISM,
      parallelism: v.parallelism,
      status,
      ...vertexTiming(job, now),
      tasks: stateCounts(job, v.parallelism, false),
      metrics: vertexMetrics(job, v),
    })),
    'status-counts': stateCounts(job, job.numTasks, false),
    plan: jobPlan(job).plan,
  };
}

/**
 * A plan node's description as Flink writes a chained vertex's in its default
 * `pipeline.vertex-description-mode` (TREE): one line per chained operator, head first, each
 * consumer below its producer (`+- `, indented by depth), every line ending in a newline:
 * "Source: s[3]\n+- Calc[2]\n   +- Sink: t[1]\n". weir's chains are linear.
 */
function chainDescription(vertex: VertexRecord): string {
  return vertex.operators.map((o, depth) => `${depth === 0 ? '' : `${'   '.repeat(depth - 1)}+- `}${o.name}\n`).join('');
}

/**
 * GET /jobs/:jobid/plan: JobPlanInfo, the dataflow plan as Flink's JSON plan generator writes it:
 * a node per job vertex (chain), its inputs the edges into the chain's head with their ship strategy.
 */
export function jobPlan(job: JobRecord) {
  return {
    plan: {
      jid: job.id,
      name: job.name,
      type: 'STREAMING',
      nodes: job.vertices.map((v) => ({
        id: v.id,
        parallelism: v.parallelism,
        operator: '',
        operator_strategy: '',
        description: chainDescription(v),
        ...(v.inputs.length > 0
          ? { inputs: v.inputs.map((e, num) => ({ num, id: e.id, ship_strategy: e.shipStrategy, exchange: 'pipelined_bounded' })) }
          : {}),
        optimizer_properties: {},
      })),
    },
  };
}

/**
 * GET /jobs/:jobid/vertices/:vertexid: JobVertexDetailsInfo, one entry per subtask. Every subtask
 * shares the job's state; a restart redeploys all of them, so the attempt is the restart count.
 */
export function vertexDetails(job: JobRecord, vertex: VertexRecord) {
  const now = Date.now();
  return {
    id: vertex.id,
    name: vertex.name,
    parallelism: vertex.parallelism,
    maxParallelism: MAX_PARALLELISM,
    now,
    subtasks: vertex.subtasks.map((task, subtask) => ({
      subtask,
      status: taskState(job),
      attempt: job.numRestarts,
      host: 'localhost',
      ...vertexTiming(job, now),
      metrics: subtaskIoMetrics(task),
      'taskmanager-id': 'weir-embedded',
      start_time: job.startTime,
    })),
  };
}

/**
 * GET /jobs/:jobid/exceptions: JobExceptionsInfoWithHistory. The history lists every failure, the
 * newest first (those the job restarted from, and the one that ended it); the root exception is
 * the newest.
 */
export function jobExceptions(job: JobRecord) {
  const history = [...job.exceptionHistory].reverse();
  const f = job.failure ?? history[0];
  const entries = history.map((e) => ({ exceptionName: e.exceptionName, stacktrace: e.stacktrace, timestamp: e.timestamp, taskName: null, location: null, concurrentExceptions: [] }));
  return {
    'root-exception': f?.stacktrace ?? null,
    timestamp: f?.timestamp ?? null,
    'all-exceptions': [],
    truncated: false,
    exceptionHistory: { entries, truncated: false },
  };
}
