/**
 * The window aggregations of the differential test, each as a Flink SQL query for weir and the
 * same computation as a DuckDB batch query over table `ev(k, v, d, du, ts, wm)` (ts in epoch millis,
 * du = d's unscaled value, wm the watermark in effect when the row arrived: a row counts only in
 * the windows not yet fired then, i.e. with window_end - 1 > wm, as in Flink). DuckDB returns integers only (decimals unscaled) so that the
 * expected print lines are formatted from exact values.
 */

export type WindowSpec =
  | { readonly kind: 'TUMBLE'; readonly size: number; readonly offset?: number }
  | { readonly kind: 'HOP'; readonly slide: number; readonly size: number; readonly offset?: number }
  | { readonly kind: 'CUMULATE'; readonly step: number; readonly size: number; readonly offset?: number };

/** One aggregate call: Flink SQL, DuckDB SQL, and how its value prints. */
export interface AggSpec {
  readonly flink: string;
  readonly duck: string;
  /** 'int': integer; 'dec': unscaled integer printed with `scale`; 'str': string; 'ts': TIMESTAMP(3) as epoch millis. */
  readonly kind: 'int' | 'dec' | 'str' | 'ts';
  readonly scale?: number;
}

export const INT_AGGS: readonly AggSpec[] = [
  { flink: 'COUNT(*)', duck: 'count(*)', kind: 'int' },
  { flink: 'COUNT(v)', duck: 'count(v)', kind: 'int' },
  // Flink: SUM(INT) is INT and wraps around on overflow (Java int addition).
  { flink: 'SUM(v)', duck: '((sum(v)::HUGEINT + 2147483648) % 4294967296 + 4294967296) % 4294967296 - 2147483648', kind: 'int' },
  { flink: 'MIN(v)', duck: 'min(v)', kind: 'int' },
  { flink: 'MAX(v)', duck: 'max(v)', kind: 'int' },
  // Flink: AVG(INT) is INT, a BIGINT sum divided by the count, truncating towards zero.
  { flink: 'AVG(v)', duck: 'CASE WHEN count(v) = 0 THEN NULL ELSE sum(v)::HUGEINT // count(v) END', kind: 'int' },
];

export const DECIMAL_AGGS: readonly AggSpec[] = [
  { flink: 'COUNT(d)', duck: 'count(du)', kind: 'int' },
  { flink: 'SUM(d)', duck: 'sum(du)', kind: 'dec', scale: 2 },
  { flink: 'MIN(d)', duck: 'min(du)', kind: 'dec', scale: 2 },
  { flink: 'MAX(d)', duck: 'max(du)', kind: 'dec', scale: 2 },
  // Flink: AVG(DECIMAL(10, 2)) is DECIMAL(38, 6), the quotient rounded HALF_UP.
  {
    flink: 'AVG(d)',
    duck: 'CASE WHEN count(du) = 0 THEN NULL ELSE sign(sum(du)) * ((abs(sum(du)::HUGEINT) * 20000 + count(du)) // (2 * count(du))) END',
    kind: 'dec',
    scale: 6,
  },
];

export const EXTRA_AGGS: readonly AggSpec[] = [
  { flink: 'COUNT(*) FILTER (WHERE v > 500)', duck: 'count(*) FILTER (WHERE v > 500)', kind: 'int' },
  { flink: 'SUM(d) FILTER (WHERE k IS NOT NULL)', duck: 'sum(du) FILTER (WHERE k IS NOT NULL)', kind: 'dec', scale: 2 },
  { flink: 'COUNT(DISTINCT k)', duck: 'count(DISTINCT k)', kind: 'int' },
  { flink: 'MAX(k)', duck: 'max(k)', kind: 'str' },
];

/** An interval literal in the largest unit that divides it (Flink's default leading precision is 2 digits). */
function sec(ms: number): string {
  for (const [unit, size] of [['DAY', 86_400_000], ['HOUR', 3_600_000], ['MINUTE', 60_000], ['SECOND', 1000]] as const) {
    if (ms % size === 0 && ms / size < 100) return `INTERVAL '${ms / size}' ${unit}`;
  }
  throw new Error(`no simple interval literal for ${ms} ms`);
}

