import type { Calc, PlanNode } from '../logical/plan-node.js';
import { forEachInputRef, inputRef, type Rex } from '../rex.js';
import type { Rule } from './rule.js';
import { substituteRefs } from './substitute-refs.js';

/**
 * A projection over a regular join keeps only the columns it and the join condition read: each
 * input gets a Calc below the join that drops the others, as Flink's ProjectJoinTransposeRule (and
 * its column pruning) do. Join state then holds narrow rows (Nexmark's bids and auctions carry
 * hundreds of bytes of `extra` nobody reads).
 */
export const projectJoinTranspose: Rule = {
  name: 'project-join-transpose',
  rewrite(node) {
    if (node.kind !== 'Calc' || node.input.kind !== 'Join' || node.input.temporal) return undefined;
    const join = node.input;
    const width = join.left.fields.length;
    const used = new Set<number>();
    const mark = (r: Rex) => forEachInputRef(r, (i) => used.add(i));
    node.projects.forEach(mark);
    if (node.condition) mark(node.condition);
    mark(join.condition);
    const semi = join.joinType === 'SEMI' || join.joinType === 'ANTI';
    const keepLeft = kept(used, 0, width);
    const keepRight = kept(used, width, join.right.fields.length);
    if (keepLeft.length === width && keepRight.length === join.right.fields.length) return undefined;
    const left = narrow(join.left, keepLeft);
    const right = narrow(join.right, keepRight);
    // Old join column → its reference in the narrowed join's row.
    const refs: Rex[] = [];
    keepLeft.forEach((c, i) => (refs[c] = inputRef(i, join.left.fields[c]!.type)));
    keepRight.forEach((c, i) => (refs[width + c] = inputRef(keepLeft.length + i, join.right.fields[c]!.type)));
    const remap = (r: Rex) => substituteRefs(r, refs);
    const narrowed: PlanNode = { ...join, left, right, condition: remap(join.condition), fields: semi ? left.fields : [...left.fields, ...right.fields] };
    const calc: Calc = { ...node, input: narrowed, projects: node.projects.map(remap), ...(node.condition ? { condition: remap(node.condition) } : {}) };
    return calc;
  },
};

/** The columns of one side that are read, in order; at least one, so rows keep a shape. */
function kept(used: ReadonlySet<number>, offset: number, count: number): number[] {
  const cols: number[] = [];
  for (let c = 0; c < count; c++) if (used.has(offset + c)) cols.push(c);
  return cols.length > 0 ? cols : [0];
}

function narrow(input: PlanNode, cols: readonly number[]): PlanNode {
  if (cols.length === input.fields.length) return input;
  return { kind: 'Calc', input, projects: cols.map((c) => inputRef(c, input.fields[c]!.type)), fields: cols.map((c) => input.fields[c]!) };
}
