import type { ChangelogMode } from '../../types/changelog-mode.js';
import { RowKind } from '../../types/row.js';
import { inputsOf, type PlanNode, type SinkNode } from '../logical/plan-node.js';

/**
 * Which nodes must emit UPDATE_BEFORE, after Flink's FlinkChangelogModeInferenceProgram: a sink
 * that upserts by key (accepting I/UA/D) needs none, so a group aggregation, Top-N or
 * deduplication feeding it through projections emits only +U (its mode becomes [I,UA,D]). Operators that retract state (aggregates,
 * Top-N, joins, set operations) and filters (a filter may drop the +U of a row it kept the -U of)
 * still ask their inputs for update-befores. Updates `modes` in place.
 */
export function dropUnneededUpdateBefore(sinks: readonly SinkNode[], modes: Map<PlanNode, ChangelogMode>, sinkNeedsUpdateBefore: (sink: SinkNode) => boolean): void {
  const needs = new Map<PlanNode, boolean>();
  const require = (node: PlanNode, need: boolean): void => {
    const before = needs.get(node);
    if (before === true || before === need) return;
    needs.set(node, need);
    for (const input of inputsOf(node)) require(input, passesThrough(node) ? need : true);
  };
  for (const sink of sinks) require(sink, sinkNeedsUpdateBefore(sink));

  const done = new Set<PlanNode>();
  const refine = (node: PlanNode): void => {
    if (done.has(node)) return;
    done.add(node);
    const inputs = inputsOf(node);
    inputs.forEach(refine);
    const mode = modes.get(node);
    if (!mode?.kinds.has(RowKind.UPDATE_BEFORE) || needs.get(node)) return;
    const canDrop = node.kind === 'Aggregate' ? !node.window : node.kind === 'Rank' ? true : passesThrough(node) && inputs.every((i) => !modes.get(i)?.kinds.has(RowKind.UPDATE_BEFORE));
    if (canDrop) modes.set(node, { kinds: new Set([...mode.kinds].filter((k) => k !== RowKind.UPDATE_BEFORE)) });
  };
  sinks.forEach(refine);
}

/** Nodes that forward each row's kind unchanged (a filter excepted: it needs both halves of an update). */
function passesThrough(node: PlanNode): boolean {
  return (node.kind === 'Calc' && !node.condition) || node.kind === 'WatermarkAssigner' || node.kind === 'Union' || node.kind === 'Sink';
}
