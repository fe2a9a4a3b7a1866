/**
 * The tables and queries of the changelog differential test. Most queries are the same SQL in
 * Flink and DuckDB (DuckDB runs with Flink's default null order: NULLs first ascending, last
 * descending); `duck` overrides where the dialects differ (AVG's result type and rounding).
 * ORDER BY lists of Top-N queries are total over the projected columns, so ties cannot make the
 * result depend on arrival order.
 */
import type { TableGen } from './changelog-stream.js';

const KEYS = ['a', 'b', 'c', 'd', 'e'];

export const T1: TableGen = {
  name: 't1',
  columns: [
    { name: 'id', flinkType: 'INT', duckType: 'INTEGER', gen: { kind: 'int', min: 1, max: 25, nulls: 0 } },
    { name: 'k', flinkType: 'STRING', duckType: 'VARCHAR', gen: { kind: 'str', values: KEYS, nulls: 0.05 } },
    { name: 'g', flinkType: 'INT', duckType: 'INTEGER', gen: { kind: 'int', min: 0, max: 3, nulls: 0.1 } },
    { name: 'v', flinkType: 'INT', duckType: 'INTEGER', gen: { kind: 'int', min: -9, max: 9, nulls: 0.12 } },
    { name: 'd', flinkType: 'DECIMAL(10, 2)', duckType: 'DECIMAL(10, 2)', gen: { kind: 'dec', maxUnscaled: 9999, scale: 2, nulls: 0.12 } },
    { name: 's', flinkType: 'STRING', duckType: 'VARCHAR', gen: { kind: 'str', values: ['x', 'y', 'z', 'xy', '', 'p q'], nulls: 0.1 } },
  ],
};

export const T2: TableGen = {
  name: 't2',
  columns: [
    { name: 'k', flinkType: 'STRING', duckType: 'VARCHAR', gen: { kind: 'str', values: [...KEYS, 'f'], nulls: 0.05 } },
    { name: 'w', flinkType: 'INT', duckType: 'INTEGER', gen: { kind: 'int', min: -9, max: 9, nulls: 0.06 } },
    { name: 'e', flinkType: 'DECIMAL(10, 2)', duckType: 'DECIMAL(10, 2)', gen: { kind: 'dec', maxUnscaled: 999, scale: 2, nulls: 0.1 } },
  ],
};

export interface ChangelogCase {
  readonly name: string;
  readonly flink: string;
  /** DuckDB query; defaults to `flink`. */
  readonly duck?: string;
  /** A known weir bug: the case is expected to fail on every stream (reason). */
  readonly bug?: string;
  /** A known weir bug with duplicate rows: expected to fail on the streams with twin rows (reason). */
  readonly dupBug?: string;
}

/** Flink: AVG(INT) is INT, the sum divided by the count truncating towards zero. */
const duckAvgInt = (x: string) => `CASE WHEN count(${x}) = 0 THEN NULL ELSE sum(${x})::HUGEINT // count(${x}) END`;
/** Flink: AVG(DECIMAL(10, 2)) is DECIMAL(38, 6), the quotient rounded HALF_UP (printed here from the exact unscaled value). */
const duckAvgDec = (x: string) => {
  const abs = `((abs(sum(${x}) * 100)::HUGEINT * 20000 + count(${x})) // (2 * count(${x})))`;
  const text = `(${abs} // 1000000)::VARCHAR || '.' || lpad((${abs} % 1000000)::VARCHAR, 6, '0')`;
  return `CASE WHEN count(${x}) = 0 THEN NULL WHEN sum(${x}) < 0 AND ${abs} > 0 THEN '-' || ${text} ELSE ${text} END`;
};

const same = (name: string, sql: string, known: Pick<ChangelogCase, 'bug' | 'dupBug'> = {}): ChangelogCase => ({ name, flink: sql, ...known });

// Known weir bugs (minimal repros in changelog.test.ts, 'known weir bugs').

