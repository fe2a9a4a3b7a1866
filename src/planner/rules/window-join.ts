import type { Field, WindowJoinNode } from '../logical/plan-node.js';
import { conjuncts, type Rex } from '../rex.js';
import type { Rule } from './rule.js';
import { localWindows } from './window-origin.js';

/**
 * A join whose condition equates both inputs' window_start and window_end (both from window
 * TVFs or window aggregations) → WindowJoin, as Flink's planner does: it needs no state beyond
 * the open windows and emits insert-only results.
 */
export const windowJoin: Rule = {
  name: 'window-join',
  rewrite(node) {
    if (node.kind !== 'Join' || node.temporal) return undefined;
    const left = node.left.fields;
    const right = node.right.fields;
    const width = left.length;
    const equated = (name: string) => {
      const l = left.findIndex((f) => f.name === name);
      const r = right.findIndex((f) => f.name === name);
      return l >= 0 && r >= 0 && conjuncts(node.condition).some((c) => equates(c, l, width + r)) ? { l, r } : undefined;
    };
    const start = equated('window_start');
    const end = equated('window_end');
    if (!start || !end || !isWindowColumn(left[end.l]!) || !isWindowColumn(right[end.r]!)) return undefined;
    const join: WindowJoinNode = {
      kind: 'WindowJoin',
      left: node.left,
      right: node.right,
      joinType: node.joinType,
      condition: node.condition,
      leftWindowEnd: end.l,
      rightWindowEnd: end.r,
      localWindows: localWindows(node.left),
      fields: node.fields,
    };
    return join;
  },
};

function isWindowColumn(f: Field): boolean {
  return f.type.kind === 'TIMESTAMP';
}

function equates(c: Rex, a: number, b: number): boolean {
  if (c.kind !== 'Call' || c.name !== '=' || c.args.length !== 2) return false;
  const [x, y] = c.args;
  const refs = [x, y].map((r) => (r?.kind === 'InputRef' ? r.index : -1));
  return (refs[0] === a && refs[1] === b) || (refs[0] === b && refs[1] === a);
}
