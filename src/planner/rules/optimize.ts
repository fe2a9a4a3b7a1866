import type { PlanNode, SinkNode } from '../logical/plan-node.js';
import { mergeCalcs } from './merge-calcs.js';
import { removeIdentityCalc } from './remove-identity-calc.js';
import type { Rule, RuleContext } from './rule.js';
import { windowAggregate } from './window-aggregate.js';
import { windowRank } from './window-rank.js';
import { topN } from './top-n.js';
import { sortLimit } from './sort-limit.js';
import { intervalJoin } from './interval-join.js';
import { windowJoin } from './window-join.js';
import { twoPhaseWindowAggregate } from './two-phase-window-aggregate.js';
import { twoPhaseGroupAggregate } from './two-phase-group-aggregate.js';
import { splitDistinctAggregate } from './split-distinct-aggregate.js';
import { lookupKeyExpressions } from './lookup-key-expressions.js';
import { filterIntoJoin } from './filter-into-join.js';
import { projectJoinTranspose } from './project-join-transpose.js';
import { joinPushExpressions } from './join-push-expressions.js';

const RULES: readonly Rule[] = [mergeCalcs, removeIdentityCalc, filterIntoJoin, joinPushExpressions, projectJoinTranspose, lookupKeyExpressions, windowAggregate, windowRank, topN, sortLimit, windowJoin, intervalJoin, twoPhaseWindowAggregate, splitDistinctAggregate, twoPhaseGroupAggregate];

/** Rewrites the plan bottom-up with every rule to a fixpoint per node; shared subplans stay shared. */
export function optimize(sinks: readonly SinkNode[], ctx: RuleContext): SinkNode[] {
  const done = new Map<PlanNode, PlanNode>();
  const visit = (node: PlanNode): PlanNode => {
    const known = done.get(node);
    if (known) return known;
    let result = withInputs(node, visit);
    for (let changed = true; changed; ) {
      changed = false;
      for (const rule of RULES) {
        const next = rule.rewrite(result, ctx);
        if (next) {
          // A rewrite may create new nodes below the result: they get the rules too.
          result = withInputs(next, visit);
          changed = true;
        }
      }
    }
    done.set(node, result);
    done.set(result, result);
    return result;
  };
  return sinks.map((s) => visit(s) as SinkNode);
}

function withInputs(node: PlanNode, f: (n: PlanNode) => PlanNode): PlanNode {
  switch (node.kind) {
    case 'TableScan':
    case 'Values':
      return node;
    case 'Union':
    case 'SetOp':
      return { ...node, inputs: node.inputs.map(f) };
    case 'Join':
    case 'WindowJoin':
    case 'IntervalJoin':
      return { ...node, left: f(node.left), right: f(node.right) };
    case 'Aggregate':
      return { ...node, input: f(node.input), window: node.window && (f(node.window) as typeof node.window) };
    default:
      return { ...node, input: f(node.input) };
  }
}
