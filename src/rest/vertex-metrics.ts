import { SinkOperator } from '../runtime/operators/sink-operator.js';
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
 * What the runner counts today: rows read from the sources (exact per source when there is one
 * source), rows written by each sink, and numRecordsIn/Out where an operator reports them. Other
 * counts are 0 with their `-complete` flag false; bytes are not counted.
 */
export function vertexMetrics(job: JobRecord, vertex: VertexRecord): IoMetrics {
  let read: number | undefined;
  let written: number | undefined;
  const { dag } = job.runner;
  const { node } = vertex;
  if (node.kind === 'source') {
    read = 0;
    if (dag.sources.length === 1) written = job.runner.rowsRead();
  } else if (node.vertex.operator instanceof SinkOperator) {
    read = node.vertex.operator.rowsWritten;
    written = 0;
  } else {
    const m = node.vertex.operator.metrics?.();
    read = m?.['numRecordsIn'];
    written = m?.['numRecordsOut'];
  }
  return {
    'read-bytes': 0,
    'read-bytes-complete': false,
    'write-bytes': 0,
    'write-bytes-complete': false,
    'read-records': read ?? 0,
    'read-records-complete': read !== undefined,
    'write-records': written ?? 0,
    'write-records-complete': written !== undefined,
  };
}
