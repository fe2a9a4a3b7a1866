import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { violations, type Schema } from './helpers/rest-schema.js';
import { get, until } from './helpers/rest-client.js';
import {
  CheckpointingStatistics, CheckpointStatistics, CompletedCheckpointStatistics, ErrorResponseBody, FailedCheckpointStatistics,
  MetricCollection, MetricIds, SavepointCompleted, SavepointFailed, TaskCheckpointStatisticsWithSubtaskDetails, TriggerResponse,
} from './helpers/rest-checkpoint-schemas.js';
import { keyedRows, PARALLEL_GROUP_BY, startScriptedJob } from './helpers/rest-scripted-job.js';
import { scriptedConnector, type Step } from './helpers/scripted-connector.js';
import { RestMonitor } from '../src/rest/rest-monitor.js';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { Timestamp } from '../src/types/values.js';

function expectShape(value: unknown, schema: Schema): void {
  expect(violations(value, schema)).toEqual([]);
}

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `weir-rest-${name}-`));

/** Keyed counts over an unbounded scripted source: the aggregate has state to checkpoint. */
const COUNTS = `CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
CREATE TABLE sink (k STRING, c BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT k, COUNT(*) FROM s GROUP BY k;
`;

const ROWS: Step[] = [{ rows: [['a', 1], ['b', 2], ['a', 3]] }, { wait: 20 }, { rows: [['c', 4]] }];

interface Started {
  readonly base: string;
  readonly jobId: string;
  readonly run: Promise<number>;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly monitor: RestMonitor;
}

/** Runs `sql` with the REST API on a free port and the given options; resolves once the job is registered. */
async function start(sql: string, options: Record<string, string>, steps: Step[] = ROWS): Promise<Started> {
  const session = new Session({ registry: { connectors: new Map([['scripted', scriptedConnector({ s: steps })]]), formats: new Map() } });
  session.config.set('rest.port', '0');
  for (const [k, v] of Object.entries(options)) session.config.set(k, v);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const monitor = new RestMonitor(session.config, () => {});
  const run = runScript(sql, session, {
    mode: 'run', fileName: 'job.sql', queryOutput: 'print', io: { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) },
    onJob: (runner, job) => monitor.jobStarted(runner, job),
    onJobEnd: (runner, outcome) => monitor.jobEnded(runner, outcome),
  });
  const jobId = await until(() => monitor.jobs.list()[0]?.id, 'the job');
  return { base: monitor.url!, jobId, run, stdout, stderr, monitor };
}

