import type { CatalogTable } from '../../catalog/catalog-table.js';
import type { TableSink, TableSource } from '../../connectors/connector.js';
import type { UpsertKeys } from '../inference/upsert-keys.js';
import type { ChangelogMode } from '../../types/changelog-mode.js';
import type { DataType } from '../../types/data-type.js';
import type { Span } from '../../types/span.js';
import type { Rex } from '../rex.js';

export interface Field {
  readonly name: string;
  readonly type: DataType;
}

/** Plan nodes (immutable). `fields` is the node's output row type. */
export type PlanNode =
  | TableScan
  | Calc
  | WatermarkAssigner
  | ValuesNode
  | UnionNode
  | SinkNode
  | AggregateNode
  | JoinNode
  | CorrelateNode
  | WindowTvfNode
  | OverNode
  | SortNode
  | SetOpNode
  | WindowAggregateNode
  | WindowRankNode
  | WindowJoinNode
  | RankNode
  | IntervalJoinNode
  | MatchRecognizeNode;
export type PlanKind = PlanNode['kind'];

interface NodeBase {
  readonly fields: readonly Field[];
}

/** Reads a table through its connector: physical columns, then the metadata keys it asks for. */
export interface TableScan extends NodeBase {
  readonly kind: 'TableScan';
  readonly table: CatalogTable;
  /** Metadata keys requested from the source, in output order after the physical columns. */
  readonly metadataKeys: readonly string[];
  /** Dynamic options from an `OPTIONS` hint, already merged into the table's options. */
  readonly options: ReadonlyMap<string, string>;
  readonly span: Span;
}

/** Projection with an optional filter, evaluated row by row (compiled). */
export interface Calc extends NodeBase {
  readonly kind: 'Calc';
  readonly input: PlanNode;
  readonly projects: readonly Rex[];
  readonly condition?: Rex;
}

/** Assigns watermarks from `WATERMARK FOR col AS expr` (emitted by the runtime's watermark work). */
export interface WatermarkAssigner extends NodeBase {
  readonly kind: 'WatermarkAssigner';
  readonly input: PlanNode;
  readonly rowtimeIndex: number;
  readonly watermark: Rex;
}

/** Constant rows (VALUES, SELECT without FROM). */
export interface ValuesNode extends NodeBase {
  readonly kind: 'Values';
  readonly rows: readonly (readonly Rex[])[];
}

/** UNION ALL of inputs with equal row types. */
export interface UnionNode extends NodeBase {
  readonly kind: 'Union';
  readonly inputs: readonly PlanNode[];
}

/** Writes to a catalog table, or collects a SELECT's result (`table` absent). */
export interface SinkNode extends NodeBase {
  readonly kind: 'Sink';
  readonly input: PlanNode;
  readonly table?: CatalogTable;
  /** Target columns in the table's physical+metadata order; input is reordered to match. */
  readonly options: ReadonlyMap<string, string>;
  readonly metadataKeys: readonly string[];
  /** INSERT OVERWRITE. */
  readonly overwrite: boolean;
  readonly span: Span;
}

/** An aggregate call over input columns (COUNT(DISTINCT a) FILTER (WHERE b) → args [a], filterArg b). */
export interface AggCall {
  /** Upper-case function name (COUNT, SUM, …) or a user aggregate's name. */
  readonly name: string;
  readonly args: readonly number[];
  readonly distinct: boolean;
  readonly filterArg?: number;
  readonly type: DataType;
  /** Literal arguments that are not columns (LISTAGG separator). */
  readonly constants: readonly unknown[];
  /** `IGNORE NULLS` / `RESPECT NULLS` (ARRAY_AGG, FIRST_VALUE, LAST_VALUE). */
  readonly nulls?: 'RESPECT' | 'IGNORE';
  /** `NULL ON NULL` / `ABSENT ON NULL` (JSON_OBJECTAGG, JSON_ARRAYAGG). */
  readonly onNull?: 'NULL' | 'ABSENT';
}

