import type { FunctionContext } from '../../functions/function-def.js';
import type { FunctionResolver } from '../../planner/analyzer/expr-context.js';
import { compileExpr } from '../../planner/codegen/compile-calc.js';
import type { CorrelateNode } from '../../planner/logical/plan-node.js';
import { InternalError } from '../../types/errors.js';
import type { Row } from '../../types/row.js';
import type { RowsFn } from '../operators/correlate-operator.js';

/** The per-row function of a Correlate: UNNEST's elements, or a table function's rows. */
export function correlateRows(node: CorrelateNode, session: FunctionContext, functions: FunctionResolver): RowsFn {
  const args = node.args.map((a) => compileExpr(a, session));
  if (node.call === 'UNNEST') {
    const kinds = node.args.map((a) => a.type);
    return function* (row: Row) {
      for (let i = 0; i < args.length; i++) {
        const v = args[i]!(row);
        const t = kinds[i]!;
        if (v === null) continue;
        if (t.kind === 'MAP') for (const [k, val] of v as Map<unknown, unknown>) yield [k, val];
        else if (t.kind === 'MULTISET') {
          for (const [el, n] of v as Map<unknown, number>) for (let c = 0; c < n; c++) yield spread(el, t.element.kind === 'ROW');
        } else if (t.kind === 'ARRAY') {
          let ord = 0;
          for (const el of v as unknown[]) yield withOrdinality(spread(el, t.element.kind === 'ROW'), node, ++ord);
        }
      }
    };
  }
  const def = functions.resolve([node.call]);
  if (!def || def.kind !== 'table') throw new InternalError(`table function ${node.call} disappeared`);
  const fn = def.build({ name: node.call, argTypes: node.args.map((a) => a.type), literals: node.args.map((a) => (a.kind === 'Literal' ? a.value : undefined)), ctx: session, resultType: node.fields[node.fields.length - 1]!.type });
  const single = node.fields.length - node.input.fields.length === 1;
  return function* (row: Row) {
    for (const out of fn(...args.map((a) => a(row)))) yield single && !Array.isArray(out) ? [out] : (out as unknown[]);
  };
}

function spread(el: unknown, isRow: boolean): unknown[] {
  return isRow ? (el === null ? [] : (el as unknown[])) : [el];
}

function withOrdinality(values: unknown[], node: CorrelateNode, ordinal: number): unknown[] {
  return node.withOrdinality ? [...values, ordinal] : values;
}
