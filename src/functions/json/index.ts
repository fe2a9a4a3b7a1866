import type { FunctionDef } from '../function-def.js';
import { JSON_CONSTRUCT_FUNCTIONS } from './construct-functions.js';
import { JSON_QUERY_FUNCTIONS } from './query-functions.js';

export const JSON_FUNCTIONS: readonly FunctionDef[] = [...JSON_QUERY_FUNCTIONS, ...JSON_CONSTRUCT_FUNCTIONS];
