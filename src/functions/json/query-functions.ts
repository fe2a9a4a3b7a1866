/** JSON_EXISTS, JSON_VALUE, JSON_QUERY and IS JSON (clause arguments: see clauses.ts). */
import type { ScalarFunctionDef, TypeSite } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { ARRAY, BOOLEAN, STRING, isCharacterString, withNullability } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { checkArity, describeType, requireString, scalar } from '../string/define.js';
import {
  keywordArg,
  type IsJsonKind,
  type JsonExistsOnError,
  type JsonQueryOnEmptyOrError,
  type JsonQueryWrapper,
  type JsonValueOnEmptyOrError,
} from './clauses.js';
import { convertScalar, JsonConversionError } from './convert.js';
import { isScalar, javaToString, parseJson, scalarToString, toJson, type JsonNode } from './json-value.js';
import { compilePath, evaluatePath, InvalidPathError } from './path.js';

type Mode = 'LAX' | 'STRICT';
/** Result of evaluating a path: a value (null when empty), or the error to apply ON ERROR to. */
interface PathResult {
  readonly mode: Mode;
  readonly obj: JsonNode;
  readonly exc?: Error;
}

const MODE = /^\s*(strict|lax)\s+([\s\S]+)$/i;

function illegalSpec(pathSpec: string): Error {
  return new RuntimeError(
    `Illegal jsonpath spec ''${pathSpec}'', format of the spec should be: ''<lax|strict> $'{'expr'}'''`,
  );
}

/** Calcite's jsonApiCommonSyntax as Flink has it. */
export function jsonPathQuery(input: string, pathSpec: string): PathResult {
  const m = MODE.exec(pathSpec);
  const mode: Mode = m ? (m[1]!.toUpperCase() as Mode) : 'STRICT';
  const pathStr = m ? m[2]! : pathSpec;
  let doc: JsonNode;
  try {
    doc = parseJson(input);
  } catch (e) {
    if (mode === 'LAX') return { mode, obj: null };
    return { mode: 'STRICT', obj: null, exc: e as Error };
  }
  try {
    const path = compilePath(pathStr);
    const v = evaluatePath(doc, path, mode === 'LAX');
    if (mode === 'STRICT' && (v === null || v === undefined)) {
      return { mode: 'STRICT', obj: null, exc: new RuntimeError('Strict jsonpath mode requires a non empty returned value, but is null') };
    }
    return { mode, obj: v ?? null };
  } catch (e) {
    return { mode: 'STRICT', obj: null, exc: e instanceof InvalidPathError ? illegalSpec(pathSpec) : (e as Error) };
  }
}

const unchecked = (e: Error): Error => (e instanceof RuntimeError ? e : new RuntimeError(e.message, { cause: e }));

function requireJsonInput(site: TypeSite): void {
  requireString(site, 0);
  requireString(site, 1);
}

const JSON_EXISTS = scalar({
  names: ['JSON_EXISTS'],
  category: 'json',
  doc: 'JSON_EXISTS(jsonValue, path [{TRUE | FALSE | UNKNOWN | ERROR} ON ERROR]): whether path finds a value.',
  nulls: 'custom',
  inferType: (site) => {
    checkArity(site, 2, 3);
    requireJsonInput(site);
    keywordArg<JsonExistsOnError>(site, 2, ['TRUE', 'FALSE', 'UNKNOWN', 'ERROR'], 'FALSE');
    return BOOLEAN(true);
  },
  build: (site) => {
    const onError = keywordArg<JsonExistsOnError>(site, 2, ['TRUE', 'FALSE', 'UNKNOWN', 'ERROR'], 'FALSE');
    return (json, path) => {
      if (json === null || path === null) return null;
      const r = jsonPathQuery(json as string, path as string);
      if (r.exc) {
        if (onError === 'ERROR') throw unchecked(r.exc);
        return onError === 'TRUE' ? true : onError === 'FALSE' ? false : null;
      }
      return r.obj !== null;
    };
  },
});

