import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { violations, type Schema } from './helpers/rest-schema.js';
import { get, script, until } from './helpers/rest-client.js';
import { CheckpointingStatistics } from './helpers/rest-checkpoint-schemas.js';
import { main } from '../src/cli/main.js';
import { RestMonitor } from '../src/rest/rest-monitor.js';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';

// ---------------------------------------------------------------------------------------------
// A small schema check with the facts of Flink's REST spec (apache/flink
// docs/static/generated/rest_v1_dispatcher.yml, components/schemas): each listed field must be
// present with its type; extra fields are allowed, as Flink clients ignore unknown fields.
// ---------------------------------------------------------------------------------------------


const JOB_STATUS = { enum: ['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'FAILED', 'CANCELLING', 'CANCELED', 'FINISHED', 'RESTARTING', 'SUSPENDED', 'RECONCILING'] } as const;
const EXECUTION_STATE = { enum: ['CREATED', 'SCHEDULED', 'DEPLOYING', 'RUNNING', 'FINISHED', 'CANCELING', 'CANCELED', 'FAILED', 'RECONCILING', 'INITIALIZING'] } as const;

const IOMetricsInfo: Schema = {
  object: {
    'read-bytes': 'int', 'read-bytes-complete': 'bool', 'write-bytes': 'int', 'write-bytes-complete': 'bool',
    'read-records': 'int', 'read-records-complete': 'bool', 'write-records': 'int', 'write-records-complete': 'bool',
  },
};

const DashboardConfiguration: Schema = {
  object: {
    'refresh-interval': 'int', 'timezone-name': 'string', 'timezone-offset': 'int', 'flink-version': 'string', 'flink-revision': 'string',
    features: { object: { 'web-submit': 'bool', 'web-cancel': 'bool' } },
  },
};

const ClusterOverviewWithVersion: Schema = {
  object: {
    taskmanagers: 'int', 'slots-total': 'int', 'slots-available': 'int', 'jobs-running': 'int', 'jobs-finished': 'int',
    'jobs-cancelled': 'int', 'jobs-failed': 'int', 'flink-version': 'string', 'flink-commit': 'string',
  },
};

const JobIdsWithStatusOverview: Schema = { object: { jobs: { array: { object: { id: 'hex32', status: JOB_STATUS } } } } };

/**
 * MultipleJobsDetails as Flink sends it (JobDetails has a custom serializer: `jid`, `name`,
 * `start-time`, …, `tasks` by lower-case state); the 1.15 spec lists the Java bean's names instead.
 */
const MultipleJobsDetails: Schema = {
  object: {
    jobs: {
      array: {
        object: {
          jid: 'hex32', name: 'string', state: JOB_STATUS, 'start-time': 'int', 'end-time': 'int', duration: 'int', 'last-modification': 'int',
          tasks: { map: 'int' },
        },
      },
    },
  },
};

/** JobPlanInfo: `plan` is RawJson, Flink's JSON plan (jid, name, nodes with id, parallelism, description, inputs). */
const JobPlanInfo: Schema = {
  object: {
    plan: {
      object: {
        jid: 'hex32', name: 'string', type: 'string',
        nodes: { array: { object: { id: 'hex32', parallelism: 'int', description: 'string', operator: 'string', optimizer_properties: { object: {} } } } },
      },
    },
  },
};

/** JobDetailsInfo; its vertices carry Flink's JobDetailsInfo.JobVertexDetailsInfo fields. */
const JobDetailsInfo: Schema = {
  object: {
    jid: 'hex32', name: 'string', isStoppable: 'bool', state: JOB_STATUS, 'start-time': 'int', 'end-time': 'int', duration: 'int',
    maxParallelism: 'int', now: 'int', timestamps: { map: 'int' },
    vertices: {
      array: {
        object: {
          id: 'hex32', name: 'string', parallelism: 'int', maxParallelism: 'int', status: EXECUTION_STATE,
          'start-time': 'int', 'end-time': 'int', duration: 'int', tasks: { map: 'int' }, metrics: IOMetricsInfo,
        },
      },
    },
    'status-counts': { map: 'int' },
    plan: { object: {} },
  },
};

const JobVertexDetailsInfo: Schema = {
  object: {
    id: 'hex32', name: 'string', parallelism: 'int', maxParallelism: 'int', now: 'int',
    subtasks: {
      array: {
        object: {
          subtask: 'int', status: EXECUTION_STATE, attempt: 'int', host: 'string', 'start-time': 'int', 'end-time': 'int', duration: 'int',
          metrics: IOMetricsInfo, 'taskmanager-id': 'string', start_time: 'int',
        },
      },
    },
  },
};

const JobExceptionsInfoWithHistory: Schema = {
  object: {
    'root-exception': { nullable: 'string' }, timestamp: { nullable: 'int' }, 'all-exceptions': { array: { object: {} } }, truncated: 'bool',
    exceptionHistory: {
      object: {
        entries: { array: { object: { exceptionName: 'string', stacktrace: 'string', timestamp: 'int', concurrentExceptions: { array: { object: {} } } } } },
        truncated: 'bool',
      },
    },
  },
};

const ErrorResponseBody: Schema = { object: { errors: { array: 'string' } } };

// ---------------------------------------------------------------------------------------------

const UNBOUNDED = `CREATE TABLE s (id INT, name STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '200');
CREATE TABLE sink (id INT, name STRING) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT id, name FROM s WHERE id IS NOT NULL;
`;

function expectShape(value: unknown, schema: Schema): void {
  expect(violations(value, schema)).toEqual([]);
}

describe('REST API of weir run', () => {
  it('serves Flink-shaped responses while a job runs, and cancels it with PATCH', async () => {
    const file = script(UNBOUNDED);
    const stderr: string[] = [];
    const done = main(['run', file, '--set', 'rest.port=0'], { stdout: () => {}, stderr: (l) => stderr.push(l) });
    const base = await until(() => stderr.map((l) => /^REST API at (http:\/\/127\.0\.0\.1:\d+)$/.exec(l)?.[1]).find((u) => u), 'the REST URL');

    const jobs = await until(async () => {
      const r = await get(`${base}/jobs`);
      return (r.body as { jobs: unknown[] }).jobs.length > 0 ? r : undefined;
    }, 'the job');
    expect(jobs.status).toBe(200);
    expectShape(jobs.body, JobIdsWithStatusOverview);
    const jobId = (jobs.body as { jobs: { id: string; status: string }[] }).jobs[0]!.id;
    expect((jobs.body as { jobs: { status: string }[] }).jobs[0]!.status).toBe('RUNNING');

    const config = await get(`${base}/config`);
    expectShape(config.body, DashboardConfiguration);
    expect(config.headers.get('content-type')).toContain('application/json');

    const overview = await get(`${base}/overview`);
    expectShape(overview.body, ClusterOverviewWithVersion);
    expect(overview.body).toMatchObject({ 'jobs-running': 1, 'jobs-finished': 0, 'jobs-cancelled': 0, 'jobs-failed': 0 });

    const jobsOverview = await get(`${base}/jobs/overview`);
    expectShape(jobsOverview.body, MultipleJobsDetails);
    expect(jobsOverview.body).toMatchObject({ jobs: [{ jid: jobId, name: 'insert-into_default_catalog.default_database.sink', state: 'RUNNING', 'end-time': -1 }] });

    // Wait until rows flow, so the metrics have something to show.
    const details = await until(async () => {
      const r = await get(`${base}/jobs/${jobId}`);
      const vs = (r.body as { vertices: { metrics: { 'read-records': number } }[] }).vertices;
      return vs.at(-1)!.metrics['read-records'] > 0 ? r : undefined;
    }, 'rows at the sink');
    expectShape(details.body, JobDetailsInfo);
    const body = details.body as { vertices: { id: string; name: string; parallelism: number; status: string; metrics: Record<string, number | boolean> }[] };
    expect(body.vertices.map((v) => v.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^Source: s\[/), expect.stringMatching(/^Sink: sink\[/)]));
    expect(body.vertices.every((v) => v.parallelism === 1 && v.status === 'RUNNING')).toBe(true);
    const source = body.vertices[0]!;
    expect(source.metrics['write-records']).toBeGreaterThan(0);
    expect(source.metrics['write-records-complete']).toBe(true);

    const plan = await get(`${base}/jobs/${jobId}/plan`);
    expectShape(plan.body, JobPlanInfo);
    const nodes = (plan.body as { plan: { nodes: { id: string; inputs?: { id: string }[] }[] } }).plan.nodes;
    expect(nodes.map((n) => n.id)).toEqual(body.vertices.map((v) => v.id));
    expect(nodes[0]!.inputs).toBeUndefined();
    expect(nodes[1]!.inputs?.[0]?.id).toBe(source.id);

    const vertex = await get(`${base}/jobs/${jobId}/vertices/${source.id}`);
    expectShape(vertex.body, JobVertexDetailsInfo);
    expect(vertex.body).toMatchObject({ id: source.id, name: source.name, parallelism: 1, subtasks: [{ subtask: 0, status: 'RUNNING' }] });

    const exceptions = await get(`${base}/jobs/${jobId}/exceptions`);
    expectShape(exceptions.body, JobExceptionsInfoWithHistory);
    expect(exceptions.body).toMatchObject({ 'root-exception': null, exceptionHistory: { entries: [] } });

    // No checkpointing: Flink answers 404 "Checkpointing has not been enabled."
    const checkpoints = await get(`${base}/jobs/${jobId}/checkpoints`);
    expect(checkpoints.status).toBe(404);
    expect(checkpoints.body).toEqual({ errors: ['Checkpointing has not been enabled.'] });

    const cancel = await fetch(`${base}/jobs/${jobId}`, { method: 'PATCH' });
    expect(cancel.status).toBe(202);
    expect(await done).toBe(130);
    expect(stderr.filter((l) => l.startsWith('REST API at '))).toHaveLength(1);
    expect(stderr.at(-1)).toContain('the job was cancelled');
    // The server stops with the script.
    await expect(fetch(`${base}/jobs`)).rejects.toThrow();
  });

  it('records the final state: CANCELED after PATCH, with the end time and duration', async () => {
    const session = new Session();
    session.config.set('rest.port', '0');
    const stderr: string[] = [];
    const monitor = new RestMonitor(session.config, (l) => stderr.push(l));
    try {
      const run = runScript(UNBOUNDED, session, {
        mode: 'run', fileName: 'job.sql', io: { stdout: () => {}, stderr: (l) => stderr.push(l) },
        onJob: (runner, job) => monitor.jobStarted(runner, job),
        onJobEnd: (runner, outcome) => monitor.jobEnded(runner, outcome),
      });
      const jobId = await until(() => monitor.jobs.list()[0]?.id, 'the job');
      const base = monitor.url!;
      expect(stderr).toEqual([`REST API at ${base}`]);
      const cancel = await fetch(`${base}/jobs/${jobId}?mode=cancel`, { method: 'PATCH' });
      expect(cancel.status).toBe(202);
      expect(await run).toBe(130);

      const details = await get(`${base}/jobs/${jobId}`);
      expectShape(details.body, JobDetailsInfo);
      const d = details.body as { state: string; 'start-time': number; 'end-time': number; duration: number; timestamps: Record<string, number>; vertices: { status: string }[] };
      expect(d.state).toBe('CANCELED');
      expect(d['end-time']).toBeGreaterThanOrEqual(d['start-time']);
      expect(d.duration).toBe(d['end-time'] - d['start-time']);
      expect(d.timestamps['CANCELED']).toBe(d['end-time']);
      expect(d.timestamps['CANCELLING']).toBeGreaterThan(0);
      expect(d.vertices.every((v) => v.status === 'CANCELED')).toBe(true);
      expect((await get(`${base}/jobs`)).body).toEqual({ jobs: [{ id: jobId, status: 'CANCELED' }] });
      expect((await get(`${base}/overview`)).body).toMatchObject({ 'jobs-running': 0, 'jobs-cancelled': 1, 'slots-available': 1 });
      // A second PATCH on an ended job is still accepted (Flink answers 202 as well).
      expect((await fetch(`${base}/jobs/${jobId}`, { method: 'PATCH' })).status).toBe(202);
    } finally {
      await monitor.close();
    }
  });

  it('records a failed job as FAILED with its root cause in the exception history', async () => {
    const session = new Session();
    session.config.set('rest.port', '0');
    const monitor = new RestMonitor(session.config, () => {});
    try {
      const stderr: string[] = [];
      const rc = await runScript(`CREATE TABLE s (name STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '50');
CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT CAST(name AS INT) FROM s;`, session, {
        mode: 'run', fileName: 'job.sql', io: { stdout: () => {}, stderr: (l) => stderr.push(l) },
        onJob: (runner, job) => monitor.jobStarted(runner, job),
        onJobEnd: (runner, outcome) => monitor.jobEnded(runner, outcome),
      });
      expect(rc).toBe(1);
      const base = monitor.url!;
      const jobId = monitor.jobs.list()[0]!.id;
      expect((await get(`${base}/jobs/${jobId}`)).body).toMatchObject({ state: 'FAILED' });
      const exceptions = await get(`${base}/jobs/${jobId}/exceptions`);
      expectShape(exceptions.body, JobExceptionsInfoWithHistory);
      const e = exceptions.body as { 'root-exception': string; timestamp: number; exceptionHistory: { entries: { exceptionName: string; timestamp: number }[] } };
      expect(e['root-exception']).toContain('Invalid character found');
      expect(e.exceptionHistory.entries[0]!.exceptionName).toBe('RuntimeError');
      expect(e.exceptionHistory.entries).toHaveLength(1);
      expect(e.exceptionHistory.entries[0]!.timestamp).toBe(e.timestamp);
      expect((await get(`${base}/overview`)).body).toMatchObject({ 'jobs-failed': 1, 'jobs-running': 0 });
    } finally {
      await monitor.close();
    }
  });

  it('answers unknown paths and jobs with 404 and wrong methods with 405, in Flink error bodies', async () => {
    const session = new Session();
    session.config.set('rest.port', '0');
    session.config.set('execution.checkpointing.interval', '10 s');
    const monitor = new RestMonitor(session.config, () => {});
    try {
      const run = runScript(UNBOUNDED, session, {
        mode: 'run', fileName: 'job.sql', io: { stdout: () => {}, stderr: () => {} },
        onJob: (runner, job) => monitor.jobStarted(runner, job),
        onJobEnd: (runner, outcome) => monitor.jobEnded(runner, outcome),
      });
      const jobId = await until(() => monitor.jobs.list()[0]?.id, 'the job');
      const base = monitor.url!;

      for (const path of ['/nope', '/jobs/0123456789abcdef0123456789abcdef', `/jobs/${jobId}/vertices/0123456789abcdef0123456789abcdef`, `/jobs/${jobId}/nope`, '/jobs/not-a-job/plan']) {
        const r = await get(`${base}${path}`);
        expect(r.status, path).toBe(404);
        expectShape(r.body, ErrorResponseBody);
        expect((r.body as { errors: string[] }).errors.length).toBeGreaterThan(0);
      }
      for (const [method, path] of [['POST', '/jobs/overview'], ['DELETE', `/jobs/${jobId}`], ['PATCH', '/overview'], ['POST', '/config']] as const) {
        const r = await get(`${base}${path}`, { method });
        expect(r.status, `${method} ${path}`).toBe(405);
        expectShape(r.body, ErrorResponseBody);
        expect(r.headers.get('allow')).toBeTruthy();
      }
      expect((await get(`${base}/jobs/0123456789abcdef0123456789abcdef`, { method: 'PATCH' })).status).toBe(404);
      expect((await get(`${base}/jobs/${jobId}?mode=stop`, { method: 'PATCH' })).status).toBe(400);

      // With checkpointing enabled but no checkpoint taken: zero counts and an empty history.
      const checkpoints = await get(`${base}/jobs/${jobId}/checkpoints`);
      expect(checkpoints.status).toBe(200);
      expectShape(checkpoints.body, CheckpointingStatistics);
      expect(checkpoints.body).toMatchObject({ counts: { total: 0, completed: 0 }, latest: { completed: null }, history: [] });

      monitor.jobs.get(jobId)!.cancel();
      expect(await run).toBe(130);
    } finally {
      await monitor.close();
    }
  });

  it('fails with a message naming rest.port when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const stderr: string[] = [];
      const code = await main(['run', script(UNBOUNDED), '--set', `rest.port=${port}`], { stdout: () => {}, stderr: (l) => stderr.push(l) });
      expect(code).toBe(1);
      expect(stderr.join('\n')).toContain(`port ${port} on 127.0.0.1 is already in use ('rest.port')`);
    } finally {
      blocker.close();
    }
  });

  it('rejects an invalid rest.port', async () => {
    const stderr: string[] = [];
    const code = await main(['run', script(UNBOUNDED), '--set', 'rest.port=http'], { stdout: () => {}, stderr: (l) => stderr.push(l) });
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain("Invalid value 'http' for 'rest.port'");
  });

  it('binds no port and prints nothing extra unless rest.port or rest.bind-address is set', async () => {
    const file = script(`CREATE TABLE s (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5');
CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT id FROM s;
`);
    const stderr: string[] = [];
    expect(await main(['run', file], { stdout: () => {}, stderr: (l) => stderr.push(l) })).toBe(0);
    expect(stderr).toEqual([]);
    // SET inside the script works like --set.
    const withSet = script(`SET 'rest.port' = '0';\n${await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'))}`);
    const stderr2: string[] = [];
    expect(await main(['run', withSet], { stdout: () => {}, stderr: (l) => stderr2.push(l) })).toBe(0);
    expect(stderr2).toHaveLength(1);
    expect(stderr2[0]).toMatch(/^REST API at http:\/\/127\.0\.0\.1:\d+$/);
  });
});
