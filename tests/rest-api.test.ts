import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { violations, type Schema } from './helpers/rest-schema.js';
import { ClusterOverviewWithVersion, DashboardConfiguration, ErrorResponseBody, JobDetailsInfo, JobExceptionsInfoWithHistory, JobIdsWithStatusOverview, JobPlanInfo, JobVertexDetailsInfo, MultipleJobsDetails, PlanInput } from './helpers/rest-job-schemas.js';
import { get, script, until } from './helpers/rest-client.js';
import { CheckpointingStatistics } from './helpers/rest-checkpoint-schemas.js';
import { main } from '../src/cli/main.js';
import { RestMonitor } from '../src/rest/rest-monitor.js';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { metricScope } from '../src/rest/metric-responses.js';
import { keyedRows, PARALLEL_GROUP_BY, startScriptedJob } from './helpers/rest-scripted-job.js';
import type { Step } from './helpers/scripted-connector.js';

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

    // Source, Calc and sink are chained (same parallelism, FORWARD edges): one vertex, one task.
    const details = await get(`${base}/jobs/${jobId}`);
    expectShape(details.body, JobDetailsInfo);
    const body = details.body as { vertices: { id: string; name: string; parallelism: number; status: string; metrics: Record<string, number | boolean> }[] };
    expect(body.vertices.map((v) => v.name)).toEqual([expect.stringMatching(/^Source: s\[\d+\] -> Calc\[\d+\] -> Sink: sink\[\d+\]$/)]);
    expect(body.vertices.every((v) => v.parallelism === 1 && v.status === 'RUNNING')).toBe(true);
    const chain = body.vertices[0]!;
    const [sourceOp, calcOp, sinkOp] = chain.name.split(' -> ') as [string, string, string];

    // Wait until rows reach the sink: each chained operator keeps its own counters.
    const operatorCounts = await until(async () => {
      const ids = [sourceOp, calcOp, sinkOp].flatMap((op) => [`0.${metricScope(op)}.numRecordsIn`, `0.${metricScope(op)}.numRecordsOut`]);
      const r = await get(`${base}/jobs/${jobId}/vertices/${chain.id}/metrics?get=${ids.join(',')}`);
      const m = Object.fromEntries((r.body as { id: string; value: string }[]).map((x) => [x.id, Number(x.value)]));
      return m[`0.${metricScope(sinkOp)}.numRecordsIn`]! > 0 ? m : undefined;
    }, 'rows at the sink');
    expect(operatorCounts[`0.${metricScope(sourceOp)}.numRecordsOut`]).toBeGreaterThan(0);
    expect(operatorCounts[`0.${metricScope(calcOp)}.numRecordsIn`]).toBeGreaterThan(0);
    // The task reads no records (its head is the source) and sends none (its tail is the sink), as Flink counts them.
    const after = ((await get(`${base}/jobs/${jobId}`)).body as typeof body).vertices[0]!;
    expect(after.metrics).toMatchObject({ 'read-records': 0, 'read-records-complete': true, 'write-records': 0, 'write-records-complete': true });

    const plan = await get(`${base}/jobs/${jobId}/plan`);
    expectShape(plan.body, JobPlanInfo);
    const nodes = (plan.body as { plan: { nodes: { id: string; description: string; inputs?: { id: string }[] }[] } }).plan.nodes;
    expect(nodes.map((n) => n.id)).toEqual([chain.id]);
    expect(nodes[0]!.inputs).toBeUndefined();
    // Flink's TREE vertex description: a line per chained operator, each below its producer.
    expect(nodes[0]!.description).toBe(`${sourceOp}\n+- ${calcOp}\n   +- ${sinkOp}\n`);

    const vertex = await get(`${base}/jobs/${jobId}/vertices/${chain.id}`);
    expectShape(vertex.body, JobVertexDetailsInfo);
    expect(vertex.body).toMatchObject({ id: chain.id, name: chain.name, parallelism: 1, subtasks: [{ subtask: 0, status: 'RUNNING' }] });

    const exceptions = await get(`${base}/jobs/${jobId}/exceptions`);
    expectShape(exceptions.body, JobExceptionsInfoWithHistory);
    expect(exceptions.body).toMatchObject({ 'root-exception': null, exceptionHistory: { entries: [] } });

    // No checkpointing: Flink's streaming jobs still have a coordinator, so empty statistics.
    const checkpoints = await get(`${base}/jobs/${jobId}/checkpoints`);
    expect(checkpoints.status).toBe(200);
    expect(checkpoints.body).toMatchObject({ counts: { total: 0, completed: 0 }, history: [] });

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

  it('chains the operators of each side of the hash exchange at parallelism.default = 2, with their subtasks and HASH into the aggregate', async () => {
    const job = await startScriptedJob(PARALLEL_GROUP_BY, keyedRows(20), { 'execution.checkpointing.interval': '20 ms' });
    const { base, jobId } = job;
    try {
      type Vertex = { id: string; name: string; parallelism: number; tasks: Record<string, number>; metrics: Record<string, number | boolean> };
      const details = await until(async () => {
        const r = await get(`${base}/jobs/${jobId}`);
        const agg = (r.body as { vertices: Vertex[] }).vertices.find((v) => v.name.startsWith('GroupAggregate['));
        return agg?.metrics['read-records'] === 20 ? r : undefined;
      }, 'the 20 rows at the aggregate');
      expectShape(details.body, JobDetailsInfo);
      const body = details.body as { vertices: Vertex[]; 'status-counts': Record<string, number> };
      // Exchange senders are no vertices; the source and its Calc are one chain (parallelism 1),
      // the aggregate and the sink another (parallelism 2): the HASH edge splits them.
      expect(body.vertices.map((v) => [v.name.replace(/\[\d+\]/g, ''), v.parallelism])).toEqual([['Source: s -> Calc', 1], ['GroupAggregate -> Sink: sink', 2]]);
      expect(body.vertices.map((v) => v.tasks['RUNNING'])).toEqual([1, 2]);
      expect(body['status-counts']['RUNNING']).toBe(3);
      const [source, agg] = body.vertices as [Vertex, Vertex];
      expect(agg.metrics).toMatchObject({ 'read-records': 20, 'read-records-complete': true });
      // Records out of the source chain: its tail's (the Calc's), all 20.
      expect(source.metrics).toMatchObject({ 'read-records': 0, 'write-records': 20 });
      expect((await get(`${base}/jobs/overview`)).body).toMatchObject({ jobs: [{ tasks: { total: 3, running: 3 } }] });

      const plan = await get(`${base}/jobs/${jobId}/plan`);
      expectShape(plan.body, JobPlanInfo);
      const nodes = (plan.body as { plan: { nodes: { id: string; parallelism: number; inputs?: unknown[] }[] } }).plan.nodes;
      expect(nodes.map((n) => [n.id, n.parallelism])).toEqual(body.vertices.map((v) => [v.id, v.parallelism]));
      for (const n of nodes) for (const input of n.inputs ?? []) expectShape(input, PlanInput);
      expect(nodes.map((n) => n.inputs?.map((i) => (i as { id: string; ship_strategy: string }).ship_strategy))).toEqual([undefined, ['HASH']]);
      expect(nodes.map((n) => n.inputs?.map((i) => (i as { id: string }).id))).toEqual([undefined, [source.id]]);

      const vertex = await get(`${base}/jobs/${jobId}/vertices/${agg.id}`);
      expectShape(vertex.body, JobVertexDetailsInfo);
      const subtasks = (vertex.body as { parallelism: number; subtasks: { subtask: number; status: string; attempt: number; metrics: { 'read-records': number } }[] });
      expect(subtasks).toMatchObject({ parallelism: 2, subtasks: [{ subtask: 0, status: 'RUNNING', attempt: 0 }, { subtask: 1, status: 'RUNNING', attempt: 0 }] });
      // The keys are split between the subtasks: each reads some, together all.
      const reads = subtasks.subtasks.map((t) => t.metrics['read-records']);
      expect(reads.every((n) => n > 0)).toBe(true);
      expect(reads[0]! + reads[1]!).toBe(20);

      // Checkpoint details: one entry per vertex, as many subtasks as its parallelism.
      const checkpoint = await until(async () => {
        const c = (await get(`${base}/jobs/${jobId}/checkpoints`)).body as { latest: { completed: { id: number } | null } };
        return c.latest.completed ?? undefined;
      }, 'a completed checkpoint');
      const cp = (await get(`${base}/jobs/${jobId}/checkpoints/details/${checkpoint.id}`)).body as { num_subtasks: number; state_size: number; tasks: Record<string, { num_subtasks: number; num_acknowledged_subtasks: number; state_size: number }> };
      expect(cp.num_subtasks).toBe(3);
      expect(Object.fromEntries(Object.entries(cp.tasks).map(([id, t]) => [id, [t.num_subtasks, t.num_acknowledged_subtasks]]))).toEqual(
        Object.fromEntries(body.vertices.map((v) => [v.id, [v.parallelism, v.parallelism]])),
      );
      // The chained vertices' state sums to the checkpoint's: the aggregate's keyed state is in its chain's.
      expect(cp.tasks[agg.id]!.state_size + cp.tasks[source.id]!.state_size).toBe(cp.state_size);
      expect(cp.tasks[agg.id]!.state_size).toBeGreaterThan(0);
    } finally {
      expect(await job.stop()).toBe(130);
    }
  });

  it('keeps the vertex ids of a parallel job across a restart, with the subtasks at the next attempt', async () => {
    const steps: Step[] = [...keyedRows(4), { fail: 'the source broke' }, ...keyedRows(4)];
    const job = await startScriptedJob(PARALLEL_GROUP_BY, steps, { 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '200 ms' });
    const { base, jobId } = job;
    try {
      const vertexIds = async () => ((await get(`${base}/jobs/${jobId}`)).body as { vertices: { id: string; name: string; parallelism: number }[] }).vertices
        .map(({ id, name, parallelism }) => ({ id, name, parallelism }));
      await until(() => (job.monitor.jobs.get(jobId)!.state === 'RESTARTING' ? true : undefined), 'RESTARTING');
      const before = await vertexIds();
      await until(() => (job.monitor.jobs.get(jobId)!.state === 'RUNNING' ? true : undefined), 'the second attempt');
      const after = await vertexIds();
      expect(after).toEqual(before);
      expect(after.map((v) => v.parallelism)).toEqual([1, 2]);
      const agg = after.find((v) => v.name.startsWith('GroupAggregate['))!;
      const vertex = await get(`${base}/jobs/${jobId}/vertices/${agg.id}`);
      expectShape(vertex.body, JobVertexDetailsInfo);
      expect(vertex.body).toMatchObject({ subtasks: [{ subtask: 0, attempt: 1 }, { subtask: 1, attempt: 1 }] });
    } finally {
      expect(await job.stop()).toBe(130);
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
