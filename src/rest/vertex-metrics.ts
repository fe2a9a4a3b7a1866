import type { JobRecord } from './job-record.js';
import { subtaskMetricsOf, type TaskNodes, type VertexRecord } from './job-vertices.js';

/** Flink's IOMetricsInfo: records and bytes in and out of a vertex, and whether each count is complete. */
export interface IoMetrics {
  readonly 'read-bytes': number;
  readonly 'read-bytes-complete': boolean;
  readonly 'write-bytes': number;
  readonly 'write-bytes-complete': boolean;
  readonly 'read-records': number;
  readonly 'read-records-complete': boolean;
  readonly 'write-records': number;
  readonly 'write-records-complete': boolean;
}

/**
 * The records in and out of some subtasks (Flink's task-level numRecordsIn / numRecordsOut,
 * summed): what the chain's head reads (0 for a source) and what its tail sends, counted per chunk
 * by the runtime; complete when the head and tail of every subtask have metrics. Bytes are the
 * encoded chunks exchanged with other worker threads (exchanges within a thread are calls).
 */
function ioMetrics(tasks: readonly TaskNodes[]): IoMetrics {
  const heads = tasks.map((t) => subtaskMetricsOf(t[0]!));
  const tails = tasks.map((t) => subtaskMetricsOf(t.at(-1)!));
  const complete = [...heads, ...tails].every((m) => m !== undefined);
  return {
    'read-bytes': heads.reduce((n, m) => n + (m?.numBytesIn ?? 0), 0),
    'read-bytes-complete': complete,
    'write-bytes': tails.reduce((n, m) => n + (m?.numBytesOut ?? 0), 0),
    'write-bytes-complete': complete,
    'read-records': heads.reduce((n, m) => n + (m?.numRecordsIn ?? 0), 0),
    'read-records-complete': complete,
    'write-records': tails.reduce((n, m) => n + (m?.numRecordsOut ?? 0), 0),
    'write-records-complete': complete,
  };
}

/** One subtask's records in and out. */
export function subtaskIoMetrics(task: TaskNodes): IoMetrics {
  return ioMetrics([task]);
}

/** The vertex's records in and out, summed over its subtasks (as Flink's job details do). */
export function vertexMetrics(_job: JobRecord, vertex: VertexRecord): IoMetrics {
  return ioMetrics(vertex.subtasks);
}
