import type { CommittedFile, HarnessJob } from './sigkill-harness.js';

/** Checkpoints every `interval` into the harness's directory, at `parallelism` (worker threads above 1). */
const checkpointing = (dir: string, interval: string, parallelism = 1) => `
SET 'execution.checkpointing.interval' = '${interval}';
SET 'state.checkpoints.dir' = '${dir}';
SET 'parallelism.default' = '${parallelism}';
`;

/** A paced sequence 1..rows: deterministic, so every attempt reads the same rows. */
const sequence = (name: string, rows: number, rate: number, extra = '') => `
CREATE TABLE ${name} (id BIGINT${extra}) WITH (
  'connector' = 'datagen', 'rows-per-second' = '${rate}',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '${rows}'
);`;

const sortedLines = (files: readonly CommittedFile[]) => files.flatMap((f) => f.lines).sort();

/**
 * The table a debezium-json changelog leaves, keyed by `key`: files in the order the sink wrote
 * them (part numbers continue across restores), records in file order.
 */
function upsertTable(files: readonly CommittedFile[], key: string): string[] {
  const partNumber = (f: CommittedFile) => Number(/-(\d+)$/.exec(f.path)?.[1] ?? 0);
  const table = new Map<unknown, string>();
  for (const f of [...files].sort((a, b) => partNumber(a) - partNumber(b))) {
    for (const line of f.lines) {
      const { before, after } = JSON.parse(line) as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
      if (after) table.set(after[key], JSON.stringify(after));
      else if (before) table.delete(before[key]);
    }
  }
  return [...table.values()].sort();
}

export interface JobSize {
  readonly rows: number;
  readonly rate: number;
  readonly interval: string;
  readonly parallelism?: number;
}

/** The three jobs the issue names: a windowed aggregation, an updating aggregation (upserts checked on the final table), a join. */
export function harnessJobs(size: JobSize): HarnessJob[] {
  const { rows, rate, interval, parallelism } = size;
  return [
    {
      name: 'window',
      sql: (d) => `${checkpointing(d.checkpoints, interval, parallelism)}
${sequence('src', rows, rate, ", ts AS TO_TIMESTAMP_LTZ(id * 10, 3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND")}
CREATE TABLE out (window_start TIMESTAMP_LTZ(3), window_end TIMESTAMP_LTZ(3), cnt BIGINT, total BIGINT)
  WITH ('connector' = 'filesystem', 'path' = '${d.out}', 'format' = 'csv');
INSERT INTO out
SELECT window_start, window_end, COUNT(*), SUM(id)
FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND))
GROUP BY window_start, window_end;
`,
      result: sortedLines,
    },
    {
      name: 'updating-aggregation',
      sql: (d) => `${checkpointing(d.checkpoints, interval, parallelism)}
${sequence('src', rows, rate)}
CREATE TABLE out (k BIGINT, cnt BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED)
  WITH ('connector' = 'filesystem', 'path' = '${d.out}', 'format' = 'debezium-json');
INSERT INTO out SELECT id % 17, COUNT(*), SUM(id) FROM src GROUP BY id % 17;
`,
      result: (files) => upsertTable(files, 'k'),
    },
    {
      name: 'join',
      sql: (d) => `${checkpointing(d.checkpoints, interval, parallelism)}
${sequence('a', rows, rate)}
${sequence('b', rows, rate, ', twice AS id * 2')}
CREATE TABLE out (a_id BIGINT, b_id BIGINT) WITH ('connector' = 'filesystem', 'path' = '${d.out}', 'format' = 'csv');
INSERT INTO out SELECT a.id, b.id FROM a JOIN b ON a.id = b.twice;
`,
      result: sortedLines,
    },
  ];
}
