/**
 * A JavaScript user-defined aggregate (docs/udf.md, `kind = 'aggregate'`) as an AggregateFunction.
 * The module's functions receive the accumulator and the arguments spread, and return the new
 * accumulator or undefined when they updated it in place. NULL arguments are passed as null (the
 * function decides, as Flink passes nulls to a UDAF's accumulate).
 *
 * The accumulator is the module's own. Checkpoints save plain data (value-codec.ts); an accumulator
 * may also be an instance of a class (the one createAccumulator returns), saved as its own
 * enumerable fields and decoded as a plain object of them. Before the module sees such a plain
 * object, it is rebuilt: a fresh createAccumulator() with the fields assigned onto it
 * (Object.assign), so the class's methods work again (docs/fault-tolerance.md).
 */
import type { JsAggregateDef } from '../../functions/user/load-js-function.js';
import { RuntimeError } from '../../types/errors.js';
import { Decimal, Timestamp } from '../../types/values.js';
import { registerAccumulatorClass } from '../checkpoint/value-format.js';
import type { AggregateFunction } from './aggregate-function.js';

function wrapError(name: string, what: string, err: unknown): RuntimeError {
  return new RuntimeError(`User aggregate function '${name}' failed in ${what}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

/** The prototype of a class instance the codec does not write by itself; null for plain data. */
function classPrototypeOf(acc: unknown): object | null {
  if (acc === null || typeof acc !== 'object' || Array.isArray(acc) || acc instanceof Uint8Array) return null;
  const proto = Object.getPrototypeOf(acc) as object | null;
  return proto === null || proto === Object.prototype || proto === Map.prototype || proto === Set.prototype || proto === Timestamp.prototype || proto === Decimal.prototype ? null : proto;
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
  // The prototype of the accumulators createAccumulator returns when they are class instances
  // (registered with the codec), null when they are plain data, undefined before the first one.
  let accumulatorClass: object | null | undefined;
  const create = (): unknown => {
    const acc = call('createAccumulator', () => def.createAccumulator());
    if (accumulatorClass === undefined) {
      accumulatorClass = classPrototypeOf(acc);
      if (accumulatorClass !== null) registerAccumulatorClass(accumulatorClass, `User aggregate function '${name}'`);
    }
    return acc;
  };
  // A plain object where the class is expected is a restored accumulator's fields: rebuild it.
  const rebuild = (acc: unknown): unknown => {
    if (accumulatorClass === null || acc === null || typeof acc !== 'object' || Object.getPrototypeOf(acc) !== Object.prototype) return acc;
    const fresh = create();
    return accumulatorClass === null ? acc : Object.assign(fresh as object, acc);
  };
  const next = (acc: unknown, result: unknown): unknown => (result === undefined ? acc : result);
  const fn: AggregateFunction = {
    createAccumulator: create,
    accumulate: (acc, args) => {
      const a = rebuild(acc);
      return next(a, call('accumulate', () => def.accumulate(a, ...args)));
    },
    merge: (acc, other) => {
      const merge = def.merge;
      if (!merge) throw new RuntimeError(`User aggregate function '${name}' does not export 'merge', which this query needs (window aggregation merges partial results).`);
      const a = rebuild(acc);
      const o = rebuild(other);
      return next(a, call('merge', () => merge(a, o)));
    },
    getValue: (acc) => {
      const a = rebuild(acc);
      return call('getValue', () => def.getValue(a)) ?? null;
    },
  };
  const retract = def.retract;
  if (retract) {
    fn.retract = (acc, args) => {
      const a = rebuild(acc);
      return next(a, call('retract', () => retract(a, ...args)));
    };
  }
  return fn;
}
