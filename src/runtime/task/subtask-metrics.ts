import type { MetricsReport } from './vertex-metrics.js';
import type { RuntimeDag } from './runtime-dag.js';

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

/**
 * Copies reported counters into `view`, the whole job's DAG the REST API shows (built but never
 * run when the job runs on worker threads), subtask by subtask.
 */
export function applyMetrics(view: RuntimeDag, reports: readonly SubtaskMetrics[]): void {
  const byKey = new Map<string, { absorb: (r: MetricsReport, op: Readonly<Record<string, number>> | undefined) => void }>();
  for (const s of view.sources) if (s.metrics) byKey.set(`${s.name}/${s.subtask}`, s.metrics);
  for (const v of view.vertices) if (v.metrics && !v.exchange) byKey.set(`${v.operator.name}/${v.subtask}`, v.metrics);
  for (const r of reports) byKey.get(`${r.name}/${r.subtask}`)?.absorb(r.report, r.operator ?? {});
}
