import type { FunctionDef } from './function-def.js';
import { COLLECTION_FUNCTIONS } from './collection/index.js';
import { CONTEXT_FUNCTIONS } from './context/index.js';
import { CONVERSION_FUNCTIONS } from './conversion/index.js';
import { CONDITIONAL_FUNCTIONS } from './conditional/index.js';
import { GROUPING_FUNCTIONS } from './grouping/index.js';
import { HASH_FUNCTIONS } from './hash/index.js';
import { JSON_FUNCTIONS } from './json/index.js';
import { MATH_FUNCTIONS } from './math/index.js';
import { OPERATOR_FUNCTIONS } from './operators/index.js';
import { STRING_FUNCTIONS } from './string/index.js';
import { TEMPORAL_FUNCTIONS } from './temporal/index.js';

const FAMILIES = [
  OPERATOR_FUNCTIONS,
  STRING_FUNCTIONS,
  MATH_FUNCTIONS,
  TEMPORAL_FUNCTIONS,
  CONDITIONAL_FUNCTIONS,
  COLLECTION_FUNCTIONS,
  JSON_FUNCTIONS,
  HASH_FUNCTIONS,
  GROUPING_FUNCTIONS,
  CONVERSION_FUNCTIONS,
  CONTEXT_FUNCTIONS,
];

let registry: ReadonlyMap<string, FunctionDef> | undefined;

/** Every built-in function by upper-case name (aliases included). */
export function builtinFunctions(): ReadonlyMap<string, FunctionDef> {
  if (!registry) {
    const map = new Map<string, FunctionDef>();
    for (const family of FAMILIES) for (const def of family) for (const name of def.names) map.set(name, def);
    registry = map;
  }
  return registry;
}