/** GROUP BY (with grouping sets) or DISTINCT; outputs group keys then aggregates. */
export interface AggregateNode extends NodeBase {
  readonly kind: 'Aggregate';
  readonly input: PlanNode;
  readonly groupKeys: readonly number[];
  /** Subsets of groupKeys (GROUPING SETS / ROLLUP / CUBE); absent for a plain GROUP BY. */
  readonly groupingSets?: readonly (readonly number[])[];
  readonly aggCalls: readonly AggCall[];
  /** Window columns when grouping by window_start/window_end of a window TVF. */
  readonly window?: WindowTvfNode;
  /** STATE_TTL hint (ms), overriding table.exec.state.ttl. */
  readonly stateTtl?: number;
  /**
   * Two-phase aggregation (table.optimizer.agg-phase-strategy with mini-batch): the local phase
   * emits, per key and mini-batch, the keys, one accumulator per aggregate and the row count
   * (`count1`, negative when retractions outnumber rows); the global phase merges them (its
   * aggregates' args are the accumulator columns, the count is the last input column).
   */
  readonly phase?: 'local' | 'global';
  /** Split distinct aggregation (table.optimizer.distinct-agg.split.enabled): which half this is. */
  readonly partialFinal?: 'PARTIAL' | 'FINAL';
}

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'SEMI' | 'ANTI';

/** A join of two inputs; the condition sees left columns then right columns. */
export interface JoinNode extends NodeBase {
  readonly kind: 'Join';
  readonly left: PlanNode;
  readonly right: PlanNode;
  readonly joinType: JoinType;
  readonly condition: Rex;
  /** Temporal (FOR SYSTEM_TIME AS OF) joins: event-time versioned table or lookup (proctime). */
  readonly temporal?: 'event-time' | 'lookup';
  /** The left column named by FOR SYSTEM_TIME AS OF (temporal joins only). */
  readonly temporalTime?: number;
  /** STATE_TTL hint per input (ms), overriding table.exec.state.ttl. */
  readonly stateTtl?: readonly [number?, number?];
}

/** LATERAL TABLE(f(…)) / UNNEST: per input row, the rows a table function yields. */
export interface CorrelateNode extends NodeBase {
  readonly kind: 'Correlate';
  readonly input: PlanNode;
  readonly joinType: 'INNER' | 'LEFT';
  readonly call: string;
  readonly args: readonly Rex[];
  /** UNNEST … WITH ORDINALITY: the last column is the 1-based position. */
  readonly withOrdinality: boolean;
}

/** TUMBLE / HOP / CUMULATE / SESSION window table function: input columns plus window_start, window_end, window_time. */
export interface WindowTvfNode extends NodeBase {
  readonly kind: 'WindowTvf';
  readonly input: PlanNode;
  readonly window: 'TUMBLE' | 'HOP' | 'CUMULATE' | 'SESSION';
  readonly timeIndex: number;
  /** Milliseconds: size (TUMBLE/HOP/CUMULATE max), slide (HOP), step (CUMULATE), gap (SESSION), offset. */
  readonly params: Readonly<Record<string, number>>;
  readonly partitionKeys: readonly number[];
}

/** OVER aggregation: input columns plus one column per aggregate. */
export interface OverNode extends NodeBase {
  readonly kind: 'Over';
  readonly input: PlanNode;
  readonly partitionKeys: readonly number[];
  readonly orderKeys: readonly OrderKey[];
  readonly frame?: { readonly unit: 'ROWS' | 'RANGE'; readonly preceding: number | 'UNBOUNDED' };
  readonly aggCalls: readonly AggCall[];
}

