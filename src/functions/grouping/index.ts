import type { FunctionDef } from '../function-def.js';

export const GROUPING_FUNCTIONS: readonly FunctionDef[] = [];
