import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { DataType } from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import type { FunctionDef } from '../function-def.js';

/**
 * Loads a user-defined function written in JavaScript (CREATE FUNCTION f AS 'path.js'
 * LANGUAGE JAVASCRIPT). The module's shape (see docs/udf.md):
 *
 *   export const returns = 'STRING';         // SQL type of the result (a ROW type for table functions)
 *   export const kind = 'scalar';             // or 'table' (then `evaluate` yields rows as arrays)
 *   export const nulls = 'strict';            // 'strict' (NULL in → NULL out, the default) or 'custom'
 *   export const deterministic = true;        // false: never constant-folded
 *   export function evaluate(...args) { … }   // values as in src/types/values.ts
 *
 * An aggregate function module (`kind = 'aggregate'`) exports instead createAccumulator,
 * accumulate(acc, ...args), getValue(acc) and optionally retract(acc, ...args) and merge(acc, other);
 * `loadJsUserFunction` returns it as a `JsAggregateDef`.
 */
export async function loadJsFunction(name: string, modulePath: string, baseDir: string, parseReturnType: (text: string) => DataType): Promise<FunctionDef> {
  const def = await loadJsUserFunction(name, modulePath, baseDir, parseReturnType);
  if (def.kind === 'aggregate') {
    throw new PlanError(`JavaScript function '${name}' is an aggregate function; aggregate functions are not supported here.`);
  }
  return def;
}

/** A user-defined aggregate function written in JavaScript (see docs/udf.md). */
export interface JsAggregateDef {
  readonly kind: 'aggregate';
  /** Upper-case SQL name. */
  readonly names: readonly string[];
  readonly category: 'user';
  readonly doc: string;
  readonly resultType: DataType;
  readonly createAccumulator: () => unknown;
  /** Returns the new accumulator, or undefined when it updated `acc` in place. */
  readonly accumulate: (acc: unknown, ...args: unknown[]) => unknown;
  readonly retract?: (acc: unknown, ...args: unknown[]) => unknown;
  readonly merge?: (acc: unknown, other: unknown) => unknown;
  readonly getValue: (acc: unknown) => unknown;
}

/** Loads a scalar, table or aggregate function module. */
export async function loadJsUserFunction(name: string, modulePath: string, baseDir: string, parseReturnType: (text: string) => DataType): Promise<FunctionDef | JsAggregateDef> {
  const path = resolve(baseDir, modulePath);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (err) {
    throw new PlanError(`Cannot load JavaScript function '${name}' from '${path}': ${err instanceof Error ? err.message : String(err)}`);
  }
  const returns = mod['returns'];
  if (typeof returns !== 'string') throw new PlanError(`JavaScript function module '${path}' must export 'returns', the SQL type of its result (e.g. export const returns = 'STRING').`);
  let resultType: DataType;
  try {
    resultType = parseReturnType(returns);
  } catch (err) {
    throw new PlanError(`Invalid 'returns' type '${returns}' in '${path}': ${err instanceof Error ? err.message : String(err)}`);
  }
  if (mod['kind'] === 'aggregate') return aggregateDef(name, modulePath, path, mod, resultType);
  const evaluate = mod['evaluate'];
  if (typeof evaluate !== 'function') throw new PlanError(`JavaScript function module '${path}' must export a function named 'evaluate'.`);
  const fn = evaluate as (...args: unknown[]) => unknown;
  const base = { names: [name.toUpperCase()], category: 'user' as const, doc: `${name}: JavaScript function from ${modulePath}` };
  if (mod['kind'] === 'table') {
    if (resultType.kind !== 'ROW') throw new PlanError(`Table function '${name}' must return a ROW type, e.g. 'ROW<word STRING, len INT>'.`);
    return { ...base, kind: 'table', inferType: () => resultType, build: () => fn as (...args: unknown[]) => Iterable<unknown[]> };
  }
  return {
    ...base,
    kind: 'scalar',
    nulls: mod['nulls'] === 'custom' ? 'custom' : 'strict',
    deterministic: mod['deterministic'] !== false,
    inferType: () => resultType,
    build: () => (...args: unknown[]) => fn(...args) ?? null,
  };
}

type Fn = (...args: unknown[]) => unknown;

function aggregateDef(name: string, modulePath: string, path: string, mod: Record<string, unknown>, resultType: DataType): JsAggregateDef {
  const required = ['createAccumulator', 'accumulate', 'getValue'] as const;
  for (const f of required) {
    if (typeof mod[f] !== 'function') throw new PlanError(`JavaScript aggregate function module '${path}' must export a function named '${f}'.`);
  }
  for (const f of ['retract', 'merge'] as const) {
    if (mod[f] !== undefined && typeof mod[f] !== 'function') throw new PlanError(`'${f}' in JavaScript aggregate function module '${path}' must be a function.`);
  }
  return {
    kind: 'aggregate',
    names: [name.toUpperCase()],
    category: 'user',
    doc: `${name}: JavaScript aggregate function from ${modulePath}`,
    resultType,
    createAccumulator: mod['createAccumulator'] as () => unknown,
    accumulate: mod['accumulate'] as Fn,
    retract: mod['retract'] as Fn | undefined,
    merge: mod['merge'] as ((acc: unknown, other: unknown) => unknown) | undefined,
    getValue: mod['getValue'] as (acc: unknown) => unknown,
  };
}