/** ORDER BY / LIMIT / OFFSET (streaming: Top-N or time-ordered sort). */
export interface SortNode extends NodeBase {
  readonly kind: 'Sort';
  readonly input: PlanNode;
  readonly keys: readonly { readonly index: number; readonly direction: 'ASC' | 'DESC'; readonly nullsFirst: boolean }[];
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * Physical window aggregation (Flink's WindowAggregate): the window TVF folded into the
 * aggregate. Input columns: group keys and aggregate arguments, and the time column. Output:
 * group keys, aggregates, window_start, window_end, window_time.
 */
export interface WindowAggregateNode extends NodeBase {
  readonly kind: 'WindowAggregate';
  readonly input: PlanNode;
  readonly window: Pick<WindowTvfNode, 'window' | 'params'>;
  readonly timeIndex: number;
  readonly groupKeys: readonly number[];
  /** GROUPING SETS over windows: subsets of groupKeys; absent for a plain GROUP BY. */
  readonly groupingSets?: readonly (readonly number[])[];
  readonly aggCalls: readonly AggCall[];
  /**
   * Two-phase aggregation (table.optimizer.agg-phase-strategy): the local phase emits, per key
   * and slice, the keys, the slice end (`timeIndex` of the global phase) and one accumulator per
   * aggregate; the global phase merges them (its aggregates' args are those accumulator columns).
   */
  readonly phase?: 'local' | 'global';
}

/**
 * Window Top-N and window deduplication (Flink's WindowRank / WindowDeduplicate): rows of each
 * window (by its window_end column) and partition are ranked when the window closes; rows with a
 * rank within [1, limit] are emitted with the rank appended.
 */
export interface WindowRankNode extends NodeBase {
  readonly kind: 'WindowRank';
  readonly input: PlanNode;
  readonly rankFunction: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK';
  readonly windowEndIndex: number;
  readonly partitionKeys: readonly number[];
  readonly orderKeys: readonly OrderKey[];
  readonly limit: number;
  /** Deduplication keeping the last row: among equal sort keys the latest arrival wins. */
  readonly keepLast: boolean;
  /** The windows were aligned in the session time zone (TIMESTAMP_LTZ or processing time). */
  readonly localWindows: boolean;
}

/**
 * Window join (Flink's WindowJoin): both inputs carry window columns and the condition equates
 * their window_start and window_end; each window's rows are joined when it closes.
 */
export interface WindowJoinNode extends NodeBase {
  readonly kind: 'WindowJoin';
  readonly left: PlanNode;
  readonly right: PlanNode;
  readonly joinType: JoinType;
  readonly condition: Rex;
  readonly leftWindowEnd: number;
  readonly rightWindowEnd: number;
  /** The windows were aligned in the session time zone (TIMESTAMP_LTZ or processing time). */
  readonly localWindows: boolean;
}

/**
 * Top-N (Flink's Rank): per partition, the rows ranked within [1, limit] by the ORDER BY, kept up
 * to date as rows arrive or are retracted. Output: the input columns plus the rank, when
 * `outputRank` (otherwise the rank column is NULL and unused above).
 */
export interface RankNode extends NodeBase {
  readonly kind: 'Rank';
  readonly input: PlanNode;
  readonly rankFunction: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK';
  readonly partitionKeys: readonly number[];
  readonly orderKeys: readonly OrderKey[];
  readonly limit: number;
  /** First rank kept (OFFSET + 1); 1 unless an ORDER BY … OFFSET set it. */
  readonly start?: number;
  readonly outputRank: boolean;
}

/** Top-1 per key by a time attribute, without the rank column: Flink's Deduplicate. */
export function deduplication(node: RankNode): 'first' | 'last' | undefined {
  const first = node.orderKeys[0];
  if (node.rankFunction !== 'ROW_NUMBER' || node.limit !== 1 || node.outputRank || !first) return undefined;
  const t = node.input.fields[first.index]!.type;
  if (!((t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') && t.timeAttribute)) return undefined;
  return first.direction === 'ASC' ? 'first' : 'last';
}

/**
 * Interval join (Flink's IntervalJoin): rows match when, besides the condition,
 * `lower <= leftTime - rightTime <= upper` (milliseconds) on the inputs' rowtimes.
 */
export interface IntervalJoinNode extends NodeBase {
  readonly kind: 'IntervalJoin';
  readonly left: PlanNode;
  readonly right: PlanNode;
  readonly joinType: JoinType;
  readonly condition: Rex;
  readonly leftTime: number;
  readonly rightTime: number;
  readonly lower: number;
  readonly upper: number;
}

/** UNION (distinct), INTERSECT [ALL], EXCEPT [ALL]. */
export interface SetOpNode extends NodeBase {
  readonly kind: 'SetOp';
  readonly op: 'UNION' | 'INTERSECT' | 'EXCEPT';
  readonly all: boolean;
  readonly inputs: readonly PlanNode[];
}

/**
 * MATCH_RECOGNIZE (ONE ROW PER MATCH): partition columns, then one column per measure.
 * Measure and DEFINE expressions read pattern variables: `InputRef(v * width + c)` is input column
 * `c` of the rows mapped to `variables[v]` (width = input columns; variable 0 is `*`, every row).
 */
export interface MatchRecognizeNode extends NodeBase {
  readonly kind: 'MatchRecognize';
  readonly input: PlanNode;
  readonly partitionKeys: readonly number[];
  readonly orderKeys: readonly OrderKey[];
  readonly variables: readonly string[];
  readonly measures: readonly { readonly name: string; readonly rex: Rex }[];
  /** Conditions per pattern variable; variables without one accept every row. */
  readonly define: readonly { readonly name: string; readonly rex: Rex }[];
  /** The pattern as Flink prints it. */
  readonly pattern: string;
  readonly subsets: readonly { readonly name: string; readonly vars: readonly string[] }[];
  readonly rowsPerMatch: 'ONE' | 'ALL';
  /** `SKIP TO NEXT ROW` (the default), `SKIP PAST LAST ROW`, `SKIP TO FIRST A`, `SKIP TO LAST A`. */
  readonly afterMatch: string;
  /** WITHIN interval in milliseconds. */
  readonly withinMs?: number;
}

/** A sort key; `nullsFirst` when NULLS FIRST/LAST was given (otherwise NULL sorts lowest, as Flink). */
export interface OrderKey {
  readonly index: number;
  readonly direction: 'ASC' | 'DESC';
  readonly nullsFirst?: boolean;
}

/** A planned job: one or more sinks (a statement set), sharing sources. */
export interface PlannedJob {
  readonly sinks: readonly SinkNode[];
  /** Connectors resolved at planning time (options validated, changelog modes known). */
  readonly tableSources: ReadonlyMap<TableScan, TableSource>;
  readonly tableSinks: ReadonlyMap<SinkNode, TableSink>;
  /** The changelog mode each node produces, filled by inference. */
  readonly changelog: ReadonlyMap<PlanNode, ChangelogMode>;
  /** Upsert keys per node (output column sets), where known. */
  readonly upsertKeys: ReadonlyMap<PlanNode, UpsertKeys>;
  /** Sinks with a PRIMARY KEY that get a SinkUpsertMaterializer. */
  readonly upsertMaterialize: ReadonlySet<SinkNode>;
}

/** The first node below projections, filters and watermark assigners (e.g. the table a join reads). */
export function belowCalcs(node: PlanNode): PlanNode {
  while (node.kind === 'Calc' || node.kind === 'WatermarkAssigner') node = node.input;
  return node;
}

export function inputsOf(node: PlanNode): readonly PlanNode[] {
  switch (node.kind) {
    case 'TableScan':
    case 'Values':
      return [];
    case 'Union':
      return node.inputs;
    case 'Calc':
    case 'WatermarkAssigner':
    case 'Sink':
    case 'Aggregate':
    case 'Correlate':
    case 'WindowTvf':
    case 'Over':
    case 'Sort':
    case 'MatchRecognize':
    case 'WindowAggregate':
    case 'WindowRank':
    case 'Rank':
      return [node.input];
    case 'Join':
    case 'WindowJoin':
    case 'IntervalJoin':
      return [node.left, node.right];
    case 'SetOp':
      return node.inputs;
  }
}
