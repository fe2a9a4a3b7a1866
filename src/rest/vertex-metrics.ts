import { metricsOf } from './metric-responses.js';
import type { JobRecord, VertexRecord } from './job-record.js';

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
 * The vertex's records in and out (Flink's numRecordsIn / numRecordsOut of its subtask), counted
 * per chunk by the runtime; bytes are not counted (0, `-complete` false).
 */
export function vertexMetrics(_job: JobRecord, vertex: VertexRecord): IoMetrics {
  const m = metricsOf(vertex);
  return {
    'read-bytes': 0,
    'read-bytes-complete': false,
    'write-bytes': 0,
    'write-bytes-complete': false,
    'read-records': m?.numRecordsIn ?? 0,
    'read-records-complete': m !== undefined,
    'write-records': m?.numRecordsOut ?? 0,
    'write-records-complete': m !== undefined,
  };
}
