import type { FunctionDef } from '../function-def.js';
import { BASIC_STRING_FUNCTIONS } from './basic.js';
import { ENCODING_FUNCTIONS } from './encoding.js';
import { REGEX_FUNCTIONS } from './regex.js';

export const STRING_FUNCTIONS: readonly FunctionDef[] = [
  ...BASIC_STRING_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
];
