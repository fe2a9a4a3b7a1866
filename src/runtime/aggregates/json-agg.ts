/**
 * JSON_OBJECTAGG(key VALUE value [NULL | ABSENT ON NULL]) and JSON_ARRAYAGG(value [ABSENT | NULL
 * ON NULL]), as Flink's JsonObjectAggFunction / JsonArrayAggFunction. Values are stored as their
 * JSON text (Flink wraps the arguments in JSON_STRING); the result is compact JSON text, '{}' or
 * '[]' on empty input. Defaults: JSON_OBJECTAGG NULL ON NULL, JSON_ARRAYAGG ABSENT ON NULL.
 * Object keys are written sorted, as weir's JSON serializer does for JSON_OBJECT.
 *
 * JSON_OBJECTAGG accumulator: Map<key, JSON text | null>; a duplicate key is an error, as in Flink;
 * a retraction removes the key.
 * JSON_ARRAYAGG accumulator: RetractableList of JSON texts (null for a kept NULL).
 */
import type { DataType } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { toJsonNodeFn } from '../../functions/json/convert.js';
import { parseJson, quoteJson, toJson } from '../../functions/json/json-value.js';
import type { AggregateFunction } from './aggregate-function.js';
import { emptyList, listAdd, listMerge, listRetract, type RetractableList } from './retractable-list.js';

export type OnNull = 'NULL' | 'ABSENT';

const isNull = (v: unknown): boolean => v === null || v === undefined;

/** The JSON text of a SQL value; `raw` for values that already are JSON text (nested JSON_OBJECT …). */
export function jsonTextOf(type: DataType, raw = false): (v: unknown) => string {
  const node = raw ? (v: unknown) => parseJson(v as string) : toJsonNodeFn(type);
  return (v) => toJson(node(v));
}

function duplicateKey(key: string): never {
  throw new RuntimeError(`Key '${key}' is already present. Duplicate keys are not allowed in JSON_OBJECTAGG. Please ensure that keys are unique.`);
}

export function jsonObjectAggAggregate(valueType: DataType, onNull: OnNull = 'NULL', rawValue = false): AggregateFunction<Map<string, string | null>> {
  const text = jsonTextOf(valueType, rawValue);
  return {
    createAccumulator: () => new Map(),
    accumulate: (acc, args) => {
      const key = args[0];
      if (isNull(key)) throw new RuntimeError('The key of JSON_OBJECTAGG must not be NULL.');
      const k = key as string;
      if (acc.has(k)) duplicateKey(k);
      const v = args[1];
      if (isNull(v)) {
        if (onNull === 'NULL') acc.set(k, null);
      } else acc.set(k, text(v));
      return acc;
    },
    retract: (acc, args) => {
      if (!isNull(args[0])) acc.delete(args[0] as string);
      return acc;
    },
    merge: (acc, other) => {
      for (const [k, v] of other) {
        if (acc.has(k)) duplicateKey(k);
        acc.set(k, v);
      }
      return acc;
    },
    getValue: (acc) => {
      const keys = [...acc.keys()].sort();
      return `{${keys.map((k) => `${quoteJson(k)}:${acc.get(k) ?? 'null'}`).join(',')}}`;
    },
  };
}

export function jsonArrayAggAggregate(valueType: DataType, onNull: OnNull = 'ABSENT', rawValue = false): AggregateFunction<RetractableList> {
  const text = jsonTextOf(valueType, rawValue);
  const eq = (a: unknown, b: unknown): boolean => a === b;
  const item = (v: unknown): string | null => (isNull(v) ? null : text(v));
  const skip = (v: unknown): boolean => isNull(v) && onNull === 'ABSENT';
  return {
    createAccumulator: emptyList,
    accumulate: (acc, args) => (skip(args[0]) ? acc : listAdd(acc, item(args[0]))),
    retract: (acc, args) => (skip(args[0]) ? acc : listRetract(acc, item(args[0]), eq)),
    merge: (acc, other) => listMerge(acc, other, eq),
    getValue: (acc) => `[${acc.list.map((t) => t ?? 'null').join(',')}]`,
  };
}
