import { builtinFunctions } from '../../functions/registry.js';
import type { ScalarFunctionDef } from '../../functions/function-def.js';
import { HASH_CODE } from '../../functions/hash/hash-code.js';
import * as T from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import type { AggCall, AggregateNode, Calc } from '../logical/plan-node.js';
import { inputRef, type Rex } from '../rex.js';
import type { Rule } from './rule.js';

/** How each splittable aggregate's partial results combine in the final aggregate. */
const FINAL: Readonly<Record<string, string>> = { COUNT: '$SUM0', SUM: 'SUM', SUM0: '$SUM0', $SUM0: '$SUM0', MIN: 'MIN', MAX: 'MAX' };

/**
 * Splits an aggregation with DISTINCT aggregates in two, as Flink's SplitAggregateRule, so a hot
 * key's distinct values spread over buckets: the PARTIAL aggregate groups by the keys and
 * MOD(HASH_CODE(distinct argument), bucket-num), the FINAL aggregate combines the buckets (COUNT
 * → $SUM0, SUM → SUM, MIN/MAX → MIN/MAX). Applies when
 * `table.optimizer.distinct-agg.split.enabled` is true, every aggregate is one of those and all
 * DISTINCT aggregates share their arguments. (Flink also splits AVG, LISTAGG, FIRST_VALUE and
 * distinct aggregates over different columns, with Expand; weir keeps those in one aggregate.)
 */
export const splitDistinctAggregate: Rule = {
  name: 'split-distinct-aggregate',
  rewrite(node, ctx) {
    if (node.kind !== 'Aggregate' || node.partialFinal || node.phase || node.window || node.groupingSets) return undefined;
    if (ctx.option('table.optimizer.distinct-agg.split.enabled')?.toLowerCase() !== 'true') return undefined;
    const distinct = node.aggCalls.filter((a) => a.distinct);
    const args = distinct[0]?.args;
    if (!args?.length || distinct.some((a) => a.args.join() !== args.join())) return undefined;
    if (node.aggCalls.some((a) => FINAL[a.name] === undefined)) return undefined;
    const buckets = bucketNum(ctx.option('table.optimizer.distinct-agg.split.bucket-num'));

    const input = node.input.fields;
    const width = input.length;
    const bucket: Rex = call(modFunction(), 'MOD', [call(HASH_CODE, 'HASH_CODE', [inputRef(args[0]!, input[args[0]!]!.type)]), { kind: 'Literal', value: buckets, type: T.INT(false) }]);
    const withBucket: Calc = {
      kind: 'Calc',
      input: node.input,
      projects: [...input.map((f, i) => inputRef(i, f.type)), bucket],
      fields: [...input, { name: `$f${width}`, type: T.INT(false) }],
    };
    const k = node.groupKeys.length;
    const partial: AggregateNode = {
      ...node,
      partialFinal: 'PARTIAL',
      input: withBucket,
      groupKeys: [...node.groupKeys, width],
      fields: [...node.groupKeys.map((g) => input[g]!), withBucket.fields[width]!, ...node.aggCalls.map((a, i) => ({ name: `$f${width + 1 + i}`, type: a.type }))],
    };
    const finalCalls = node.aggCalls.map((a, i): AggCall => ({ name: FINAL[a.name]!, args: [k + 1 + i], distinct: false, type: a.type, constants: [] }));
    return { ...node, partialFinal: 'FINAL', input: partial, groupKeys: node.groupKeys.map((_, i) => i), aggCalls: finalCalls };
  },
};

function call(fn: ScalarFunctionDef, name: string, args: Rex[]): Rex {
  return { kind: 'Call', fn, name, args, type: T.INT(false) };
}

function modFunction(): ScalarFunctionDef {
  return builtinFunctions().get('MOD') as ScalarFunctionDef;
}

function bucketNum(text: string | undefined): number {
  const n = Number(text ?? '1024');
  if (!Number.isInteger(n) || n <= 0) {
    throw new PlanError(`Invalid value '${text}' for 'table.optimizer.distinct-agg.split.bucket-num': expected a positive integer.`);
  }
  return n;
}
