import { rexToString } from './explain-rex.js';
import type { Field, MatchRecognizeNode } from './logical/plan-node.js';

/**
 * A MATCH_RECOGNIZE node as Flink's plans print it:
 * `Match(partitionBy=[…], orderBy=[…], measures=[FINAL(…) AS …], rowsPerMatch=[…], after=[…], pattern=[…], define=[{A=…}])`.
 * Measures name columns `A.price`; conditions, as in Flink, name them by position `A.$1`.
 */
export function describeMatch(node: MatchRecognizeNode): string {
  const input = node.input.fields;
  const named = variableFields(node, (f) => f.name);
  const positional = variableFields(node, (_f, i) => `$${i}`);
  const parts: string[] = [];
  if (node.partitionKeys.length) parts.push(`partitionBy=[${node.partitionKeys.map((k) => input[k]!.name).join(', ')}]`);
  if (node.orderKeys.length) parts.push(`orderBy=[${node.orderKeys.map((k) => `${input[k.index]!.name} ${k.direction}`).join(', ')}]`);
  if (node.measures.length) parts.push(`measures=[${node.measures.map((m) => `FINAL(${rexToString(m.rex, named)}) AS ${m.name}`).join(', ')}]`);
  parts.push(`rowsPerMatch=[${node.rowsPerMatch === 'ALL' ? 'ALL ROWS PER MATCH' : 'ONE ROW PER MATCH'}]`);
  parts.push(`after=[${node.afterMatch}]`);
  parts.push(`pattern=[${node.pattern}]`);
  if (node.subsets.length) parts.push(`subset=[${node.subsets.map((s) => `${s.name}=(${s.vars.join(', ')})`).join(', ')}]`);
  parts.push(`define=[{${node.define.map((d) => `${d.name}=${rexToString(d.rex, positional)}`).join(', ')}}]`);
  return `Match(${parts.join(', ')}`;
}

/** One field per (variable, input column), in the layout the node's expressions address. */
function variableFields(node: MatchRecognizeNode, column: (f: Field, i: number) => string): Field[] {
  return node.variables.flatMap((v) => node.input.fields.map((f, i) => ({ name: `${v}.${column(f, i)}`, type: f.type })));
}
