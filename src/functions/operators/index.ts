import type { FunctionDef } from '../function-def.js';

export const OPERATORS_FUNCTIONS: readonly FunctionDef[] = [];
