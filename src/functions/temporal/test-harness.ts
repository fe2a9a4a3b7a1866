/** Test helper: type-checks and runs a temporal function the way the planner will. */
import type { DataType } from '../../types/data-type.js';
import type { FunctionContext, ScalarFunctionDef } from '../function-def.js';
import { TEMPORAL_FUNCTIONS } from './index.js';

export interface Arg {
  readonly type: DataType;
  readonly value: unknown;
  /** Pass the value as a literal too (units, precisions, formats). */
  readonly literal?: boolean;
}

export function lookup(name: string): ScalarFunctionDef {
  const def = TEMPORAL_FUNCTIONS.find((d) => d.names.includes(name));
  if (!def || def.kind !== 'scalar') throw new Error(`no temporal function ${name}`);
  return def;
}

export function ctxOf(timeZone = 'UTC', now = 0): FunctionContext {
  return { timeZone, now: () => now };
}

/** Infers the result type of a call. */
export function typeOf(name: string, args: readonly Arg[], ctx: FunctionContext = ctxOf()): DataType {
  const def = lookup(name);
  return def.inferType({ name, argTypes: args.map((a) => a.type), literals: args.map((a) => (a.literal ? a.value : undefined)), ctx });
}

/** Runs a call; strict functions give null for a null argument without being called. */
export function run(name: string, args: readonly Arg[], ctx: FunctionContext = ctxOf()): unknown {
  const def = lookup(name);
  const site = { name, argTypes: args.map((a) => a.type), literals: args.map((a) => (a.literal ? a.value : undefined)), ctx };
  const resultType = def.inferType(site);
  const f = def.build({ ...site, resultType });
  if (def.nulls === 'strict' && args.some((a) => a.value === null)) return null;
  return f(...args.map((a) => a.value));
}
