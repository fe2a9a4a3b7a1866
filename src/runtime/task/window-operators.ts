import { compileExpr } from '../../planner/codegen/compile-calc.js';
import type { WindowAggregateNode, WindowJoinNode, WindowRankNode, WindowTvfNode } from '../../planner/logical/plan-node.js';
import { isTimeAttribute } from '../../types/data-type.js';
import { buildKeyOf } from '../../types/value-hash.js';
import type { Timestamp } from '../../types/values.js';
import { LocalWindowAggregateOperator } from '../operators/local-window-aggregate-operator.js';
import type { Operator, Output } from '../operators/operator.js';
import { aggregateContent, rowsContent, SessionWindowOperator } from '../operators/session-window-operator.js';
import { WindowAggregateOperator } from '../operators/window-aggregate-operator.js';
import { WindowJoinOperator } from '../operators/window-join-operator.js';
import { WindowRankOperator, windowTrigger } from '../operators/window-rank-operator.js';
import { WindowTvfOperator } from '../operators/window-tvf-operator.js';
import { sliceAssignerOf, timeShiftOf, windowShift } from '../windows/window-spec.js';
import { boundAggregate, groupingSets } from './aggregate-binding.js';
import type { BuildOptions } from './job-graph-builder.js';
import { rowComparator } from './row-comparator.js';

type Options = BuildOptions & { readonly lock: NonNullable<BuildOptions['lock']> };

/** The operator of a window table function (TUMBLE, HOP, CUMULATE assign windows; SESSION merges them). */
export function windowTvfOperator(id: number, node: WindowTvfNode, opts: Options, out: Output): Operator {
  const time = node.input.fields[node.timeIndex]!.type;
  const proctime = isTimeAttribute(time, 'PROCTIME');
  const timeOf = proctime ? () => opts.session.now() : (row: unknown[]) => (row[node.timeIndex] as Timestamp | null)?.millis ?? null;
  const shift = timeShiftOf(node, opts.session.timeZone);
  if (node.window === 'SESSION') {
    const sets = groupingSets(node.partitionKeys, undefined, node.input.fields);
    return new SessionWindowOperator(`WindowTableFunction[${id}]`, node.params['gap']!, shift, timeOf, sets, rowsContent, out, proctime ? opts.session.now : undefined, opts.lock);
  }
  return new WindowTvfOperator(`WindowTableFunction[${id}]`, sliceAssignerOf(node), shift, timeOf, out);
}

/** The operator of a window aggregation: one phase, or the local or global half of two. */
export function windowAggregateOperator(id: number, node: WindowAggregateNode, opts: Options, out: Output): Operator {
  const input = node.input.fields;
  // The global phase's aggregates read accumulators: build them from the local phase's calls.
  const local = node.phase === 'global' && node.input.kind === 'WindowAggregate' ? node.input : undefined;
  const calls = local ? local.aggCalls : node.aggCalls;
  const callInput = local ? local.input.fields : input;
  const aggs = calls.map((call, i) => ({ ...boundAggregate(call, callInput, opts.userAggregates), args: node.aggCalls[i]!.args, filter: node.aggCalls[i]!.filterArg }));
  const sets = groupingSets(node.groupKeys, node.groupingSets, input);
  const timeNode = local ?? node;
  const shift = timeShiftOf({ input: timeNode.input, timeIndex: timeNode.timeIndex }, opts.session.timeZone);
  const proctime = isTimeAttribute(timeNode.input.fields[timeNode.timeIndex]!.type, 'PROCTIME');
  const clock = proctime ? opts.session.now : undefined;
  if (node.window.window === 'SESSION') {
    const timeOf = (row: unknown[]) => (row[node.timeIndex] as Timestamp | null)?.millis ?? null;
    return new SessionWindowOperator(`WindowAggregate[${id}]`, node.window.params['gap']!, shift, timeOf, sets, aggregateContent(aggs), out, clock, opts.lock);
  }
  if (node.phase === 'local') {
    return new LocalWindowAggregateOperator(`LocalWindowAggregate[${id}]`, sliceAssignerOf(node.window), shift, node.timeIndex, sets[0]!, aggs, out);
  }
  const name = node.phase === 'global' ? 'GlobalWindowAggregate' : 'WindowAggregate';
  return new WindowAggregateOperator(`${name}[${id}]`, sliceAssignerOf(node.window), shift, node.timeIndex, sets, aggs, out, clock, node.phase === 'global', opts.lock);
}

/** The operator of a window join: both inputs' rows of a window joined when the window ends. */
export function windowJoinOperator(id: number, node: WindowJoinNode, opts: Options, out: Output): Operator {
  const condition = compileExpr(node.condition, opts.session);
  const widths = [node.left.fields.length, node.right.fields.length] as const;
  const shift = windowShift(node.localWindows, opts.session.timeZone);
  const triggers = [windowTrigger(node.leftWindowEnd, shift), windowTrigger(node.rightWindowEnd, shift)] as const;
  return new WindowJoinOperator(`WindowJoin[${id}]`, node.joinType, (row) => condition(row) === true, triggers, widths, out);
}

/** The operator of a window Top-N: ranks each partition's rows of a window when the window ends. */
export function windowRankOperator(id: number, node: WindowRankNode, opts: Options, out: Output): Operator {
  const input = node.input.fields;
  const spec = {
    rankFunction: node.rankFunction,
    limit: node.limit,
    keepLast: node.keepLast,
    triggerOf: windowTrigger(node.windowEndIndex, windowShift(node.localWindows, opts.session.timeZone)),
    partitionOf: buildKeyOf(node.partitionKeys.map((k) => input[k]!.type), node.partitionKeys),
    compare: rowComparator(node.orderKeys, input),
  };
  return new WindowRankOperator(`WindowRank[${id}]`, spec, out);
}
