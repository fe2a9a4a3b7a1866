import { MAX_WATERMARK } from '../runtime/task/job-runner.js';
import { subtaskMetricsOf, type SubtaskNode, type VertexRecord } from './job-vertices.js';

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
function metricScope(name: string): string {
  return name.replace(/["<>]/g, '').replace(/ /g, '_').replace(/[,=;:?'*]/g, '-');
}

/**
 * The metrics of one subtask of a vertex by Flink's names, values as Flink's metric store keeps
 * them (strings): task metrics (`numRecordsIn`, …) and operator metrics (`<operator>.<metric>`).
 */
export function subtaskMetrics(vertex: VertexRecord, node: SubtaskNode): Map<string, string> {
  const out = new Map<string, string>();
  const m = subtaskMetricsOf(node);
  if (!m) return out;
  const rates = m.rates();
  const busy = rates.busyTimeMsPerSecond;
  out.set('numRecordsIn', String(m.numRecordsIn));
  out.set('numRecordsOut', String(m.numRecordsOut));
  out.set('numRecordsInPerSecond', javaDouble(rates.numRecordsInPerSecond));
  out.set('numRecordsOutPerSecond', javaDouble(rates.numRecordsOutPerSecond));
  out.set('busyTimeMsPerSecond', javaDouble(busy));
  const backPressured = rates.backPressuredTimeMsPerSecond;
  out.set('idleTimeMsPerSecond', String(Math.max(0, Math.round(1000 - busy - backPressured))));
  out.set('backPressuredTimeMsPerSecond', String(Math.round(backPressured)));
  // Per-record processing time, as a Flink histogram's dump keys (`_mean`, `_max`) in ms.
  out.set('taskOneRecordDealTime_mean', javaDouble(rates.oneRecordDealTimeMean));
  out.set('taskOneRecordDealTime_max', javaDouble(rates.oneRecordDealTimeMax));
  const operator = metricScope(vertex.name);
  if (node.kind === 'operator') {
    out.set('currentInputWatermark', watermarkString(m.currentInputWatermark()));
    out.set(`${operator}.currentInputWatermark`, watermarkString(m.currentInputWatermark()));
    for (const [k, v] of Object.entries(node.vertex.metrics?.operatorCounters ?? node.vertex.operator.metrics?.() ?? {})) {
      if (k !== 'numRecordsIn' && k !== 'numRecordsOut') out.set(`${operator}.${k}`, String(v));
    }
  }
  out.set(`${operator}.numRecordsIn`, String(m.numRecordsIn));
  out.set(`${operator}.numRecordsOut`, String(m.numRecordsOut));
  out.set(`${operator}.currentOutputWatermark`, watermarkString(m.outputWatermark));
  return out;
}

/**
 * GET /jobs/:jobid/vertices/:vertexid/metrics: MetricCollectionResponseBody. The metric store of a
 * vertex keys each subtask's metrics by subtask index (`0.numRecordsIn`, `1.numRecordsIn`, …);
 * without `get` Flink lists the ids, with `get` it answers the ids it knows, values as strings.
 */
export function vertexMetricCollection(vertex: VertexRecord, get: string | null) {
  const metrics = new Map<string, string>(vertex.subtasks.flatMap((node, i) => [...subtaskMetrics(vertex, node)].map(([k, v]): [string, string] => [`${i}.${k}`, v])));
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
  const perSubtask = vertex.subtasks.map((node) => subtaskMetrics(vertex, node));
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
 * its back-pressured, busy and idle time over the last interval; the vertex's level is its worst
 * subtask's. (Sources back-pressure: they wait for exchange credit between worker threads.)
 */
export function vertexBackPressure(vertex: VertexRecord, attempt: number) {
  const subtasks = vertex.subtasks.map((node, subtask) => {
    const rates = subtaskMetricsOf(node)?.rates();
    const busy = rates?.busyTimeMsPerSecond ?? 0;
    const ratio = Math.round(rates?.backPressuredTimeMsPerSecond ?? 0) / 1000;
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
