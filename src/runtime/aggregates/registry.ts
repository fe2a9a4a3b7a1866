/**
 * `createAggregate`: the runtime implementation of one aggregate call of a plan (AggCall), built
 * once per operator. Names are Flink's (COUNT, SUM, …, upper case) or a user aggregate's.
 */
import type { JsAggregateDef } from '../../functions/user/load-js-function.js';
import type { AggCall } from '../../planner/logical/plan-node.js';
import type { DataType } from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import { erase, type AggregateFunction } from './aggregate-function.js';
import { arrayAggAggregate } from './array-agg.js';
import { avgAggregate } from './avg.js';
import { boolAggregate } from './bool-agg.js';
import { collectAggregate } from './collect.js';
import { countAggregate } from './count.js';
import { distinctAggregate } from './distinct.js';
import { countDistinctAggregate } from './count-distinct.js';
import { firstLastAggregate, firstLastWithRetractAggregate } from './first-last.js';
import { jsonArrayAggAggregate, jsonObjectAggAggregate } from './json-agg.js';
import { listAggAggregate, listAggWithRetractAggregate } from './listagg.js';
import { minMaxAggregate, minMaxWithRetractAggregate } from './min-max.js';
import { singleValueAggregate } from './single-value.js';
import { sum0Aggregate, sumAggregate } from './sum.js';
import { userAggregate } from './user-aggregate.js';
import { varianceAggregate } from './variance.js';

/**
 * An AggCall plus the clauses the plan does not carry yet (see the report to the lead):
 * `nulls` for ARRAY_AGG / FIRST_VALUE / LAST_VALUE, `onNull` for JSON_OBJECTAGG / JSON_ARRAYAGG,
 * `rawJsonArgs` for arguments that already are JSON text (a nested JSON_OBJECT call).
 */
export interface AggregateCallSpec extends AggCall {
  readonly nulls?: 'RESPECT' | 'IGNORE';
  readonly onNull?: 'NULL' | 'ABSENT';
  readonly rawJsonArgs?: readonly number[];
}

export interface CreateAggregateOptions {
  /**
   * The input carries retractions (-U/-D): choose Flink's *WithRetract variants. Without it,
   * MIN/MAX, LISTAGG, FIRST_VALUE and LAST_VALUE use the smaller append-only accumulators and
   * have no `retract`.
   */
  readonly retraction?: boolean;
  /** User aggregates by upper-case name. */
  readonly userAggregates?: ReadonlyMap<string, JsAggregateDef>;
}

/** Names `createAggregate` knows (besides user aggregates). */
export const SUPPORTED_AGGREGATES: ReadonlySet<string> = new Set([
  'COUNT', 'SUM', 'SUM0', '$SUM0', 'AVG', 'MIN', 'MAX', 'VAR_POP', 'VAR_SAMP', 'VARIANCE', 'STDDEV_POP', 'STDDEV_SAMP',
  'STDDEV', 'COLLECT', 'LISTAGG', 'FIRST_VALUE', 'LAST_VALUE', 'ARRAY_AGG', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG',
  'BOOL_AND', 'BOOL_OR', 'SINGLE_VALUE',
]);

/**
 * The aggregate function of `call`; `argTypes` are the types of its arguments (the input
 * columns `call.args`, in order).
 */
export function createAggregate(call: AggregateCallSpec, argTypes: readonly DataType[], options: CreateAggregateOptions = {}): AggregateFunction {
  if (call.distinct && call.name.toUpperCase() === 'COUNT' && argTypes.length > 0) return erase(countDistinctAggregate(argTypes));
  const fn = baseAggregate(call, argTypes, options);
  return call.distinct ? erase(distinctAggregate(fn, argTypes)) : fn;
}

function need(call: AggCall, argTypes: readonly DataType[], n: number): DataType {
  if (argTypes.length < n) throw new PlanError(`${call.name} expects ${n} argument${n === 1 ? '' : 's'}, got ${argTypes.length}`);
  return argTypes[0]!;
}

function baseAggregate(call: AggregateCallSpec, argTypes: readonly DataType[], options: CreateAggregateOptions): AggregateFunction {
  const retraction = options.retraction === true;
  const name = call.name.toUpperCase();
  switch (name) {
    case 'COUNT':
      return erase(countAggregate(argTypes.length));
    case 'SUM':
      need(call, argTypes, 1);
      return erase(sumAggregate(call.type));
    case 'SUM0':
    case '$SUM0':
      need(call, argTypes, 1);
      return erase(sum0Aggregate(call.type));
    case 'AVG':
      return erase(avgAggregate(need(call, argTypes, 1), call.type));
    case 'MIN':
    case 'MAX': {
      const t = need(call, argTypes, 1);
      return retraction ? erase(minMaxWithRetractAggregate(name, t)) : erase(minMaxAggregate(name, t));
    }
    case 'VAR_POP':
    case 'VAR_SAMP':
    case 'STDDEV_POP':
    case 'STDDEV_SAMP':
      return erase(varianceAggregate(name, need(call, argTypes, 1), call.type));
    case 'VARIANCE':
      return erase(varianceAggregate('VAR_SAMP', need(call, argTypes, 1), call.type));
    case 'STDDEV':
      return erase(varianceAggregate('STDDEV_SAMP', need(call, argTypes, 1), call.type));
    case 'COLLECT':
      return erase(collectAggregate(need(call, argTypes, 1)));
    case 'LISTAGG': {
      need(call, argTypes, 1);
      const sep = call.constants[0];
      const separator = typeof sep === 'string' ? sep : ',';
      return retraction ? erase(listAggWithRetractAggregate(separator)) : erase(listAggAggregate(separator));
    }
    case 'FIRST_VALUE':
    case 'LAST_VALUE': {
      const t = need(call, argTypes, 1);
      const respect = call.nulls === 'RESPECT';
      return retraction ? erase(firstLastWithRetractAggregate(name, t, respect)) : erase(firstLastAggregate(name, respect));
    }
    case 'ARRAY_AGG':
      return erase(arrayAggAggregate(need(call, argTypes, 1), call.nulls === 'IGNORE'));
    case 'JSON_OBJECTAGG':
      need(call, argTypes, 2);
      return erase(jsonObjectAggAggregate(argTypes[1]!, call.onNull ?? 'NULL', call.rawJsonArgs?.includes(1) ?? false));
    case 'JSON_ARRAYAGG':
      return erase(jsonArrayAggAggregate(need(call, argTypes, 1), call.onNull ?? 'ABSENT', call.rawJsonArgs?.includes(0) ?? false));
    case 'BOOL_AND':
    case 'BOOL_OR':
      need(call, argTypes, 1);
      return erase(boolAggregate(name));
    case 'SINGLE_VALUE':
      need(call, argTypes, 1);
      return erase(singleValueAggregate());
    default: {
      const user = options.userAggregates?.get(name) ?? options.userAggregates?.get(call.name);
      if (user) return userAggregate(user);
      throw new PlanError(`Aggregate function ${call.name} is not supported by the embedded engine.`);
    }
  }
}
