import { describe, expect, test } from 'vitest';
import type { Join, Query, Select, SetOperation, TableRef } from './ast/query.js';
import type { Statement } from './ast/statement.js';
import { parseScript } from './parser.js';
import { toSexpr } from './sexpr.js';

function stmt(text: string): Statement {
  const r = parseScript(text);
  if (r.errors.length) throw new Error(r.errors.map((e) => `${e.span.start.line}:${e.span.start.col} ${e.message}`).join('\n'));
  expect(r.statements).toHaveLength(1);
  return r.statements[0]!;
}
function query(text: string): Query {
  const s = stmt(text);
  if (s.kind !== 'QueryStatement') throw new Error(s.kind);
  return s.query;
}
function select(text: string): Select {
  const q = query(text);
  if (q.body.kind !== 'Select') throw new Error(q.body.kind);
  return q.body;
}
const from = (text: string): TableRef => select(text).from!;

describe('SELECT', () => {
  test('items, aliases and stars', () => {
    const s = select('SELECT a, b AS x, c y, t.*, *, `select` AS `from` FROM t');
    expect(s.items.map((i) => [toSexpr(i.expr), i.alias])).toEqual([
      ['a', undefined],
      ['b', 'x'],
      ['c', 'y'],
      ['t.*', undefined],
      ['*', undefined],
      ['select', 'from'],
    ]);
  });
  test('DISTINCT / ALL', () => {
    expect(select('SELECT DISTINCT a FROM t').distinct).toBe(true);
    expect(select('SELECT ALL a FROM t').distinct).toBe(false);
  });
  test('SELECT without FROM', () => {
    expect(select('SELECT 1').from).toBeUndefined();
  });
  test('hints after SELECT', () => {
    const s = select('SELECT /*+ BROADCAST(t1), SHUFFLE_HASH(t2) */ * FROM t1 JOIN t2 ON t1.a = t2.a');
    expect(s.hints).toEqual([
      expect.objectContaining({ name: 'BROADCAST', args: ['t1'] }),
      expect.objectContaining({ name: 'SHUFFLE_HASH', args: ['t2'] }),
    ]);
  });
  test('WHERE, GROUP BY, HAVING, WINDOW', () => {
    const s = select('SELECT a, COUNT(*) FROM t WHERE b > 1 GROUP BY a HAVING COUNT(*) > 2 WINDOW w AS (PARTITION BY a ORDER BY ts)');
    expect(toSexpr(s.where!)).toBe('(b > 1)');
    expect(s.groupBy).toEqual([expect.objectContaining({ kind: 'GroupExpr' })]);
    expect(toSexpr(s.having!)).toBe('(COUNT(*) > 2)');
    expect(s.windows[0]).toMatchObject({ name: 'w', spec: { partitionBy: [{ names: ['a'] }] } });
  });
  test('grouping sets, rollup, cube', () => {
    const s = select('SELECT a FROM t GROUP BY GROUPING SETS ((a, b), (a), ()), ROLLUP (a, (b, c)), CUBE (a, b)');
    expect(s.groupBy.map((g) => g.kind)).toEqual(['GroupingSets', 'Rollup', 'Cube']);
    const gs = s.groupBy[0] as Extract<Select['groupBy'][number], { kind: 'GroupingSets' }>;
    expect(gs.sets.map((g) => g.kind)).toEqual(['GroupList', 'GroupExpr', 'GroupList']);
    const r = s.groupBy[1] as Extract<Select['groupBy'][number], { kind: 'Rollup' }>;
    expect(r.items.map((i) => i.map(toSexpr))).toEqual([['a'], ['b', 'c']]);
  });
  test('legacy group window is a function call', () => {
    const s = select("SELECT user, SUM(amount) FROM Orders GROUP BY TUMBLE(rowtime, INTERVAL '1' DAY), user");
    expect(s.groupBy.map((g) => (g.kind === 'GroupExpr' ? toSexpr(g.expr) : g.kind))).toEqual(["TUMBLE(rowtime, INTERVAL '1' DAY)", 'user']);
  });
});

