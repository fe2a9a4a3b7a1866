import type { TimeUnit } from './ast/type-node.js';

/**
 * Words that can never be plain identifiers (back-quote them instead). This is deliberately
 * a subset of Flink's documented reserved list: only words that would make the grammar
 * ambiguous are reserved, so real-world column names such as `name`, `value`, `type`,
 * `date`, `user`, `count` or `window_start` keep working.
 */
export const RESERVED = new Set([
  'ALL', 'ALTER', 'AND', 'ANY', 'AS', 'ASYMMETRIC', 'BETWEEN', 'BOTH', 'BY', 'CASE', 'CAST', 'CREATE', 'CROSS',
  'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'CURRENT_USER', 'CURRENT_ROLE', 'CURRENT_PATH',
  'CURRENT_CATALOG', 'CURRENT_SCHEMA', 'DELETE', 'DESCRIBE', 'DISTINCT', 'DROP', 'ELSE', 'END', 'ESCAPE',
  'EXCEPT', 'EXISTS', 'EXPLAIN', 'EXTRACT', 'FALSE', 'FETCH', 'FOR', 'FROM', 'FULL', 'GROUP', 'HAVING', 'IN',
  'INNER', 'INSERT', 'INTERSECT', 'INTERVAL', 'INTO', 'IS', 'JOIN', 'LATERAL', 'LEADING', 'LEFT', 'LIKE',
  'LIMIT', 'LOCALTIME', 'LOCALTIMESTAMP', 'MATCH_RECOGNIZE', 'MINUS', 'NATURAL', 'NOT', 'NULL', 'OFFSET',
  'ON', 'OR', 'ORDER', 'OUTER', 'OVER', 'RIGHT', 'SELECT', 'SESSION_USER', 'SIMILAR', 'SOME', 'SYMMETRIC',
  'SYSTEM_USER', 'TABLE', 'TABLESAMPLE', 'THEN', 'TRAILING', 'TRUE', 'UESCAPE', 'UNION', 'UNKNOWN', 'UNNEST',
  'UPDATE', 'USING', 'VALUES', 'WHEN', 'WHERE', 'WINDOW', 'WITH',
]);

/** Niladic functions written without parentheses. */
export const NILADIC = new Set([
  'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP', 'CURRENT_USER',
  'SESSION_USER', 'SYSTEM_USER', 'CURRENT_ROLE', 'CURRENT_PATH', 'CURRENT_CATALOG', 'CURRENT_SCHEMA',
]);

/** Time unit keywords, plurals and SQL_TSI_ aliases normalized. */
const UNITS: Record<string, TimeUnit> = {
  MILLENNIUM: 'MILLENNIUM', CENTURY: 'CENTURY', DECADE: 'DECADE', YEAR: 'YEAR', ISOYEAR: 'ISOYEAR',
  QUARTER: 'QUARTER', MONTH: 'MONTH', WEEK: 'WEEK', DAY: 'DAY', DOW: 'DOW', ISODOW: 'ISODOW', DOY: 'DOY',
  HOUR: 'HOUR', MINUTE: 'MINUTE', SECOND: 'SECOND', MILLISECOND: 'MILLISECOND', MICROSECOND: 'MICROSECOND',
  NANOSECOND: 'NANOSECOND', EPOCH: 'EPOCH',
  YEARS: 'YEAR', QUARTERS: 'QUARTER', MONTHS: 'MONTH', WEEKS: 'WEEK', DAYS: 'DAY', HOURS: 'HOUR',
  MINUTES: 'MINUTE', SECONDS: 'SECOND', MILLISECONDS: 'MILLISECOND', MICROSECONDS: 'MICROSECOND',
  NANOSECONDS: 'NANOSECOND',
  SQL_TSI_YEAR: 'YEAR', SQL_TSI_QUARTER: 'QUARTER', SQL_TSI_MONTH: 'MONTH', SQL_TSI_WEEK: 'WEEK',
  SQL_TSI_DAY: 'DAY', SQL_TSI_HOUR: 'HOUR', SQL_TSI_MINUTE: 'MINUTE', SQL_TSI_SECOND: 'SECOND',
  SQL_TSI_MICROSECOND: 'MICROSECOND', FRAC_SECOND: 'MICROSECOND', SQL_TSI_FRAC_SECOND: 'MICROSECOND',
};

export function timeUnitOf(upper: string): TimeUnit | undefined {
  return Object.prototype.hasOwnProperty.call(UNITS, upper) ? UNITS[upper] : undefined;
}

/** Units allowed in INTERVAL qualifiers (a subset of time units). */
export const INTERVAL_UNITS = new Set<TimeUnit>(['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND']);

/** Keywords that start a statement, for "did you mean" hints. */
export const STATEMENT_KEYWORDS = [
  'SELECT', 'INSERT', 'CREATE', 'DROP', 'ALTER', 'WITH', 'VALUES', 'SET', 'RESET', 'SHOW', 'USE', 'DESCRIBE',
  'DESC', 'EXPLAIN', 'EXECUTE', 'BEGIN',
];

/** Clause keywords that commonly follow a select item or a table reference (near-miss detection for aliases). */
export const CLAUSE_KEYWORDS = [
  'FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT',
  'WINDOW', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'ON', 'USING', 'AS',
];

/** Damerau-Levenshtein distance with a cap (small strings only). */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** The closest keyword to `word` (upper case), if it is a plausible typo. */
export function nearMiss(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length < 2) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === word || !/^[A-Z_]+$/.test(c)) continue;
    const maxD = c.length <= 3 ? 1 : c.length <= 6 ? 2 : 3;
    const d = editDistance(word, c, maxD);
    if (d <= maxD && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
