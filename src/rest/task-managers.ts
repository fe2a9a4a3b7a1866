import { createHash } from 'node:crypto';
import { availableParallelism, hostname, totalmem } from 'node:os';
import type { JobRecord } from './job-record.js';
import { processMetrics } from './process-metrics.js';

/** The one TaskManager's ResourceID (32 hex characters, as Flink's spec gives it): this process's. */
export const TASK_MANAGER_ID = createHash('md5').update(`${hostname()}:${process.pid}:${Date.now()}`).digest('hex');

/** Its RPC path, as a MiniCluster's first TaskManager has it. */
const TASK_MANAGER_PATH = 'pekko://flink/user/rpc/taskmanager_0';

const MB = 1024 * 1024;

/** The jobs holding slots: those not ended (a restarting job keeps its slots). */
function activeJobs(jobs: readonly JobRecord[]): JobRecord[] {
  return jobs.filter((j) => !j.ended);
}

/** A job's slots under slot sharing: its widest vertex's parallelism. */
function slotsOf(job: JobRecord): number {
  return Math.max(1, ...job.vertices.map((v) => v.parallelism));
}

/**
 * The TaskManager's slots, sized as Flink's local executor sizes a MiniCluster's (as many as the
 * job's widest vertex needs): the most any job has needed, or what the running jobs hold now if
 * more; the running jobs' slots are taken.
 */
export function slots(jobs: readonly JobRecord[]): { total: number; free: number } {
  const used = activeJobs(jobs).reduce((n, j) => n + slotsOf(j), 0);
  const total = Math.max(1, used, ...jobs.map(slotsOf));
  return { total, free: total - used };
}

/**
 * Flink's ResourceProfileInfo of `fraction` of the TaskManager: the cores and the heap (MB) of
 * the process; weir has no managed, network or off-heap task memory.
 */
function resourceProfile(fraction: number) {
  return {
    cpuCores: availableParallelism() * fraction,
    taskHeapMemory: Math.floor((processMetrics().heap().max / MB) * fraction),
    taskOffHeapMemory: 0,
    managedMemory: 0,
    networkMemory: 0,
    extendedResources: {},
  };
}

/**
 * Flink's TaskManagerInfo of the process. Exchanges are in-process calls (no data port) and
 * there is no JMX (-1 both, as Flink reports an unset port); `timeSinceLastHeartbeat` is the
 * last heartbeat's time, as Flink sends it — now, the TaskManager being this process.
 * `hardware.freeMemory` is the heap limit (Flink's is the JVM's max heap); the memory
 * configuration is all task heap.
 */
export function taskManagerInfo(jobs: readonly JobRecord[]) {
  const { total, free } = slots(jobs);
  const heapMax = processMetrics().heap().max;
  return {
    id: TASK_MANAGER_ID,
    path: TASK_MANAGER_PATH,
    dataPort: -1,
    jmxPort: -1,
    timeSinceLastHeartbeat: Date.now(),
    slotsNumber: total,
    freeSlots: free,
    totalResource: resourceProfile(1),
    freeResource: resourceProfile(free / total),
    hardware: { cpuCores: availableParallelism(), physicalMemory: totalmem(), freeMemory: heapMax, managedMemory: 0 },
    memoryConfiguration: {
      frameworkHeap: 0, taskHeap: heapMax, frameworkOffHeap: 0, taskOffHeap: 0, networkMemory: 0, managedMemory: 0,
      jvmMetaspace: 0, jvmOverhead: 0, totalFlinkMemory: heapMax, totalProcessMemory: heapMax,
    },
    blocked: false,
  };
}

/** GET /taskmanagers: TaskManagersInfo with the one TaskManager. */
export function taskManagersInfo(jobs: readonly JobRecord[]) {
  return { taskmanagers: [taskManagerInfo(jobs)] };
}

/**
 * GET /taskmanagers/:taskmanagerid: TaskManagerDetailsInfo — the TaskManagerInfo, a slot per
 * running job's slot, and TaskManagerMetricsInfo from the metric store (Flink's handler reads
 * 0 for the metrics a TaskManager does not report: non-heap, direct and mapped buffers, memory
 * segments, netty shuffle).
 */
export function taskManagerDetails(jobs: readonly JobRecord[]) {
  const pm = processMetrics();
  const heap = pm.heap();
  const { total } = slots(jobs);
  return {
    ...taskManagerInfo(jobs),
    allocatedSlots: activeJobs(jobs).flatMap((j) => Array.from({ length: slotsOf(j) }, () => ({ jobId: j.id, resource: resourceProfile(1 / total) }))),
    metrics: {
      heapUsed: heap.used, heapCommitted: heap.committed, heapMax: heap.max,
      nonHeapUsed: 0, nonHeapCommitted: 0, nonHeapMax: 0,
      directCount: 0, directUsed: 0, directMax: 0, mappedCount: 0, mappedUsed: 0, mappedMax: 0,
      memorySegmentsAvailable: 0, memorySegmentsTotal: 0,
      nettyShuffleMemorySegmentsAvailable: 0, nettyShuffleMemorySegmentsUsed: 0, nettyShuffleMemorySegmentsTotal: 0,
      nettyShuffleMemoryAvailable: 0, nettyShuffleMemoryUsed: 0, nettyShuffleMemoryTotal: 0,
      garbageCollectors: pm.collectors.map((c) => ({ name: c.name, count: c.count, time: Math.round(c.time) })),
    },
  };
}

/** GET /taskmanagers/:taskmanagerid/metrics: the TaskManager's `Status` metrics, by Flink's names. */
export function taskManagerMetrics(): Map<string, string> {
  return processMetrics().statusMetrics();
}

/**
 * GET /jobmanager/metrics: the same process's `Status` metrics, and the JobManager's cluster
 * gauges (`numRegisteredTaskManagers`, `numRunningJobs`, `taskSlotsAvailable`, `taskSlotsTotal`),
 * consistent with /overview.
 */
export function jobManagerMetrics(jobs: readonly JobRecord[]): Map<string, string> {
  const out = processMetrics().statusMetrics();
  const { total, free } = slots(jobs);
  out.set('numRegisteredTaskManagers', '1');
  // As /overview's `jobs-running`.
  out.set('numRunningJobs', String(jobs.filter((j) => j.state === 'RUNNING' || j.state === 'CANCELLING').length));
  out.set('taskSlotsAvailable', String(free));
  out.set('taskSlotsTotal', String(total));
  return out;
}
