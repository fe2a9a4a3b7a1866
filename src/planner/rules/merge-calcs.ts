import * as T from '../../types/data-type.js';
import type { PlanNode } from '../logical/plan-node.js';
import { forEachInputRef, type Rex } from '../rex.js';
import type { Rule } from './rule.js';
import { isNonDeterministic, substituteRefs } from './substitute-refs.js';

/** Calc(Calc(x)) → Calc(x): the outer projection and filter inlined over the inner one, as Flink's CalcMergeRule. */
export const mergeCalcs: Rule = {
  name: 'merge-calcs',
  rewrite(node) {
    if (node.kind !== 'Calc' || node.input.kind !== 'Calc') return undefined;
    const inner = node.input;
    // Inlining copies an inner expression once per reference: a non-deterministic one must not be copied.
    const uses = new Map<number, number>();
    for (const r of [...node.projects, ...(node.condition ? [node.condition] : [])]) {
      forEachInputRef(r, (i) => uses.set(i, (uses.get(i) ?? 0) + 1));
    }
    if (inner.projects.some((p, i) => isNonDeterministic(p) && (uses.get(i) ?? 0) > 1)) return undefined;
    const projects = node.projects.map((p) => substituteRefs(p, inner.projects));
    let condition: Rex | undefined = inner.condition;
    if (node.condition) {
      const outer = substituteRefs(node.condition, inner.projects);
      condition = condition ? { kind: 'Logical', op: 'AND', args: [condition, outer], type: T.BOOLEAN(condition.type.nullable || outer.type.nullable) } : outer;
    }
    const merged: PlanNode = { kind: 'Calc', input: inner.input, projects, condition, fields: node.fields };
    return merged;
  },
};