/** The window TVF call over table `ev`. */
export function flinkTvf(w: WindowSpec): string {
  const off = w.offset === undefined ? '' : `, ${sec(w.offset)}`;
  switch (w.kind) {
    case 'TUMBLE':
      return `TUMBLE(TABLE ev, DESCRIPTOR(ts), ${sec(w.size)}${off})`;
    case 'HOP':
      return `HOP(TABLE ev, DESCRIPTOR(ts), ${sec(w.slide)}, ${sec(w.size)}${off})`;
    case 'CUMULATE':
      return `CUMULATE(TABLE ev, DESCRIPTOR(ts), ${sec(w.step)}, ${sec(w.size)}${off})`;
  }
}

export function flinkTvfQuery(w: WindowSpec, aggs: readonly AggSpec[], keyed: boolean): string {
  const key = keyed ? 'k, ' : '';
  return `SELECT ${key}window_start, window_end, ${aggs.map((a) => a.flink).join(', ')}
FROM TABLE(${flinkTvf(w)})
GROUP BY ${key}window_start, window_end;`;
}

/** Deprecated group window syntax: GROUP BY TUMBLE(ts, size) / HOP(ts, slide, size). */
export function flinkLegacyQuery(w: WindowSpec, aggs: readonly AggSpec[], keyed: boolean): string {
  const args = w.kind === 'TUMBLE' ? `ts, ${sec(w.size)}` : w.kind === 'HOP' ? `ts, ${sec(w.slide)}, ${sec(w.size)}` : null;
  if (args === null || w.offset !== undefined) throw new Error(`no legacy group window for ${w.kind} with these parameters`);
  const key = keyed ? 'k, ' : '';
  return `SELECT ${key}${w.kind}_START(${args}), ${w.kind}_END(${args}), ${aggs.map((a) => a.flink).join(', ')}
FROM ev
GROUP BY ${key}${w.kind}(${args});`;
}

/** Floor of ts to a multiple of `unit` shifted by `offset` (Flink's getWindowStartWithOffset). */
const floorTo = (unit: number, offset: number) => `ts - (((ts - ${offset}) % ${unit}) + ${unit}) % ${unit}`;

/** The rows of `ev` with each window they count in, as columns ws and we (epoch millis). */
export function duckWindows(w: WindowSpec): string {
  return `SELECT * FROM (${assignWindows(w)}) WHERE we - 1 > wm`;
}

function assignWindows(w: WindowSpec): string {
  const o = w.offset ?? 0;
  switch (w.kind) {
    case 'TUMBLE':
      return `SELECT *, ws + ${w.size} AS we FROM (SELECT *, ${floorTo(w.size, o)} AS ws FROM ev)`;
    case 'HOP':
      // Windows start every slide; those containing ts start in (ts - size, last start].
      return `SELECT e.*, e.last - j.i * ${w.slide} AS ws, e.last - j.i * ${w.slide} + ${w.size} AS we
FROM (SELECT *, ${floorTo(w.slide, o)} AS last FROM ev) e, range(0, ${Math.ceil(w.size / w.slide)}) j(i)
WHERE e.last - j.i * ${w.slide} + ${w.size} > e.ts`;
    case 'CUMULATE':
      if (w.size % w.step !== 0) throw new Error('CUMULATE size must be a multiple of step');
      return `SELECT e.*, e.st AS ws, e.st + m.i * ${w.step} AS we
FROM (SELECT *, ${floorTo(w.size, o)} AS st FROM ev) e, range(1, ${w.size / w.step + 1}) m(i)
WHERE e.st + m.i * ${w.step} > e.ts`;
  }
}

/** DuckDB select list of the aggregates (integers as HUGEINT; 'ts' values are epoch millis). */
export function duckAggs(aggs: readonly AggSpec[]): string {
  return aggs.map((a) => (a.kind === 'str' ? a.duck : `(${a.duck})::HUGEINT`)).join(', ');
}

export function duckQuery(w: WindowSpec, aggs: readonly AggSpec[], keyed: boolean): string {
  const key = keyed ? 'k, ' : '';
  return `SELECT ${key}ws, we, ${duckAggs(aggs)} FROM (${duckWindows(w)}) GROUP BY ${key}ws, we`;
}
