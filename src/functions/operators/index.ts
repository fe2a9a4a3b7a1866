import type { FunctionDef } from '../function-def.js';
import { DIVIDE, MINUS, NEGATE, PLUS, REMAINDER, TIMES } from './arithmetic.js';
import {
  EQUALS, GREATER_THAN, GREATER_THAN_OR_EQUAL, IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM, LESS_THAN, LESS_THAN_OR_EQUAL,
  NOT_EQUALS,
} from './comparison.js';
import { CONCAT_OPERATOR } from './concat.js';
import { LIKE, NOT_LIKE, NOT_SIMILAR_TO, SIMILAR_TO } from './like.js';

export const OPERATOR_FUNCTIONS: readonly FunctionDef[] = [
  PLUS,
  MINUS,
  TIMES,
  DIVIDE,
  REMAINDER,
  NEGATE,
  EQUALS,
  NOT_EQUALS,
  LESS_THAN,
  LESS_THAN_OR_EQUAL,
  GREATER_THAN,
  GREATER_THAN_OR_EQUAL,
  IS_DISTINCT_FROM,
  IS_NOT_DISTINCT_FROM,
  LIKE,
  NOT_LIKE,
  SIMILAR_TO,
  NOT_SIMILAR_TO,
  CONCAT_OPERATOR,
];