const VALUE_BEHAVIORS = ['NULL', 'ERROR', 'DEFAULT'] as const;
const RETURNABLE = new Set(['CHAR', 'VARCHAR', 'BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL']);

function jsonValueReturning(site: TypeSite): DataType {
  if (site.argTypes.length === 2) return STRING(true);
  const t = site.argTypes[2]!;
  if (!RETURNABLE.has(t.kind)) throw new FunctionTypeError(`Unsupported RETURNING type for JSON_VALUE: ${describeType(t)}.`, 2);
  return withNullability(t, true);
}

const JSON_VALUE = scalar({
  names: ['JSON_VALUE'],
  category: 'json',
  doc: 'JSON_VALUE(jsonValue, path [RETURNING type] [{NULL | ERROR | DEFAULT expr} ON EMPTY] [{NULL | ERROR | DEFAULT expr} ON ERROR]): the scalar at path.',
  nulls: 'custom',
  inferType: (site) => {
    if (site.argTypes.length !== 2) checkArity(site, 7);
    requireJsonInput(site);
    keywordArg(site, 3, VALUE_BEHAVIORS, 'NULL');
    keywordArg(site, 5, VALUE_BEHAVIORS, 'NULL');
    return jsonValueReturning(site);
  },
  build: (site) => {
    const to = jsonValueReturning(site);
    const onEmpty: JsonValueOnEmptyOrError = keywordArg(site, 3, VALUE_BEHAVIORS, 'NULL');
    const onError: JsonValueOnEmptyOrError = keywordArg(site, 5, VALUE_BEHAVIORS, 'NULL');
    return (json, path, _returning, _onEmpty, emptyDefault, _onError, errorDefault) => {
      if (json === null || path === null) return null;
      const r = jsonPathQuery(json as string, path as string);
      let exc = r.exc;
      if (!exc) {
        const v = r.obj;
        if (v === null || (r.mode === 'LAX' && !isScalar(v))) {
          if (onEmpty === 'ERROR') throw new RuntimeError('Empty result of JSON_VALUE function is not allowed');
          if (onEmpty === 'NULL') return null;
          try {
            return convertScalar(emptyDefault, to);
          } catch (e) {
            // A failing DEFAULT ON EMPTY falls through to the ON ERROR behavior.
            exc = e as Error;
          }
        } else if (r.mode === 'STRICT' && !isScalar(v)) {
          exc = new RuntimeError(`Strict jsonpath mode requires scalar value, and the actual value is: ''${javaToString(v)}''`);
        } else {
          try {
            return convertScalar(v, to);
          } catch (e) {
            if (!(e instanceof JsonConversionError)) throw e;
            exc = e;
          }
        }
      }
      if (onError === 'ERROR') throw unchecked(exc!);
      if (onError === 'NULL') return null;
      return convertScalar(errorDefault, to);
    };
  },
});

const WRAPPERS = ['WITHOUT_ARRAY', 'CONDITIONAL_ARRAY', 'UNCONDITIONAL_ARRAY'] as const;
const QUERY_BEHAVIORS = ['NULL', 'EMPTY_ARRAY', 'EMPTY_OBJECT', 'ERROR'] as const;

function jsonQueryReturning(site: TypeSite): DataType {
  if (site.argTypes.length < 6) return STRING(true);
  const t = site.argTypes[5]!;
  if (isCharacterString(t)) return STRING(true);
  if (t.kind === 'ARRAY' && isCharacterString(t.element)) return ARRAY(STRING(true), true);
  throw new FunctionTypeError(`Unsupported RETURNING type for JSON_QUERY: ${describeType(t)}.`, 5);
}

