import type { FunctionDef } from '../function-def.js';
import { HASH_DEFS } from './digests.js';

export const HASH_FUNCTIONS: readonly FunctionDef[] = HASH_DEFS;
