import type { ChangelogMode } from '../../types/changelog-mode.js';
import { RowKind } from '../../types/row.js';
import { inputsOf, type JoinNode, type PlanNode, type SinkNode } from '../logical/plan-node.js';
import { uniqueKeyContainsJoinKey } from './join-input-spec.js';
import { equiPairs, inferUpsertKeys, type UpsertKeys } from './upsert-keys.js';

/**
 * Which nodes must emit UPDATE_BEFORE, after Flink's FlinkChangelogModeInferenceProgram: a sink
 * that upserts by key (accepting I/UA/D) needs none, so a group aggregation, Top-N or
 * deduplication feeding it through projections emits only +U (its mode becomes [I,UA,D]).
 * Operators that retract state (aggregates, Top-N, set operations) and filters (a filter may drop
 * the +U of a row it kept the -U of) still ask their inputs for update-befores. A regular join
 * asked for only +U asks its inputs for only +U too when each updating input's unique key contains
 * its join key; otherwise it keeps -U and asks for both halves (see regularJoinOnlyAfter).
 * Updates `modes` in place.
 */
export function dropUnneededUpdateBefore(sinks: readonly SinkNode[], modes: Map<PlanNode, ChangelogMode>, sinkNeedsUpdateBefore: (sink: SinkNode) => boolean): void {
  const produced = new Map(modes);
  const keys = inferUpsertKeys(sinks);
  // Joins that were asked for only +U but got -U from an input anyway (a filter or a changelog
  // source below): as Flink falls back to before-and-after, they ask all inputs for both halves.
  const fallback = new Set<PlanNode>();
  for (;;) {
    for (const [node, mode] of produced) modes.set(node, mode);
    const onlyAfter = (join: JoinNode) => !fallback.has(join) && regularJoinOnlyAfter(join, produced, keys);
    const failed = refine(sinks, modes, requireUpdateBefore(sinks, sinkNeedsUpdateBefore, onlyAfter), onlyAfter);
    if (failed.length === 0) return;
    failed.forEach((j) => fallback.add(j));
  }
}

/** Top-down: whether each node's consumers need its -U rows. */
function requireUpdateBefore(sinks: readonly SinkNode[], sinkNeeds: (sink: SinkNode) => boolean, joinOnlyAfter: (join: JoinNode) => boolean): Map<PlanNode, boolean> {
  const needs = new Map<PlanNode, boolean>();
  const require = (node: PlanNode, need: boolean): void => {
    const before = needs.get(node);
    if (before === true || before === need) return;
    needs.set(node, need);
    const inputNeed = isRegularJoin(node) ? need || !joinOnlyAfter(node) : passesThrough(node) ? need : true;
    for (const input of inputsOf(node)) require(input, inputNeed);
  };
  for (const sink of sinks) require(sink, sinkNeeds(sink));
  return needs;
}

/** Bottom-up: drops UB from the modes of nodes that need not and can emit only +U; returns regular joins that could not. */
function refine(sinks: readonly SinkNode[], modes: Map<PlanNode, ChangelogMode>, needs: ReadonlyMap<PlanNode, boolean>, joinOnlyAfter: (join: JoinNode) => boolean): PlanNode[] {
  const failed: PlanNode[] = [];
  const done = new Set<PlanNode>();
  const visit = (node: PlanNode): void => {
    if (done.has(node)) return;
    done.add(node);
    const inputs = inputsOf(node);
    inputs.forEach(visit);
    const mode = modes.get(node);
    if (!mode?.kinds.has(RowKind.UPDATE_BEFORE) || needs.get(node)) return;
    const inputsWithoutUb = inputs.every((i) => !modes.get(i)?.kinds.has(RowKind.UPDATE_BEFORE));
    const join = isRegularJoin(node) && joinOnlyAfter(node);
    if (join && !inputsWithoutUb) failed.push(node);
    const canDrop = node.kind === 'Aggregate' ? !node.window : node.kind === 'Rank' ? true : (passesThrough(node) || join) && inputsWithoutUb;
    if (canDrop) modes.set(node, { kinds: new Set([...mode.kinds].filter((k) => k !== RowKind.UPDATE_BEFORE)) });
  };
  sinks.forEach(visit);
  return failed;
}

/**
 * Flink's SatisfyUpdateKindTraitVisitor for StreamPhysicalJoin: a join can serve only +U when
 * every input that updates has a unique key containing its join key (inputUniqueKeyContainsJoinKey);
 * otherwise an update moving a row to another join key would leave the old row joined.
 */
function regularJoinOnlyAfter(join: JoinNode, produced: ReadonlyMap<PlanNode, ChangelogMode>, keys: ReadonlyMap<PlanNode, UpsertKeys>): boolean {
  const pairs = equiPairs(join.condition, join.left.fields.length);
  return [join.left, join.right].every((input, side) => {
    const kinds = produced.get(input)?.kinds;
    const updates = !!kinds && (kinds.has(RowKind.UPDATE_AFTER) || kinds.has(RowKind.UPDATE_BEFORE));
    return !updates || uniqueKeyContainsJoinKey(keys.get(input), pairs.map((p) => p[side]!));
  });
}

/** Regular (non-temporal, non-lookup) joins, Flink's StreamPhysicalJoin. */
function isRegularJoin(node: PlanNode): node is JoinNode {
  return node.kind === 'Join' && !node.temporal;
}

/** Nodes that forward each row's kind unchanged (a filter excepted: it needs both halves of an update). */
function passesThrough(node: PlanNode): boolean {
  return (node.kind === 'Calc' && !node.condition) || node.kind === 'WatermarkAssigner' || node.kind === 'Union' || node.kind === 'Sink';
}
