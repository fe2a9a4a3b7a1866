import { isTimeAttribute } from '../../types/data-type.js';
import type { IntervalJoinNode, JoinNode } from '../logical/plan-node.js';
import { conjuncts, type Rex } from '../rex.js';
import type { Rule } from './rule.js';

/**
 * A regular join whose condition bounds one rowtime by the other (`l.t BETWEEN r.t - INTERVAL a
 * AND r.t + INTERVAL b`, or `>=`/`<=`/`>`/`<` pairs) → IntervalJoin, as Flink's planner does: state
 * is kept only while the watermark can still bring matches, and the output keeps its time attributes.
 */
export const intervalJoin: Rule = {
  name: 'interval-join',
  rewrite(node) {
    if (node.kind !== 'Join') return undefined;
    const bounds = intervalBounds(node);
    if (!bounds) return undefined;
    const join: IntervalJoinNode = {
      kind: 'IntervalJoin',
      left: node.left,
      right: node.right,
      joinType: node.joinType,
      condition: node.condition,
      ...bounds,
      fields: [...node.left.fields, ...node.right.fields],
    };
    return join;
  },
};

/** The rowtime bounds that make a regular join an interval join, if its condition has both. */
export function intervalBounds(node: Pick<JoinNode, 'left' | 'right' | 'condition' | 'joinType' | 'temporal'>): Pick<IntervalJoinNode, 'leftTime' | 'rightTime' | 'lower' | 'upper'> | undefined {
  if (node.temporal || node.joinType === 'SEMI' || node.joinType === 'ANTI') return undefined;
  const width = node.left.fields.length;
  const isRowtime = (i: number) => isTimeAttribute((i < width ? node.left.fields[i] : node.right.fields[i - width])!.type, 'ROWTIME');
  let lower: number | undefined;
  let upper: number | undefined;
  let times: [number, number] | undefined;
  for (const c of conjuncts(node.condition)) {
    const b = bound(c, width);
    if (!b || !isRowtime(b.left) || !isRowtime(width + b.right)) continue;
    if (times && (times[0] !== b.left || times[1] !== b.right)) return undefined;
    times = [b.left, b.right];
    if (b.kind === 'lower') lower = Math.max(lower ?? -Infinity, b.millis);
    else upper = Math.min(upper ?? Infinity, b.millis);
  }
  if (!times || lower === undefined || upper === undefined) return undefined;
  return { leftTime: times[0], rightTime: times[1], lower, upper };
}

/** `r.t [± interval]` → [right column, offset ms]. */
function shifted(r: Rex): [number, number] | undefined {
  if (r.kind === 'InputRef') return [r.index, 0];
  if (r.kind !== 'Call' || (r.name !== '+' && r.name !== '-') || r.args.length !== 2) return undefined;
  const [a, b] = r.args;
  if (a?.kind !== 'InputRef' || b?.kind !== 'Literal' || b.type.kind !== 'INTERVAL_DAY_TIME' || typeof b.value !== 'number') return undefined;
  return [a.index, r.name === '+' ? b.value : -b.value];
}

/** A conjunct bounding left time minus right time: `l.t >= r.t - 5 s` gives a lower bound of -5 s. */
function bound(c: Rex, width: number): { kind: 'lower' | 'upper'; left: number; right: number; millis: number } | undefined {
  if (c.kind !== 'Call' || c.args.length !== 2 || !['>=', '>', '<=', '<'].includes(c.name)) return undefined;
  const [x, y] = c.args;
  let op = c.name;
  let l = x;
  let r = y;
  // Put the left side's time on the left: `r.t ± i < l.t` is `l.t > r.t ± i`.
  if (x?.kind !== 'InputRef' || x.index >= width) {
    [l, r] = [y, x];
    op = { '>=': '<=', '>': '<', '<=': '>=', '<': '>' }[op]!;
  }
  if (l?.kind !== 'InputRef' || l.index >= width || !r) return undefined;
  const s = shifted(r);
  if (!s || s[0] < width) return undefined;
  // Strict bounds are 1 ms tighter on millisecond rowtimes.
  const millis = s[1] + (op === '>' ? 1 : op === '<' ? -1 : 0);
  return { kind: op === '>=' || op === '>' ? 'lower' : 'upper', left: l.index, right: s[0] - width, millis };
}
