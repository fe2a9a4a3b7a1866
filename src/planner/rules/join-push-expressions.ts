import type { Calc, Field, JoinNode, PlanNode } from '../logical/plan-node.js';
import { and, conjuncts, forEachInputRef, inputRef, type Rex } from '../rex.js';
import type { Rule } from './rule.js';
import { isTimeAttribute, type DataType } from '../../types/data-type.js';
import { isNonDeterministic, substituteRefs } from './substitute-refs.js';

/**
 * An equality between an expression of one input and an expression of the other (`a.id =
 * b.id * 2`, `a.k = CAST(b.k AS BIGINT)`) becomes a join key: each expression is computed by a
 * Calc below the join and compared as a column, and a Calc above drops the added columns — as
 * Flink's JoinPushExpressionsRule. Without it such a join has no key and compares every pair.
 */
export const joinPushExpressions: Rule = {
  name: 'join-push-expressions',
  rewrite(node) {
    if (node.kind !== 'Join' || node.temporal) return undefined;
    const width = node.left.fields.length;
    // Right-side expressions read the right input's columns, not the join row's.
    const onRight: Rex[] = [...node.left.fields.map((f, i) => inputRef(i, f.type)), ...node.right.fields.map((f, j) => inputRef(j, f.type))];
    const pushed: [Rex[], Rex[]] = [[], []];
    // Each conjunct, with the side expressions it pushes replaced by placeholders resolved below.
    const terms = conjuncts(node.condition).map((c) => {
      if (c.kind !== 'Call' || c.name !== '=' || c.args.length !== 2) return { c };
      const sides = c.args.map((a) => sideOf(a, width));
      if (!((sides[0] === 0 && sides[1] === 1) || (sides[0] === 1 && sides[1] === 0))) return { c };
      // Equalities on event or processing time belong to interval joins: left as they are.
      if (c.args.some((a) => readsTime(a, node))) return { c };
      const slots = c.args.map((a, i) => {
        if (a.kind === 'InputRef' || isNonDeterministic(a)) return undefined;
        const side = sides[i] as 0 | 1;
        pushed[side].push(side === 0 ? a : substituteRefs(a, onRight));
        return { side, index: pushed[side].length - 1 };
      });
      return slots.some((s) => s !== undefined) ? { c, slots } : { c };
    });
    if (pushed[0].length === 0 && pushed[1].length === 0) return undefined;
    const left = withColumns(node.left, pushed[0]);
    const right = withColumns(node.right, pushed[1]);
    const leftWidth = left.fields.length;
    const rightWidth = node.right.fields.length;
    // Old join row column → its place in the new join row.
    const refs: Rex[] = [
      ...node.left.fields.map((f, i) => inputRef(i, f.type)),
      ...node.right.fields.map((f, j) => inputRef(leftWidth + j, f.type)),
    ];
    const remap = (r: Rex) => substituteRefs(r, refs);
    const added = (side: 0 | 1, k: number): Rex => {
      const at = side === 0 ? width + k : leftWidth + rightWidth + k;
      return inputRef(at, pushed[side][k]!.type);
    };
    const condition = and(terms.map(({ c, slots }) => {
      if (!slots || c.kind !== 'Call') return remap(c);
      return { ...c, args: c.args.map((a, i) => (slots[i] ? added(slots[i].side, slots[i].index) : remap(a))) };
    }));
    const semi = node.joinType === 'SEMI' || node.joinType === 'ANTI';
    // The join's own column names (`id0` for a right `id`) stay; the added columns follow each side.
    const fields = semi ? left.fields : [...node.fields.slice(0, width), ...left.fields.slice(width), ...node.fields.slice(width), ...right.fields.slice(rightWidth)];
    const join: JoinNode = { ...node, left, right, condition, fields };
    const keep = semi ? node.left.fields.map((f, i) => inputRef(i, f.type)) : refs;
    const top: Calc = { kind: 'Calc', input: join, projects: keep, fields: node.fields };
    return top;
  },
};

/** Whether `rex` is, or reads, a time attribute column of the join's inputs. */
function readsTime(rex: Rex, join: JoinNode): boolean {
  const columns = [...join.left.fields, ...join.right.fields];
  let time = timeAttr(rex.type);
  forEachInputRef(rex, (i) => (time ||= timeAttr(columns[i]!.type)));
  return time;
}

/** 0 when `rex` reads only left columns, 1 when only right ones, undefined otherwise (both, or none). */
function sideOf(rex: Rex, width: number): 0 | 1 | undefined {
  let left = false;
  let right = false;
  forEachInputRef(rex, (i) => (i < width ? (left = true) : (right = true)));
  return left === right ? undefined : left ? 0 : 1;
}

const timeAttr = (t: DataType) => isTimeAttribute(t, 'ROWTIME') || isTimeAttribute(t, 'PROCTIME');

/** `input` with the expressions appended as columns `$f<n>` by a Calc. */
function withColumns(input: PlanNode, exprs: readonly Rex[]): PlanNode {
  if (exprs.length === 0) return input;
  const fields: Field[] = [...input.fields, ...exprs.map((e, k) => ({ name: `$f${input.fields.length + k}`, type: e.type }))];
  return { kind: 'Calc', input, projects: [...input.fields.map((f, i) => inputRef(i, f.type)), ...exprs], fields };
}
