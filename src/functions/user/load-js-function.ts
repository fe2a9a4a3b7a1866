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
 */
export async function loadJsFunction(name: string, modulePath: string, baseDir: string, parseReturnType: (text: string) => DataType): Promise<FunctionDef> {
  const path = resolve(baseDir, modulePath);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (err) {
    throw new PlanError(`Cannot load JavaScript function '${name}' from '${path}': ${err instanceof Error ? err.message : String(err)}`);
  }
  const evaluate = mod['evaluate'];
  const returns = mod['returns'];
  if (typeof evaluate !== 'function') throw new PlanError(`JavaScript function module '${path}' must export a function named 'evaluate'.`);
  if (typeof returns !== 'string') throw new PlanError(`JavaScript function module '${path}' must export 'returns', the SQL type of its result (e.g. export const returns = 'STRING').`);
  let resultType: DataType;
  try {
    resultType = parseReturnType(returns);
  } catch (err) {
    throw new PlanError(`Invalid 'returns' type '${returns}' in '${path}': ${err instanceof Error ? err.message : String(err)}`);
  }
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
