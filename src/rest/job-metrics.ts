import { externalPath } from './checkpoint-statistics.js';
import type { JobRecord } from './job-record.js';

/**
 * The job-scope metrics Flink's JobManager reports (values as its metric store keeps them,
 * strings): uptime and restarts, and the checkpoint gauges of its CheckpointStatsTracker, which
 * read -1 (or "n/a") until there is a completed checkpoint or a restore.
 */
export function jobMetrics(job: JobRecord, now = Date.now()): Map<string, string> {
  const stats = job.runner.checkpoints.stats;
  const { counts } = stats;
  // The gauges follow the newest completed checkpoint or savepoint.
  const last = [stats.latestCompleted, stats.latestSavepoint].filter((r) => r !== undefined).sort((a, b) => b.id - a.id)[0];
  const out = new Map<string, string>();
  out.set('uptime', String(job.ended ? 0 : job.duration(now)));
  out.set('downtime', '0');
  out.set('restartingTime', '0');
  out.set('numRestarts', String(job.numRestarts));
  out.set('totalNumberOfCheckpoints', String(counts.completed + counts.failed + counts.inProgress));
  out.set('numberOfInProgressCheckpoints', String(counts.inProgress));
  out.set('numberOfCompletedCheckpoints', String(counts.completed));
  out.set('numberOfFailedCheckpoints', String(counts.failed));
  out.set('lastCompletedCheckpointId', String(last?.id ?? -1));
  out.set('lastCheckpointDuration', String(last ? last.endTime - last.triggerTime : -1));
  out.set('lastCheckpointSize', String(last?.stateSize ?? -1));
  out.set('lastCheckpointFullSize', String(last?.stateSize ?? -1));
  out.set('lastCheckpointExternalPath', last?.location !== undefined ? externalPath(last.location) : 'n/a');
  out.set('lastCheckpointRestoreTimestamp', String(stats.restored?.time ?? -1));
  return out;
}

/** GET /jobs/:jobid/metrics: MetricCollectionResponseBody; the ids without `get`, else the ids asked for that exist. */
export function jobMetricCollection(job: JobRecord, get: string | null) {
  const metrics = jobMetrics(job);
  if (get === null) return [...metrics.keys()].map((id) => ({ id }));
  return get.split(',').map((s) => s.trim()).flatMap((id) => (metrics.has(id) ? [{ id, value: metrics.get(id)! }] : []));
}
