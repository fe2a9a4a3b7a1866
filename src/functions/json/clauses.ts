/**
 * How the planner passes the SQL/JSON clauses of the JSON functions: as trailing arguments in
 * fixed positions. Keyword clauses are CHAR literals holding the keyword; RETURNING is an
 * argument whose *type* is the returning type (pass a typed NULL literal, e.g. CAST(NULL AS INT));
 * DEFAULT values are ordinary expressions (a typed NULL literal when there is no DEFAULT).
 *
 * JSON_EXISTS(json, path [, onError])
 *   onError: 'TRUE' | 'FALSE' | 'UNKNOWN' | 'ERROR'                       (default 'FALSE')
 *
 * JSON_VALUE(json, path [, returning, onEmpty, emptyDefault, onError, errorDefault])
 *   returning: typed NULL literal of the RETURNING type                  (default STRING)
 *   onEmpty / onError: 'NULL' | 'ERROR' | 'DEFAULT'                       (default 'NULL')
 *   emptyDefault / errorDefault: the DEFAULT expressions
 *
 * JSON_QUERY(json, path [, wrapper, onEmpty, onError [, returning]])
 *   wrapper: 'WITHOUT_ARRAY' | 'CONDITIONAL_ARRAY' | 'UNCONDITIONAL_ARRAY' (default 'WITHOUT_ARRAY')
 *   onEmpty / onError: 'NULL' | 'EMPTY_ARRAY' | 'EMPTY_OBJECT' | 'ERROR'  (default 'NULL')
 *   returning: typed NULL literal of STRING (default) or ARRAY<STRING>
 *
 * JSON_OBJECT(onNull, key1, value1, key2, value2, …)
 * JSON_ARRAY(onNull, value1, value2, …)
 *   onNull: jsonConstructClause(…), i.e. 'NULL' or 'ABSENT' (defaults: JSON_OBJECT 'NULL',
 *   JSON_ARRAY 'ABSENT'), followed by ';raw=i,j' listing the argument indexes whose values come
 *   from nested JSON_OBJECT / JSON_ARRAY calls and are inserted as JSON rather than as strings.
 *
 * 'IS JSON'(value, kind)   kind: 'VALUE' | 'SCALAR' | 'ARRAY' | 'OBJECT'
 */
import { FunctionTypeError } from '../function-def.js';
import type { TypeSite } from '../function-def.js';

export type JsonExistsOnError = 'TRUE' | 'FALSE' | 'UNKNOWN' | 'ERROR';
export type JsonValueOnEmptyOrError = 'NULL' | 'ERROR' | 'DEFAULT';
export type JsonQueryWrapper = 'WITHOUT_ARRAY' | 'CONDITIONAL_ARRAY' | 'UNCONDITIONAL_ARRAY';
export type JsonQueryOnEmptyOrError = 'NULL' | 'EMPTY_ARRAY' | 'EMPTY_OBJECT' | 'ERROR';
export type JsonOnNull = 'NULL' | 'ABSENT';
export type IsJsonKind = 'VALUE' | 'SCALAR' | 'ARRAY' | 'OBJECT';

/** The literal first argument of JSON_OBJECT / JSON_ARRAY. */
export function jsonConstructClause(onNull: JsonOnNull, rawArgIndexes: readonly number[] = []): string {
  return rawArgIndexes.length === 0 ? onNull : `${onNull};raw=${rawArgIndexes.join(',')}`;
}

export function parseConstructClause(text: string): { onNull: JsonOnNull; raw: ReadonlySet<number> } {
  const [head, rest] = text.split(';raw=');
  const onNull = head!.trim().toUpperCase();
  if (onNull !== 'NULL' && onNull !== 'ABSENT') throw new FunctionTypeError(`Invalid ON NULL behavior '${head}'.`, 0);
  const raw = new Set((rest ?? '').split(',').filter((s) => s !== '').map(Number));
  return { onNull, raw };
}

/** Reads the keyword literal at `index` (or `fallback` when absent), checking it is one of `allowed`. */
export function keywordArg<T extends string>(site: TypeSite, index: number, allowed: readonly T[], fallback: T): T {
  if (index >= site.argTypes.length) return fallback;
  const v = site.literals[index];
  if (typeof v !== 'string') {
    throw new FunctionTypeError(`Argument ${index + 1} of '${site.name}' must be a keyword literal (${allowed.join(', ')}).`, index);
  }
  const k = v.trim().toUpperCase().replace(/\s+/g, '_') as T;
  if (!allowed.includes(k)) {
    throw new FunctionTypeError(`Invalid keyword '${v}' for argument ${index + 1} of '${site.name}': expected ${allowed.join(', ')}.`, index);
  }
  return k;
}
