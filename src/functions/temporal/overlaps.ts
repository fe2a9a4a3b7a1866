/**
 * `(start1, end1) OVERLAPS (start2, end2)`, passed by the planner as OVERLAPS(start1, end1,
 * start2, end2); an end may be an interval. As Calcite: each period is ordered, then they
 * overlap when each starts no later than the other ends.
 */
import { BOOLEAN } from '../../types/data-type.js';
import type { DataType } from '../../types/data-type.js';
import { MILLIS_PER_DAY, addMonthsToMillis } from '../../types/temporal-calendar.js';
import type { Timestamp } from '../../types/values.js';
import type { ScalarFunctionDef } from '../function-def.js';
import { anyNullable, cannotApply, isDatetime } from './helpers.js';

/** Comparable millis of a DATE, TIME, TIMESTAMP or TIMESTAMP_LTZ value. */
function pointMillis(t: DataType): (v: unknown) => number {
  if (t.kind === 'DATE') return (v) => (v as number) * MILLIS_PER_DAY;
  if (t.kind === 'TIME') return (v) => v as number;
  return (v) => (v as Timestamp).millis;
}

function endMillis(startType: DataType, t: DataType): (start: number, v: unknown) => number {
  if (t.kind === 'INTERVAL_DAY_TIME') return (s, v) => s + (v as number);
  if (t.kind === 'INTERVAL_YEAR_MONTH') return (s, v) => addMonthsToMillis(s, v as number);
  const p = pointMillis(t.kind === 'NULL' ? startType : t);
  return (_s, v) => p(v);
}

export const OVERLAPS_FN: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['OVERLAPS'],
  category: 'temporal',
  doc: "(timepoint1, temporal1) OVERLAPS (timepoint2, temporal2): TRUE if the two periods overlap, e.g. (TIME '2:55:00', INTERVAL '1' HOUR) OVERLAPS (TIME '3:30:00', INTERVAL '2' HOUR) is TRUE.",
  nulls: 'strict',
  inferType(site) {
    const forms = "'(<DATETIME>, <DATETIME>) OVERLAPS (<DATETIME>, <DATETIME>)' '(<DATETIME>, <INTERVAL>) OVERLAPS (<DATETIME>, <INTERVAL>)'";
    if (site.argTypes.length !== 4) throw cannotApply(site, forms);
    site.argTypes.forEach((t, i) => {
      const ok = t.kind === 'NULL' || isDatetime(t) || (i % 2 === 1 && (t.kind === 'INTERVAL_DAY_TIME' || t.kind === 'INTERVAL_YEAR_MONTH'));
      if (!ok) throw cannotApply(site, forms, i);
    });
    return BOOLEAN(anyNullable(site.argTypes));
  },
  build(site) {
    const [a, b, c, d] = site.argTypes as [DataType, DataType, DataType, DataType];
    const s1 = pointMillis(a);
    const e1 = endMillis(a, b);
    const s2 = pointMillis(c);
    const e2 = endMillis(c, d);
    return (va, vb, vc, vd) => {
      const x = s1(va);
      const y = e1(x, vb);
      const p = s2(vc);
      const q = e2(p, vd);
      const [lo1, hi1] = x <= y ? [x, y] : [y, x];
      const [lo2, hi2] = p <= q ? [p, q] : [q, p];
      return hi1 >= lo2 && hi2 >= lo1;
    };
  },
};
