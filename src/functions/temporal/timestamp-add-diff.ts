/**
 * TIMESTAMPADD(unit, interval, timepoint) and TIMESTAMPDIFF(unit, timepoint1, timepoint2);
 * the unit is literal argument 0. Calendar units add months with day clamping; a TIMESTAMP_LTZ
 * is shifted on its epoch value, as Flink does.
 */
import { INT, TIME, TIMESTAMP, withoutTimeAttribute } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import {
  MILLIS_PER_DAY,
  addMonthsToDate,
  addMonthsToMillis,
  floorMod,
  subtractMonthsDates,
  subtractMonthsMillis,
} from '../../types/temporal-calendar.js';
import { UNIT_MILLIS, UNIT_MONTHS } from '../../types/temporal-units.js';
import type { TimeUnit } from '../../types/temporal-units.js';
import { Timestamp } from '../../types/values.js';
import type { ScalarFunctionDef, TypeSite } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import { cannotApply, isDatetime, isIntegral, literalUnit, toJavaInt, toWholeNumber } from './helpers.js';

const SUB_MILLI: Partial<Record<TimeUnit, number>> = { MICROSECOND: 1000, NANOSECOND: 1 };

function checkUnit(site: TypeSite, unit: TimeUnit): void {
  if (UNIT_MONTHS[unit] === undefined && UNIT_MILLIS[unit] === undefined && SUB_MILLI[unit] === undefined) {
    throw new FunctionTypeError(`${site.name} does not support the unit ${unit}`, 0);
  }
}

/** Result type of TIMESTAMPADD, as Calcite's SqlTimestampAddFunction. */
function addResultType(unit: TimeUnit, t: DataType, nullable: boolean): DataType {
  if (unit === 'MILLISECOND' || unit === 'MICROSECOND' || unit === 'NANOSECOND') {
    if (t.kind === 'TIME') return TIME(Math.max(t.precision, 3), nullable);
    if (t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') return { kind: t.kind, precision: Math.max(t.precision, unit === 'MILLISECOND' ? 3 : unit === 'MICROSECOND' ? 6 : 9), nullable };
    return TIMESTAMP(unit === 'MILLISECOND' ? 3 : unit === 'MICROSECOND' ? 6 : 9, nullable);
  }
  if (t.kind === 'DATE' && UNIT_MILLIS[unit] !== undefined && unit !== 'DAY' && unit !== 'WEEK') return TIMESTAMP(6, nullable);
  return { ...withoutTimeAttribute(t), nullable } as DataType;
}

export const TIMESTAMPADD_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['TIMESTAMPADD'],
  category: 'temporal',
  doc: "TIMESTAMPADD(timeintervalunit, interval, timepoint): timepoint plus interval units, e.g. TIMESTAMPADD(WEEK, 1, DATE '2003-01-02') = 2003-01-09.",
  nulls: 'strict',
  inferType(site) {
    const forms = "'TIMESTAMPADD(<ANY>, <INTEGER>, <DATETIME>)'";
    if (site.argTypes.length !== 3) throw cannotApply(site, forms);
    const unit = literalUnit(site, 0);
    checkUnit(site, unit);
    const [, n, t] = site.argTypes as [DataType, DataType, DataType];
    if (!isIntegral(n)) throw cannotApply(site, forms, 1);
    if (t.kind === 'NULL') return TIMESTAMP(6, true);
    if (!isDatetime(t)) throw cannotApply(site, forms, 2);
    return addResultType(unit, t, n.nullable || t.nullable);
  },
  build(site) {
    const unit = literalUnit(site, 0);
    const t = site.argTypes[2]!;
    const months = UNIT_MONTHS[unit];
    const millis = UNIT_MILLIS[unit];
    const subMilli = SUB_MILLI[unit];
    if (months !== undefined) {
      switch (t.kind) {
        case 'DATE':
          return (_u, n, d) => addMonthsToDate(d as number, toWholeNumber(n) * months);
        case 'TIME':
          return (_u, _n, v) => v;
        default:
          return (_u, n, v) => {
            const ts = v as Timestamp;
            return new Timestamp(addMonthsToMillis(ts.millis, toWholeNumber(n) * months), ts.nanos);
          };
      }
    }
    // Exact nanosecond arithmetic for the sub-millisecond units.
    const shift = (ms: number, nanos: number, n: number): Timestamp => {
      if (subMilli === undefined) return new Timestamp(ms + n * millis!, nanos);
      const total = BigInt(nanos) + BigInt(n) * BigInt(subMilli);
      const carry = total >= 0n ? total / 1_000_000n : -((-total + 999_999n) / 1_000_000n);
      return new Timestamp(ms + Number(carry), Number(total - carry * 1_000_000n));
    };
    switch (t.kind) {
      case 'DATE':
        if (unit === 'DAY' || unit === 'WEEK') return (_u, n, d) => (d as number) + (toWholeNumber(n) * millis!) / MILLIS_PER_DAY;
        return (_u, n, d) => shift((d as number) * MILLIS_PER_DAY, 0, toWholeNumber(n));
      case 'TIME':
        return (_u, n, v) => floorMod(shift(v as number, 0, toWholeNumber(n)).millis, MILLIS_PER_DAY);
      default:
        return (_u, n, v) => shift((v as Timestamp).millis, (v as Timestamp).nanos, toWholeNumber(n));
    }
  },
};