async function post(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** Polls GET /savepoints/:triggerid until the operation is COMPLETED. */
async function settled(base: string, jobId: string, triggerId: string): Promise<{ status: { id: string }; operation: Record<string, unknown> }> {
  return until(async () => {
    const r = await get(`${base}/jobs/${jobId}/savepoints/${triggerId}`);
    expect(r.status).toBe(200);
    const body = r.body as { status: { id: string }; operation: Record<string, unknown> };
    return body.status.id === 'COMPLETED' ? body : undefined;
  }, `savepoint ${triggerId}`);
}

type Stats = {
  counts: { total: number; completed: number; failed: number; in_progress: number; restored: number };
  summary: Record<string, { min: number; max: number; avg: number; p50: number }>;
  latest: Record<'completed' | 'savepoint' | 'failed' | 'restored', Record<string, unknown> | null>;
  history: { id: number; status: string; checkpoint_type: string; is_savepoint: boolean; className: string }[];
};

describe('checkpoints and savepoints over REST', () => {
  it('serves checkpoint statistics, details, config and job metrics of periodic checkpoints', async () => {
    const checkpoints = tempDir('chk');
    const savepoints = tempDir('sp');
    const job = await start(COUNTS, {
      'execution.checkpointing.interval': '100 ms',
      'state.checkpoints.dir': checkpoints,
      'state.savepoints.dir': savepoints,
      'state.checkpoints.num-retained': '2',
      'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION',
      'execution.checkpointing.tolerable-failed-checkpoints': '3',
      'execution.checkpointing.min-pause': '10 ms',
    });
    const { base, jobId } = job;
    try {
      const stats = await until(async () => {
        const r = await get(`${base}/jobs/${jobId}/checkpoints`);
        // Four: the oldest was subsumed (2 retained) well before the answer.
        return (r.body as Stats).counts?.completed >= 4 ? r : undefined;
      }, 'four completed checkpoints');
      expect(stats.status).toBe(200);
      expectShape(stats.body, CheckpointingStatistics);
      const s = stats.body as Stats;
      expect(s.counts.total).toBeGreaterThanOrEqual(s.counts.completed + s.counts.failed);
      expect(s.counts).toMatchObject({ failed: 0, restored: 0 });
      const latest = s.latest.completed!;
      expect(latest).toMatchObject({ className: 'completed', status: 'COMPLETED', is_savepoint: false, savepointFormat: null, checkpoint_type: 'CHECKPOINT', discarded: false, tasks: {} });
      expect(latest['external_path']).toBe(`file:${join(checkpoints, jobId, `chk-${latest['id'] as number}`)}`);
      expect(existsSync(join(checkpoints, jobId, `chk-${latest['id'] as number}`, '_metadata'))).toBe(true);
      expect(latest['state_size']).toBeGreaterThan(0);
      expect(latest['num_acknowledged_subtasks']).toBe(latest['num_subtasks']);
      expect(latest['latest_ack_timestamp']).toBe((latest['trigger_timestamp'] as number) + (latest['end_to_end_duration'] as number));
      expect(s.latest).toMatchObject({ savepoint: null, failed: null, restored: null });
      // The history: newest first; subsumed checkpoints (2 retained) are discarded.
      const ids = s.history.map((h) => h.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(s.history[0]!.id).toBeGreaterThanOrEqual(latest['id'] as number);
      const completed = s.history.filter((h) => h.status === 'COMPLETED') as unknown as Record<string, unknown>[];
      for (const h of completed) expectShape(h, CompletedCheckpointStatistics);
      expect(completed.filter((h) => h['discarded'] === false).length).toBeLessThanOrEqual(3);
      expect(completed.at(-1)!['discarded']).toBe(true);
      // The summary is over the completed checkpoints.
      const sizes = completed.map((h) => h['state_size'] as number);
      expect(s.summary['state_size']).toMatchObject({ min: Math.min(...sizes), max: Math.max(...sizes) });
      expect(s.summary['end_to_end_duration']!.max).toBeGreaterThanOrEqual(s.summary['end_to_end_duration']!.min);
      expect(s.summary['alignment_buffered']).toMatchObject({ min: 0, max: 0, avg: 0 });

      // Details: per-vertex task statistics keyed by the job's vertex ids.
      const vertexIds = ((await get(`${base}/jobs/${jobId}`)).body as { vertices: { id: string }[] }).vertices.map((v) => v.id);
      const details = await get(`${base}/jobs/${jobId}/checkpoints/details/${latest['id'] as number}`);
      expect(details.status).toBe(200);
      expectShape(details.body, CompletedCheckpointStatistics);
      const tasks = (details.body as { tasks: Record<string, { num_subtasks: number; num_acknowledged_subtasks: number; status: string }> }).tasks;
      expect(Object.keys(tasks).sort()).toEqual([...vertexIds].sort());
      expect(Object.values(tasks).every((t) => t.num_subtasks === 1 && t.num_acknowledged_subtasks === 1 && t.status === 'COMPLETED')).toBe(true);
      // Per-vertex sizes: the aggregate's keyed state; the vertices' sizes sum to the checkpoint's.
      const sized = details.body as { state_size: number; tasks: Record<string, { state_size: number; checkpointed_size: number }> };
      expect(Object.values(sized.tasks).reduce((n, t) => n + t.state_size, 0)).toBe(sized.state_size);
      expect(Object.values(sized.tasks).every((t) => t.checkpointed_size === t.state_size)).toBe(true);
      const vertexList = ((await get(`${base}/jobs/${jobId}`)).body as { vertices: { id: string; name: string }[] }).vertices;
      const aggregate = vertexList.find((v) => v.name.startsWith('GroupAggregate['))!;
      const sourceVertex = vertexList.find((v) => v.name.startsWith('Source: s['))!;
      expect(sized.tasks[aggregate.id]!.state_size).toBeGreaterThan(0);
      expect(sized.tasks[sourceVertex.id]!.state_size).toBe(0);

      // The aggregate's subtasks: Flink's TaskCheckpointStatisticsWithSubtaskDetails.
      const subtasksUrl = `${base}/jobs/${jobId}/checkpoints/details/${latest['id'] as number}/subtasks`;
      const perSubtask = await get(`${subtasksUrl}/${aggregate.id}`);
      expect(perSubtask.status).toBe(200);
      expectShape(perSubtask.body, TaskCheckpointStatisticsWithSubtaskDetails);
      const withSubtasks = perSubtask.body as { state_size: number; latest_ack_timestamp: number; summary: { state_size: { min: number; max: number } }; subtasks: { index: number; state_size: number; ack_timestamp: number; end_to_end_duration: number; status: string }[] };
      expect(withSubtasks).toMatchObject({ id: latest['id'], status: 'COMPLETED', state_size: sized.tasks[aggregate.id]!.state_size, num_subtasks: 1, num_acknowledged_subtasks: 1 });
      expect(withSubtasks.subtasks).toEqual([expect.objectContaining({
        index: 0, status: 'completed', state_size: withSubtasks.state_size, checkpointed_size: withSubtasks.state_size,
        ack_timestamp: latest['latest_ack_timestamp'], end_to_end_duration: latest['end_to_end_duration'],
      })]);
      expect(withSubtasks.summary.state_size).toMatchObject({ min: withSubtasks.state_size, max: withSubtasks.state_size });
      const unknownVertex = await get(`${subtasksUrl}/${'0'.repeat(32)}`);
      expect(unknownVertex).toMatchObject({ status: 404, body: { errors: [`There is no checkpoint statistics for task ${'0'.repeat(32)}.`] } });
      expect((await get(`${subtasksUrl}/not-a-vertex`)).status).toBe(400);
      expect((await get(`${base}/jobs/${jobId}/checkpoints/details/987654/subtasks/${aggregate.id}`)).status).toBe(404);

      const unknown = await get(`${base}/jobs/${jobId}/checkpoints/details/987654`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ errors: ['Could not find checkpointing statistics for checkpoint 987654.'] });
      const notANumber = await get(`${base}/jobs/${jobId}/checkpoints/details/latest`);
      expect(notANumber.status).toBe(400);
      expect(notANumber.body).toEqual({ errors: ['Bad request, could not parse parameters: Cannot resolve path parameter (checkpointid) from value "latest".'] });

      // The config is the one the runner checkpoints with.
      const config = await get(`${base}/jobs/${jobId}/checkpoints/config`);
      expect(config.body).toMatchObject({
        mode: 'exactly_once', interval: 100, timeout: 600_000, min_pause: 10, max_concurrent: 1, tolerable_failed_checkpoints: 3,
        externalization: { enabled: true, delete_on_cancellation: false }, checkpoint_storage: 'FileSystemCheckpointStorage', unaligned_checkpoints: false,
      });

      // Job metrics: Flink's checkpoint gauges.
      const ids2 = await get(`${base}/jobs/${jobId}/metrics`);
      expectShape(ids2.body, MetricIds);
      expect((ids2.body as { id: string }[]).map((m) => m.id)).toEqual(expect.arrayContaining([
        'numberOfCompletedCheckpoints', 'numberOfFailedCheckpoints', 'numberOfInProgressCheckpoints', 'lastCheckpointDuration',
        'lastCheckpointSize', 'lastCheckpointRestoreTimestamp', 'uptime',
      ]));
      const metrics = await get(`${base}/jobs/${jobId}/metrics?get=numberOfCompletedCheckpoints,numberOfFailedCheckpoints,lastCheckpointSize,lastCheckpointRestoreTimestamp,nope`);
      expectShape(metrics.body, MetricCollection);
      const m = Object.fromEntries((metrics.body as { id: string; value: string }[]).map((x) => [x.id, x.value]));
      expect(Object.keys(m)).toEqual(['numberOfCompletedCheckpoints', 'numberOfFailedCheckpoints', 'lastCheckpointSize', 'lastCheckpointRestoreTimestamp']);
      expect(Number(m['numberOfCompletedCheckpoints'])).toBeGreaterThanOrEqual(3);
      expect(m['numberOfFailedCheckpoints']).toBe('0');
      expect(Number(m['lastCheckpointSize'])).toBeGreaterThan(0);
      expect(m['lastCheckpointRestoreTimestamp']).toBe('-1');

      // A savepoint into the default directory, while the job keeps running.
      const trigger = await post(`${base}/jobs/${jobId}/savepoints`, {});
      expect(trigger.status).toBe(202);
      expectShape(trigger.body, TriggerResponse);
      const done = await settled(base, jobId, (trigger.body as { 'request-id': string })['request-id']);
      expectShape(done, SavepointCompleted);
      const location = done.operation['location'] as string;
      expect(location).toMatch(new RegExp(`^file:${savepoints}/savepoint-${jobId.slice(0, 6)}-[0-9a-f]{12}$`));
      expect(existsSync(join(location.slice('file:'.length), '_metadata'))).toBe(true);
      const after = (await get(`${base}/jobs/${jobId}/checkpoints`)).body as Stats;
      expectShape(after, CheckpointingStatistics);
      expect(after.latest.savepoint).toMatchObject({ is_savepoint: true, checkpoint_type: 'SAVEPOINT', savepointFormat: 'CANONICAL', external_path: location, status: 'COMPLETED' });
      expect((await get(`${base}/jobs/${jobId}`)).body).toMatchObject({ state: 'RUNNING' });
    } finally {
      job.monitor.jobs.get(jobId)?.cancel();
      await job.run;
      await job.monitor.close();
    }
  });

  it('stops a job with a savepoint: the job ends FINISHED and the savepoint directory holds _metadata', async () => {
    const savepoints = tempDir('stop');
    const job = await start(COUNTS, { 'execution.checkpointing.interval': '100 ms', 'state.checkpoints.dir': tempDir('chk') });
    const { base, jobId } = job;
    try {
      await until(async () => ((await get(`${base}/jobs/${jobId}/checkpoints`)).body as Stats).counts.completed > 0 || undefined, 'a checkpoint');
      const stop = await post(`${base}/jobs/${jobId}/stop`, { targetDirectory: `file://${savepoints}`, drain: false });
      expect(stop.status).toBe(202);
      expectShape(stop.body, TriggerResponse);
      const triggerId = (stop.body as { 'request-id': string })['request-id'];
      expect(await job.run).toBe(0);
      const done = await settled(base, jobId, triggerId);
      expectShape(done, SavepointCompleted);
      const dir = (done.operation['location'] as string).slice('file:'.length);
      expect(dir.startsWith(`${savepoints}/savepoint-`)).toBe(true);
      expect(existsSync(join(dir, '_metadata'))).toBe(true);
      expect(job.stderr).toContain(`Savepoint completed. Path: file:${dir}`);
      expect((await get(`${base}/jobs/${jobId}`)).body).toMatchObject({ state: 'FINISHED' });
      // Flink reports a stop's savepoint as SYNC_SAVEPOINT.
      const stats = (await get(`${base}/jobs/${jobId}/checkpoints`)).body as Stats;
      expectShape(stats, CheckpointingStatistics);
      expect(stats.latest.savepoint).toMatchObject({ checkpoint_type: 'SYNC_SAVEPOINT', external_path: `file:${dir}` });
      // Savepoints of an ended job fail in the operation's result, as Flink's Dispatcher answers.
      const late = await post(`${base}/jobs/${jobId}/savepoints`, { 'target-directory': savepoints });
      expect(late.status).toBe(202);
      const failed = await settled(base, jobId, (late.body as { 'request-id': string })['request-id']);
      expectShape(failed, SavepointFailed);
      expect(failed.operation['failure-cause']).toMatchObject({ class: 'org.apache.flink.runtime.messages.FlinkJobNotFoundException' });
    } finally {
      job.monitor.jobs.get(jobId)?.cancel();
      await job.run;
      await job.monitor.close();
    }
  });

  it('stops with drain: the final watermark fires the windows before the savepoint', async () => {
    const at = (s: number) => Timestamp.ofMillis(Date.UTC(2020, 0, 1, 0, 0, s));
    const steps: Step[] = [{ rows: [[at(1), 1], [at(2), 2], [at(7), 3]] }];
    const sql = `CREATE TABLE s (ts TIMESTAMP(3), v INT, WATERMARK FOR ts AS ts) WITH ('connector' = 'scripted', 'script' = 's');
SELECT window_start, SUM(v) FROM TABLE(TUMBLE(TABLE s, DESCRIPTOR(ts), INTERVAL '5' SECONDS)) GROUP BY window_start, window_end;
`;
    const savepoints = tempDir('drain');
    const job = await start(sql, { 'table.local-time-zone': 'UTC', 'state.savepoints.dir': savepoints }, steps);
    const { base, jobId } = job;
    try {
      // Checkpointing is off: empty statistics until a savepoint exists.
      expect((await get(`${base}/jobs/${jobId}/checkpoints`)).body).toMatchObject({ counts: { total: 0 } });
      await new Promise((r) => setTimeout(r, 100));
      const stop = await post(`${base}/jobs/${jobId}/stop`, { drain: true });
      expect(stop.status).toBe(202);
      expect(await job.run).toBe(0);
      const done = await settled(base, jobId, (stop.body as { 'request-id': string })['request-id']);
      expectShape(done, SavepointCompleted);
      expect(existsSync(join((done.operation['location'] as string).slice('file:'.length), '_metadata'))).toBe(true);
      expect(job.stdout).toEqual(['+I[2020-01-01T00:00, 3]', '+I[2020-01-01T00:00:05, 3]']);
      expect((await get(`${base}/jobs/${jobId}`)).body).toMatchObject({ state: 'FINISHED' });
    } finally {
      job.monitor.jobs.get(jobId)?.cancel();
      await job.run;
      await job.monitor.close();
    }
  });

  // run() waits for a drained stop's savepoint before it closes the operators.
  it('stops with drain: the job ends with the savepoint', async () => {
    const at = (s: number) => Timestamp.ofMillis(Date.UTC(2020, 0, 1, 0, 0, s));
    const sql = `CREATE TABLE s (ts TIMESTAMP(3), v INT, WATERMARK FOR ts AS ts) WITH ('connector' = 'scripted', 'script' = 's');
SELECT window_start, SUM(v) FROM TABLE(TUMBLE(TABLE s, DESCRIPTOR(ts), INTERVAL '5' SECONDS)) GROUP BY window_start, window_end;
`;
    const job = await start(sql, { 'table.local-time-zone': 'UTC', 'state.savepoints.dir': tempDir('drain') }, [{ rows: [[at(1), 1]] }]);
    try {
      const stop = await post(`${job.base}/jobs/${job.jobId}/stop`, { drain: true });
      await job.run;
      const done = await settled(job.base, job.jobId, (stop.body as { 'request-id': string })['request-id']);
      expect(job.stderr).toContain(`Savepoint completed. Path: ${done.operation['location'] as string}`);
    } finally {
      job.monitor.jobs.get(job.jobId)?.cancel();
      await job.run;
      await job.monitor.close();
    }
  });

  // As in Flink, a stop-with-savepoint that fails leaves the job running.
  it('a stop whose savepoint cannot be written leaves the job running', async () => {
    const job = await start(COUNTS, {});
    try {
      const stop = await post(`${job.base}/jobs/${job.jobId}/stop`, { targetDirectory: '/dev/null/savepoints' });
      const done = await settled(job.base, job.jobId, (stop.body as { 'request-id': string })['request-id']);
      expectShape(done, SavepointFailed);
      await new Promise((r) => setTimeout(r, 100));
      expect((await get(`${job.base}/jobs/${job.jobId}`)).body).toMatchObject({ state: 'RUNNING' });
    } finally {
      job.monitor.jobs.get(job.jobId)?.cancel();
      await job.run;
      await job.monitor.close();
    }
  });

  it('without checkpointing: 400 without a savepoint directory, statistics once a savepoint exists, cancel-job ends CANCELED', async () => {
    const job = await start(COUNTS, {});
    const { base, jobId } = job;
    const savepoints = tempDir('cancel');
    try {
      // As Flink's streaming jobs: a coordinator without periodic checkpoints (interval Long.MAX_VALUE).
      expect((await get(`${base}/jobs/${jobId}/checkpoints`)).body).toMatchObject({ counts: { total: 0 }, history: [] });
      expect(await (await fetch(`${base}/jobs/${jobId}/checkpoints/config`)).text()).toContain('"interval":9223372036854775807');
      expect((await get(`${base}/jobs/${jobId}/checkpoints/details/1`)).body).toEqual({ errors: ['Could not find checkpointing statistics for checkpoint 1.'] });

      // No directory anywhere: Flink's SavepointHandlers answer 400 before triggering anything.
      const noDir = await post(`${base}/jobs/${jobId}/savepoints`, '');
      expect(noDir).toEqual({ status: 400, body: { errors: ['Config key [execution.checkpointing.savepoint-dir] is not set. Property [target-directory] must be provided.'] } });
      const noDirStop = await post(`${base}/jobs/${jobId}/stop`, { drain: false });
      expect(noDirStop).toEqual({ status: 400, body: { errors: ['Config key [execution.checkpointing.savepoint-dir] is not set. Property [targetDirectory] must be provided.'] } });

      // Malformed bodies: Flink's one-line error, no stack trace.
      for (const [path, body, format] of [
        ['savepoints', 'not json', 'SavepointTriggerRequestBody'],
        ['savepoints', '[1]', 'SavepointTriggerRequestBody'],
        ['savepoints', { 'cancel-job': 'yes' }, 'SavepointTriggerRequestBody'],
        ['savepoints', { 'target-directory': 5 }, 'SavepointTriggerRequestBody'],
        ['savepoints', { targetDirectory: savepoints }, 'SavepointTriggerRequestBody'],
        ['savepoints', { triggerId: 'not-hex' }, 'SavepointTriggerRequestBody'],
        ['savepoints', { formatType: 'BINARY' }, 'SavepointTriggerRequestBody'],
        ['stop', { drain: 1 }, 'StopWithSavepointRequestBody'],
        ['stop', { 'target-directory': savepoints }, 'StopWithSavepointRequestBody'],
      ] as const) {
        const r = await post(`${base}/jobs/${jobId}/${path}`, body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expectShape(r.body, ErrorResponseBody);
        expect(r.body).toEqual({ errors: [`Request did not match expected format ${format}.`] });
      }
      // Unknown trigger ids: Flink's 404.
      const unknown = await get(`${base}/jobs/${jobId}/savepoints/${'ab'.repeat(16)}`);
      expect(unknown.status).toBe(404);
      expectShape(unknown.body, ErrorResponseBody);
      expect((unknown.body as { errors: string[] }).errors[0]).toMatch(/^Operation not found under key: /);
      // Savepoint endpoints of an unknown job: 404; wrong methods: 405.
      expect((await post(`${base}/jobs/${'0'.repeat(32)}/savepoints`, {})).status).toBe(404);
      expect((await get(`${base}/jobs/${jobId}/savepoints`)).status).toBe(405);

      // A savepoint that cannot be written fails in its result and in the statistics.
      const blocked = await post(`${base}/jobs/${jobId}/savepoints`, { 'target-directory': '/dev/null/savepoints' });
      expect(blocked.status).toBe(202);
      const failed = await settled(base, jobId, (blocked.body as { 'request-id': string })['request-id']);
      expectShape(failed, SavepointFailed);
      const cause = failed.operation['failure-cause'] as { class: string; 'stack-trace': string };
      expect(cause.class).toBe('org.apache.flink.runtime.checkpoint.CheckpointException');
      expect(cause['stack-trace']).toContain('An Exception occurred while triggering the checkpoint.');
      const stats = (await get(`${base}/jobs/${jobId}/checkpoints`)).body as Stats;
      expectShape(stats, CheckpointingStatistics);
      expect(stats.counts).toMatchObject({ total: 1, failed: 1, completed: 0 });
      expectShape(stats.latest.failed, FailedCheckpointStatistics);
      expect(stats.latest.failed).toMatchObject({ className: 'failed', status: 'FAILED', is_savepoint: true, num_acknowledged_subtasks: 0 });
      expect(stats.latest.failed!['failure_message']).toContain('An Exception occurred while triggering the checkpoint.');
      const failedDetails = await get(`${base}/jobs/${jobId}/checkpoints/details/${stats.latest.failed!['id'] as number}`);
      expectShape(failedDetails.body, CheckpointStatistics);

      // Idempotent triggers: the same triggerId starts one savepoint.
      const triggerId = 'cd'.repeat(16);
      const first = await post(`${base}/jobs/${jobId}/savepoints`, { 'target-directory': savepoints, triggerId: triggerId.toUpperCase() });
      const second = await post(`${base}/jobs/${jobId}/savepoints`, { 'target-directory': savepoints, triggerId });
      expect(first).toEqual({ status: 202, body: { 'request-id': triggerId } });
      expect(second).toEqual(first);
      await settled(base, jobId, triggerId);
      const withSavepoint = (await get(`${base}/jobs/${jobId}/checkpoints`)).body as Stats;
      expect(withSavepoint.counts).toMatchObject({ total: 2, completed: 1 });
      expect(withSavepoint.latest.completed).toBeNull();
      expectShape(withSavepoint.latest.savepoint, CompletedCheckpointStatistics);
      // Flink's interval of a job without periodic checkpoints is Long.MAX_VALUE.
      const config = await fetch(`${base}/jobs/${jobId}/checkpoints/config`);
      expect(config.status).toBe(200);
      expect(await config.text()).toContain('"interval":9223372036854775807,');

      // cancel-job: a savepoint, then the job ends CANCELED.
      const cancel = await post(`${base}/jobs/${jobId}/savepoints`, { 'target-directory': savepoints, 'cancel-job': true });
      expect(cancel.status).toBe(202);
      await job.run;
      const done = await settled(base, jobId, (cancel.body as { 'request-id': string })['request-id']);
      expectShape(done, SavepointCompleted);
      expect(existsSync(join((done.operation['location'] as string).slice('file:'.length), '_metadata'))).toBe(true);
      expect((await get(`${base}/jobs/${jobId}`)).body).toMatchObject({ state: 'CANCELED' });
    } finally {
      job.monitor.jobs.get(jobId)?.cancel();
      await job.run;
      await job.monitor.close();
    }
  });
  it('reports each vertex and subtask state size of a parallel job, summing to the checkpoint size', async () => {
    const job = await startScriptedJob(PARALLEL_GROUP_BY, keyedRows(40), {
      'execution.checkpointing.interval': '50 ms', 'state.checkpoints.dir': tempDir('par'),
    });
    const { base, jobId } = job;
    try {
      // A checkpoint after all 40 rows reached the aggregate: both subtasks have keys.
      const vertexList = ((await get(`${base}/jobs/${jobId}`)).body as { vertices: { id: string; name: string; parallelism: number }[] }).vertices;
      const aggregate = vertexList.find((v) => v.name.startsWith('GroupAggregate['))!;
      expect(aggregate.parallelism).toBe(2);
      const records = async () => {
        const r = await get(`${base}/jobs/${jobId}/vertices/${aggregate.id}/subtasks/metrics?get=numRecordsIn&agg=sum`);
        return ((r.body as { sum: number }[])[0]?.sum ?? 0);
      };
      await until(async () => ((await records()) === 40) || undefined, 'the 40 rows at the aggregate');
      const after = Date.now();
      const latest = await until(async () => {
        const s = (await get(`${base}/jobs/${jobId}/checkpoints`)).body as Stats;
        const c = s.latest.completed;
        return c && (c['trigger_timestamp'] as number) > after ? c : undefined;
      }, 'a checkpoint of the 40 rows');
      const id = latest['id'] as number;
      const details = (await get(`${base}/jobs/${jobId}/checkpoints/details/${id}`)).body as { state_size: number; tasks: Record<string, { state_size: number; num_subtasks: number }> };
      expect(details.state_size).toBeGreaterThan(0);
      expect(Object.values(details.tasks).reduce((n, t) => n + t.state_size, 0)).toBe(details.state_size);
      expect(details.tasks[aggregate.id]).toMatchObject({ num_subtasks: 2 });

      let total = 0;
      for (const v of vertexList) {
        const r = await get(`${base}/jobs/${jobId}/checkpoints/details/${id}/subtasks/${v.id}`);
        expectShape(r.body, TaskCheckpointStatisticsWithSubtaskDetails);
        const body = r.body as { state_size: number; subtasks: { index: number; state_size: number }[]; summary: { state_size: { min: number; max: number } } };
        expect(body.subtasks.map((s) => s.index)).toEqual(Array.from({ length: v.parallelism }, (_, i) => i));
        // The subtasks' sizes sum to the vertex's.
        expect(body.subtasks.reduce((n, s) => n + s.state_size, 0)).toBe(details.tasks[v.id]!.state_size);
        total += body.state_size;
        if (v.id === aggregate.id) {
          const sizes = body.subtasks.map((s) => s.state_size);
          expect(Math.min(...sizes)).toBeGreaterThan(0);
          expect(body.summary.state_size).toMatchObject({ min: Math.min(...sizes), max: Math.max(...sizes) });
        }
      }
      expect(total).toBe(details.state_size);
    } finally {
      expect(await job.stop()).toBe(130);
    }
  });
});
