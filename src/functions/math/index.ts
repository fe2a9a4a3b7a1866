import type { FunctionDef } from '../function-def.js';
import { ARITH_FUNCTIONS } from './arith.js';
import { RADIX_FUNCTIONS } from './radix.js';
import { RANDOM_FUNCTIONS } from './random.js';
import { TRIG_FUNCTIONS } from './trig.js';

export const MATH_FUNCTIONS: readonly FunctionDef[] = [
  ...ARITH_FUNCTIONS,
  ...TRIG_FUNCTIONS,
  ...RANDOM_FUNCTIONS,
  ...RADIX_FUNCTIONS,
];
