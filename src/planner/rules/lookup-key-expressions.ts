import type { Field, JoinNode, PlanNode } from '../logical/plan-node.js';
import { conjuncts, forEachInputRef, inputRef, type Rex } from '../rex.js';
import type { Rule } from './rule.js';
import { isNonDeterministic, substituteRefs } from './substitute-refs.js';

/**
 * A lookup join (FOR SYSTEM_TIME AS OF a processing-time column) on `f(probe columns) = table.col`
 * (e.g. Nexmark q13's `MOD(B.auction, 10000) = S.key`): the key expression becomes a column of the
 * probe side, so the table is looked up by it, as after Flink's JoinPushExpressionsRule
 * (`Calc(select=[…, MOD(auction, 10000) AS $f8])` under `LookupJoin(lookup=[key=$f8])`). A Calc
 * above the join drops the added columns again.
 */
export const lookupKeyExpressions: Rule = {
  name: 'lookup-key-expressions',
  rewrite(node) {
    if (node.kind !== 'Join' || node.temporal !== 'lookup') return undefined;
    const width = node.left.fields.length;
    const probeOnly = (r: Rex) => {
      if (r.kind === 'InputRef' || isNonDeterministic(r)) return false;
      let refs = 0;
      let left = true;
      forEachInputRef(r, (i) => {
        refs++;
        if (i >= width) left = false;
      });
      return refs > 0 && left;
    };
    const tableColumn = (r: Rex | undefined) => r?.kind === 'InputRef' && r.index >= width;
    const pushed: Rex[] = [];
    const parts = conjuncts(node.condition);
    const keyed = parts.map((c) => {
      if (c.kind !== 'Call' || c.name !== '=' || c.args.length !== 2) return undefined;
      const [a, b] = c.args as [Rex, Rex];
      if (probeOnly(a) && tableColumn(b)) return { call: c, expr: a, column: b, exprFirst: true };
      if (probeOnly(b) && tableColumn(a)) return { call: c, expr: b, column: a, exprFirst: false };
      return undefined;
    });
    if (keyed.every((k) => k === undefined)) return undefined;
    for (const k of keyed) if (k) pushed.push(k.expr);
    const n = pushed.length;
    const used = new Set(node.left.fields.map((f) => f.name));
    const added: Field[] = pushed.map((e, i) => {
      let name = `$f${width + i}`;
      for (let j = 0; used.has(name); j++) name = `$f${width + i}_${j}`;
      used.add(name);
      return { name, type: e.type };
    });
    const probe: PlanNode = {
      kind: 'Calc',
      input: node.left,
      projects: [...node.left.fields.map((f, i) => inputRef(i, f.type)), ...pushed],
      fields: [...node.left.fields, ...added],
    };
    // Table columns move right by the added columns; probe columns stay.
    const fields = [...node.fields.slice(0, width), ...added, ...node.fields.slice(width)];
    const shift = (r: Rex) => substituteRefs(r, node.fields.map((f, i) => inputRef(i < width ? i : i + n, f.type)));
    let next = 0;
    const condition = parts.map((c, i): Rex => {
      const k = keyed[i];
      if (!k) return shift(c);
      const ref = inputRef(width + next++, k.expr.type);
      const column = shift(k.column);
      return { ...k.call, args: k.exprFirst ? [ref, column] : [column, ref] };
    });
    const join: JoinNode = {
      ...node,
      left: probe,
      condition: condition.length === 1 ? condition[0]! : { kind: 'Logical', op: 'AND', args: condition, type: node.condition.type },
      fields,
    };
    return {
      kind: 'Calc',
      input: join,
      projects: node.fields.map((f, i) => inputRef(i < width ? i : i + n, f.type)),
      fields: node.fields,
    };
  },
};
