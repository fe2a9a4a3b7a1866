import type { FunctionDef } from '../function-def.js';
import { ARRAY_FUNCTIONS } from './array-functions.js';
import { MAP_FUNCTIONS } from './map-functions.js';

export const COLLECTION_FUNCTIONS: readonly FunctionDef[] = [...ARRAY_FUNCTIONS, ...MAP_FUNCTIONS];
