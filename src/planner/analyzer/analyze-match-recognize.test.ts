import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../session/script-runner.js';
import { Session } from '../../session/session.js';

const TICKER = `CREATE TABLE Ticker (
  symbol STRING,
  price BIGINT,
  tax BIGINT,
  rowtime TIMESTAMP(3),
  ts_ltz TIMESTAMP_LTZ(3),
  pt AS PROCTIME(),
  WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE Ltz (
  symbol STRING,
  price INT,
  ts_ltz TIMESTAMP_LTZ(3),
  WATERMARK FOR ts_ltz AS ts_ltz - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
`;

async function run(sql: string, mode: 'validate' | 'explain' = 'validate'): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScript(TICKER + sql, new Session(), {
    mode,
    fileName: 'mr.sql',
    io: { stdout: (l) => out.push(l), stderr: (l) => err.push(l) },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** EXPLAIN's output for one query; the row types of the Match node and its parent. */
async function explain(query: string): Promise<string> {
  const r = await run(query, 'explain');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.out;
}

/** The query wrapped to a MATCH_RECOGNIZE over Ticker with the given clauses. */
const mr = (clauses: string, table = 'Ticker') => `SELECT * FROM ${table} MATCH_RECOGNIZE (${clauses}) AS T;`;

describe('MATCH_RECOGNIZE analysis', () => {
  it('accepts every Flink docs example', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../../tests/validate/flink-docs/match-recognize.sql'), 'utf8');
    const out: string[] = [];
    const code = await runScript(text, new Session(), { mode: 'validate', fileName: 'docs.sql', io: { stdout: () => {}, stderr: (l) => out.push(l) } });
    expect(out.join('\n')).toBe('');
    expect(code).toBe(0);
  });

  it('outputs partition columns then measures, with Flink types', async () => {
    const plan = await explain(mr(`
      PARTITION BY symbol ORDER BY rowtime
      MEASURES START_ROW.rowtime AS start_tstamp, LAST(DOWN.price) AS bottom, AVG(DOWN.price) AS avgPrice,
        COUNT(*) AS n, MATCH_ROWTIME() AS mt, MATCH_PROCTIME() AS mp, DOWN.price * 2 AS twice
      AFTER MATCH SKIP TO LAST UP
      PATTERN (START_ROW DOWN+ UP)
      DEFINE DOWN AS DOWN.price < LAST(DOWN.price, 1), UP AS UP.price > LAST(DOWN.price, 1)`));
    expect(plan).toContain(
      'rowType=[symbol STRING, start_tstamp TIMESTAMP(3), bottom BIGINT, avgPrice BIGINT, n BIGINT NOT NULL, mt TIMESTAMP(3) NOT NULL *ROWTIME*, mp TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*, twice BIGINT]');
    expect(plan).toContain('Match(partitionBy=[symbol], orderBy=[rowtime ASC], measures=[FINAL(START_ROW.rowtime) AS start_tstamp, FINAL(LAST(DOWN.price, 0)) AS bottom');
    expect(plan).toContain('rowsPerMatch=[ONE ROW PER MATCH], after=[SKIP TO LAST UP]');
    expect(plan).toContain("pattern=[((_UTF-16LE'START_ROW', PATTERN_QUANTIFIER(_UTF-16LE'DOWN', 1, -1, false)), _UTF-16LE'UP')]");
    expect(plan).toContain('define=[{DOWN=<(PREV(DOWN.$1, 0), LAST(DOWN.$1, 1)), UP=>(PREV(UP.$1, 0), LAST(DOWN.$1, 1))}]');
    expect(plan).toContain('changelogMode=[I]');
  });

  it('defaults to SKIP TO NEXT ROW and keeps MATCH_ROWTIME(col) of a TIMESTAMP_LTZ rowtime', async () => {
    const plan = await explain(mr(`PARTITION BY symbol ORDER BY ts_ltz MEASURES A.price AS price, MATCH_ROWTIME(ts_ltz) AS mt
      PATTERN (A) DEFINE A AS A.price > 0`, 'Ltz'));
    expect(plan).toContain('after=[SKIP TO NEXT ROW]');
    expect(plan).toContain('MATCH_ROWTIME(*.ts_ltz)) AS mt');
    expect(plan).toContain('rowType=[symbol STRING, price INT, mt TIMESTAMP_LTZ(3) *ROWTIME*]');
  });

  it('lets the outer query use the alias and the measure names', async () => {
    const r = await run(`SELECT T.symbol, T.p + 1 FROM Ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY pt
      MEASURES A.price AS p PATTERN (A B) DEFINE A AS A.price > 1) AS T WHERE T.p > 2;`);
    expect(r.err).toBe('');
    const bad = await run(`SELECT T.price FROM Ticker MATCH_RECOGNIZE (ORDER BY pt MEASURES A.price AS p PATTERN (A B) DEFINE A AS price > 1) AS T;`);
    expect(bad.err).toContain("Column 'price' not found");
  });

  it('MATCH_ROWTIME() is a rowtime attribute for windows over the matches', async () => {
    const inner = 'SELECT * FROM Ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowtime MEASURES MATCH_ROWTIME() AS mt, FIRST(A.price) AS p, A.rowtime AS atime PATTERN (A B) DEFINE B AS B.price > A.price)';
    const legacy = await run(`SELECT symbol, TUMBLE_START(mt, INTERVAL '1' MINUTE), SUM(p) FROM (${inner}) GROUP BY symbol, TUMBLE(mt, INTERVAL '1' MINUTE);`);
    expect(legacy.err).toBe('');
    const tvf = await run(`SELECT * FROM TABLE(TUMBLE(TABLE (${inner}), DESCRIPTOR(mt), INTERVAL '1' MINUTE));`);
    expect(tvf.err).toBe('');
    // A.rowtime is materialized: no longer a time attribute.
    const plain = await run(`SELECT * FROM TABLE(TUMBLE(TABLE (${inner}), DESCRIPTOR(atime), INTERVAL '1' MINUTE));`);
    expect(plain.err).toContain('requires the timecol is a time attribute type');
  });

  it('accepts aggregates over all rows and SKIP PAST LAST ROW / TO FIRST', async () => {
    expect((await run(mr(`ORDER BY rowtime MEASURES SUM(price) AS s, FIRST(rowtime) AS f AFTER MATCH SKIP PAST LAST ROW
      PATTERN (A+ C) DEFINE A AS SUM(A.price) < 30 AND SUM(price) < 100`))).err).toBe('');
    const plan = await explain(mr(`ORDER BY rowtime MEASURES A.price AS p AFTER MATCH SKIP TO FIRST B PATTERN (A B{2} C?) WITHIN INTERVAL '10' MINUTE DEFINE A AS A.price > 1`));
    expect(plan).toContain('after=[SKIP TO FIRST B]');
    expect(plan).toContain('PATTERN_QUANTIFIER(_UTF-16LE\'B\', 2, 2, false)');
  });

  describe('errors', () => {
    const error = async (clauses: string) => {
      const r = await run(mr(clauses));
      expect(r.code).toBe(1);
      return r.err;
    };
    it('unknown pattern variable', async () => {
      expect(await error('ORDER BY rowtime MEASURES X.price AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain("Table 'X' not found");
      expect(await error('ORDER BY rowtime MEASURES A.price AS p AFTER MATCH SKIP TO LAST Z PATTERN (A B) DEFINE A AS A.price > 1')).toContain("Unknown pattern 'Z'");
      expect(await error('ORDER BY rowtime MEASURES A.nope AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain("Column 'nope' not found");
    });
    it('ORDER BY must start with an ascending time attribute', async () => {
      expect(await error('ORDER BY price MEASURES A.price AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain(
        'You must specify either rowtime or proctime for order by as the first one.');
      expect(await error('MEASURES A.price AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain('You must specify either rowtime or proctime for order by.');
      expect(await error('ORDER BY rowtime DESC MEASURES A.price AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain(
        'Primary sort order of a streaming table must be ascending on time.');
      expect(await error('ORDER BY ts_ltz MEASURES A.price AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain('as the first one');
    });
    it('DEFINE must be boolean', async () => {
      expect(await error('ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) DEFINE A AS A.price + 1')).toContain('DEFINE clause must be a condition');
    });
    it('navigation and aggregation rules', async () => {
      expect(await error('ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) DEFINE A AS PREV(A.price) > 1')).toContain(
        'Flink does not support physical offsets within partition.');
      expect(await error('ORDER BY rowtime MEASURES PREV(A.price, 0) AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain("Cannot use PREV/NEXT in MEASURE 'PREV(A.price, 0)'");
      expect(await error('ORDER BY rowtime MEASURES LAST(A.price * B.tax) AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain('Multiple pattern variables');
      expect(await error('ORDER BY rowtime MEASURES AVG(A.price * B.tax) AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain(
        'Aggregation must be applied to a single pattern variable. Malformed expression: AVG(*(A.price, B.tax))');
      expect(await error('ORDER BY rowtime MEASURES LAST(SUM(A.price)) AS p PATTERN (A B) DEFINE A AS A.price > 1')).toContain('Cannot use aggregation in navigation');
      expect(await error('ORDER BY rowtime MEASURES CLASSIFIER() AS c PATTERN (A B) DEFINE A AS A.price > 1')).toContain('Unsupported call: CLASSIFIER()');
      expect(await error('ORDER BY rowtime MEASURES MATCH_ROWTIME(price) AS c PATTERN (A B) DEFINE A AS A.price > 1')).toContain(
        "requires argument to be a row time attribute type, but is 'BIGINT'");
    });
    it('pattern and output restrictions', async () => {
      const q = (pattern: string) => `ORDER BY rowtime MEASURES A.price AS p PATTERN (${pattern}) DEFINE A AS A.price > 1`;
      expect(await error(q('A B*'))).toContain('Greedy quantifiers are not allowed as the last element');
      expect(await error(q('A B A'))).toContain('Pattern variables must be unique');
      expect(await error(q('A | B'))).toContain("doesn't support branching patterns");
      expect(await error(q('(A B)+ C'))).toContain('Group patterns are not supported yet.');
      expect(await error(q('A?? B'))).toContain('Reluctant optional variables are not supported yet.');
      expect(await error(q('A* B?'))).toContain('Patterns that can produce empty matches are not supported');
      expect(await error('ORDER BY rowtime MEASURES A.price AS p ALL ROWS PER MATCH PATTERN (A B) DEFINE A AS A.price > 1')).toContain(
        'All rows per match mode is not supported yet.');
      expect(await error('PARTITION BY symbol ORDER BY rowtime MEASURES A.symbol AS symbol PATTERN (A B) DEFINE A AS A.price > 1')).toContain(
        'Columns ambiguously defined: {symbol}');
      expect(await error("ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) WITHIN INTERVAL '1' MONTH DEFINE A AS A.price > 1")).toContain(
        'Only constant intervals with millisecond resolution');
      expect(await error('ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) DEFINE A AS A.price > 1, A AS A.price < 1')).toContain(
        "Pattern variable 'A' has already been defined");
    });
    it('the embedded engine rejects running it with a PlanError', async () => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runScript(`${TICKER}${mr('ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) DEFINE A AS A.price > 1')}`, new Session(), {
        mode: 'run', fileName: 'mr.sql', io: { stdout: (l) => out.push(l), stderr: (l) => err.push(l) },
      });
      expect(code).toBe(1);
      expect(err.join('\n')).toContain('MATCH_RECOGNIZE cannot run on the embedded engine yet.');
    });
  });
});
