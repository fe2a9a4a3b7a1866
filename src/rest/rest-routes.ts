import { clusterOverview, dashboardConfiguration } from './cluster-responses.js';
import type { CheckpointRecord } from '../runtime/checkpoint/checkpoint-stats.js';
import type { JobRecord, JobRegistry } from './job-record.js';
import { aggregatedSubtaskMetrics, parseAggregations, vertexBackPressure, vertexMetricCollection } from './metric-responses.js';
import type { VertexRecord } from './job-record.js';
import { jobDetails, jobExceptions, jobIdsWithStatus, jobPlan, multipleJobsDetails, vertexDetails } from './job-responses.js';
import { checkpointConfigInfo } from './checkpoint-config.js';
import { checkpointingStatistics, checkpointStatistics } from './checkpoint-statistics.js';
import { jobMetricCollection } from './job-metrics.js';
import { metricCollection } from './process-metrics.js';
import type { SavepointOperations } from './savepoint-operations.js';
import { taskCheckpointStatisticsWithSubtaskDetails } from './task-checkpoint-details.js';
import { jobManagerMetrics, TASK_MANAGER_ID, taskManagerDetails, taskManagerMetrics, taskManagersInfo } from './task-managers.js';
import { savepointStatus, stopWithSavepoint, triggerSavepoint } from './savepoint-requests.js';

/** A handler's answer: an HTTP status and a JSON body (Flink's ErrorResponseBody for errors). */
export interface RestResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the routes read besides the jobs. */
export interface RouteContext {
  readonly jobs: JobRegistry;
  readonly timeZone: string;
  /** Savepoints triggered over REST, for their status. */
  readonly operations: SavepointOperations;
}

/** Answers a request; `body` is the request's body as text ('' when it has none). */
type Handler = (params: Record<string, string>, query: URLSearchParams, ctx: RouteContext, body: string) => RestResponse;

interface Route {
  readonly pattern: readonly string[];
  readonly methods: Readonly<Record<string, Handler>>;
}

const ok = (body: unknown): RestResponse => ({ status: 200, body });

/** Flink's ErrorResponseBody. */
export const error = (status: number, ...errors: string[]): RestResponse => ({ status, body: { errors } });

/** The job, or Flink's 404 for an unknown one. */
function withJob(f: (job: JobRecord, params: Record<string, string>, query: URLSearchParams, ctx: RouteContext, body: string) => RestResponse): Handler {
  return (params, query, ctx, body) => {
    const job = ctx.jobs.get(params['jobid']!);
    if (!job) return error(404, `Job ${params['jobid']} not found`);
    return f(job, params, query, ctx, body);
  };
}

/** Java's Long.parseLong range, for path parameters declared as longs. */
const LONG = /^[+-]?\d{1,19}$/;

/** The checkpoint `idText` names in the job's statistics, or the answer of Flink's AbstractCheckpointHandler. */
function checkpointRecord(job: JobRecord, idText: string): CheckpointRecord | RestResponse {
  if (!LONG.test(idText) || BigInt(idText) > 9223372036854775807n || BigInt(idText) < -9223372036854775808n) {
    return error(400, `Bad request, could not parse parameters: Cannot resolve path parameter (checkpointid) from value "${idText}".`);
  }
  const id = Number(idText);
  const record = job.runner.checkpoints.stats.history.find((r) => r.id === id);
  return record ?? error(404, `Could not find checkpointing statistics for checkpoint ${idText}.`);
}

const isResponse = (r: CheckpointRecord | RestResponse): r is RestResponse => 'body' in r;

/** GET /jobs/:jobid/checkpoints/details/:checkpointid. */
function checkpointDetails(job: JobRecord, idText: string): RestResponse {
  const record = checkpointRecord(job, idText);
  return isResponse(record) ? record : ok(checkpointStatistics(job, record, true));
}

/** GET /jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid: Flink's TaskCheckpointStatisticDetailsHandler. */
function taskCheckpointDetails(job: JobRecord, idText: string, vertexId: string): RestResponse {
  if (!/^[0-9a-fA-F]{32}$/.test(vertexId)) return error(400, `Bad request, could not parse parameters: Cannot resolve path parameter (vertexid) from value "${vertexId}".`);
  const record = checkpointRecord(job, idText);
  if (isResponse(record)) return record;
  const vertex = job.vertices.find((v) => v.id === vertexId.toLowerCase());
  if (!vertex) return error(404, `There is no checkpoint statistics for task ${vertexId.toLowerCase()}.`);
  return ok(taskCheckpointStatisticsWithSubtaskDetails(record, vertex, job.checkpointing.unaligned));
}

/** The job's vertex, or Flink's 404 for an unknown one. */
function withVertex(f: (job: JobRecord, vertex: VertexRecord, query: URLSearchParams) => RestResponse): Handler {
  return withJob((job, params, query) => {
    const vertex = job.vertices.find((v) => v.id === params['vertexid']);
    return vertex ? f(job, vertex, query) : error(404, `JobVertex ${params['vertexid']} not found in job ${job.id}`);
  });
}

