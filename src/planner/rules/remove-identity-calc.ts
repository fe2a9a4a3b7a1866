import type { Rule } from './rule.js';

/** A Calc that only renames its input's columns disappears: the input takes the names, as in Flink's plans. */
export const removeIdentityCalc: Rule = {
  name: 'remove-identity-calc',
  rewrite(node) {
    if (node.kind !== 'Calc' || node.condition) return undefined;
    const input = node.input;
    if (node.projects.length !== input.fields.length || !node.projects.every((p, i) => p.kind === 'InputRef' && p.index === i)) return undefined;
    // Renaming a scan's columns would change which columns it reads; keep the Calc there.
    if (input.kind === 'TableScan' && node.fields.some((f, i) => f.name !== input.fields[i]!.name)) return undefined;
    return { ...input, fields: input.fields.map((f, i) => ({ name: node.fields[i]!.name, type: f.type })) };
  },
};
