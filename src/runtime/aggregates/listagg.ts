/**
 * LISTAGG(x [, separator]): the non-NULL inputs joined by the separator (default ','), in arrival
 * order; NULL when there are none.
 * - `listAggAggregate` (Flink's ListAggFunction), append-only. Accumulator: the joined string or null.
 * - `listAggWithRetractAggregate` (ListAggWithRetractAggFunction / ListAggWsWithRetractAggFunction).
 *   Accumulator: RetractableList of the strings.
 */
import type { AggregateFunction } from './aggregate-function.js';
import { emptyList, listAdd, listMerge, listRetract, type RetractableList } from './retractable-list.js';

const isNull = (v: unknown): boolean => v === null || v === undefined;
const strEq = (a: unknown, b: unknown): boolean => a === b;

export function listAggAggregate(separator: string): AggregateFunction<string | null> {
  const join = (acc: string | null, x: unknown): string | null => (isNull(x) ? acc : acc === null ? (x as string) : acc + separator + (x as string));
  return {
    createAccumulator: () => null,
    accumulate: (acc, args) => join(acc, args[0]),
    merge: (acc, other) => join(acc, other),
    getValue: (acc) => acc,
  };
}

export function listAggWithRetractAggregate(separator: string): AggregateFunction<RetractableList> {
  return {
    createAccumulator: emptyList,
    accumulate: (acc, args) => (isNull(args[0]) ? acc : listAdd(acc, args[0])),
    retract: (acc, args) => (isNull(args[0]) ? acc : listRetract(acc, args[0], strEq)),
    merge: (acc, other) => listMerge(acc, other, strEq),
    getValue: (acc) => (acc.list.length === 0 ? null : acc.list.join(separator)),
  };
}
