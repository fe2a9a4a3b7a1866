import type { FunctionDef } from '../function-def.js';

export const OPERATOR_FUNCTIONS: readonly FunctionDef[] = [];
