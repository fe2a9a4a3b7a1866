/**
 * Test helpers for the built-in function families: call a function by name with JS values,
 * inferring SQL literal types from them (as the planner would for literals).
 */
import type { FunctionDef, ScalarFunctionDef, TypeSite } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { ARRAY, BIGINT, BINARY, BOOLEAN, CHAR, DECIMAL, DOUBLE, INT, MAP, NULL_TYPE } from '../../types/data-type.js';
import { Decimal } from '../../types/values.js';
import { COLLECTION_FUNCTIONS } from '../collection/index.js';
import { CONDITIONAL_FUNCTIONS } from '../conditional/index.js';
import { HASH_FUNCTIONS } from '../hash/index.js';
import { JSON_FUNCTIONS } from '../json/index.js';
import { MATH_FUNCTIONS } from '../math/index.js';
import { STRING_FUNCTIONS } from './index.js';

const FAMILIES = [STRING_FUNCTIONS, MATH_FUNCTIONS, CONDITIONAL_FUNCTIONS, COLLECTION_FUNCTIONS, JSON_FUNCTIONS, HASH_FUNCTIONS];

export function lookup(name: string): ScalarFunctionDef {
  for (const fam of FAMILIES) {
    const def = fam.find((d: FunctionDef) => d.names.includes(name));
    if (def && def.kind === 'scalar') return def;
  }
  throw new Error(`no function ${name}`);
}

/** The SQL type of a literal-like JS value (NOT NULL, except NULL). */
export function typeOfValue(v: unknown): DataType {
  if (v === null || v === undefined) return NULL_TYPE;
  if (typeof v === 'string') return CHAR(v.length, false);
  if (typeof v === 'boolean') return BOOLEAN(false);
  if (typeof v === 'bigint') return BIGINT(false);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? INT(false) : DOUBLE(false);
  if (v instanceof Decimal) {
    const digits = (v.unscaled < 0n ? -v.unscaled : v.unscaled).toString().length;
    return DECIMAL(Math.max(digits, v.scale, 1), v.scale, false);
  }
  if (v instanceof Uint8Array) return BINARY(v.length, false);
  if (Array.isArray(v)) {
    const el = v.find((x) => x !== null);
    const t = el === undefined ? INT(true) : typeOfValue(el);
    return ARRAY({ ...t, nullable: v.includes(null) } as DataType, false);
  }
  if (v instanceof Map) {
    const [k, x] = [...v.entries()][0] ?? ['', ''];
    return MAP(typeOfValue(k), { ...typeOfValue(x), nullable: true } as DataType, false);
  }
  throw new Error(`no type for ${String(v)}`);
}

export function site(name: string, argTypes: readonly DataType[], literals?: readonly unknown[]): TypeSite {
  return {
    name,
    argTypes,
    literals: literals ?? argTypes.map(() => undefined),
    ctx: { timeZone: 'UTC', now: () => 0 },
  };
}

/** Infers the result type of `name` for the given argument types. */
export function inferOf(name: string, argTypes: readonly DataType[], literals?: readonly unknown[]): DataType {
  return lookup(name).inferType(site(name, argTypes, literals));
}

/** Calls `name` with explicit argument types (arguments are also passed as literals). */
export function callTyped(name: string, argTypes: readonly DataType[], args: readonly unknown[]): unknown {
  const def = lookup(name);
  const s = site(name, argTypes, args);
  const resultType = def.inferType(s);
  const f = def.build({ ...s, resultType });
  if (def.nulls === 'strict' && args.some((a) => a === null)) return null;
  return f(...args);
}

/** Calls `name` with literal-typed JS values. */
export function call(name: string, ...args: unknown[]): unknown {
  return callTyped(name, args.map(typeOfValue), args);
}

export const dec = (s: string): Decimal => {
  const [i, f = ''] = s.split('.');
  return new Decimal(BigInt(i! + f), f.length);
};