const ROUTES: readonly Route[] = [
  { pattern: ['config'], methods: { GET: (_p, _q, ctx) => ok(dashboardConfiguration(ctx.timeZone)) } },
  { pattern: ['overview'], methods: { GET: (_p, _q, ctx) => ok(clusterOverview(ctx.jobs.list())) } },
  { pattern: ['jobs'], methods: { GET: (_p, _q, ctx) => ok(jobIdsWithStatus(ctx.jobs.list())) } },
  { pattern: ['jobmanager', 'metrics'], methods: { GET: (_p, query, ctx) => ok(metricCollection(jobManagerMetrics(ctx.jobs.list()), query.get('get'))) } },
  { pattern: ['taskmanagers'], methods: { GET: (_p, _q, ctx) => ok(taskManagersInfo(ctx.jobs.list())) } },
  {
    pattern: ['taskmanagers', ':taskmanagerid'],
    methods: {
      GET: (params, _q, ctx) => (params['taskmanagerid'] === TASK_MANAGER_ID ? ok(taskManagerDetails(ctx.jobs.list())) : error(404, `Could not find TaskExecutor ${params['taskmanagerid']}.`)),
    },
  },
  {
    pattern: ['taskmanagers', ':taskmanagerid', 'metrics'],
    // Flink's metric handlers answer an empty list for a component the metric store does not know.
    methods: { GET: (params, query) => ok(params['taskmanagerid'] === TASK_MANAGER_ID ? metricCollection(taskManagerMetrics(), query.get('get')) : []) },
  },
  { pattern: ['jobs', 'overview'], methods: { GET: (_p, _q, ctx) => ok(multipleJobsDetails(ctx.jobs.list())) } },
  {
    pattern: ['jobs', ':jobid'],
    methods: {
      GET: withJob((job) => ok(jobDetails(job))),
      PATCH: withJob((job, _p, query) => {
        const mode = (query.get('mode') ?? 'cancel').toLowerCase();
        if (mode !== 'cancel') return error(400, `Termination mode '${query.get('mode')}' is not supported; weir cancels jobs (mode=cancel).`);
        job.cancel();
        return { status: 202, body: {} };
      }),
    },
  },
  { pattern: ['jobs', ':jobid', 'plan'], methods: { GET: withJob((job) => ok(jobPlan(job))) } },
  { pattern: ['jobs', ':jobid', 'vertices', ':vertexid'], methods: { GET: withVertex((job, vertex) => ok(vertexDetails(job, vertex))) } },
  { pattern: ['jobs', ':jobid', 'vertices', ':vertexid', 'metrics'], methods: { GET: withVertex((_j, vertex, query) => ok(vertexMetricCollection(vertex, query.get('get')))) } },
  {
    pattern: ['jobs', ':jobid', 'vertices', ':vertexid', 'subtasks', 'metrics'],
    methods: {
      GET: withVertex((_j, vertex, query) => {
        const aggs = parseAggregations(query.get('agg'));
        return typeof aggs === 'string' ? error(400, aggs) : ok(aggregatedSubtaskMetrics(vertex, query.get('get'), aggs));
      }),
    },
  },
  { pattern: ['jobs', ':jobid', 'vertices', ':vertexid', 'backpressure'], methods: { GET: withVertex((job, vertex) => ok(vertexBackPressure(vertex, job.numRestarts))) } },
  { pattern: ['jobs', ':jobid', 'exceptions'], methods: { GET: withJob((job) => ok(jobExceptions(job))) } },
  { pattern: ['jobs', ':jobid', 'metrics'], methods: { GET: withJob((job, _p, query) => ok(jobMetricCollection(job, query.get('get')))) } },
  {
    pattern: ['jobs', ':jobid', 'checkpoints'],
    methods: {
      // Flink gives every streaming job a checkpoint coordinator (periodic checkpoints off: interval
      // Long.MAX_VALUE), so statistics exist also without checkpointing.
      GET: withJob((job) => ok(checkpointingStatistics(job))),
    },
  },
  {
    pattern: ['jobs', ':jobid', 'checkpoints', 'config'],
    methods: {
      GET: withJob((job) => ok(checkpointConfigInfo(job.checkpointing))),
    },
  },
  { pattern: ['jobs', ':jobid', 'checkpoints', 'details', ':checkpointid'], methods: { GET: withJob((job, params) => checkpointDetails(job, params['checkpointid']!)) } },
  {
    pattern: ['jobs', ':jobid', 'checkpoints', 'details', ':checkpointid', 'subtasks', ':vertexid'],
    methods: { GET: withJob((job, params) => taskCheckpointDetails(job, params['checkpointid']!, params['vertexid']!)) },
  },
  { pattern: ['jobs', ':jobid', 'savepoints'], methods: { POST: withJob((job, _p, _q, ctx, body) => triggerSavepoint(job, body, ctx.operations)) } },
  { pattern: ['jobs', ':jobid', 'savepoints', ':triggerid'], methods: { GET: withJob((job, params, _q, ctx) => savepointStatus(job, params['triggerid']!, ctx.operations)) } },
  { pattern: ['jobs', ':jobid', 'stop'], methods: { POST: withJob((job, _p, _q, ctx, body) => stopWithSavepoint(job, body, ctx.operations)) } },
];

function match(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = segments[i]!;
    else if (p !== segments[i]) return undefined;
  }
  return params;
}

/** Dispatches a request: 404 for an unknown path, 405 (with Allow) for a known path and another method. */
export function route(method: string, url: URL, ctx: RouteContext, body = ''): RestResponse {
  let path = url.pathname.replace(/\/+$/, '');
  if (path.startsWith('/v1/')) path = path.slice(3);
  const segments = path.split('/').filter((s) => s !== '').map(decodeURIComponent);
  for (const r of ROUTES) {
    const params = match(r.pattern, segments);
    if (!params) continue;
    const handler = r.methods[method];
    if (!handler) {
      const allow = Object.keys(r.methods).join(', ');
      return { ...error(405, `Method ${method} is not allowed for ${url.pathname}; allowed: ${allow}.`), headers: { Allow: allow } };
    }
    return handler(params, url.searchParams, ctx, body);
  }
  return error(404, `Not found: ${url.pathname}`);
}
