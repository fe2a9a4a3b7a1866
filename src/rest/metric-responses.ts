import { operatorCountersOf } from '../runtime/task/subtask-metrics.js';
import { MAX_WATERMARK } from '../runtime/task/source-driver.js';
import { nodeName, subtaskMetricsOf, type TaskNodes, type VertexRecord } from './job-vertices.js';

/** Java's Long.MIN_VALUE / MAX_VALUE as Flink prints them (beyond a JS number's exact range). */
const LONG_MIN = '-9223372036854775808';
const LONG_MAX = '9223372036854775807';

/** The aggregations of Flink's AggregatingMetricsHandler (`agg=`), in the order Flink lists them. */
export const AGGREGATIONS = ['min', 'max', 'avg', 'sum', 'skew'] as const;
type Aggregation = (typeof AGGREGATIONS)[number];

/** A double as Java's Double.toString writes it (Flink sends meters and double gauges so). */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return '0.0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e7) {
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** A watermark as Flink's Long gauge prints it: Long.MIN_VALUE before any, Long.MAX_VALUE at the end. */
function watermarkString(w: number | undefined): string {
  if (w === undefined) return LONG_MIN;
  return w >= MAX_WATERMARK ? LONG_MAX : String(w);
}

/**
 * Flink's metric query service filter for scope components (operator names): `"`, `<`, `>` removed,
 * space → `_`, `, = ; : ? ' *` → `-`.
 */
