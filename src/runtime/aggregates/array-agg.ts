/**
 * ARRAY_AGG(x [RESPECT NULLS | IGNORE NULLS]), as Flink's ArrayAggFunction: the inputs in arrival
 * order (NULLs kept unless IGNORE NULLS; RESPECT NULLS is the default); NULL, not an empty array,
 * when there are no inputs. Retractable.
 * Accumulator: RetractableList of the values.
 */
import type { DataType } from '../../types/data-type.js';
import { valuesEqual } from '../../types/values-compare.js';
import type { AggregateFunction } from './aggregate-function.js';
import { emptyList, listAdd, listMerge, listRetract, type RetractableList } from './retractable-list.js';

const isNull = (v: unknown): boolean => v === null || v === undefined;

export function arrayAggAggregate(type: DataType, ignoreNulls: boolean): AggregateFunction<RetractableList> {
  const eq = (a: unknown, b: unknown): boolean => valuesEqual(a, b, type);
  const norm = (v: unknown): unknown => (v === undefined ? null : v);
  return {
    createAccumulator: emptyList,
    accumulate: (acc, args) => (ignoreNulls && isNull(args[0]) ? acc : listAdd(acc, norm(args[0]))),
    retract: (acc, args) => (ignoreNulls && isNull(args[0]) ? acc : listRetract(acc, norm(args[0]), eq)),
    merge: (acc, other) => listMerge(acc, other, eq),
    getValue: (acc) => (acc.list.length === 0 ? null : [...acc.list]),
  };
}