describe('query clauses', () => {
  test('ORDER BY, LIMIT, OFFSET, FETCH', () => {
    const q = query('SELECT a FROM t ORDER BY a DESC NULLS FIRST, b LIMIT 10 OFFSET 5');
    expect(q.orderBy.map((o) => [toSexpr(o.expr), o.direction, o.nulls])).toEqual([
      ['a', 'DESC', 'FIRST'],
      ['b', 'ASC', undefined],
    ]);
    expect(toSexpr(q.limit!)).toBe('10');
    expect(toSexpr(q.offset!)).toBe('5');
    const f = query('SELECT a FROM t OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY');
    expect([toSexpr(f.offset!), toSexpr(f.limit!)]).toEqual(['2', '3']);
    expect(toSexpr(query('SELECT a FROM t FETCH NEXT ROW ONLY').limit!)).toBe('1');
  });
  test('WITH', () => {
    const q = query('WITH a AS (SELECT 1), b (x, y) AS (SELECT 1, 2) SELECT * FROM a, b');
    expect(q.with.map((c) => [c.name, c.columns])).toEqual([
      ['a', undefined],
      ['b', ['x', 'y']],
    ]);
  });
  test('set operations: INTERSECT binds tighter', () => {
    const q = query('SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4');
    const b = q.body as SetOperation;
    expect(b.op).toBe('EXCEPT');
    expect(b.all).toBe(true);
    const l = b.left as SetOperation;
    expect(l.op).toBe('UNION');
    expect(l.all).toBe(false);
    expect((l.right as SetOperation).op).toBe('INTERSECT');
  });
  test('UNION ALL with parenthesized queries and ORDER BY', () => {
    const q = query('(SELECT a FROM t) UNION ALL (SELECT a FROM u) ORDER BY a');
    expect(q.body).toMatchObject({ kind: 'SetOperation', all: true, left: { kind: 'Query' } });
    expect(q.orderBy).toHaveLength(1);
  });
  test('VALUES', () => {
    const q = query("VALUES (1, 'a'), (2, 'b')");
    expect(q.body).toMatchObject({ kind: 'Values' });
    expect(q.body.kind === 'Values' ? q.body.rows : []).toHaveLength(2);
    const s = select("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name)");
    expect(s.from).toMatchObject({ kind: 'SubqueryRef', alias: 't', columnAliases: ['id', 'name'] });
  });
});

