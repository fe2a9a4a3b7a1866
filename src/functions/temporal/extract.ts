/**
 * EXTRACT(unit FROM x) (planner passes the unit as a literal string argument 0) and the
 * shorthands YEAR, QUARTER, MONTH, WEEK, DAYOFYEAR, DAYOFMONTH, DAYOFWEEK, HOUR, MINUTE, SECOND.
 * All return BIGINT; TIMESTAMP_LTZ values are read in the session time zone.
 */
import { BIGINT } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { MILLIS_PER_DAY, MILLIS_PER_HOUR, MILLIS_PER_MINUTE } from '../../types/temporal-calendar.js';
import { zoneOffsetMillis } from '../../types/temporal-zone.js';
import { extractFromDate, extractFromMillis, extractFromTimeOfDay } from '../../types/temporal-units.js';
import type { TimeUnit } from '../../types/temporal-units.js';
import type { Timestamp } from '../../types/values.js';
import type { BuildSite, ScalarFunctionDef, TypeSite } from '../function-def.js';
import { cannotApply, literalUnit } from './helpers.js';

const TIME_UNITS: ReadonlySet<TimeUnit> = new Set(['HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND']);

/** A function computing the unit from a value of type `t` (number for JS safety; callers wrap). */
export function extractor(unit: TimeUnit, t: DataType, zone: string): (v: unknown) => number {
  switch (t.kind) {
    case 'DATE':
      return (v) => extractFromDate(unit, v as number);
    case 'TIME':
      return (v) => extractFromTimeOfDay(unit, v as number);
    case 'TIMESTAMP':
      return (v) => extractFromMillis(unit, (v as Timestamp).millis, (v as Timestamp).nanos);
    case 'TIMESTAMP_LTZ':
      return (v) => {
        const ts = v as Timestamp;
        return extractFromMillis(unit, ts.millis + zoneOffsetMillis(zone, ts.millis), ts.nanos);
      };
    case 'INTERVAL_YEAR_MONTH':
      return (v) => {
        const m = v as number;
        if (unit === 'YEAR') return Math.trunc(m / 12);
        if (unit === 'MONTH') return m % 12;
        if (unit === 'QUARTER') return Math.trunc((m % 12) / 3) + 1;
        return 0;
      };
    case 'INTERVAL_DAY_TIME':
      return (v) => {
        const ms = v as number;
        switch (unit) {
          case 'DAY':
            return Math.trunc(ms / MILLIS_PER_DAY);
          case 'HOUR':
            return Math.trunc((ms % MILLIS_PER_DAY) / MILLIS_PER_HOUR);
          case 'MINUTE':
            return Math.trunc((ms % MILLIS_PER_HOUR) / MILLIS_PER_MINUTE);
          case 'SECOND':
            return Math.trunc((ms % MILLIS_PER_MINUTE) / 1000);
          case 'MILLISECOND':
            return ms % 60000;
          case 'EPOCH':
            return Math.trunc(ms / 1000);
          default:
            return 0;
        }
      };
    default:
      throw new Error(`EXTRACT from ${t.kind}`);
  }
}

function checkOperand(site: TypeSite, unit: TimeUnit, t: DataType, argIndex: number, forms: string): void {
  const ok =
    t.kind === 'NULL' ||
    t.kind === 'TIMESTAMP' ||
    t.kind === 'TIMESTAMP_LTZ' ||
    (t.kind === 'DATE' && !TIME_UNITS.has(unit)) ||
    (t.kind === 'TIME' && (TIME_UNITS.has(unit) || unit === 'EPOCH')) ||
    ((t.kind === 'INTERVAL_YEAR_MONTH' || t.kind === 'INTERVAL_DAY_TIME') && site.name === 'EXTRACT');
  if (!ok) throw cannotApply(site, forms, argIndex);
}

export const EXTRACT_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['EXTRACT'],
  category: 'temporal',
  doc: 'EXTRACT(timeintervalunit FROM temporal): the part of temporal given by the unit, as BIGINT.',
  nulls: 'strict',
  inferType(site) {
    const unit = literalUnit(site, 0);
    const t = site.argTypes[1]!;
    checkOperand(site, unit, t, 1, "'EXTRACT(<INTERVAL SYMBOL> FROM <DATETIME>)' 'EXTRACT(<INTERVAL SYMBOL> FROM <INTERVAL>)'");
    return BIGINT(t.nullable);
  },
  build(site: BuildSite) {
    const f = extractor(literalUnit(site, 0), site.argTypes[1]!, site.ctx.timeZone);
    return (_unit, v) => BigInt(f(v));
  },
};

function shorthand(name: string, unit: TimeUnit, doc: string): ScalarFunctionDef {
  const forms = TIME_UNITS.has(unit) ? `'${name}(<TIME>)' '${name}(<TIMESTAMP>)'` : `'${name}(<DATE>)' '${name}(<TIMESTAMP>)'`;
  return {
    kind: 'scalar',
    names: [name],
    category: 'temporal',
    doc,
    nulls: 'strict',
    inferType(site) {
      if (site.argTypes.length !== 1) throw cannotApply(site, forms);
      const t = site.argTypes[0]!;
      checkOperand(site, unit, t, 0, forms);
      return BIGINT(t.nullable);
    },
    build(site) {
      const f = extractor(unit, site.argTypes[0]!, site.ctx.timeZone);
      return (v) => BigInt(f(v));
    },
  };
}

export const EXTRACT_FUNCTIONS: readonly ScalarFunctionDef[] = [
  EXTRACT_FN,
  shorthand('YEAR', 'YEAR', 'YEAR(date): the year of date, e.g. YEAR(DATE \'1994-09-27\') = 1994.'),
  shorthand('QUARTER', 'QUARTER', 'QUARTER(date): the quarter (1 to 4) of date.'),
  shorthand('MONTH', 'MONTH', 'MONTH(date): the month (1 to 12) of date.'),
  shorthand('WEEK', 'WEEK', 'WEEK(date): the ISO-8601 week (1 to 53) of date.'),
  shorthand('DAYOFYEAR', 'DOY', 'DAYOFYEAR(date): the day of the year (1 to 366) of date.'),
  shorthand('DAYOFMONTH', 'DAY', 'DAYOFMONTH(date): the day of the month (1 to 31) of date.'),
  shorthand('DAYOFWEEK', 'DOW', 'DAYOFWEEK(date): the day of the week (1 = Sunday to 7 = Saturday) of date.'),
  shorthand('HOUR', 'HOUR', 'HOUR(timestamp): the hour (0 to 23) of timestamp.'),
  shorthand('MINUTE', 'MINUTE', 'MINUTE(timestamp): the minute (0 to 59) of timestamp.'),
  shorthand('SECOND', 'SECOND', 'SECOND(timestamp): the second (0 to 59) of timestamp.'),
];
