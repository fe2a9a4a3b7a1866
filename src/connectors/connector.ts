import type { ConfigOption } from '../catalog/config-option.js';
import type { ChangelogMode } from '../types/changelog-mode.js';
import type { DataType, RowType } from '../types/data-type.js';
import type { Chunk, Row } from '../types/row.js';
import type { FunctionContext } from '../functions/function-def.js';

/** What a factory is given to create a source or sink for one table. */
export interface TableContext {
  /** Fully qualified, for messages: `default_catalog.default_database.orders`. */
  readonly tableName: string;
  /** Physical columns only (no computed or metadata columns), in declaration order. */
  readonly physicalType: RowType;
  /** Primary key column names, if declared. */
  readonly primaryKey?: readonly string[];
  readonly partitionKeys: readonly string[];
  /** The table's WITH options, as written. */
  readonly options: ReadonlyMap<string, string>;
  /** Session-level settings (time zone, clock). */
  readonly session: FunctionContext;
}

/** A connector's factory, looked up by its `connector` option value. */
export interface ConnectorFactory {
  readonly identifier: string;
  readonly requiredOptions: readonly ConfigOption[];
  readonly optionalOptions: readonly ConfigOption[];
  /** Option-key prefixes passed through unchecked (e.g. `properties.`), and formats' own prefixes are allowed automatically. */
  readonly prefixOptions?: readonly string[];
  /** Whether the connector takes a `format` option (its format's options are then validated too). */
  readonly usesFormat?: boolean;
  createSource?(ctx: TableContext): TableSource;
  createSink?(ctx: TableContext): TableSink;
}

export interface TableSource {
  readonly changelogMode: ChangelogMode;
  readonly bounded: boolean;
  /** Whether readers of several subtasks split the input among them; otherwise the scan runs as one subtask. */
  readonly splittable?: boolean;
  /** Whether the table can be the right side of a lookup join (Flink's LookupTableSource). */
  readonly supportsLookup?: boolean;
  /** A lookup join's reader of this table by the given columns (present when `supportsLookup`). */
  lookup?(ctx: LookupContext): LookupFunction;
  /** Readable metadata keys and their types (`METADATA FROM 'key'`). */
  readonly metadata: ReadonlyMap<string, DataType>;
  /**
   * One reader per parallel subtask. Rows are the physical columns in order followed by the
   * requested metadata keys' values in the order given.
   */
  createReader(ctx: ReaderContext): SourceReader;
}

/** What a lookup join asks of a lookup source (Flink's LookupTableSource.LookupContext). */
export interface LookupContext {
  /** Positions of the lookup columns in the produced row (physical columns, then metadata). */
  readonly keys: readonly number[];
  /** Metadata keys produced after the physical columns, as for a scan. */
  readonly metadataKeys: readonly string[];
  /** Processing time in epoch millis (cache expiry and reloads); injectable for tests. */
  readonly now: () => number;
}

/**
 * Rows of the table whose lookup columns equal `key` (values in `LookupContext.keys` order), as of
 * processing time. The connector applies its cache options (lookup.cache …).
 */
export interface LookupFunction {
  /** Called when the job starts, before any lookup (a FULL cache loads the table here, as Flink does). */
  open?(): Promise<void>;
  lookup(key: readonly unknown[]): Promise<readonly Row[]>;
  /** `lookup.async`: the join may keep several lookups in flight (table.exec.async-lookup.buffer-capacity). */
  readonly async?: boolean;
  close?(): Promise<void>;
}

export interface ReaderContext {
  readonly subtask: number;
  readonly parallelism: number;
  readonly metadataKeys: readonly string[];
  /** Called for each record skipped by a format's ignore-parse-errors (metric numRecordsInErrors). */
  readonly onSkippedRecord?: (reason: string) => void;
}

/** A watermark a source emits itself (event-time millis), between chunks. */
export interface SourceWatermark {
  readonly watermark: number;
}

/**
 * Where a reader stands, as a checkpoint records it: plain JSON (numbers, strings, booleans, null,
 * arrays, objects), stable across weir versions, so a checkpoint restores after an upgrade.
 */
export type SourcePosition = unknown;

/** A pull-based reader. Sources with a rate wait inside `poll`. */
export interface SourceReader {
  /**
   * The next chunk (or a watermark the source emits itself), or null once a bounded source is
   * exhausted. Throws RuntimeError on bad input.
   */
  poll(): Promise<Chunk | SourceWatermark | null>;
  /**
   * The position after everything `poll` has returned so far (called only between polls, never
   * while one is pending). Restoring it must continue with exactly the next chunk or watermark:
   * no row read twice, none skipped. Readers without it make checkpoints decline.
   */
  position?(): SourcePosition;
  /** Continues from a `position()` of a reader of the same table and subtask; called before the first poll. */
  restore?(position: SourcePosition): void | Promise<void>;
  close(): Promise<void>;
}

export interface TableSink {
  /** The changelog the sink accepts, given what the query produces (Flink's getChangelogMode). */
  acceptedChangelogMode(requested: ChangelogMode): ChangelogMode;
  /** Writable metadata keys and their types. */
  readonly metadata: ReadonlyMap<string, DataType>;
  /** Whether INSERT OVERWRITE is possible (Flink's SupportsOverwrite). */
  readonly supportsOverwrite?: boolean;
  createWriter(ctx: WriterContext): SinkWriter;
}

export interface WriterContext {
  readonly subtask: number;
  readonly parallelism: number;
  readonly metadataKeys: readonly string[];
  /** Where print-like sinks write (stdout / stderr by default); injectable for tests. */
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

/**
 * Writes rows: physical columns then requested metadata. `finish` is called once at the end of
 * bounded input (commit pending files); `close` always, also after failure (discard uncommitted).
 *
 * Exactly-once sinks implement the two-phase commit hooks (Flink's TwoPhaseCommittingSink);
 * sinks without them write at once and are at-least-once after a restore (print, blackhole).
 */
export interface SinkWriter {
  write(chunk: Chunk): Promise<void> | void;
  /**
   * First phase, on a checkpoint barrier: makes everything written so far durable but not yet
   * visible, and returns what `commit` needs together with the writer's own state (plain JSON,
   * paths relative to the sink's own location). Writing continues after it.
   */
  prepareCommit?(checkpointId: number): Promise<SinkCommittable>;
  /**
   * Second phase, once the checkpoint is complete: makes that checkpoint's pre-committed output
   * visible. Idempotent: it may run again for the same committable after a restore.
   */
  commit?(committable: SinkCommittable): Promise<void>;
  /**
   * Before the first write after a restore: commits the restored checkpoint's committable (its
   * completion may not have been acted on before the failure), discards output written after that
   * checkpoint, and continues from the writer state it holds. Called with the committable of the
   * same sink and subtask.
   */
  restore?(committable: SinkCommittable): Promise<void>;
  finish(): Promise<void>;
  close(): Promise<void>;
}

/** What a sink's `prepareCommit` returns: plain JSON, stored in the checkpoint. */
export type SinkCommittable = unknown;
