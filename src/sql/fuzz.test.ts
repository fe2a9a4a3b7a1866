import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SqlError } from '../types/errors.js';
import { lex } from './lexer.js';
import { parseScript } from './parser.js';

const CORPUS = [
  `CREATE TABLE Orders (id BIGINT, price DECIMAL(10, 2), ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
     PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'kafka', 'topic' = 'o');`,
  `INSERT INTO sink SELECT window_start, window_end, SUM(price) FILTER (WHERE price > 0)
     FROM TABLE(TUMBLE(TABLE Orders, DESCRIPTOR(ts), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end;`,
  `SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY a ORDER BY ts DESC) AS rn FROM t) WHERE rn <= 3;`,
  `WITH x AS (SELECT a, CASE WHEN b IS NULL THEN 0 ELSE b END AS b FROM t) SELECT a FROM x UNION ALL SELECT 1 ORDER BY a LIMIT 5;`,
  `EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b VALUES (1, 'x'); END;`,
  `SELECT JSON_VALUE(j, '$.a' RETURNING INT DEFAULT 0 ON EMPTY), CAST(x AS ROW<a INT, b ARRAY<STRING>>), arr[1], m['k']
     FROM t CROSS JOIN UNNEST(arr) AS u (v) LEFT JOIN r FOR SYSTEM_TIME AS OF t.pt AS r ON t.k = r.k;`,
  `SET 'table.exec.state.ttl' = '1h'; SHOW TABLES; DESCRIBE t; USE CATALOG c; DROP TABLE IF EXISTS t;`,
  `SELECT * FROM Ticker MATCH_RECOGNIZE (PARTITION BY s ORDER BY ts MEASURES A.p AS p ONE ROW PER MATCH
     AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+) DEFINE B AS B.p > A.p) AS m;`,
];

const VOCAB = [
  'SELECT', 'FROM', 'WHERE', '(', ')', ',', ';', 'AS', 'JOIN', 'ON', 'TABLE', 'INTERVAL', "'x'", '1', 'a', '.', '*',
  'BEGIN', 'END', 'STATEMENT', 'SET', 'EXECUTE', 'INSERT', 'INTO', 'CASE', 'WHEN', 'THEN', '/*+', '*/', '`', "'", '"',
  'OVER', 'PARTITION', 'BY', '[', ']', 'NOT', 'NULL', 'MATCH_RECOGNIZE', 'PATTERN', 'DEFINE', 'WITH', 'VALUES', '--',
];

/** Parses and checks the invariants: no throw, only SqlErrors with spans inside the text. */
function check(text: string): void {
  const r = parseScript(text);
  for (const e of r.errors) {
    expect(e).toBeInstanceOf(SqlError);
    expect(e.span.start.offset).toBeGreaterThanOrEqual(0);
    expect(e.span.end.offset).toBeLessThanOrEqual(text.length);
    expect(e.span.start.offset).toBeLessThanOrEqual(e.span.end.offset);
    expect(e.span.start.line).toBeGreaterThanOrEqual(1);
    expect(e.span.start.col).toBeGreaterThanOrEqual(1);
  }
}

const tokenTexts = (s: string): string[] =>
  lex(s)
    .filter((t) => t.kind !== 'eof')
    .map((t) => s.slice(t.start.offset, t.end.offset));

describe('parseScript never throws', () => {
  test('the corpus is valid', () => {
    for (const s of CORPUS) expect(parseScript(s).errors).toEqual([]);
  });

  test('random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => check(s)),
      { numRuns: 500 },
    );
  });

  test('random token soups', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCAB), { maxLength: 60 }), (toks) => check(toks.join(' '))),
      { numRuns: 500 },
    );
  });

  test('mutations of valid scripts', () => {
    const scripts = CORPUS.map(tokenTexts);
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), i: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), i: fc.nat(), tok: fc.constantFrom(...VOCAB) }),
      fc.record({ op: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.nat(scripts.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (k, muts) => {
        const toks = [...scripts[k]!];
        for (const m of muts) {
          if (toks.length === 0) break;
          const i = m.i % toks.length;
          if (m.op === 'delete') toks.splice(i, 1);
          else if (m.op === 'insert') toks.splice(i, 0, m.tok);
          else {
            const j = m.j % toks.length;
            [toks[i], toks[j]] = [toks[j]!, toks[i]!];
          }
        }
        const started = performance.now();
        check(toks.join(' '));
        // "Never hangs": a mutated script parses as fast as a valid one.
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 1000 },
    );
  });

  test('deeply nested input', () => {
    check('SELECT ' + '('.repeat(20000) + '1' + ')'.repeat(20000));
    check('SELECT * FROM ' + '('.repeat(20000) + 'SELECT 1' + ')'.repeat(20000));
    check('SELECT ' + 'CAST('.repeat(5000) + '1');
    check('SELECT ' + 'NOT '.repeat(20000) + '1');
    check('SELECT ' + '-'.repeat(20000) + '1');
  });
});