export const AGGREGATE_CASES: readonly ChangelogCase[] = [
  same('GROUP BY k: COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v)', 'SELECT k, COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v) FROM t1 GROUP BY k'),
  same('GROUP BY k: SUM, MIN, MAX of DECIMAL, MIN/MAX of STRING', 'SELECT k, SUM(d), MIN(d), MAX(d), MIN(s), MAX(s) FROM t1 GROUP BY k'),
  {
    name: 'GROUP BY k: AVG(INT), AVG(DECIMAL)',
    flink: 'SELECT k, AVG(v), AVG(d) FROM t1 GROUP BY k',
    duck: `SELECT k, ${duckAvgInt('v')}, ${duckAvgDec('d')} FROM t1 GROUP BY k`,
  },
  same('GROUP BY k, g: COUNT(*), SUM(d), MAX(s)', 'SELECT k, g, COUNT(*), SUM(d), MAX(s), MIN(v) FROM t1 GROUP BY k, g'),
  same('GROUP BY g: DISTINCT aggregates over one column (split into buckets when enabled)', 'SELECT g, COUNT(DISTINCT v), SUM(DISTINCT v), MAX(DISTINCT v), COUNT(*), SUM(d), MIN(s) FROM t1 GROUP BY g'),
  same('GROUP BY k: COUNT(DISTINCT), SUM(DISTINCT)', 'SELECT k, COUNT(DISTINCT g), COUNT(DISTINCT s), SUM(DISTINCT v), COUNT(*) FROM t1 GROUP BY k'),
  same(
    'GROUP BY g: FILTER clauses',
    'SELECT g, COUNT(*) FILTER (WHERE v > 0), SUM(d) FILTER (WHERE s IS NOT NULL), MAX(v) FILTER (WHERE k <> \'a\'), COUNT(DISTINCT k) FILTER (WHERE v < 0) FROM t1 GROUP BY g',
  ),
  same('GROUP BY k HAVING', 'SELECT k, COUNT(*), SUM(v) FROM t1 GROUP BY k HAVING COUNT(*) > 3 AND SUM(v) > -5'),
  same('GROUP BY k, g HAVING on a MIN', 'SELECT k, g, MIN(d) FROM t1 GROUP BY k, g HAVING MIN(d) < 0'),
  same('GROUP BY an expression', 'SELECT v > 0, COUNT(*), MAX(d) FROM t1 GROUP BY v > 0'),
  same('global: COUNT, SUM, MIN, MAX, COUNT(DISTINCT)', 'SELECT COUNT(*), COUNT(v), SUM(v), MIN(d), MAX(d), MIN(s), MAX(s), COUNT(DISTINCT k) FROM t1'),
  {
    name: 'global: AVG over a WHERE',
    flink: 'SELECT AVG(v), AVG(d), COUNT(*) FROM t1 WHERE g IS NOT NULL',
    duck: `SELECT ${duckAvgInt('v')}, ${duckAvgDec('d')}, count(*) FROM t1 WHERE g IS NOT NULL`,
  },
  same('aggregate of an aggregate', 'SELECT cnt, COUNT(*) FROM (SELECT k, COUNT(*) AS cnt FROM t1 GROUP BY k) GROUP BY cnt'),
  same('SELECT DISTINCT one column', 'SELECT DISTINCT k FROM t1'),
  same('SELECT DISTINCT two columns', 'SELECT DISTINCT k, g FROM t1'),
  same('SELECT DISTINCT over a filter', 'SELECT DISTINCT s, v > 0 FROM t1 WHERE d > 0'),
];

const topN = (inner: string, n: number, cols = '*') => `SELECT ${cols} FROM (${inner}) WHERE rn <= ${n}`;