export const TIMESTAMPDIFF_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['TIMESTAMPDIFF'],
  category: 'temporal',
  doc: 'TIMESTAMPDIFF(timepointunit, timepoint1, timepoint2): the signed number of units between timepoint1 and timepoint2, as INT.',
  nulls: 'strict',
  inferType(site) {
    const forms = "'TIMESTAMPDIFF(<ANY>, <DATETIME>, <DATETIME>)'";
    if (site.argTypes.length !== 3) throw cannotApply(site, forms);
    const unit = literalUnit(site, 0);
    checkUnit(site, unit);
    const [, a, b] = site.argTypes as [DataType, DataType, DataType];
    if (a.kind !== 'NULL' && !isDatetime(a)) throw cannotApply(site, forms, 1);
    if (b.kind !== 'NULL' && !isDatetime(b)) throw cannotApply(site, forms, 2);
    if ((a.kind === 'TIMESTAMP_LTZ') !== (b.kind === 'TIMESTAMP_LTZ') && a.kind !== 'NULL' && b.kind !== 'NULL') {
      throw new FunctionTypeError('TIMESTAMP_LTZ only supports diff between the same type.');
    }
    return INT(a.nullable || b.nullable);
  },
  build(site) {
    const unit = literalUnit(site, 0);
    const [, a, b] = site.argTypes as [DataType, DataType, DataType];
    const toMillis = (t: DataType) =>
      t.kind === 'DATE' ? (v: unknown) => (v as number) * MILLIS_PER_DAY : t.kind === 'TIME' ? (v: unknown) => v as number : (v: unknown) => (v as Timestamp).millis;
    const nanosOf = (t: DataType) => (t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ' ? (v: unknown) => (v as Timestamp).nanos : () => 0);
    const ma = toMillis(a);
    const mb = toMillis(b);
    const months = UNIT_MONTHS[unit];
    if (months !== undefined) {
      if (a.kind === 'DATE' && b.kind === 'DATE') return (_u, x, y) => toJavaInt(Math.trunc(subtractMonthsDates(y as number, x as number) / months));
      return (_u, x, y) => toJavaInt(Math.trunc(subtractMonthsMillis(mb(y), ma(x)) / months));
    }
    const millis = UNIT_MILLIS[unit];
    if (millis !== undefined) return (_u, x, y) => toJavaInt(Math.trunc((mb(y) - ma(x)) / millis));
    const per = BigInt(SUB_MILLI[unit]!);
    const na = nanosOf(a);
    const nb = nanosOf(b);
    return (_u, x, y) => {
      const diff = (BigInt(mb(y) - ma(x)) * 1_000_000n + BigInt(nb(y) - na(x))) / per;
      return Number(BigInt.asIntN(32, diff));
    };
  },
};

export const TIMESTAMP_ADD_DIFF_FUNCTIONS: readonly ScalarFunctionDef[] = [TIMESTAMPADD_FN, TIMESTAMPDIFF_FN];
