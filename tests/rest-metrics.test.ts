import { describe, expect, it } from 'vitest';
import { violations, type Schema } from './helpers/rest-schema.js';
import { get, script, until } from './helpers/rest-client.js';
import { main } from '../src/cli/main.js';
import { keyedRows, PARALLEL_GROUP_BY, startScriptedJob } from './helpers/rest-scripted-job.js';
import { javaDouble, metricScope, parseAggregations } from '../src/rest/metric-responses.js';
import { FanOut, type Operator } from '../src/runtime/operators/operator.js';
import { VertexMetrics } from '../src/runtime/task/vertex-metrics.js';
import type { Chunk } from '../src/types/row.js';
import { ClusterOverviewWithVersion } from './helpers/rest-job-schemas.js';
import { TaskManagerDetailsInfo, TaskManagersInfo } from './helpers/rest-cluster-schemas.js';

// ---------------------------------------------------------------------------------------------
// Field facts of Flink's REST spec (apache/flink docs/static/generated/rest_v1_dispatcher.yml):
// MetricCollectionResponseBody (an array of Metric), AggregatedMetricsResponseBody (an array of
// AggregatedMetric), JobVertexBackPressureInfo and CheckpointConfigInfo.
// ---------------------------------------------------------------------------------------------


const MetricIds: Schema = { array: { object: { id: 'string' } } };
const MetricCollection: Schema = { array: { object: { id: 'string', value: 'string' } } };
const AggregatedMetrics: Schema = { array: { object: { id: 'string', min: 'number', max: 'number', avg: 'number', sum: 'number' } } };
const LEVEL = { enum: ['ok', 'low', 'high'] } as const;
const JobVertexBackPressureInfo: Schema = {
  object: {
    status: { enum: ['deprecated', 'ok'] }, 'backpressure-level': LEVEL, 'end-timestamp': 'int',
    subtasks: { array: { object: { subtask: 'int', 'attempt-number': 'int', 'backpressure-level': LEVEL, ratio: 'number', idleRatio: 'number', busyRatio: 'number' } } },
  },
};
const CheckpointConfigInfo: Schema = {
  object: {
    mode: { enum: ['exactly_once', 'at_least_once'] }, interval: 'int', timeout: 'int', min_pause: 'int', max_concurrent: 'int',
    externalization: { object: { enabled: 'bool', delete_on_cancellation: 'bool' } },
    state_backend: 'string', checkpoint_storage: 'string', unaligned_checkpoints: 'bool', tolerable_failed_checkpoints: 'int',
    aligned_checkpoint_timeout: 'int', checkpoints_after_tasks_finish: 'bool', state_changelog_enabled: 'bool',
    changelog_periodic_materialization_interval: 'int', changelog_storage: 'string',
  },
};

