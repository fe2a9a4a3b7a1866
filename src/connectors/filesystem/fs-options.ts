/** Options of the `filesystem` connector (Flink 1.20's FileSystemConnectorOptions) and format lookup. */
import type { ConfigOption } from '../../catalog/config-option.js';
import type { TableContext } from '../connector.js';
import { noFactoryError } from '../option-validation.js';
import type { FormatContext, FormatFactory } from '../formats/format.js';
import { csvFormatFactory } from '../formats/csv/csv-format.js';
import { debeziumJsonFormatFactory } from '../formats/debezium-json/debezium-json-format.js';
import { jsonFormatFactory } from '../formats/json/json-format.js';
import { rawFormatFactory } from '../formats/raw/raw-format.js';
import { PlanError } from '../../types/errors.js';
import { ROW } from '../../types/data-type.js';

const opt = (key: string, description: string, defaultValue?: string): ConfigOption =>
  defaultValue === undefined ? { key, description } : { key, description, defaultValue };

export const FS_OPTIONS = {
  path: opt('path', 'The path of a directory or a file.'),
  format: opt('format', 'The format of the files: json, csv or raw.'),
  partitionDefaultName: opt('partition.default-name', 'Partition name for null or empty partition values.', '__DEFAULT_PARTITION__'),
  sourceMonitorInterval: opt('source.monitor-interval', 'Interval to look for new files; unbounded monitoring when set.'),
  sourceReportStatistics: opt('source.report-statistics', 'Accepted; statistics are not reported.', 'ALL'),
  sourcePathRegexPattern: opt('source.path.regex-pattern', 'Only files whose path matches this regular expression are read.'),
  rollingFileSize: opt('sink.rolling-policy.file-size', 'Maximum part file size before rolling.', '128MB'),
  rollingRolloverInterval: opt('sink.rolling-policy.rollover-interval', 'Maximum time a part file stays open.', '30 min'),
  rollingInactivityInterval: opt('sink.rolling-policy.inactivity-interval', 'Accepted; checked at writes.', '30 min'),
  rollingCheckInterval: opt('sink.rolling-policy.check-interval', 'Accepted; rolling is checked at each write.', '1 min'),
  shuffleByPartition: opt('sink.shuffle-by-partition.enable', 'Accepted; no effect on the embedded engine.', 'false'),
  timeExtractorKind: opt('partition.time-extractor.kind', 'Accepted for partition commit.', 'default'),
  timeExtractorClass: opt('partition.time-extractor.class', 'Accepted for partition commit.'),
  timeExtractorFormatter: opt('partition.time-extractor.timestamp-formatter', 'Accepted for partition commit.', 'yyyy-MM-dd HH:mm:ss'),
  timeExtractorPattern: opt('partition.time-extractor.timestamp-pattern', 'Accepted for partition commit.'),
  commitTrigger: opt('sink.partition-commit.trigger', 'Accepted; partitions are committed at checkpoints and at end of input.', 'process-time'),
  commitDelay: opt('sink.partition-commit.delay', 'Accepted.', '0 s'),
  commitWatermarkTimeZone: opt('sink.partition-commit.watermark-time-zone', 'Accepted.', 'UTC'),
  commitPolicyKind: opt('sink.partition-commit.policy.kind', "Commit policies; 'success-file' writes a success file."),
  commitPolicyClass: opt('sink.partition-commit.policy.class', 'Accepted; custom policies are not run.'),
  commitPolicyClassParameters: opt('sink.partition-commit.policy.class.parameters', 'Accepted.'),
  commitSuccessFileName: opt('sink.partition-commit.success-file.name', 'Name of the success file.', '_SUCCESS'),
  autoCompaction: opt('auto-compaction', 'Accepted and ignored: files are not compacted.', 'false'),
  compactionFileSize: opt('compaction.file-size', 'Accepted and ignored.'),
  sinkParallelism: opt('sink.parallelism', 'Parallelism of the sink.'),
} as const;

const FORMATS: ReadonlyMap<string, FormatFactory> = new Map(
  [csvFormatFactory, debeziumJsonFormatFactory, jsonFormatFactory, rawFormatFactory].map((f) => [f.identifier, f]),
);

/** Resolves the table's format and the context its decoder/encoder is built with. */
export function formatOf(ctx: TableContext): { factory: FormatFactory; fctx: FormatContext } {
  const id = ctx.options.get('format');
  if (id === undefined) throw new PlanError("Table options do not contain an option key 'format' for discovering a format.");
  const factory = FORMATS.get(id);
  if (factory === undefined) throw noFactoryError(id, 'DeserializationFormatFactory', FORMATS.keys());
  const prefix = `${id}.`;
  const options = new Map<string, string>();
  for (const [k, v] of ctx.options) if (k.startsWith(prefix)) options.set(k.slice(prefix.length), v);
  const partitions = new Set(ctx.partitionKeys);
  const rowType = ROW(ctx.physicalType.fields.filter((f) => !partitions.has(f.name)));
  return { factory, fctx: { rowType, options, session: ctx.session } };
}

