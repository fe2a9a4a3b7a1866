/**
 * FIRST_VALUE(x) and LAST_VALUE(x), as Flink 1.20's FirstValueAggFunction / LastValueAggFunction:
 * the first / last non-NULL input in arrival order (NULL inputs are skipped; with
 * `respectNulls` they count as values, for RESPECT NULLS); NULL on empty input.
 *
 * - `firstLastAggregate`, append-only. Accumulator: [] before any value, [value] after.
 * - `firstLastWithRetractAggregate` (FirstValueWithRetractAggFunction …): Flink orders inputs by
 *   arrival (processing time) and a retraction removes the earliest copy of the value.
 *   Accumulator: the values in arrival order (an array).
 */
import type { DataType } from '../../types/data-type.js';
import { valuesEqual } from '../../types/values-compare.js';
import type { AggregateFunction } from './aggregate-function.js';

export type FirstLast = 'FIRST_VALUE' | 'LAST_VALUE';

const isNull = (v: unknown): boolean => v === null || v === undefined;

export function firstLastAggregate(kind: FirstLast, respectNulls = false): AggregateFunction<unknown[]> {
  const skip = (x: unknown): boolean => !respectNulls && isNull(x);
  const first = kind === 'FIRST_VALUE';
  return {
    createAccumulator: () => [],
    accumulate: (acc, args) => {
      const x = args[0] ?? null;
      if (skip(x) || (first && acc.length > 0)) return acc;
      return [x];
    },
    merge: (acc, other) => {
      if (other.length === 0) return acc;
      if (acc.length === 0 || !first) return [other[0]];
      return acc;
    },
    getValue: (acc) => (acc.length === 0 ? null : acc[0]),
  };
}

export function firstLastWithRetractAggregate(kind: FirstLast, type: DataType, respectNulls = false): AggregateFunction<unknown[]> {
  const skip = (x: unknown): boolean => !respectNulls && isNull(x);
  const first = kind === 'FIRST_VALUE';
  return {
    createAccumulator: () => [],
    accumulate: (acc, args) => {
      const x = args[0] ?? null;
      if (!skip(x)) acc.push(x);
      return acc;
    },
    retract: (acc, args) => {
      const x = args[0] ?? null;
      if (skip(x)) return acc;
      const i = acc.findIndex((v) => valuesEqual(v, x, type));
      if (i >= 0) acc.splice(i, 1);
      return acc;
    },
    merge: (acc, other) => {
      for (const v of other) acc.push(v);
      return acc;
    },
    getValue: (acc) => (acc.length === 0 ? null : first ? acc[0] : acc[acc.length - 1]),
  };
}
