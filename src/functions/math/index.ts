import type { FunctionDef } from '../function-def.js';

export const MATH_FUNCTIONS: readonly FunctionDef[] = [];
