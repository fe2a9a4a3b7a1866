import type { PlanNode } from '../logical/plan-node.js';

/** What rules may read besides the plan: session options (e.g. table.optimizer.*). */
export interface RuleContext {
  option(key: string): string | undefined;
}

/** A meaning-preserving rewrite of one node whose inputs are already rewritten (DESIGN.md convention 4). */
export interface Rule {
  readonly name: string;
  /** The replacement for `node`, or undefined to leave it. */
  rewrite(node: PlanNode, ctx: RuleContext): PlanNode | undefined;
}