export function metricScope(name: string): string {
  return name.replace(/["<>]/g, '').replace(/ /g, '_').replace(/[,=;:?'*]/g, '-');
}

/** The task-level figures of one subtask of a (chained) vertex, as Flink's task metrics. */
interface TaskFigures {
  readonly numRecordsIn: number;
  readonly numRecordsOut: number;
  readonly numBytesIn: number;
  readonly numBytesOut: number;
  readonly numRecordsInPerSecond: number;
  readonly numRecordsOutPerSecond: number;
  readonly busyTimeMsPerSecond: number;
  readonly backPressuredTimeMsPerSecond: number;
  readonly idleTimeMsPerSecond: number;
  readonly oneRecordDealTimeMean: number;
  readonly oneRecordDealTimeMax: number;
}

/**
 * A subtask's task metrics from its chained operators' (undefined when the head or the tail has
 * none), as Flink counts them for the one task running the chain: records in at the head (0 for
 * a source) and out at the tail; busy time summed over the operators (at most 1000 ms/s); back
 * pressure at the head (a source waits for output credit there), idle the rest of the second; the
 * per-record time is the sum of the operators' per-record means (a record passes through each),
 * its maximum the highest of theirs.
 */
function taskFigures(task: TaskNodes): TaskFigures | undefined {
  const head = subtaskMetricsOf(task[0]!);
  const tail = subtaskMetricsOf(task.at(-1)!);
  if (!head || !tail) return undefined;
  const rates = task.flatMap((node) => subtaskMetricsOf(node)?.rates() ?? []);
  const headRates = head.rates();
  const busy = Math.min(1000, rates.reduce((n, r) => n + r.busyTimeMsPerSecond, 0));
  const backPressured = headRates.backPressuredTimeMsPerSecond;
  return {
    numRecordsIn: head.numRecordsIn,
    numRecordsOut: tail.numRecordsOut,
    numBytesIn: head.numBytesIn,
    numBytesOut: tail.numBytesOut,
    numRecordsInPerSecond: headRates.numRecordsInPerSecond,
    numRecordsOutPerSecond: tail.rates().numRecordsOutPerSecond,
    busyTimeMsPerSecond: busy,
    backPressuredTimeMsPerSecond: backPressured,
    idleTimeMsPerSecond: Math.max(0, Math.round(1000 - busy - backPressured)),
    oneRecordDealTimeMean: rates.reduce((n, r) => n + r.oneRecordDealTimeMean, 0),
    oneRecordDealTimeMax: Math.max(0, ...rates.map((r) => r.oneRecordDealTimeMax)),
  };
}

/**
 * The metrics of one subtask of a vertex by Flink's names, values as Flink's metric store keeps
 * them (strings): task metrics of the chain (`numRecordsIn`, …; see `taskFigures`) and, for every
 * chained operator, its own metrics under its name (`<operator>.<metric>`), with its per-record
 * time (`<operator>.taskOneRecordDealTime_mean`), to find the slow operator of a chain.
 */
export function subtaskMetrics(task: TaskNodes): Map<string, string> {
  const out = new Map<string, string>();
  const t = taskFigures(task);
  if (!t) return out;
  out.set('numRecordsIn', String(t.numRecordsIn));
  out.set('numRecordsOut', String(t.numRecordsOut));
  // Encoded bytes of the chunks exchanged with other threads (exchanges within a thread are calls).
  out.set('numBytesIn', String(t.numBytesIn));
  out.set('numBytesOut', String(t.numBytesOut));
  out.set('numRecordsInPerSecond', javaDouble(t.numRecordsInPerSecond));
  out.set('numRecordsOutPerSecond', javaDouble(t.numRecordsOutPerSecond));
  out.set('busyTimeMsPerSecond', javaDouble(t.busyTimeMsPerSecond));
  out.set('idleTimeMsPerSecond', String(t.idleTimeMsPerSecond));
  out.set('backPressuredTimeMsPerSecond', String(Math.round(t.backPressuredTimeMsPerSecond)));
  // Per-record processing time, as a Flink histogram's dump keys (`_mean`, `_max`) in ms.
  out.set('taskOneRecordDealTime_mean', javaDouble(t.oneRecordDealTimeMean));
  out.set('taskOneRecordDealTime_max', javaDouble(t.oneRecordDealTimeMax));
  // The task's input watermark is its head's (a source task has none).
  const head = task[0]!;
  if (head.kind === 'operator') out.set('currentInputWatermark', watermarkString(subtaskMetricsOf(head)!.currentInputWatermark()));
  for (const node of task) {
    const m = subtaskMetricsOf(node);
    if (!m) continue;
    const operator = metricScope(nodeName(node));
    if (node.kind === 'operator') {
      out.set(`${operator}.currentInputWatermark`, watermarkString(m.currentInputWatermark()));
      for (const [k, v] of Object.entries(operatorCountersOf(node.vertex) ?? {})) {
        if (k !== 'numRecordsIn' && k !== 'numRecordsOut') out.set(`${operator}.${k}`, String(v));
      }
    }
    const rates = m.rates();
    out.set(`${operator}.numRecordsIn`, String(m.numRecordsIn));
    out.set(`${operator}.numRecordsOut`, String(m.numRecordsOut));
    out.set(`${operator}.currentOutputWatermark`, watermarkString(m.outputWatermark));
    out.set(`${operator}.taskOneRecordDealTime_mean`, javaDouble(rates.oneRecordDealTimeMean));
    out.set(`${operator}.taskOneRecordDealTime_max`, javaDouble(rates.oneRecordDealTimeMax));
  }
  return out;
}

/**
 * GET /jobs/:jobid/vertices/:vertexid/metrics: MetricCollectionResponseBody. The metric store of a
 * vertex keys each subtask's metrics by subtask index (`0.numRecordsIn`, `1.numRecordsIn`, …);
 * without `get` Flink lists the ids, with `get` it answers the ids it knows, values as strings.
 */
export function vertexMetricCollection(vertex: VertexRecord, get: string | null) {
  const metrics = new Map<string, string>(vertex.subtasks.flatMap((task, i) => [...subtaskMetrics(task)].map(([k, v]): [string, string] => [`${i}.${k}`, v])));
  if (get === null) return [...metrics.keys()].map((id) => ({ id }));
  return requested(get).flatMap((id) => (metrics.has(id) ? [{ id, value: metrics.get(id)! }] : []));
}

/** The `agg` parameter, or an error message for an unknown aggregation. */
export function parseAggregations(agg: string | null): Aggregation[] | string {
  if (agg === null || agg.trim() === '') return [...AGGREGATIONS];
  const out: Aggregation[] = [];
  for (const a of agg.split(',').map((s) => s.trim().toLowerCase())) {
    if (!(AGGREGATIONS as readonly string[]).includes(a)) return `Cannot resolve value '${a}' of query parameter 'agg': expected one of ${AGGREGATIONS.join(', ')}.`;
    if (!out.includes(a as Aggregation)) out.push(a as Aggregation);
  }
  return out;
}

/**
 * Flink's DoubleDataSkew: the mean absolute deviation as a percentage of the mean (at most 100; 0
 * when the mean is 0).
 */
function skew(values: readonly number[], avg: number): number {
  if (values.length === 0 || avg === 0) return 0;
  const deviation = values.reduce((n, v) => n + Math.abs(avg - v), 0) / values.length;
  return Math.min((deviation / avg) * 100, 100);
}

/**
 * GET /jobs/:jobid/vertices/:vertexid/subtasks/metrics: without `get` the ids (no subtask prefix),
 * with `get` an AggregatedMetricsResponseBody over the subtasks for the metrics whose value is a
 * number (subtasks without the metric, or with a value that is not one, are left out).
 */
export function aggregatedSubtaskMetrics(vertex: VertexRecord, get: string | null, aggs: readonly Aggregation[]) {
  const perSubtask = vertex.subtasks.map((task) => subtaskMetrics(task));
  if (get === null) return [...new Set(perSubtask.flatMap((m) => [...m.keys()]))].map((id) => ({ id }));
  return requested(get).flatMap((id) => {
    const values = perSubtask.flatMap((m) => {
      const text = m.get(id);
      const value = text === undefined ? Number.NaN : Number(text);
      return Number.isNaN(value) ? [] : [value];
    });
    if (values.length === 0) return [];
    const sum = values.reduce((a, b) => a + b, 0);
    const avg = sum / values.length;
    const all: Record<Aggregation, number> = { min: Math.min(...values), max: Math.max(...values), avg, sum, skew: skew(values, avg) };
    return [{ id, ...Object.fromEntries(aggs.map((a) => [a, all[a]])) }];
  });
}

/** Flink's back-pressure levels by the share of time a subtask waited for output buffers. */
function backPressureLevel(ratio: number): 'ok' | 'low' | 'high' {
  return ratio <= 0.1 ? 'ok' : ratio <= 0.5 ? 'low' : 'high';
}

/**
 * GET /jobs/:jobid/vertices/:vertexid/backpressure: JobVertexBackPressureInfo, per subtask from
 * its back-pressured, busy and idle time over the last interval (its chain's task figures: busy
 * summed over the operators, back pressure at the head); the vertex's level is its worst
 * subtask's. (Sources back-pressure: they wait for exchange credit between worker threads.)
 */
export function vertexBackPressure(vertex: VertexRecord, attempt: number) {
  const subtasks = vertex.subtasks.map((task, subtask) => {
    const t = taskFigures(task);
    const busy = t?.busyTimeMsPerSecond ?? 0;
    const ratio = Math.round(t?.backPressuredTimeMsPerSecond ?? 0) / 1000;
    return {
      subtask,
      'attempt-number': attempt,
      'backpressure-level': backPressureLevel(ratio),
      ratio,
      idleRatio: Math.max(0, Math.round(1000 - busy - ratio * 1000)) / 1000,
      busyRatio: Math.round(busy) / 1000,
    };
  });
  return {
    status: 'ok',
    'backpressure-level': backPressureLevel(Math.max(0, ...subtasks.map((s) => s.ratio))),
    'end-timestamp': Date.now(),
    subtasks,
  };
}

function requested(get: string): string[] {
  return get.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
