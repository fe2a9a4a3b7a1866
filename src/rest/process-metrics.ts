import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { javaDouble } from './metric-responses.js';

/** V8's collectors by the kind perf_hooks reports, named as Flink names a JVM's (`Status.JVM.GarbageCollector.<name>`). */
const COLLECTORS: ReadonlyMap<number, string> = new Map([
  [constants.NODE_PERFORMANCE_GC_MINOR, 'Scavenge'],
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'MarkSweepCompact'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'IncrementalMarking'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'ProcessWeakCallbacks'],
]);

/** Collections and their total time (ms) per collector, counted from when the sampler started. */
export interface CollectorStats {
  readonly name: string;
  count: number;
  time: number;
}

/**
 * What the process reports as Flink's JVM `Status` metrics: heap from V8 (used, committed =
 * the heap V8 has reserved, max = its limit), CPU load over the interval since the previous
 * reading (Flink's ProcessCpuLoad: a fraction of all cores), threads, and the garbage collections
 * perf_hooks observes once the REST API is up (a JVM counts from its start).
 */
export class ProcessMetrics {
  readonly collectors: readonly CollectorStats[] = [...COLLECTORS.values()].map((name) => ({ name, count: 0, time: 0 }));
  private readonly observer: PerformanceObserver;
  private lastCpu = process.cpuUsage();
  private lastWall = performance.now();
  private load = 0;

  constructor() {
    const byName = new Map(this.collectors.map((c) => [c.name, c]));
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
        const c = byName.get(COLLECTORS.get(kind ?? -1) ?? '');
        if (!c) continue;
        c.count++;
        c.time += e.duration;
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Heap bytes: used ≤ committed ≤ max. */
  heap(): { used: number; committed: number; max: number } {
    const h = getHeapStatistics();
    return { used: h.used_heap_size, committed: h.total_heap_size, max: h.heap_size_limit };
  }

  /** The process's CPU use since the previous reading (at least 100 ms back), as a fraction of all cores. */
  cpuLoad(): number {
    const wall = performance.now();
    if (wall - this.lastWall >= 100) {
      const cpu = process.cpuUsage(this.lastCpu);
      this.load = Math.min(1, (cpu.user + cpu.system) / 1000 / (wall - this.lastWall) / availableParallelism());
      this.lastCpu = process.cpuUsage();
      this.lastWall = wall;
    }
    return this.load;
  }

  /** The process's threads (Linux's /proc; else the main thread and libuv's default pool of 4). */
  threads(): number {
    try {
      const m = /^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
      if (m) return Number(m[1]);
    } catch {
      // Not Linux.
    }
    return 1 + Number(process.env['UV_THREADPOOL_SIZE'] ?? 4);
  }

  /**
   * The JVM `Status` metrics both Flink's JobManager and TaskManager report, by Flink's names,
   * values as its metric store keeps them (strings): the JobManager and the TaskManager are
   * this one process.
   */
  statusMetrics(): Map<string, string> {
    const out = new Map<string, string>();
    const heap = this.heap();
    out.set('Status.JVM.Memory.Heap.Used', String(heap.used));
    out.set('Status.JVM.Memory.Heap.Committed', String(heap.committed));
    out.set('Status.JVM.Memory.Heap.Max', String(heap.max));
    out.set('Status.JVM.CPU.Load', javaDouble(this.cpuLoad()));
    const cpu = process.cpuUsage();
    // Flink's Status.JVM.CPU.Time: the process's CPU time in ns.
    out.set('Status.JVM.CPU.Time', String((cpu.user + cpu.system) * 1000));
    out.set('Status.JVM.Threads.Count', String(this.threads()));
    for (const c of this.collectors) {
      out.set(`Status.JVM.GarbageCollector.${c.name}.Count`, String(c.count));
      out.set(`Status.JVM.GarbageCollector.${c.name}.Time`, String(Math.round(c.time)));
    }
    return out;
  }
}

let shared: ProcessMetrics | undefined;

/** The process's sampler, started on first use (when the REST API starts). */
export function processMetrics(): ProcessMetrics {
  return (shared ??= new ProcessMetrics());
}

/** Flink's MetricCollectionResponseBody over `metrics`: the ids without `get`, else the ids asked for that exist. */
export function metricCollection(metrics: ReadonlyMap<string, string>, get: string | null) {
  if (get === null) return [...metrics.keys()].map((id) => ({ id }));
  return get.split(',').map((s) => s.trim()).flatMap((id) => (metrics.has(id) ? [{ id, value: metrics.get(id)! }] : []));
}
