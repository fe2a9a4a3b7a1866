import * as T from '../../types/data-type.js';
import type { PlanNode } from '../logical/plan-node.js';
import type { Rex } from '../rex.js';
import type { Rule } from './rule.js';
import { isNonDeterministic, substituteRefs } from './substitute-refs.js';

/** Calc(Calc(x)) → Calc(x): the outer projection and filter inlined over the inner one, as Flink's CalcMergeRule. */
export const mergeCalcs: Rule = {
  name: 'merge-calcs',
  rewrite(node) {
    if (node.kind !== 'Calc' || node.input.kind !== 'Calc') return undefined;
    const inner = node.input;
    if (inner.projects.some(isNonDeterministic)) return undefined;
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
