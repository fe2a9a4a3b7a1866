/** Test helper: types and values for temporal function tests. */
import { CHAR } from '../../types/data-type.js';
import type { IntervalType } from '../../types/data-type.js';
import { parseDate, parseTimestamp } from '../../types/temporal.js';
import type { Timestamp } from '../../types/values.js';

export { BIGINT, DATE, INT, STRING, TIME, TIMESTAMP, TIMESTAMP_LTZ } from '../../types/data-type.js';

export const STRING_LIT = CHAR(10, false);
export const INTERVAL_FOR_TEST: IntervalType = {
  kind: 'INTERVAL_DAY_TIME',
  resolution: 'DAY_TO_SECOND',
  precision: 2,
  fractionalPrecision: 3,
  nullable: false,
};

export const d = (s: string): number => {
  const v = parseDate(s);
  if (v === null) throw new Error(`bad date ${s}`);
  return v;
};
export const ts = (s: string): Timestamp => {
  const v = parseTimestamp(s);
  if (v === null) throw new Error(`bad timestamp ${s}`);
  return v;
};
