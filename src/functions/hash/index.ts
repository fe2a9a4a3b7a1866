import type { FunctionDef } from '../function-def.js';

export const HASH_FUNCTIONS: readonly FunctionDef[] = [];
