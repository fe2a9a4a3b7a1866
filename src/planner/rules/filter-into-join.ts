import type { PlanNode } from '../logical/plan-node.js';
import { and, conjuncts } from '../rex.js';
import { intervalBounds } from './interval-join.js';
import type { Rule } from './rule.js';
import { isNonDeterministic } from './substitute-refs.js';

/**
 * A filter on an inner regular join moves into the join condition, as Flink's FilterJoinRule
 * moves it: `FROM auction A, bid B WHERE A.id = B.auction AND …` (Nexmark q4, q9) then joins on
 * the key instead of filtering the cross product. Both filter before anything is emitted, so the
 * result is the same. Non-deterministic conjuncts stay above the join. A WHERE that would make the
 * join an interval join was already moved by the analyzer (where-into-join.ts), which decides the
 * time attributes; here it is left alone.
 */
export const filterIntoJoin: Rule = {
  name: 'filter-into-join',
  rewrite(node) {
    if (node.kind !== 'Calc' || !node.condition) return undefined;
    const join = node.input;
    if (join.kind !== 'Join' || join.joinType !== 'INNER' || join.temporal) return undefined;
    const parts = conjuncts(node.condition);
    const moved = parts.filter((c) => !isNonDeterministic(c));
    if (moved.length === 0) return undefined;
    const kept = parts.filter((c) => isNonDeterministic(c));
    const existing = conjuncts(join.condition).filter((c) => !(c.kind === 'Literal' && c.value === true));
    const condition = and([...existing, ...moved]);
    if (intervalBounds({ ...join, condition })) return undefined;
    const { condition: _, ...projection } = node;
    const calc: PlanNode = { ...projection, input: { ...join, condition }, ...(kept.length > 0 ? { condition: and(kept) } : {}) };
    return calc;
  },
};
