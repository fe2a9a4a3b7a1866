import type { ChangelogMode } from '../../types/changelog-mode.js';
import { PlanError } from '../../types/errors.js';
import { RowKind } from '../../types/row.js';
import { inputsOf, type PlanNode, type SinkNode } from '../logical/plan-node.js';

/**
 * Flink's words for the changes `produced` holds that `accepted` lacks ("update", "delete",
 * "update and delete"), or undefined when it accepts them all.
 */
export function unsupportedChanges(produced: ChangelogMode, accepted: ChangelogMode): string | undefined {
  const updates = (produced.kinds.has(RowKind.UPDATE_AFTER) || produced.kinds.has(RowKind.UPDATE_BEFORE)) && !accepted.kinds.has(RowKind.UPDATE_AFTER);
  const deletes = produced.kinds.has(RowKind.DELETE) && !accepted.kinds.has(RowKind.DELETE);
  const words = [...(updates ? ['update'] : []), ...(deletes ? ['delete'] : [])];
  return words.length ? words.join(' and ') : undefined;
}

const INSERTS: ChangelogMode = { kinds: new Set([RowKind.INSERT]) };

/** Operators that consume only inserts, by the name Flink's planner gives them in its message. */
function insertOnlyConsumer(node: PlanNode): string | undefined {
  switch (node.kind) {
    case 'Over':
      return 'StreamPhysicalOverAggregate';
    case 'WindowRank':
      return node.limit === 1 && node.rankFunction === 'ROW_NUMBER' ? 'StreamPhysicalWindowDeduplicate' : 'StreamPhysicalWindowRank';
    case 'WindowJoin':
      return 'StreamPhysicalWindowJoin';
    case 'IntervalJoin':
      return 'StreamPhysicalIntervalJoin';
    case 'MatchRecognize':
      return 'Match Recognize';
    default:
      return undefined;
  }
}

/**
 * The node Flink names as producing a change: the first below `node` that is not transparent
 * (projections, watermarks, correlates, window TVFs and lookup joins pass their input's changes;
 * a union, its first input with changes).
 */
export function producerOf(node: PlanNode, modes: ReadonlyMap<PlanNode, ChangelogMode>): PlanNode {
  switch (node.kind) {
    case 'Calc':
    case 'WatermarkAssigner':
    case 'Correlate':
    case 'WindowTvf':
      return producerOf(node.input, modes);
    case 'Join':
      return node.temporal === 'lookup' ? producerOf(node.left, modes) : node;
    case 'Union': {
      const updating = node.inputs.find((i) => unsupportedChanges(modes.get(i) ?? INSERTS, INSERTS));
      return updating ? producerOf(updating, modes) : node;
    }
    default:
      return node;
  }
}

/** Fails planning, as Flink does, when an insert-only operator is fed updates or deletes. */
export function checkInsertOnlyInputs(sinks: readonly SinkNode[], modes: ReadonlyMap<PlanNode, ChangelogMode>, describe: (n: PlanNode) => string): void {
  const seen = new Set<PlanNode>();
  const visit = (node: PlanNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    const inputs = inputsOf(node);
    inputs.forEach(visit);
    const name = insertOnlyConsumer(node);
    if (!name) return;
    for (const input of inputs) {
      const changes = unsupportedChanges(modes.get(input) ?? INSERTS, INSERTS);
      if (changes) {
        throw new PlanError(`${name} doesn't support consuming ${changes} changes which is produced by node ${describe(producerOf(input, modes))}`, undefined,
          'This operator needs an append-only input: apply it before the aggregation or join that updates its results, or use a window aggregation there.');
      }
    }
  };
  sinks.forEach(visit);
}