const JSON_QUERY = scalar({
  names: ['JSON_QUERY'],
  category: 'json',
  doc: 'JSON_QUERY(jsonValue, path [wrapper] [behavior ON EMPTY] [behavior ON ERROR]): the JSON array or object at path, as a string.',
  nulls: 'custom',
  inferType: (site) => {
    if (site.argTypes.length !== 2) checkArity(site, 5, 6);
    requireJsonInput(site);
    keywordArg(site, 2, WRAPPERS, 'WITHOUT_ARRAY');
    keywordArg(site, 3, QUERY_BEHAVIORS, 'NULL');
    keywordArg(site, 4, QUERY_BEHAVIORS, 'NULL');
    return jsonQueryReturning(site);
  },
  build: (site) => {
    const wrapper: JsonQueryWrapper = keywordArg(site, 2, WRAPPERS, 'WITHOUT_ARRAY');
    const onEmpty: JsonQueryOnEmptyOrError = keywordArg(site, 3, QUERY_BEHAVIORS, 'NULL');
    const onError: JsonQueryOnEmptyOrError = keywordArg(site, 4, QUERY_BEHAVIORS, 'NULL');
    const asArray = jsonQueryReturning(site).kind === 'ARRAY';
    const fallback = (b: JsonQueryOnEmptyOrError, exc: Error | null): unknown => {
      if (b === 'ERROR') throw exc ? unchecked(exc) : new RuntimeError('Empty result of JSON_QUERY function is not allowed');
      if (b === 'NULL') return null;
      if (b === 'EMPTY_ARRAY') return asArray ? [] : '[]';
      if (asArray) throw new RuntimeError(`Illegal ${exc ? 'error' : 'empty'} behavior 'EMPTY_OBJECT' specified in JSON_QUERY function`);
      return '{}';
    };
    return (json, path) => {
      if (json === null || path === null) return null;
      const r = jsonPathQuery(json as string, path as string);
      let exc: Error | null = r.exc ?? null;
      if (!exc) {
        let v: JsonNode = r.obj;
        if (v !== null) {
          if (wrapper === 'UNCONDITIONAL_ARRAY' || (wrapper === 'CONDITIONAL_ARRAY' && !Array.isArray(v))) v = [v];
        }
        if (v === null || (r.mode === 'LAX' && isScalar(v))) return fallback(onEmpty, null);
        if (r.mode === 'STRICT' && isScalar(v)) {
          exc = new RuntimeError(`Strict jsonpath mode requires array or object value, and the actual value is: ''${scalarToString(v)}''`);
        } else if (!asArray) {
          return toJson(v);
        } else if (Array.isArray(v)) {
          return v.map((el) => (el === null ? null : isScalar(el) ? scalarToString(el) : toJson(el)));
        } else {
          exc = new RuntimeError('class java.util.LinkedHashMap cannot be cast to class java.util.List');
        }
      }
      return fallback(onError, exc);
    };
  },
});

const IS_JSON_KINDS = ['VALUE', 'SCALAR', 'ARRAY', 'OBJECT'] as const;

const IS_JSON = scalar({
  names: ['IS JSON'],
  category: 'json',
  doc: 'value IS JSON [VALUE | SCALAR | ARRAY | OBJECT]: whether the string is valid JSON of that kind.',
  nulls: 'custom',
  inferType: (site) => {
    checkArity(site, 1, 2);
    requireString(site, 0);
    keywordArg<IsJsonKind>(site, 1, IS_JSON_KINDS, 'VALUE');
    return BOOLEAN(false);
  },
  build: (site) => {
    const kind: IsJsonKind = keywordArg(site, 1, IS_JSON_KINDS, 'VALUE');
    return (s) => {
      if (s === null) return false;
      let v: JsonNode;
      try {
        v = parseJson(s as string);
      } catch {
        return false;
      }
      switch (kind) {
        case 'VALUE':
          return true;
        case 'SCALAR':
          return isScalar(v);
        case 'ARRAY':
          return Array.isArray(v);
        case 'OBJECT':
          return v instanceof Map;
      }
    };
  },
});

export const JSON_QUERY_FUNCTIONS: readonly ScalarFunctionDef[] = [JSON_EXISTS, JSON_VALUE, JSON_QUERY, IS_JSON];