function expectShape(value: unknown, schema: Schema): void {
  expect(violations(value, schema)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

const WINDOWED = `CREATE TABLE s (id INT, ts AS LOCALTIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH ('connector' = 'datagen', 'rows-per-second' = '500');
CREATE TABLE sink (window_start TIMESTAMP(3), c BIGINT) WITH ('connector' = 'blackhole');
SET 'pipeline.auto-watermark-interval' = '50 ms';
INSERT INTO sink SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE s, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end;
`;

const LONG_MIN = '-9223372036854775808';

type Vertex = { id: string; name: string; metrics: Record<string, number | boolean> };

describe('vertex metrics over REST', () => {
  it('serves Flink metric ids, aggregated subtask metrics, back pressure and the checkpoint config', async () => {
    const stderr: string[] = [];
    const done = main(['run', script(WINDOWED), '--set', 'rest.port=0'], { stdout: () => {}, stderr: (l) => stderr.push(l) });
    try {
      const base = await until(() => stderr.map((l) => /^REST API at (http:\/\/127\.0\.0\.1:\d+)$/.exec(l)?.[1]).find((u) => u), 'the REST URL');
      const jobId = await until(async () => ((await get(`${base}/jobs`)).body as { jobs: { id: string }[] }).jobs[0]?.id, 'the job');
      const vertices = async () => ((await get(`${base}/jobs/${jobId}`)).body as { vertices: Vertex[] }).vertices;
      await until(async () => ((await vertices()).at(-1)!.metrics['read-records'] as number) > 0 || undefined, 'rows at the sink');
      const vs = await vertices();
      const source = vs.find((v) => v.name.startsWith('Source: s['))!;
      const window = vs.find((v) => /^(Global)?WindowAggregate\[/.test(v.name))!;
      // Operator metrics are scoped by each chained operator's name; the window aggregate heads its chain.
      const windowOp = metricScope(window.name.split(' -> ')[0]!);
      expect(source.metrics).toMatchObject({ 'read-records': 0, 'read-records-complete': true, 'write-records-complete': true });
      expect(window.metrics['read-records']).toBeGreaterThan(0);
      const vertexUrl = (v: Vertex) => `${base}/jobs/${jobId}/vertices/${v.id}`;

      // The list of ids: subtask-scoped task metrics, and operator metrics under the operator's name.
      const ids = await get(`${vertexUrl(window)}/metrics`);
      expect(ids.status).toBe(200);
      expectShape(ids.body, MetricIds);
      const idList = (ids.body as { id: string }[]).map((m) => m.id);
      expect(idList).toEqual(expect.arrayContaining([
        '0.numRecordsIn', '0.numRecordsOut', '0.numRecordsInPerSecond', '0.numRecordsOutPerSecond', '0.currentInputWatermark',
        '0.busyTimeMsPerSecond', '0.idleTimeMsPerSecond', '0.backPressuredTimeMsPerSecond', `0.${windowOp}.numLateRecordsDropped`,
        '0.taskOneRecordDealTime_mean', '0.taskOneRecordDealTime_max',
      ]));
      expect((await get(`${vertexUrl(source)}/metrics`)).body).not.toContainEqual({ id: '0.currentInputWatermark' });

      // Values as strings; counters grow; the watermark arrives (Long.MIN_VALUE before).
      const values = async (v: Vertex, names: string[]) => {
        const r = await get(`${vertexUrl(v)}/metrics?get=${names.join(',')}`);
        expectShape(r.body, MetricCollection);
        return Object.fromEntries((r.body as { id: string; value: string }[]).map((m) => [m.id, m.value]));
      };
      const first = await values(window, ['0.numRecordsIn', '0.unknownMetric', '0.backPressuredTimeMsPerSecond']);
      expect(Object.keys(first)).toEqual(['0.numRecordsIn', '0.backPressuredTimeMsPerSecond']);
      expect(first['0.backPressuredTimeMsPerSecond']).toBe('0');
      await until(async () => Number((await values(window, ['0.numRecordsIn']))['0.numRecordsIn']) > Number(first['0.numRecordsIn']) || undefined, 'more rows');
      const watermark = await until(async () => {
        const w = (await values(window, ['0.currentInputWatermark']))['0.currentInputWatermark']!;
        return w !== LONG_MIN ? w : undefined;
      }, 'a watermark');
      expect(Math.abs(Number(watermark) - Date.now())).toBeLessThan(60_000);
      const out = await until(async () => {
        const r = await values(source, ['0.numRecordsOut', '0.numRecordsOutPerSecond', '0.busyTimeMsPerSecond', '0.idleTimeMsPerSecond']);
        return Number(r['0.numRecordsOutPerSecond']) > 0 ? r : undefined;
      }, 'a source rate', 5_000);
      expect(out['0.numRecordsOutPerSecond']).toMatch(/^\d+(\.\d+)?(E\d+)?$/);
      expect(Number(out['0.busyTimeMsPerSecond']) + Number(out['0.idleTimeMsPerSecond'])).toBeCloseTo(1000, -1);
      // Per-record processing time in ms: the interval's mean and the worst chunk's.
      const deal = await values(window, ['0.taskOneRecordDealTime_mean', '0.taskOneRecordDealTime_max']);
      expect(Number(deal['0.taskOneRecordDealTime_mean'])).toBeGreaterThanOrEqual(0);
      expect(Number(deal['0.taskOneRecordDealTime_max'])).toBeGreaterThanOrEqual(0);

      // Aggregated over the subtasks (one): ids without the subtask prefix, numbers per aggregation.
      const subtaskIds = await get(`${vertexUrl(window)}/subtasks/metrics`);
      expectShape(subtaskIds.body, MetricIds);
      expect((subtaskIds.body as { id: string }[]).map((m) => m.id)).toEqual(expect.arrayContaining(['numRecordsIn', 'currentInputWatermark', `${windowOp}.numLateRecordsDropped`]));
      const agg = await get(`${vertexUrl(window)}/subtasks/metrics?get=numRecordsIn,numRecordsOut,nope`);
      expectShape(agg.body, AggregatedMetrics);
      const aggBody = agg.body as { id: string; min: number; max: number; avg: number; sum: number }[];
      expect(aggBody.map((m) => m.id)).toEqual(['numRecordsIn', 'numRecordsOut']);
      expect(aggBody[0]!.min).toBeGreaterThan(0);
      expect(aggBody[0]).toMatchObject({ max: aggBody[0]!.min, avg: aggBody[0]!.min, sum: aggBody[0]!.min });
      const only = await get(`${vertexUrl(window)}/subtasks/metrics?get=numRecordsIn&agg=max,sum`);
      expect(Object.keys((only.body as object[])[0]!).sort()).toEqual(['id', 'max', 'sum']);
      expect((await get(`${vertexUrl(window)}/subtasks/metrics?get=numRecordsIn&agg=median`)).status).toBe(400);

      // Back pressure: no bounded exchanges yet, so "ok" with ratio 0.
      const bp = await get(`${vertexUrl(window)}/backpressure`);
      expectShape(bp.body, JobVertexBackPressureInfo);
      expect(bp.body).toMatchObject({ status: 'ok', 'backpressure-level': 'ok', subtasks: [{ subtask: 0, ratio: 0, 'backpressure-level': 'ok' }] });
      const sub = (bp.body as { subtasks: { idleRatio: number; busyRatio: number }[] }).subtasks[0]!;
      expect(sub.idleRatio + sub.busyRatio).toBeCloseTo(1, 2);

      // Checkpointing disabled: a streaming job still has a coordinator, its interval Long.MAX_VALUE (as Flink).
      const cfg = await get(`${base}/jobs/${jobId}/checkpoints/config`);
      expect(cfg.status).toBe(200);
      expect(cfg.body).toMatchObject({ mode: 'exactly_once' });

      // Unknown vertex: Flink's 404.
      expect((await get(`${base}/jobs/${jobId}/vertices/${'0'.repeat(32)}/metrics`)).status).toBe(404);
    } finally {
      const jobs = stderr.map((l) => /^REST API at (http:\/\/127\.0\.0\.1:\d+)$/.exec(l)?.[1]).find((u) => u);
      if (jobs) {
        const list = (await (await fetch(`${jobs}/jobs`)).json()) as { jobs: { id: string }[] };
        for (const j of list.jobs) await fetch(`${jobs}/jobs/${j.id}`, { method: 'PATCH' });
      }
    }
    expect(await done).toBe(130);
  });

  it('serves the metrics of each subtask of a parallel vertex, aggregated over them, and its back pressure per subtask', async () => {
    const job = await startScriptedJob(PARALLEL_GROUP_BY, keyedRows(20));
    const { base, jobId } = job;
    try {
      const vs = ((await get(`${base}/jobs/${jobId}`)).body as { vertices: Vertex[] }).vertices;
      const agg = vs.find((v) => v.name.startsWith('GroupAggregate['))!;
      const aggOp = metricScope(agg.name.split(' -> ')[0]!);
      const vertexUrl = `${base}/jobs/${jobId}/vertices/${agg.id}`;
      const ids = ((await get(`${vertexUrl}/metrics`)).body as { id: string }[]).map((m) => m.id);
      expect(ids).toEqual(expect.arrayContaining(['0.numRecordsIn', '1.numRecordsIn', '0.currentInputWatermark', '1.currentInputWatermark', `0.${aggOp}.numRecordsIn`, `1.${aggOp}.numRecordsIn`]));
      expect(ids.some((id) => id.startsWith('2.'))).toBe(false);

      // Per subtask, by `<subtask>.<metric>`: the hash exchange splits the 20 rows between them.
      const perSubtask = await until(async () => {
        const r = await get(`${vertexUrl}/metrics?get=0.numRecordsIn,1.numRecordsIn,2.numRecordsIn`);
        expectShape(r.body, MetricCollection);
        const m = Object.fromEntries((r.body as { id: string; value: string }[]).map((x) => [x.id, Number(x.value)]));
        return m['0.numRecordsIn']! + m['1.numRecordsIn']! === 20 ? m : undefined;
      }, 'the 20 rows at the aggregate');
      expect(Object.keys(perSubtask)).toEqual(['0.numRecordsIn', '1.numRecordsIn']);
      const [a, b] = [perSubtask['0.numRecordsIn']!, perSubtask['1.numRecordsIn']!];
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);

      // Aggregated over the subtasks; skew as Flink's DoubleDataSkew (mean absolute deviation over the mean, in %).
      const subtaskIds = ((await get(`${vertexUrl}/subtasks/metrics`)).body as { id: string }[]).map((m) => m.id);
      expect(subtaskIds).toEqual(expect.arrayContaining(['numRecordsIn', `${aggOp}.numRecordsIn`]));
      expect(new Set(subtaskIds).size).toBe(subtaskIds.length);
      const aggregated = await get(`${vertexUrl}/subtasks/metrics?get=numRecordsIn`);
      expectShape(aggregated.body, AggregatedMetrics);
      expect(aggregated.body).toEqual([{ id: 'numRecordsIn', min: Math.min(a, b), max: Math.max(a, b), avg: 10, sum: 20, skew: (Math.abs(a - b) / 2 / 10) * 100 }]);

      const bp = await get(`${vertexUrl}/backpressure`);
      expectShape(bp.body, JobVertexBackPressureInfo);
      expect(bp.body).toMatchObject({ 'backpressure-level': 'ok', subtasks: [{ subtask: 0, 'attempt-number': 0 }, { subtask: 1, 'attempt-number': 0 }] });
      // The source is one subtask: its metrics carry the prefix 0 only.
      const source = vs.find((v) => v.name.startsWith('Source: s['))!;
      const sourceIds = ((await get(`${base}/jobs/${jobId}/vertices/${source.id}/metrics`)).body as { id: string }[]).map((m) => m.id);
      expect(sourceIds).toContain('0.numRecordsOut');
      expect(sourceIds.some((id) => id.startsWith('1.'))).toBe(false);
    } finally {
      expect(await job.stop()).toBe(130);
    }
  });

  it('serves a chained vertex\'s task metrics from its head and tail, and every chained operator\'s own metrics', async () => {
    const job = await startScriptedJob(PARALLEL_GROUP_BY, keyedRows(20));
    const { base, jobId } = job;
    try {
      const vs = ((await get(`${base}/jobs/${jobId}`)).body as { vertices: Vertex[] }).vertices;
      // Source -> Calc (parallelism 1), then the HASH edge, then GroupAggregate -> Sink (parallelism 2).
      expect(vs.map((v) => v.name.replace(/\[\d+\]/g, ''))).toEqual(['Source: s -> Calc', 'GroupAggregate -> Sink: sink']);
      const metricsOf = async (v: Vertex) => {
        const ids = ((await get(`${base}/jobs/${jobId}/vertices/${v.id}/metrics`)).body as { id: string }[]).map((m) => m.id);
        const r = await get(`${base}/jobs/${jobId}/vertices/${v.id}/metrics?get=${ids.join(',')}`);
        expectShape(r.body, MetricCollection);
        return Object.fromEntries((r.body as { id: string; value: string }[]).map((m) => [m.id, m.value]));
      };
      const [sourceChain, aggChain] = vs as [Vertex, Vertex];
      const [sourceOp, calcOp] = sourceChain.name.split(' -> ').map(metricScope) as [string, string];
      const [aggOp, sinkOp] = aggChain.name.split(' -> ').map(metricScope) as [string, string];
      expect(sinkOp).toMatch(/^Sink-_sink\[\d+\]$/);

      const agg = await until(async () => {
        const m = await metricsOf(aggChain);
        return Number(m['0.numRecordsIn']) + Number(m['1.numRecordsIn']) === 20 ? m : undefined;
      }, 'the 20 rows at the aggregate');
      for (const k of [0, 1]) {
        // Every chained operator's own metrics, per subtask, with its per-record time.
        for (const op of [aggOp, sinkOp]) {
          for (const metric of ['numRecordsIn', 'numRecordsOut', 'currentInputWatermark', 'currentOutputWatermark', 'taskOneRecordDealTime_mean', 'taskOneRecordDealTime_max']) {
            expect(agg, `${k}.${op}.${metric}`).toHaveProperty([`${k}.${op}.${metric}`]);
          }
        }
        // The task reads what its head reads and sends what its tail sends (a sink: nothing).
        expect(agg[`${k}.numRecordsIn`]).toBe(agg[`${k}.${aggOp}.numRecordsIn`]);
        expect(agg[`${k}.numRecordsOut`]).toBe(agg[`${k}.${sinkOp}.numRecordsOut`]);
        expect(Number(agg[`${k}.${sinkOp}.numRecordsIn`])).toBe(Number(agg[`${k}.${aggOp}.numRecordsOut`]));
        // The task's per-record time is the sum of its operators' (the slow one shows in its own).
        const mean = (op: string) => Number(agg[`${k}.${op}.taskOneRecordDealTime_mean`]);
        expect(Number(agg[`${k}.taskOneRecordDealTime_mean`])).toBeCloseTo(mean(aggOp) + mean(sinkOp), 9);
        expect(Number(agg[`${k}.taskOneRecordDealTime_max`])).toBe(Math.max(Number(agg[`${k}.${aggOp}.taskOneRecordDealTime_max`]), Number(agg[`${k}.${sinkOp}.taskOneRecordDealTime_max`])));
        expect(agg[`${k}.currentInputWatermark`]).toBe(agg[`${k}.${aggOp}.currentInputWatermark`]);
      }

      const source = await until(async () => {
        const m = await metricsOf(sourceChain);
        return m['0.numRecordsOut'] === '20' ? m : undefined;
      }, 'the 20 rows out of the Calc');
      // A source-headed task: no records in, no task input watermark; the source's and the Calc's own metrics.
      expect(source).toMatchObject({ '0.numRecordsIn': '0', [`0.${sourceOp}.numRecordsOut`]: '20', [`0.${calcOp}.numRecordsIn`]: '20', [`0.${calcOp}.numRecordsOut`]: '20' });
      expect(source).not.toHaveProperty(['0.currentInputWatermark']);
      expect(source).not.toHaveProperty([`0.${sourceOp}.currentInputWatermark`]);
      expect(source).toHaveProperty([`0.${calcOp}.currentInputWatermark`]);
      expect(source).toHaveProperty([`0.${sourceOp}.taskOneRecordDealTime_mean`]);
      expect(source).toHaveProperty([`0.${calcOp}.taskOneRecordDealTime_mean`]);

      // Aggregated over the subtasks, operator metrics keep their operator's scope.
      const aggregated = await get(`${base}/jobs/${jobId}/vertices/${aggChain.id}/subtasks/metrics?get=${aggOp}.numRecordsIn,${sinkOp}.taskOneRecordDealTime_mean&agg=sum`);
      expectShape(aggregated.body, { array: { object: { id: 'string', sum: 'number' } } });
      expect((aggregated.body as { id: string; sum: number }[]).map((m) => m.id)).toEqual([`${aggOp}.numRecordsIn`, `${sinkOp}.taskOneRecordDealTime_mean`]);
      expect((aggregated.body as { sum: number }[])[0]!.sum).toBe(20);
    } finally {
      expect(await job.stop()).toBe(130);
    }
  });

  it('reports the configured interval when checkpointing is enabled', async () => {
    const stderr: string[] = [];
    const text = `SET 'execution.checkpointing.interval' = '5 s';\n${WINDOWED}`;
    const done = main(['run', script(text), '--set', 'rest.port=0'], { stdout: () => {}, stderr: (l) => stderr.push(l) });
    const base = await until(() => stderr.map((l) => /^REST API at (http:\/\/127\.0\.0\.1:\d+)$/.exec(l)?.[1]).find((u) => u), 'the REST URL');
    const jobId = await until(async () => ((await get(`${base}/jobs`)).body as { jobs: { id: string }[] }).jobs[0]?.id, 'the job');
    const cfg = await get(`${base}/jobs/${jobId}/checkpoints/config`);
    expectShape(cfg.body, CheckpointConfigInfo);
    expect(cfg.body).toMatchObject({ mode: 'exactly_once', interval: 5000, timeout: 600000, max_concurrent: 1 });
    await fetch(`${base}/jobs/${jobId}`, { method: 'PATCH' });
    expect(await done).toBe(130);
  });
});

describe('TaskManager and JobManager metrics over REST', () => {
  it('serves the one TaskManager, its slots as /overview counts them, and heap, CPU, thread and GC gauges', async () => {
    const job = await startScriptedJob(PARALLEL_GROUP_BY, keyedRows(20));
    const { base, jobId } = job;
    try {
      const tms = await get(`${base}/taskmanagers`);
      expect(tms.status).toBe(200);
      expectShape(tms.body, TaskManagersInfo);
      const list = (tms.body as { taskmanagers: Record<string, unknown>[] }).taskmanagers;
      expect(list).toHaveLength(1);
      const tm = list[0]! as { id: string; slotsNumber: number; freeSlots: number; hardware: { cpuCores: number; physicalMemory: number; freeMemory: number }; totalResource: { cpuCores: number; taskHeapMemory: number }; freeResource: { cpuCores: number } };
      // Slot sharing: the job's widest vertex (parallelism 2) takes 2 slots, all there are.
      expect(tm).toMatchObject({ slotsNumber: 2, freeSlots: 0, dataPort: -1, jmxPort: -1, blocked: false });
      expect(tm.freeResource.cpuCores).toBe(0);
      expect(tm.hardware.cpuCores).toBeGreaterThan(0);
      expect(tm.hardware.physicalMemory).toBeGreaterThan(tm.hardware.freeMemory);
      expect(tm.totalResource.taskHeapMemory).toBe(Math.floor(tm.hardware.freeMemory / 1024 / 1024));
      const overview = await get(`${base}/overview`);
      expectShape(overview.body, ClusterOverviewWithVersion);
      expect(overview.body).toMatchObject({ taskmanagers: 1, 'slots-total': tm.slotsNumber, 'slots-available': tm.freeSlots });

      const details = await get(`${base}/taskmanagers/${tm.id}`);
      expectShape(details.body, TaskManagerDetailsInfo);
      const d = details.body as { allocatedSlots: { jobId: string }[]; metrics: { heapUsed: number; heapMax: number } };
      expect(d.allocatedSlots).toEqual([expect.objectContaining({ jobId }), expect.objectContaining({ jobId })]);
      expect(d.metrics.heapUsed).toBeGreaterThan(0);
      expect(d.metrics.heapUsed).toBeLessThanOrEqual(d.metrics.heapMax);
      expect((await get(`${base}/taskmanagers/${'0'.repeat(32)}`)).body).toEqual({ errors: [`Could not find TaskExecutor ${'0'.repeat(32)}.`] });

      // Metric ids, then values as strings, by Flink's names.
      const ids = await get(`${base}/taskmanagers/${tm.id}/metrics`);
      expectShape(ids.body, MetricIds);
      const idList = (ids.body as { id: string }[]).map((m) => m.id);
      expect(idList).toEqual(expect.arrayContaining([
        'Status.JVM.Memory.Heap.Used', 'Status.JVM.Memory.Heap.Committed', 'Status.JVM.Memory.Heap.Max', 'Status.JVM.CPU.Load',
        'Status.JVM.CPU.Time', 'Status.JVM.Threads.Count',
      ]));
      expect(idList.filter((id) => /^Status\.JVM\.GarbageCollector\.\w+\.(Count|Time)$/.test(id)).length).toBeGreaterThanOrEqual(2);
      const names = ['Status.JVM.Memory.Heap.Used', 'Status.JVM.Memory.Heap.Committed', 'Status.JVM.Memory.Heap.Max', 'Status.JVM.CPU.Load', 'Status.JVM.Threads.Count', 'nope'];
      const values = async (url: string) => {
        const r = await get(`${url}?get=${names.join(',')}`);
        expectShape(r.body, MetricCollection);
        return Object.fromEntries((r.body as { id: string; value: string }[]).map((m) => [m.id, Number(m.value)]));
      };
      const m = await values(`${base}/taskmanagers/${tm.id}/metrics`);
      expect(Object.keys(m)).toEqual(names.slice(0, -1));
      expect(m['Status.JVM.Memory.Heap.Used']).toBeGreaterThan(0);
      expect(m['Status.JVM.Memory.Heap.Used']).toBeLessThanOrEqual(m['Status.JVM.Memory.Heap.Max']!);
      expect(m['Status.JVM.Memory.Heap.Committed']).toBeLessThanOrEqual(m['Status.JVM.Memory.Heap.Max']!);
      expect(m['Status.JVM.Memory.Heap.Max']).toBe(tm.hardware.freeMemory);
      expect(m['Status.JVM.CPU.Load']).toBeGreaterThanOrEqual(0);
      expect(m['Status.JVM.CPU.Load']).toBeLessThanOrEqual(1);
      expect(m['Status.JVM.Threads.Count']).toBeGreaterThanOrEqual(1);
      // Flink's metric handlers answer an unknown component with an empty list.
      expect((await get(`${base}/taskmanagers/${'0'.repeat(32)}/metrics?get=Status.JVM.CPU.Load`)).body).toEqual([]);

      // The JobManager is the same process: the same heap gauges, and its slot gauges as /overview's.
      const jm = await values(`${base}/jobmanager/metrics`);
      expect(jm['Status.JVM.Memory.Heap.Used']).toBeGreaterThan(0);
      expect(jm['Status.JVM.Memory.Heap.Used']).toBeLessThanOrEqual(jm['Status.JVM.Memory.Heap.Max']!);
      const cluster = await get(`${base}/jobmanager/metrics?get=numRegisteredTaskManagers,numRunningJobs,taskSlotsTotal,taskSlotsAvailable`);
      expect(cluster.body).toEqual([
        { id: 'numRegisteredTaskManagers', value: '1' }, { id: 'numRunningJobs', value: '1' },
        { id: 'taskSlotsTotal', value: '2' }, { id: 'taskSlotsAvailable', value: '0' },
      ]);
    } finally {
      expect(await job.stop()).toBe(130);
    }
  });
});

// ---------------------------------------------------------------------------------------------

const chunk = (n: number): Chunk => ({ rows: Array.from({ length: n }, (_, i) => [i]), kinds: null });

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* busy */ }
}

