import type { FunctionDef } from '../function-def.js';

export const COLLECTION_FUNCTIONS: readonly FunctionDef[] = [];
