import { ALL, changelogModeString, INSERT_ONLY, type ChangelogMode } from '../../types/changelog-mode.js';
import { RowKind } from '../../types/row.js';
import { deduplication, inputsOf, type PlanNode, type SinkNode } from '../logical/plan-node.js';

/**
 * How each node kind transforms its inputs' changelog modes (DESIGN.md convention 3). Sources
 * are insert-only until changelog sources arrive; the connector's mode is checked at translation.
 */
const PRODUCES: { [K in PlanNode['kind']]: (node: Extract<PlanNode, { kind: K }>, inputs: ChangelogMode[]) => ChangelogMode } = {
  TableScan: () => INSERT_ONLY, // replaced by the source's own mode in inferChangelog
  Values: () => INSERT_ONLY,
  Calc: (_n, [input]) => input!,
  WatermarkAssigner: (_n, [input]) => input!,
  Union: (_n, inputs) => ({ kinds: new Set(inputs.flatMap((m) => [...m.kinds])) }),
  Sink: (_n, [input]) => input!,
  // Until the changelog engine refines these (issue 4): what Flink produces for the common cases.
  WindowAggregate: (_n, [input]) => input!,
  WindowRank: (_n, [input]) => input!,
  WindowJoin: () => INSERT_ONLY,
  IntervalJoin: () => INSERT_ONLY,
  // Top-N and deduplication may emit every kind, as Flink infers; only keep-first on processing
  // time over inserts never changes a row it emitted.
  Rank: (n, [input]) => {
    const time = deduplication(n) === 'first' ? n.input.fields[n.orderKeys[0]!.index]!.type : undefined;
    return time && 'timeAttribute' in time && time.timeAttribute === 'PROCTIME' && isInsertOnly(input!) ? INSERT_ONLY : ALL;
  },
  // The local phase of two-phase aggregation emits partial accumulators, appended per mini-batch.
  // A group is deleted only when its rows are retracted: over insert-only input no -D (as Flink).
  // (The global phase is given its raw input's mode too: it deletes a group when that retracts.)
  Aggregate: (n, [input, raw]) => ((n.window && isInsertOnly(input!)) || n.phase === 'local' ? INSERT_ONLY : isInsertOnly(raw ?? input!) ? UPDATES : ALL),
  // Inner and semi joins forward the kinds of their inputs; outer and anti joins may emit any (as Flink).
  Join: (n, [left, right]) =>
    n.temporal ? left! : n.joinType === 'INNER' || n.joinType === 'SEMI' ? { kinds: new Set([...left!.kinds, ...right!.kinds]) } : ALL,
  Correlate: (_n, [input]) => input!,
  WindowTvf: (_n, [input]) => input!,
  Over: (_n, [input]) => input!,
  Sort: (n, [input]) => (n.limit !== undefined ? ALL : input!),
  SetOp: () => ALL,
  // Flink's MATCH_RECOGNIZE reads an append-only input and appends one row per match.
  MatchRecognize: () => INSERT_ONLY,
};

const UPDATES: ChangelogMode = { kinds: new Set([RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER]) };

export function isInsertOnly(mode: ChangelogMode): boolean {
  return mode.kinds.size === 1 && mode.kinds.has(INSERT_ONLY.kinds.values().next().value!);
}

/** The changelog mode every node produces, memoized over shared subplans. */
export function inferChangelog(sinks: readonly SinkNode[], sourceModes: ReadonlyMap<PlanNode, ChangelogMode>): Map<PlanNode, ChangelogMode> {
  const modes = new Map<PlanNode, ChangelogMode>(sourceModes);
  const visit = (node: PlanNode): ChangelogMode => {
    const known = modes.get(node);
    if (known) return known;
    const inputs = inputsOf(node).map(visit);
    if (node.kind === 'Aggregate' && node.phase === 'global' && node.input.kind === 'Aggregate') inputs.push(visit(node.input.input));
    const mode = (PRODUCES[node.kind] as (n: PlanNode, i: ChangelogMode[]) => ChangelogMode)(node, inputs);
    modes.set(node, mode);
    return mode;
  };
  sinks.forEach(visit);
  return modes;
}

export { changelogModeString };
