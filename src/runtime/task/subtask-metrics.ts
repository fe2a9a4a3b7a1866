import type { MetricsReport, VertexMetrics } from './vertex-metrics.js';
import type { Operator } from '../operators/operator.js';
import type { RuntimeDag } from './runtime-dag.js';

/**
 * A subtask's operator counters (e.g. numLateRecordsDropped): as mirrored from the worker thread
 * that runs it, or its operator's own when it runs here.
 */
export function operatorCountersOf(v: { readonly operator: Operator; readonly metrics?: VertexMetrics | undefined }): Readonly<Record<string, number>> | undefined {
  return v.metrics?.operatorCounters ?? v.operator.metrics?.();
}

/** One subtask's counters, as a worker thread reports them. */
export interface SubtaskMetrics {
  readonly name: string;
  readonly subtask: number;
  readonly report: MetricsReport;
  readonly operator?: Readonly<Record<string, number>>;
}

/** The counters of every source and operator subtask a DAG runs (exchange senders are part of edges). */
export function collectMetrics(dag: RuntimeDag): SubtaskMetrics[] {
  const out: SubtaskMetrics[] = [];
  for (const s of dag.sources) if (s.metrics) out.push({ name: s.name, subtask: s.subtask, report: s.metrics.report() });
  for (const v of dag.vertices) {
    if (v.exchange || !v.metrics) continue;
    const operator = v.operator.metrics?.();
    out.push({ name: v.operator.name, subtask: v.subtask, report: v.metrics.report(), ...(operator ? { operator } : {}) });
  }
  return out;
}

/** The counters of `view` by `<name>/<subtask>`, where reported counters are copied to. */
export type MetricsView = ReadonlyMap<string, VertexMetrics>;

/** Indexes `view`, the whole job's DAG the REST API shows (built but never run when the job runs on worker threads). */
export function metricsView(view: RuntimeDag): MetricsView {
  const byKey = new Map<string, VertexMetrics>();
  for (const s of view.sources) if (s.metrics) byKey.set(`${s.name}/${s.subtask}`, s.metrics);
  for (const v of view.vertices) if (v.metrics && !v.exchange) byKey.set(`${v.operator.name}/${v.subtask}`, v.metrics);
  return byKey;
}

/** Copies reported counters into the view, subtask by subtask. */
export function applyMetrics(view: MetricsView, reports: readonly SubtaskMetrics[]): void {
  for (const r of reports) view.get(`${r.name}/${r.subtask}`)?.absorb(r.report, r.operator ?? {});
}
