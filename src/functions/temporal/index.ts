import type { FunctionDef } from '../function-def.js';
import { CONVERSION_FUNCTIONS } from './conversion.js';
import { CURRENT_FUNCTIONS } from './current.js';
import { DATE_FORMAT_FN } from './date-format.js';
import { EXTRACT_FUNCTIONS } from './extract.js';
import { FLOOR_CEIL_FUNCTIONS } from './floor-ceil.js';
import { OVERLAPS_FN } from './overlaps.js';
import { TIMESTAMP_ADD_DIFF_FUNCTIONS } from './timestamp-add-diff.js';
import { UNIX_TIME_FUNCTIONS } from './unix-time.js';

export const TEMPORAL_FUNCTIONS: readonly FunctionDef[] = [
  ...CURRENT_FUNCTIONS,
  ...EXTRACT_FUNCTIONS,
  ...FLOOR_CEIL_FUNCTIONS,
  DATE_FORMAT_FN,
  ...TIMESTAMP_ADD_DIFF_FUNCTIONS,
  ...UNIX_TIME_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  OVERLAPS_FN,
];