export const TOP_N_CASES: readonly ChangelogCase[] = [
  same(
    'Top-3 per k by v DESC, id (with rank)',
    topN('SELECT id, k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC, id) AS rn FROM t1', 3),
  ),
  same(
    'Top-3 per k by v DESC, id (without rank)',
    topN('SELECT id, k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC, id) AS rn FROM t1', 3, 'id, k, v')),
  same(
    'Top-1 per k by d ASC (NULLs first), s, id',
    topN('SELECT k, d, s, id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY d, s, id) AS rn FROM t1', 1, 'k, d, s, id'),
  ),
  same(
    'Top-2 per (k, g) by s DESC, id DESC (with rank)',
    topN('SELECT k, g, s, id, ROW_NUMBER() OVER (PARTITION BY k, g ORDER BY s DESC, id DESC) AS rn FROM t1', 2),
  ),
  same(
    'Top-3 per k over a filter, rank in the middle',
    topN('SELECT k, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v, id) AS rn, v, id FROM t1 WHERE g IS NOT NULL', 3),
  ),
  same('Top-4 without partition (ORDER BY … LIMIT)', 'SELECT v, id, k FROM t1 ORDER BY v DESC, id, k LIMIT 4'),
  same(
    'Top-3 per k with explicit NULLS LAST ascending',
    topN('SELECT k, v, id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v ASC NULLS LAST, id) AS rn FROM t1', 3)),
  same('ORDER BY … DESC NULLS FIRST LIMIT', 'SELECT v, id, k FROM t1 ORDER BY v DESC NULLS FIRST, id, k LIMIT 4'),
  same(
    'Top-2 over a GROUP BY',
    topN('SELECT k, g, cnt, ROW_NUMBER() OVER (PARTITION BY k ORDER BY cnt DESC, g) AS rn FROM (SELECT k, g, COUNT(*) AS cnt FROM t1 GROUP BY k, g)', 2),
  ),
  same(
    'Top-3 over a global-ish GROUP BY, without rank',
    topN('SELECT k, sd, ROW_NUMBER() OVER (ORDER BY sd DESC, k) AS rn FROM (SELECT k, SUM(d) AS sd FROM t1 GROUP BY k)', 3, 'k, sd'),
  ),
];

const J = 't1.id, t1.k AS k1, t1.v, t2.k AS k2, t2.w, t2.e';

export const JOIN_CASES: readonly ChangelogCase[] = [
  same('INNER JOIN on k', `SELECT ${J} FROM t1 JOIN t2 ON t1.k = t2.k`),
  same('LEFT JOIN on k', `SELECT ${J} FROM t1 LEFT JOIN t2 ON t1.k = t2.k`),
  same('RIGHT JOIN on k', `SELECT ${J} FROM t1 RIGHT JOIN t2 ON t1.k = t2.k`),
  same('FULL JOIN on k', `SELECT ${J} FROM t1 FULL JOIN t2 ON t1.k = t2.k`),
  same('INNER JOIN on k and v > w', `SELECT ${J} FROM t1 JOIN t2 ON t1.k = t2.k AND t1.v > t2.w`),
  same('LEFT JOIN on k and v > w', `SELECT ${J} FROM t1 LEFT JOIN t2 ON t1.k = t2.k AND t1.v > t2.w`),
  same('RIGHT JOIN on k and v > w', `SELECT ${J} FROM t1 RIGHT JOIN t2 ON t1.k = t2.k AND t1.v > t2.w`),
  same('FULL JOIN on k and v > w', `SELECT ${J} FROM t1 FULL JOIN t2 ON t1.k = t2.k AND t1.v > t2.w`),
  same('FULL JOIN on two keys', `SELECT ${J} FROM t1 FULL JOIN t2 ON t1.k = t2.k AND t1.v = t2.w`),
  same('LEFT JOIN with WHERE on the right side', `SELECT ${J} FROM t1 LEFT JOIN t2 ON t1.k = t2.k WHERE t2.w IS NULL OR t2.w > 0`),
  same('GROUP BY over an INNER JOIN', 'SELECT t1.k, COUNT(*), SUM(t2.w), MAX(t1.d), MIN(t2.e) FROM t1 JOIN t2 ON t1.k = t2.k GROUP BY t1.k'),
  same('GROUP BY over a LEFT JOIN', 'SELECT t1.g, COUNT(*), COUNT(t2.w), SUM(t2.e) FROM t1 LEFT JOIN t2 ON t1.k = t2.k AND t1.v < t2.w GROUP BY t1.g'),
  same('GROUP BY over a FULL JOIN', 'SELECT t2.k, COUNT(*), COUNT(t1.id), MAX(t1.s) FROM t1 FULL JOIN t2 ON t1.k = t2.k GROUP BY t2.k'),
  same('JOIN of two aggregates', 'SELECT a.k, a.c, b.c FROM (SELECT k, COUNT(*) AS c FROM t1 GROUP BY k) a JOIN (SELECT k, COUNT(*) AS c FROM t2 GROUP BY k) b ON a.k = b.k'),
];

