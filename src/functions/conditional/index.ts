import type { FunctionDef } from '../function-def.js';

export const CONDITIONAL_FUNCTIONS: readonly FunctionDef[] = [];
