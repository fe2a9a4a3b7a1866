/**
 * A JavaScript user-defined aggregate (docs/udf.md, `kind = 'aggregate'`) as an AggregateFunction.
 * The module's functions receive the accumulator and the arguments spread, and return the new
 * accumulator or undefined when they updated it in place. NULL arguments are passed as null (the
 * function decides, as Flink passes nulls to a UDAF's accumulate). The accumulator is the
 * module's own; it must be plain data for checkpoints.
 */
import type { JsAggregateDef } from '../../functions/user/load-js-function.js';
import { RuntimeError } from '../../types/errors.js';
import type { AggregateFunction } from './aggregate-function.js';

function wrapError(name: string, what: string, err: unknown): RuntimeError {
  return new RuntimeError(`User aggregate function '${name}' failed in ${what}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

export function userAggregate(def: JsAggregateDef): AggregateFunction {
  const name = def.names[0] ?? 'user';
  const call = <T>(what: string, f: () => T): T => {
    try {
      return f();
    } catch (err) {
      throw wrapError(name, what, err);
    }
  };
  const next = (acc: unknown, result: unknown): unknown => (result === undefined ? acc : result);
  const fn: AggregateFunction = {
    createAccumulator: () => call('createAccumulator', () => def.createAccumulator()),
    accumulate: (acc, args) => next(acc, call('accumulate', () => def.accumulate(acc, ...args))),
    merge: (acc, other) => {
      const merge = def.merge;
      if (!merge) throw new RuntimeError(`User aggregate function '${name}' does not export 'merge', which this query needs (window aggregation merges partial results).`);
      return next(acc, call('merge', () => merge(acc, other)));
    },
    getValue: (acc) => call('getValue', () => def.getValue(acc)) ?? null,
  };
  const retract = def.retract;
  if (retract) fn.retract = (acc, args) => next(acc, call('retract', () => retract(acc, ...args)));
  return fn;
}
