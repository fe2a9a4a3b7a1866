import type { FunctionDef } from '../function-def.js';
import { CONDITIONAL_DEFS } from './functions.js';

export const CONDITIONAL_FUNCTIONS: readonly FunctionDef[] = CONDITIONAL_DEFS;