describe('VertexMetrics', () => {
  it('counts records in and out per chunk through FanOut, for every consumer', async () => {
    const producer = new VertexMetrics();
    const a = { operator: { name: 'A', processChunk: () => {} } as Operator, metrics: new VertexMetrics() };
    const b = { operator: { name: 'B', processChunk: async () => {} } as Operator, metrics: new VertexMetrics() };
    const out = new FanOut([{ vertex: a, input: 0 }, { vertex: b, input: 0 }], producer);
    await out.emit(chunk(3));
    await out.emit(chunk(4));
    expect(producer.numRecordsOut).toBe(7);
    expect(a.metrics.numRecordsIn).toBe(7);
    expect(b.metrics.numRecordsIn).toBe(7);
    expect(a.metrics.numRecordsOut).toBe(0);
  });

  it('keeps the last watermark per input and reports their minimum once every input has one', async () => {
    const m = new VertexMetrics();
    m.setInputs(2);
    const out0 = new FanOut([{ vertex: { operator: { name: 'J', processChunk: () => {} }, metrics: m }, input: 0 }]);
    const out1 = new FanOut([{ vertex: { operator: { name: 'J', processChunk: () => {} }, metrics: m }, input: 1 }], new VertexMetrics());
    expect(m.currentInputWatermark()).toBeUndefined();
    await out0.emitWatermark(100);
    expect(m.currentInputWatermark()).toBeUndefined();
    await out1.emitWatermark(50);
    expect(m.currentInputWatermark()).toBe(50);
    await out1.emitWatermark(300);
    expect(m.currentInputWatermark()).toBe(100);
  });

  it('charges busy time to the vertex whose own code runs, not to the operators upstream', async () => {
    const child = new VertexMetrics();
    const parent = new VertexMetrics();
    const childOut = new FanOut([{ vertex: { operator: { name: 'C', processChunk: () => spin(30) }, metrics: child }, input: 0 }], parent);
    const parentOp: Operator = { name: 'P', processChunk: (c) => { spin(10); return childOut.emit(c); } };
    await new FanOut([{ vertex: { operator: parentOp, metrics: parent }, input: 0 }]).emit(chunk(1));
    expect(child.busyMs).toBeGreaterThanOrEqual(29);
    expect(parent.busyMs).toBeGreaterThanOrEqual(9);
    expect(parent.busyMs).toBeLessThan(25);
  });

  it('computes per-second rates over the last interval of at least a second', () => {
    let now = 0;
    const m = new VertexMetrics(1, () => now);
    now = 500;
    m.numRecordsIn = 100;
    expect(m.rates().numRecordsInPerSecond).toBe(200);
    now = 900;
    m.numRecordsIn = 1000;
    expect(m.rates().numRecordsInPerSecond).toBe(200); // within the interval: the last figure
    now = 2000;
    m.numRecordsIn = 2000;
    m.numRecordsOut = 500;
    m.busyMs = 250;
    m.chunkDone(100, 5);
    m.chunkDone(1000, 20);
    m.backPressured(true);
    expect(m.rates()).toEqual({ numRecordsInPerSecond: 1000, numRecordsOutPerSecond: 250, busyTimeMsPerSecond: 125, backPressuredTimeMsPerSecond: 0, oneRecordDealTimeMean: 0.125, oneRecordDealTimeMax: 0.05 });
    now = 3000;
    m.numRecordsIn = 2500;
    m.busyMs = 5000;
    // Waiting for output buffers since 2000 ms, still waiting: the wait so far counts.
    expect(m.rates().backPressuredTimeMsPerSecond).toBe(1000);
    m.backPressured(false);
    // taskOneRecordDealTime: 4,750 ms over 500 records; the max restarts with each interval.
    expect(m.rates()).toMatchObject({ numRecordsInPerSecond: 500, busyTimeMsPerSecond: 1000, oneRecordDealTimeMean: 9.5, oneRecordDealTimeMax: 0 });
  });

  it('writes doubles as Java does and parses agg like Flink', () => {
    expect(javaDouble(0)).toBe('0.0');
    expect(javaDouble(1234)).toBe('1234.0');
    expect(javaDouble(12.5)).toBe('12.5');
    expect(javaDouble(12_345_678)).toBe('1.2345678E7');
    expect(javaDouble(Number.NaN)).toBe('NaN');
    expect(parseAggregations(null)).toEqual(['min', 'max', 'avg', 'sum', 'skew']);
    expect(parseAggregations('SUM,max')).toEqual(['sum', 'max']);
    expect(parseAggregations('median')).toMatch(/Cannot resolve/);
  });
});
