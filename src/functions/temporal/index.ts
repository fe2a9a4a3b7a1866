import type { FunctionDef } from '../function-def.js';

export const TEMPORAL_FUNCTIONS: readonly FunctionDef[] = [];