describe('FROM', () => {
  test('table names, aliases, hints', () => {
    expect(from('SELECT * FROM cat.db.Orders AS o')).toMatchObject({ kind: 'TableName', name: ['cat', 'db', 'Orders'], alias: 'o' });
    expect(from('SELECT * FROM Orders o')).toMatchObject({ alias: 'o' });
    expect(from("SELECT * FROM kafka_table1 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ t")).toMatchObject({
      alias: 't',
      hints: [{ name: 'OPTIONS', options: [['scan.startup.mode', 'earliest-offset']] }],
    });
  });
  test('joins', () => {
    const j = from('SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id) FULL OUTER JOIN d ON TRUE CROSS JOIN e') as Join;
    expect(j.joinType).toBe('CROSS');
    const d = j.left as Join;
    expect(d.joinType).toBe('FULL');
    const c = d.left as Join;
    expect(c).toMatchObject({ joinType: 'LEFT', using: ['id'] });
    expect((c.left as Join).joinType).toBe('INNER');
    expect(from('SELECT * FROM a RIGHT OUTER JOIN b ON x')).toMatchObject({ joinType: 'RIGHT' });
    expect(from('SELECT * FROM a INNER JOIN b ON x')).toMatchObject({ joinType: 'INNER' });
    expect(from('SELECT * FROM a NATURAL JOIN b')).toMatchObject({ natural: true });
  });
  test('comma joins bind loosest', () => {
    const j = from('SELECT * FROM a, b JOIN c ON b.x = c.x') as Join;
    expect(j.comma).toBe(true);
    expect(j.right).toMatchObject({ kind: 'Join', joinType: 'INNER' });
  });
  test('lateral table functions and unnest', () => {
    expect(from('SELECT * FROM t, LATERAL TABLE(split(s)) AS x(word, len)')).toMatchObject({
      right: { kind: 'TableFunctionRef', lateral: true, alias: 'x', columnAliases: ['word', 'len'], call: { name: ['SPLIT'] } },
    });
    expect(from('SELECT * FROM t LEFT JOIN LATERAL TABLE(f(a)) AS x(b) ON TRUE')).toMatchObject({ joinType: 'LEFT', right: { kind: 'TableFunctionRef' } });
    expect(from('SELECT * FROM t CROSS JOIN UNNEST(arr) AS u (x)')).toMatchObject({
      right: { kind: 'Unnest', alias: 'u', columnAliases: ['x'], withOrdinality: false },
    });
    expect(from('SELECT * FROM t CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u (x, n)')).toMatchObject({ right: { withOrdinality: true } });
  });
  test('temporal join', () => {
    const j = from('SELECT * FROM Orders AS o JOIN Rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency') as Join;
    expect(j.right).toMatchObject({ kind: 'TableName', alias: 'r' });
    expect(j.right.kind === 'TableName' && j.right.forSystemTime ? toSexpr(j.right.forSystemTime) : '').toBe('o.order_time');
  });
  test('window TVFs', () => {
    const f = from("SELECT * FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))");
    expect(f).toMatchObject({ kind: 'TableFunctionRef', lateral: false, call: { name: ['TUMBLE'] } });
    const h = from("SELECT * FROM TABLE(HOP(DATA => TABLE Bid, TIMECOL => DESCRIPTOR(bidtime), SLIDE => INTERVAL '5' MINUTES, SIZE => INTERVAL '10' MINUTES))");
    expect(h).toMatchObject({ call: { name: ['HOP'], args: [{ kind: 'NamedArg', name: 'DATA' }, {}, {}, {}] } });
    const s = from("SELECT * FROM TABLE(SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))");
    expect(s).toMatchObject({ call: { args: [{ kind: 'TableArg', partitionBy: [{ names: ['item'] }] }, { kind: 'DescriptorArg' }, {}] } });
    const c = from("SELECT * FROM TABLE(CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES)) AS w");
    expect(c).toMatchObject({ alias: 'w' });
  });
  test('subqueries', () => {
    expect(from('SELECT * FROM (SELECT a FROM t) AS s (x)')).toMatchObject({ kind: 'SubqueryRef', alias: 's', columnAliases: ['x'] });
    expect(from('SELECT * FROM (SELECT a FROM t) s')).toMatchObject({ alias: 's' });
    expect(from('SELECT * FROM ((SELECT a FROM t) UNION ALL (SELECT a FROM u))')).toMatchObject({ kind: 'SubqueryRef' });
    expect(from('SELECT * FROM (a JOIN b ON a.x = b.x)')).toMatchObject({ kind: 'Join' });
    expect(from('SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.x = t.x)')).toMatchObject({ right: { kind: 'SubqueryRef', lateral: true } });
  });
  test('MATCH_RECOGNIZE', () => {
    const f = from(`SELECT * FROM Ticker
      MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
          START_ROW.rowtime AS start_tstamp,
          LAST(PRICE_DOWN.rowtime) AS bottom_tstamp,
          FINAL LAST(PRICE_UP.rowtime) AS end_tstamp
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO LAST PRICE_UP
        PATTERN (START_ROW PRICE_DOWN+ PRICE_UP{1,3}?)
        WITHIN INTERVAL '1' HOUR
        SUBSET S = (PRICE_DOWN, PRICE_UP)
        DEFINE
          PRICE_DOWN AS (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price),
          PRICE_UP AS PRICE_UP.price > LAST(PRICE_DOWN.price, 1)
      ) MR`);
    expect(f).toMatchObject({
      kind: 'MatchRecognize',
      alias: 'MR',
      rowsPerMatch: 'ONE',
      afterMatch: 'TO LAST PRICE_UP',
      pattern: 'START_ROW PRICE_DOWN+ PRICE_UP{1,3}?',
      subsets: [{ name: 'S', vars: ['PRICE_DOWN', 'PRICE_UP'] }],
      input: { kind: 'TableName', name: ['Ticker'] },
    });
    const m = f as Extract<TableRef, { kind: 'MatchRecognize' }>;
    expect(m.measures.map((x) => x.alias)).toEqual(['start_tstamp', 'bottom_tstamp', 'end_tstamp']);
    expect(m.define.map((d) => d.name)).toEqual(['PRICE_DOWN', 'PRICE_UP']);
  });
});

describe('spans', () => {
  test('statement and select spans exclude the semicolon', () => {
    const text = 'SELECT a\nFROM t\nWHERE b = 1;\n';
    const r = parseScript(text);
    const s = r.statements[0]!;
    expect(text.slice(s.span.start.offset, s.span.end.offset)).toBe('SELECT a\nFROM t\nWHERE b = 1');
    expect(s.span.end).toEqual({ offset: 27, line: 3, col: 12 });
  });
  test('table ref spans include aliases', () => {
    const text = 'SELECT * FROM Orders AS o JOIN r ON o.x = r.x';
    const j = from(text) as Join;
    expect(text.slice(j.left.span.start.offset, j.left.span.end.offset)).toBe('Orders AS o');
    expect(text.slice(j.span.start.offset, j.span.end.offset)).toBe('Orders AS o JOIN r ON o.x = r.x');
  });
});