export const SUBQUERY_CASES: readonly ChangelogCase[] = [
  same('IN subquery', 'SELECT id, k, v FROM t1 WHERE v IN (SELECT w FROM t2)'),
  same('NOT IN subquery (NULLs possible on both sides)', 'SELECT id, k, v FROM t1 WHERE v NOT IN (SELECT w FROM t2)'),
  same('NOT IN subquery without NULLs on the right', 'SELECT id, k, v FROM t1 WHERE v NOT IN (SELECT w FROM t2 WHERE w IS NOT NULL)'),
  same('NOT IN subquery on a key column', "SELECT id, k, v FROM t1 WHERE k NOT IN (SELECT k FROM t2 WHERE w > 3 AND k <> 'a')"),
  same('IN subquery with correlation', 'SELECT id, k, v FROM t1 WHERE v IN (SELECT w FROM t2 WHERE t2.k = t1.k)'),
  same('correlated EXISTS', 'SELECT id, k, v FROM t1 WHERE EXISTS (SELECT * FROM t2 WHERE t2.k = t1.k AND t2.w > t1.v)'),
  same('correlated NOT EXISTS', 'SELECT id, k, v FROM t1 WHERE NOT EXISTS (SELECT * FROM t2 WHERE t2.k = t1.k AND t2.w > t1.v)'),
  same('uncorrelated EXISTS', "SELECT id, k FROM t1 WHERE EXISTS (SELECT * FROM t2 WHERE t2.k = 'f')"),
  same('scalar subquery in WHERE', 'SELECT id, v FROM t1 WHERE v >= (SELECT MAX(w) FROM t2 WHERE w < 5)'),
  same('scalar subquery in the select list', 'SELECT id, k, (SELECT MIN(e) FROM t2) FROM t1'),
  same('correlated scalar subqueries: MAX and COUNT per key', 'SELECT id, (SELECT MAX(w) FROM t2 WHERE t2.k = t1.k), (SELECT COUNT(*) FROM t2 WHERE t2.k = t1.k AND w > 0) FROM t1'),
  same('correlated scalar subquery in WHERE', 'SELECT id, v FROM t1 WHERE v < (SELECT SUM(w) FROM t2 WHERE t2.k = t1.k)'),
];

export const SET_CASES: readonly ChangelogCase[] = [
  same('UNION', 'SELECT k, v FROM t1 UNION SELECT k, w FROM t2'),
  same('UNION ALL', 'SELECT k, v FROM t1 UNION ALL SELECT k, w FROM t2'),
  same('INTERSECT', 'SELECT k, v FROM t1 INTERSECT SELECT k, w FROM t2'),
  same('INTERSECT ALL', 'SELECT k, v FROM t1 INTERSECT ALL SELECT k, w FROM t2'),
  same('EXCEPT', 'SELECT k, v FROM t1 EXCEPT SELECT k, w FROM t2'),
  same('EXCEPT ALL', 'SELECT k, v FROM t1 EXCEPT ALL SELECT k, w FROM t2'),
  same('EXCEPT ALL the other way', 'SELECT k, w FROM t2 EXCEPT ALL SELECT k, v FROM t1'),
  same('GROUP BY over UNION ALL', 'SELECT k, COUNT(*), SUM(x) FROM (SELECT k, v AS x FROM t1 UNION ALL SELECT k, w FROM t2) GROUP BY k'),
];

export const ALL_CASES: readonly ChangelogCase[] = [...AGGREGATE_CASES, ...TOP_N_CASES, ...JOIN_CASES, ...SUBQUERY_CASES, ...SET_CASES];
