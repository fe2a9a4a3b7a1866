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
  'ON', 'OR', 'ORDER', 'OUTER', 'OVER', 'OVERLAPS', 'RIGHT', 'SELECT', 'SESSION_USER', 'SIMILAR', 'SOME', 'SYMMETRIC',
  'SYSTEM_USER', 'TABLE', 'TABLESAMPLE', 'THEN', 'TRAILING', 'TRUE', 'UESCAPE', 'UNION', 'UNKNOWN', 'UNNEST',
  'UPDATE', 'USING', 'VALUES', 'WHEN', 'WHERE', 'WINDOW', 'WITH',
]);

/**
 * Words weir accepts as plain names although Apache Flink reserves them (Calcite's reserved words
 * plus Flink's type keywords, as best known). Using one unquoted gives a warning, because the same
 * script would fail to parse on Apache Flink.
 */
export const FLINK_RESERVED_NAMES = new Set(
  (
    'ABS ALLOCATE ALLOW ARE ARRAY ARRAY_MAX_CARDINALITY AT ATOMIC AUTHORIZATION AVG BEGIN BIGINT BINARY BIT BLOB ' +
    'BOOLEAN CALL CALLED CARDINALITY CASCADED CEIL CEILING CHAR CHARACTER CHARACTER_LENGTH CHAR_LENGTH CHECK CLASSIFIER ' +
    'CLOB CLOSE COALESCE COLLATE COLLECT COLUMN COMMIT CONDITION CONNECT CONSTRAINT CONTAINS CONVERT CORR CORRESPONDING ' +
    'COUNT COVAR_POP COVAR_SAMP CUBE CUME_DIST CURRENT CURSOR CYCLE DATE DAY DEALLOCATE DEC DECIMAL DECLARE DEFAULT ' +
    'DEFINE DENSE_RANK DEREF DETERMINISTIC DISALLOW DISCONNECT DOUBLE DYNAMIC EACH ELEMENT EMPTY EQUALS EVERY EXEC ' +
    'EXECUTE EXP EXTEND EXTERNAL FIRST_VALUE FLOAT FLOOR FOREIGN FREE FUNCTION FUSION GET GLOBAL GRANT GROUPING GROUPS ' +
    'HOLD HOUR IDENTITY IMPORT INDICATOR INITIAL INOUT INSENSITIVE INT INTEGER INTERSECTION LAG LANGUAGE LARGE ' +
    'LAST_VALUE LEAD LIKE_REGEX LN LOCAL LOWER MATCH MATCHES MATCH_NUMBER MAX MEASURES MEMBER MERGE METHOD MIN MINUTE ' +
    'MOD MODIFIES MODULE MONTH MULTISET NATIONAL NCHAR NCLOB NEW NEXT NO NONE NORMALIZE NTH_VALUE NTILE NULLIF NUMERIC ' +
    'OCTET_LENGTH OF OLD OMIT ONE ONLY OPEN OUT OVERLAPS OVERLAY PARAMETER PARTITION PATTERN PER PERCENT ' +
    'PERCENTILE_CONT PERCENTILE_DISC PERCENT_RANK PERIOD PERMUTE PORTION POSITION POWER PRECEDES PRECISION PREPARE PREV ' +
    'PRIMARY PROCEDURE RANGE RANK READS REAL RECURSIVE REF REFERENCES REFERENCING RELEASE RESET RESULT RETURN RETURNS ' +
    'REVOKE ROLLBACK ROLLUP ROW ROWS ROW_NUMBER RUNNING SAVEPOINT SCOPE SCROLL SEARCH SECOND SEEK SENSITIVE SET SKIP ' +
    'SMALLINT SPECIFIC SPECIFICTYPE SQL SQLEXCEPTION SQLSTATE SQLWARNING SQRT START STATIC STDDEV_POP STDDEV_SAMP STREAM ' +
    'SUBMULTISET SUBSET SUBSTRING SUCCEEDS SUM SYSTEM SYSTEM_TIME TIME TIMESTAMP TIMEZONE_HOUR TIMEZONE_MINUTE TINYINT ' +
    'TO TRANSLATE TRANSLATION TREAT TRIGGER TRIM TRUNCATE UNIQUE UPPER UPSERT USER VALUE VALUE_OF VARBINARY VARCHAR ' +
    'VARYING VAR_POP VAR_SAMP VERSIONING WHENEVER WIDTH_BUCKET WITHIN WITHOUT YEAR ' +
    'BYTES STRING TIMESTAMP_LTZ RAW'
  ).split(/\s+/),
);

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
