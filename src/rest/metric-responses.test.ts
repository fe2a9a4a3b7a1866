import { describe, expect, it } from 'vitest';
import { VertexMetrics } from '../runtime/task/vertex-metrics.js';
import type { Consumer, RuntimeDag, RuntimeSource, RuntimeVertex } from '../runtime/task/runtime-dag.js';
import type { CheckpointRecord } from '../runtime/checkpoint/checkpoint-stats.js';
import { jobVertices } from './job-vertices.js';
import { subtaskMetrics, vertexBackPressure } from './metric-responses.js';
import { vertexMetrics } from './vertex-metrics.js';
import { subtaskStateSizes } from './checkpoint-statistics.js';

/** A hand-built chain Source: s[3] -> Calc[2] -> Sink: t[1] (one subtask), its metrics on a clock the test moves. */
function chain() {
  const clock = { now: 0 };
  const metrics = () => new VertexMetrics(1, () => clock.now);
  const vertex = (name: string, consumers: Consumer[]) =>
    ({ operator: { name, processChunk: () => {} }, subtask: 0, parallelism: 1, description: name, inputs: 1, consumers, metrics: metrics() }) as RuntimeVertex;
  const sink = vertex('Sink: t[1]', []);
  const calc = vertex('Calc[2]', [{ vertex: sink, input: 0 }]);
  const source = { name: 'Source: s[3]', subtask: 0, parallelism: 1, consumers: [{ vertex: calc, input: 0, distribution: 'forward' }], metrics: metrics() } as unknown as RuntimeSource;
  const dag = { sources: [source], vertices: [sink, calc], sinks: [] } as unknown as RuntimeDag;
  const [record, ...rest] = jobVertices(dag, (name) => name);
  expect(rest).toEqual([]);
  return { clock, vertex: record!, source: source.metrics!, calc: calc.metrics!, sink: sink.metrics! };
}

describe('metrics of a chained vertex', () => {
  it('counts records at the head and tail, sums busy time (at most 1000 ms/s) and per-record means, takes back pressure from the head', () => {
    const { clock, vertex, source, calc, sink } = chain();
    expect(vertex.name).toBe('Source: s[3] -> Calc[2] -> Sink: t[1]');
    source.numRecordsOut = 100;
    source.busyMs = 300;
    clock.now = 200;
    source.backPressured(true);
    clock.now = 400;
    source.backPressured(false);
    calc.numRecordsIn = 100;
    calc.numRecordsOut = 50;
    calc.busyMs = 400;
    calc.chunkDone(100, 40);
    sink.numRecordsIn = 50;
    sink.busyMs = 100;
    sink.chunkDone(50, 10);
    clock.now = 1000;

    const m = subtaskMetrics(vertex.subtasks[0]!);
    expect(Object.fromEntries([...m].filter(([k]) => !k.includes('.')))).toEqual({
      numRecordsIn: '0', numRecordsOut: '0', numBytesIn: '0', numBytesOut: '0', numRecordsInPerSecond: '0.0', numRecordsOutPerSecond: '0.0',
      busyTimeMsPerSecond: '800.0', idleTimeMsPerSecond: '0', backPressuredTimeMsPerSecond: '200',
      // 0 (a source reads no records) + 400 ms / 100 + 100 ms / 50; the worst chunk: the Calc's 0.4 ms per record.
      taskOneRecordDealTime_mean: '6.0', taskOneRecordDealTime_max: '0.4',
    });
    // Each operator's own metrics under its scope (Flink's filter: ' ' → '_', ':' → '-').
    expect(m.get('Source-_s[3].numRecordsOut')).toBe('100');
    expect(m.has('Source-_s[3].currentInputWatermark')).toBe(false);
    expect(m.get('Calc[2].numRecordsIn')).toBe('100');
    expect(m.get('Calc[2].numRecordsOut')).toBe('50');
    expect(m.get('Calc[2].taskOneRecordDealTime_mean')).toBe('4.0');
    expect(m.get('Calc[2].taskOneRecordDealTime_max')).toBe('0.4');
    expect(m.get('Calc[2].currentInputWatermark')).toBe('-9223372036854775808');
    expect(m.get('Sink-_t[1].numRecordsIn')).toBe('50');
    expect(m.get('Sink-_t[1].taskOneRecordDealTime_mean')).toBe('2.0');
    expect(m.has('currentInputWatermark')).toBe(false);

    expect(vertexBackPressure(vertex, 0)).toMatchObject({ 'backpressure-level': 'low', subtasks: [{ ratio: 0.2, busyRatio: 0.8, idleRatio: 0 }] });
    expect(vertexMetrics(undefined as never, vertex)).toMatchObject({ 'read-records': 0, 'write-records': 0, 'read-records-complete': true, 'write-records-complete': true });

    // The next interval: 1,800 ms of busy time in a second is shown as 1000.
    source.busyMs += 600;
    calc.busyMs += 600;
    sink.busyMs += 600;
    clock.now = 2000;
    expect(subtaskMetrics(vertex.subtasks[0]!).get('busyTimeMsPerSecond')).toBe('1000.0');
    expect(subtaskMetrics(vertex.subtasks[0]!).get('idleTimeMsPerSecond')).toBe('0');
  });

  it('sums the checkpointed state of the chained operators', () => {
    const { vertex } = chain();
    const sizes = new Map([['Calc[2]', new Map([[0, 5]])], ['Sink: t[1]', new Map([[0, 7]])], ['Other[9]', new Map([[0, 1000]])]]);
    expect(subtaskStateSizes({ operatorSizes: sizes } as CheckpointRecord, vertex)).toEqual([12]);
  });
});
