/**
 * CURRENT_DATE, CURRENT_TIME, LOCALTIME, CURRENT_TIMESTAMP, NOW(), LOCALTIMESTAMP,
 * CURRENT_ROW_TIMESTAMP() and PROCTIME(): FLIP-162 semantics (values in the session zone,
 * evaluated per record).
 */
import { DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { instantMillisToLocal } from '../../types/temporal.js';
import { MILLIS_PER_DAY, floorMod } from '../../types/temporal-calendar.js';
import { Timestamp } from '../../types/values.js';
import type { BuildSite, ScalarFunctionDef } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';

function nowDef(
  names: string[],
  doc: string,
  type: DataType,
  build: (site: BuildSite) => () => unknown,
): ScalarFunctionDef {
  return {
    kind: 'scalar',
    names,
    category: 'temporal',
    doc,
    nulls: 'strict',
    deterministic: false,
    inferType(site) {
      if (site.argTypes.length > 0) throw new FunctionTypeError(`${site.name} takes no arguments`, 0);
      return type;
    },
    build,
  };
}

const localMillis = (site: BuildSite): number => instantMillisToLocal(site.ctx.now(), site.ctx.timeZone);

export const CURRENT_DATE_FN = nowDef(
  ['CURRENT_DATE'],
  'CURRENT_DATE: the current date in the session time zone.',
  DATE(false),
  (site) => () => Math.floor(localMillis(site) / MILLIS_PER_DAY),
);

/** TIME(0): the wall-clock time truncated to the second. */
export const LOCALTIME_FN = nowDef(
  ['LOCALTIME', 'CURRENT_TIME'],
  'LOCALTIME / CURRENT_TIME: the current time of day in the session time zone, TIME(0).',
  TIME(0, false),
  (site) => () => {
    const tod = floorMod(localMillis(site), MILLIS_PER_DAY);
    return tod - (tod % 1000);
  },
);

export const CURRENT_TIMESTAMP_FN = nowDef(
  ['CURRENT_TIMESTAMP', 'NOW'],
  'CURRENT_TIMESTAMP / NOW(): the current instant, TIMESTAMP_LTZ(3).',
  TIMESTAMP_LTZ(3, false),
  (site) => () => Timestamp.ofMillis(site.ctx.now()),
);

export const CURRENT_ROW_TIMESTAMP_FN = nowDef(
  ['CURRENT_ROW_TIMESTAMP'],
  'CURRENT_ROW_TIMESTAMP(): the current instant, evaluated per record in batch and streaming, TIMESTAMP_LTZ(3).',
  TIMESTAMP_LTZ(3, false),
  (site) => () => Timestamp.ofMillis(site.ctx.now()),
);

export const LOCALTIMESTAMP_FN = nowDef(
  ['LOCALTIMESTAMP'],
  'LOCALTIMESTAMP: the current wall-clock timestamp in the session time zone, TIMESTAMP(3).',
  TIMESTAMP(3, false),
  (site) => () => Timestamp.ofMillis(localMillis(site)),
);

export const PROCTIME_FN = nowDef(
  ['PROCTIME'],
  'PROCTIME(): a processing-time attribute, TIMESTAMP_LTZ(3) *PROCTIME*.',
  { ...TIMESTAMP_LTZ(3, false), timeAttribute: 'PROCTIME' },
  (site) => () => Timestamp.ofMillis(site.ctx.now()),
);

export const CURRENT_FUNCTIONS: readonly ScalarFunctionDef[] = [
  CURRENT_DATE_FN,
  LOCALTIME_FN,
  CURRENT_TIMESTAMP_FN,
  CURRENT_ROW_TIMESTAMP_FN,
  LOCALTIMESTAMP_FN,
  PROCTIME_FN,
];
