import type { FunctionDef } from '../function-def.js';

export const STRING_FUNCTIONS: readonly FunctionDef[] = [];
