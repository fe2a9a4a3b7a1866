import { FLINK_REVISION, FLINK_VERSION } from './flink-version.js';
import type { JobRecord } from './job-record.js';
import { slots } from './task-managers.js';

/** GET /config: DashboardConfiguration (what Flink's web UI reads first). */
export function dashboardConfiguration(timeZone: string) {
  const now = new Date();
  return {
    'refresh-interval': 3000,
    'timezone-name': timeZone,
    'timezone-offset': zoneOffsetMillis(timeZone, now),
    'flink-version': FLINK_VERSION,
    'flink-revision': FLINK_REVISION,
    features: { 'web-submit': false, 'web-cancel': true },
  };
}

/**
 * GET /overview: ClusterOverviewWithVersion; the embedded engine is one task manager, its slots
 * as /taskmanagers reports them.
 */
export function clusterOverview(jobs: readonly JobRecord[]) {
  const count = (...states: string[]) => jobs.filter((j) => states.includes(j.state)).length;
  const running = count('RUNNING', 'CANCELLING');
  const { total, free } = slots(jobs);
  return {
    taskmanagers: 1,
    'slots-total': total,
    'slots-available': free,
    'jobs-running': running,
    'jobs-finished': count('FINISHED'),
    'jobs-cancelled': count('CANCELED'),
    'jobs-failed': count('FAILED'),
    'flink-version': FLINK_VERSION,
    'flink-commit': FLINK_REVISION,
  };
}

/** The zone's offset from UTC at `at`, in ms (Flink sends TimeZone.getOffset). */
function zoneOffsetMillis(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}
