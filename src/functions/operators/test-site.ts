/** Test helper: infer and build an operator the way the planner does, then call it with NULL strictness. */
import type { DataType } from '../../types/data-type.js';
import type { FunctionContext, ScalarFunctionDef } from '../function-def.js';
import { OPERATOR_FUNCTIONS } from './index.js';

const ctx: FunctionContext = { timeZone: 'UTC', now: () => 0 };

export function operator(name: string): ScalarFunctionDef {
  const def = OPERATOR_FUNCTIONS.find((d) => d.names.includes(name));
  if (!def || def.kind !== 'scalar') throw new Error(`no operator ${name}`);
  return def;
}

export function inferOp(name: string, argTypes: DataType[], literals: unknown[] = []): DataType {
  return operator(name).inferType({ name, argTypes, literals, ctx });
}

/** Evaluates `name(args)` with argument types `argTypes` (literals passed when `asLiterals`). */
export function evalOp(name: string, argTypes: DataType[], args: unknown[], asLiterals = false, zone = 'UTC'): unknown {
  const def = operator(name);
  const literals = asLiterals ? args : args.map(() => undefined);
  const c: FunctionContext = { timeZone: zone, now: () => 0 };
  const resultType = def.inferType({ name, argTypes, literals, ctx: c });
  const fn = def.build({ name, argTypes, literals, ctx: c, resultType });
  if (def.nulls === 'strict' && args.some((a) => a === null)) return null;
  return fn(...args);
}
