import { describe, expect, test } from 'vitest';
import type { Expr, FunctionCall } from './ast/expr.js';
import { parseExpression } from './parser.js';
import { toSexpr } from './sexpr.js';
import { SqlError } from '../types/errors.js';

const sx = (text: string): string => toSexpr(parseExpression(text));
const call = (text: string): FunctionCall => {
  const e = parseExpression(text);
  if (e.kind !== 'FunctionCall') throw new Error(`not a call: ${e.kind}`);
  return e;
};

describe('precedence', () => {
  test.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 * 2 + 3', '((1 * 2) + 3)'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['a OR b AND c', '(a OR (b AND c))'],
    ['a AND b OR c', '((a AND b) OR c)'],
    ['NOT a AND b', '((NOT a) AND b)'],
    ['NOT a = b', '(NOT (a = b))'],
    ['NOT a IS NULL', '(NOT (a IS NULL))'],
    ['a = b IS NULL', '((a = b) IS NULL)'],
    ['a LIKE b = c', '((a LIKE b) = c)'],
    ["'a' || 'b' || 'c'", "(('a' || 'b') || 'c')"],
    // Calcite gives || the precedence of * and /.
    ["'a' || 1 + 2", "(('a' || 1) + 2)"],
    ['a * b || c', '((a * b) || c)'],
    ['-a * b', '((- a) * b)'],
    ['- 1 + 2', '((- 1) + 2)'],
    ['-1 + 2', '(-1 + 2)'],
    ['a - -1', '(a - -1)'],
    ['a BETWEEN 1 AND 2 AND c', '((a BETWEEN 1 AND 2) AND c)'],
    ['a BETWEEN 1 + 1 AND 2 * 3', '(a BETWEEN (1 + 1) AND (2 * 3))'],
    ['a NOT BETWEEN SYMMETRIC 1 AND 2', '(a NOT BETWEEN SYMMETRIC 1 AND 2)'],
    ['a IN (1, 2) OR b NOT IN (3)', '((a IN [1, 2]) OR (b NOT IN [3]))'],
    ['a + b IN (1)', '((a + b) IN [1])'],
    ['(a + b) * c', '((a + b) * c)'],
    ['a % 2 = 0', '((a % 2) = 0)'],
    ['a <> b AND a != c', '((a <> b) AND (a <> c))'],
    ['a >= 1 AND a <= 2', '((a >= 1) AND (a <= 2))'],
    ['x.a[1].b', 'x.a[1].b'],
    ['-x[1]', '(- x[1])'],
  ])('%s', (input, expected) => {
    expect(sx(input)).toBe(expected);
  });
});

describe('literals', () => {
  test.each([
    ['123', '123'],
    ['1.50', '1.50'],
    ['.5', '.5'],
    ['1e3', '1e3'],
    ['1.5E-3', '1.5E-3'],
    ['-9223372036854775808', '-9223372036854775808'],
    ["'it''s'", "'it''s'"],
    ["'a' 'b'", "'ab'"],
    ["'a'\n  'b'", "'ab'"],
    ["U&'\\0041b'", "'Ab'"],
    ["U&'\\+01F600'", "'😀'"],
    ["U&'#0041#+000042' UESCAPE '#'", "'AB'"],
    ["U&'a\\\\b'", "'a\\b'"],
    ["'back\\slash'", "'back\\slash'"],
    ["X'0AFF'", "X'0AFF'"],
    ['TRUE', 'TRUE'],
    ['false', 'FALSE'],
    ['NULL', 'NULL'],
    ['UNKNOWN', '(CAST NULL AS BOOLEAN)'],
    ["DATE '2020-01-01'", "DATE '2020-01-01'"],
    ["TIME '12:00:00'", "TIME '12:00:00'"],
    ["TIMESTAMP '2020-01-01 00:00:00.123'", "TIMESTAMP '2020-01-01 00:00:00.123'"],
    ["TIMESTAMP_LTZ '2020-01-01 00:00:00'", "TIMESTAMP_LTZ '2020-01-01 00:00:00'"],
    ["INTERVAL '10' MINUTE", "INTERVAL '10' MINUTE"],
    ["INTERVAL '10' MINUTES", "INTERVAL '10' MINUTE"],
    ["INTERVAL '2' DAYS", "INTERVAL '2' DAY"],
    ["INTERVAL '1 2:03' DAY TO MINUTE", "INTERVAL '1 2:03' DAY TO MINUTE"],
    ["INTERVAL '10' SECOND(3)", "INTERVAL '10' SECOND(3)"],
    ["INTERVAL '1-2' YEAR TO MONTH", "INTERVAL '1-2' YEAR TO MONTH"],
    ["INTERVAL '1 02:03:04.5' DAY(2) TO SECOND(3)", "INTERVAL '1 02:03:04.5' DAY(2) TO SECOND[3]"],
    ["INTERVAL -'1' DAY", "INTERVAL -'1' DAY"],
    ["INTERVAL '-1' HOUR", "INTERVAL -'1' HOUR"],
  ])('%s', (input, expected) => {
    expect(sx(input)).toBe(expected);
  });

  test('numbers keep their text exactly', () => {
    const e = parseExpression('123456789012345678901234567890.123456789');
    expect(e).toMatchObject({ kind: 'NumericLiteral', text: '123456789012345678901234567890.123456789' });
  });
});

describe('names', () => {
  test('column references keep their case', () => {
    expect(parseExpression('Orders.userId')).toMatchObject({ kind: 'ColumnRef', names: ['Orders', 'userId'] });
    expect(parseExpression('`my col`')).toMatchObject({ kind: 'ColumnRef', names: ['my col'] });
    expect(parseExpression('`a``b`')).toMatchObject({ kind: 'ColumnRef', names: ['a`b'] });
    expect(parseExpression('名前')).toMatchObject({ kind: 'ColumnRef', names: ['名前'] });
    expect(parseExpression('a$b_1')).toMatchObject({ kind: 'ColumnRef', names: ['a$b_1'] });
  });
  test('non-reserved keywords are usable as names', () => {
    for (const n of ['name', 'value', 'type', 'status', 'date', 'ts', 'window_start', 'user', 'data', 'count', 'timestamp', 'key', 'time', 'year', 'position', 'row', 'map']) {
      expect(parseExpression(n)).toMatchObject({ kind: 'ColumnRef', names: [n] });
    }
  });
  test('reserved words are rejected unless quoted', () => {
    expect(() => parseExpression('a + table')).toThrow(SqlError);
    expect(parseExpression('`table`')).toMatchObject({ kind: 'ColumnRef', names: ['table'] });
  });
  test('star and qualified star', () => {
    expect(parseExpression('t.*')).toMatchObject({ kind: 'Star', qualifier: ['t'] });
  });
});

describe('predicates', () => {
  test.each([
    ['a IS NULL', '(a IS NULL)'],
    ['a IS NOT NULL', '(a IS NOT NULL)'],
    ['a IS TRUE', '(a IS TRUE)'],
    ['a IS NOT FALSE', '(a IS NOT FALSE)'],
    ['a IS UNKNOWN', '(a IS UNKNOWN)'],
    ['a IS DISTINCT FROM b', '(a IS DISTINCT FROM b)'],
    ['a IS NOT DISTINCT FROM b + 1', '(a IS NOT DISTINCT FROM (b + 1))'],
    ['s IS JSON', '(s IS JSON VALUE)'],
    ['s IS NOT JSON OBJECT', '(s IS NOT JSON OBJECT)'],
    ['s IS JSON SCALAR', '(s IS JSON SCALAR)'],
    ["a LIKE 'x%'", "(a LIKE 'x%')"],
    ["a NOT LIKE 'x!%' ESCAPE '!'", "(a NOT LIKE 'x!%' ESCAPE '!')"],
    ["a SIMILAR TO '[a-z]+'", "(a SIMILAR TO '[a-z]+')"],
    ["a NOT SIMILAR TO 'x' ESCAPE '\\'", "(a NOT SIMILAR TO 'x' ESCAPE '\\')"],
    ['EXISTS (SELECT 1)', '(EXISTS <query>)'],
    ['a IN (SELECT b FROM t)', '(a IN <query>)'],
    ['a NOT IN (SELECT b FROM t)', '(a NOT IN <query>)'],
    ['(SELECT MAX(b) FROM t)', '<query>'],
  ])('%s', (input, expected) => {
    expect(sx(input)).toBe(expected);
  });
});

describe('special forms', () => {
  test.each([
    ["CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END", "(CASE WHEN (a > 1) THEN 'x' WHEN (a > 0) THEN 'y' ELSE 'z')"],
    ["CASE a WHEN 1 THEN 'one' END", "(CASE a WHEN 1 THEN 'one')"],
    ["CASE a WHEN 1, 2 THEN 'x' ELSE 'y' END", "(CASE a WHEN 1 THEN 'x' WHEN 2 THEN 'x' ELSE 'y')"],
    ["(TIME '2:55:00', INTERVAL '1' HOUR) OVERLAPS (TIME '3:30:00', INTERVAL '2' HOUR)", "OVERLAPS(TIME '2:55:00', INTERVAL '1' HOUR, TIME '3:30:00', INTERVAL '2' HOUR)"],
    ['(a, b) OVERLAPS (c, d) AND x', '(OVERLAPS(a, b, c, d) AND x)'],
    ['CAST(a AS BIGINT)', '(CAST a AS BIGINT)'],
    ['TRY_CAST(a AS DECIMAL(10, 2))', '(TRY_CAST a AS DECIMAL(10, 2))'],
    ['CAST(a AS TIMESTAMP(3) WITH LOCAL TIME ZONE)', '(CAST a AS TIMESTAMP_LTZ(3))'],
    ['CAST(a AS INT NOT NULL)', '(CAST a AS INT NOT NULL)'],
    ['EXTRACT(YEAR FROM ts)', '(EXTRACT YEAR FROM ts)'],
    ['EXTRACT(DOW FROM ts)', '(EXTRACT DOW FROM ts)'],
    ['TRIM(s)', '(TRIM BOTH FROM s)'],
    ["TRIM(LEADING 'x' FROM s)", "(TRIM LEADING 'x' FROM s)"],
    ['TRIM(TRAILING FROM s)', '(TRIM TRAILING FROM s)'],
    ["TRIM('x' FROM s)", "(TRIM BOTH 'x' FROM s)"],
    ['SUBSTRING(s FROM 2 FOR 3)', 'SUBSTRING(s, 2, 3)'],
    ['SUBSTRING(s FROM 2)', 'SUBSTRING(s, 2)'],
    ['SUBSTRING(s, 2, 3)', 'SUBSTRING(s, 2, 3)'],
    ["POSITION('a' IN s)", "POSITION('a', s)"],
    ["OVERLAY(s PLACING 'x' FROM 2 FOR 1)", "OVERLAY(s, 'x', 2, 1)"],
    ['CEIL(ts TO DAY)', 'CEIL(ts, DAY)'],
    ['FLOOR(ts TO HOUR)', 'FLOOR(ts, HOUR)'],
    ['FLOOR(x)', 'FLOOR(x)'],
    ['TIMESTAMPADD(MINUTE, 5, ts)', 'TIMESTAMPADD(MINUTE, 5, ts)'],
    ['TIMESTAMPDIFF(SECOND, a, b)', 'TIMESTAMPDIFF(SECOND, a, b)'],
    ['ARRAY[1, 2, 3]', 'ARRAY[1, 2, 3]'],
    ["MAP['a', 1, 'b', 2]", "MAP['a', 1, 'b', 2]"],
    ["ROW(1, 'a')", "ROW(1, 'a')"],
    ['(1, 2)', '(1, 2)'],
    ['(a).b', 'a.b'],
    ['f(x).b', 'F(x).b'],
    ['arr[1]', 'arr[1]'],
    ["m['k']", "m['k']"],
    ['COUNT(*)', 'COUNT(*)'],
    ['COUNT(DISTINCT a)', 'COUNT(DISTINCT a)'],
    ['SUM(a) FILTER (WHERE a > 0)', 'SUM(a) FILTER((a > 0))'],
    ["LISTAGG(s, ',')", "LISTAGG(s, ',')"],
    ['CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP'],
    ['LOCALTIMESTAMP', 'LOCALTIMESTAMP'],
    ['CURRENT_ROW_TIMESTAMP()', 'CURRENT_ROW_TIMESTAMP()'],
    ['mycat.mydb.myfunc(1)', 'mycat.mydb.myfunc(1)'],
    ['TUMBLE(ts, INTERVAL \'1\' HOUR)', "TUMBLE(ts, INTERVAL '1' HOUR)"],
    ['IF(a > 1, 1, 2)', 'IF((a > 1), 1, 2)'],
    ['LEFT(s, 2)', 'LEFT(s, 2)'],
  ])('%s', (input, expected) => {
    expect(sx(input)).toBe(expected);
  });

  test('function names are upper-cased unless quoted; qualified names keep parts', () => {
    expect(call('myFunc(1)').name).toEqual(['MYFUNC']);
    expect(call('`myFunc`(1)').name).toEqual(['myFunc']);
    expect(call('cat.db.myFunc(1)').name).toEqual(['cat', 'db', 'myFunc']);
  });

  test('niladic calls have noParens', () => {
    expect(call('CURRENT_DATE')).toMatchObject({ noParens: true, args: [] });
    expect(call('NOW()')).toMatchObject({ noParens: false });
  });

  test('OVER clauses', () => {
    const c = call('SUM(a) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)');
    expect(c.over?.partitionBy.map(toSexpr)).toEqual(['k']);
    expect(c.over?.orderBy[0]).toMatchObject({ direction: 'ASC' });
    expect(c.over?.frame).toMatchObject({ unit: 'ROWS', start: { kind: 'Preceding' }, end: { kind: 'CurrentRow' } });
    const r = call("COUNT(*) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)");
    expect(r.over?.frame?.unit).toBe('RANGE');
    const u = call('ROW_NUMBER() OVER (PARTITION BY a ORDER BY b DESC NULLS LAST)');
    expect(u.over?.orderBy[0]).toMatchObject({ direction: 'DESC', nulls: 'LAST' });
    expect(u.over?.frame).toBeUndefined();
    expect(call('SUM(a) OVER w').over).toMatchObject({ refName: 'w', partitionBy: [] });
    const unb = call('SUM(a) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)');
    expect(unb.over?.frame).toMatchObject({ start: { kind: 'UnboundedPreceding' }, end: { kind: 'UnboundedFollowing' } });
    expect(call('SUM(a) OVER (ORDER BY ts ROWS 5 PRECEDING)').over?.frame).toMatchObject({ start: { kind: 'Preceding' } });
    expect(call('LAST_VALUE(a) IGNORE NULLS OVER w').nulls).toBe('IGNORE');
  });

  test('ordered aggregate arguments', () => {
    expect(call('JSON_ARRAYAGG(x ORDER BY y DESC)').orderBy?.[0]).toMatchObject({ direction: 'DESC' });
    expect(call('LISTAGG(x) WITHIN GROUP (ORDER BY y)').orderBy).toHaveLength(1);
    expect(call('ARRAY_AGG(DISTINCT x ORDER BY x)')).toMatchObject({ distinct: true });
  });

  test('table function arguments', () => {
    const c = call("TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)");
    expect(c.args.map(toSexpr)).toEqual(['TABLE Bid', 'DESCRIPTOR(bidtime)', "INTERVAL '10' MINUTE"]);
    const n = call("TUMBLE(DATA => TABLE Bid, TIMECOL => DESCRIPTOR(bidtime), SIZE => INTERVAL '10' MINUTES)");
    expect(n.args.map(toSexpr)).toEqual(['DATA => TABLE Bid', 'TIMECOL => DESCRIPTOR(bidtime)', "SIZE => INTERVAL '10' MINUTE"]);
    const s = call("SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(ts), INTERVAL '5' MINUTES)");
    expect(s.args[0]).toMatchObject({ kind: 'TableArg', table: ['Bid'], partitionBy: [{ kind: 'ColumnRef', names: ['item'] }] });
  });
});

describe('SQL/JSON functions', () => {
  test('JSON_VALUE clauses', () => {
    const c = call("JSON_VALUE(j, '$.a' RETURNING INT DEFAULT 0 ON EMPTY ERROR ON ERROR)");
    expect(c.args.map(toSexpr)).toEqual(['j', "'$.a'"]);
    expect(c.json?.returning?.name).toBe('INT');
    expect(c.json?.onEmpty).toMatchObject({ behavior: 'DEFAULT', default: { kind: 'NumericLiteral', text: '0' } });
    expect(c.json?.onError).toEqual({ behavior: 'ERROR' });
    expect(call("JSON_VALUE(j, '$.a' NULL ON EMPTY)").json?.onEmpty).toEqual({ behavior: 'NULL' });
    const n = call("JSON_VALUE(j, '$.a' RETURNING DECIMAL(10, 2) NULL ON ERROR)");
    expect(n.json).toMatchObject({ returning: { name: 'DECIMAL', args: [10, 2] }, onError: { behavior: 'NULL' } });
  });
  test('JSON_QUERY wrappers', () => {
    const c = call("JSON_QUERY(j, '$.a' WITH CONDITIONAL ARRAY WRAPPER EMPTY ARRAY ON EMPTY)");
    expect(c.json).toMatchObject({ wrapper: 'CONDITIONAL', onEmpty: { behavior: 'EMPTY_ARRAY' } });
    expect(call("JSON_QUERY(j, '$' WITHOUT ARRAY WRAPPER EMPTY OBJECT ON ERROR)").json).toMatchObject({
      wrapper: 'WITHOUT',
      onError: { behavior: 'EMPTY_OBJECT' },
    });
    expect(call("JSON_QUERY(j, '$' WITH WRAPPER)").json?.wrapper).toBe('UNCONDITIONAL');
  });
  test('JSON_EXISTS', () => {
    expect(call("JSON_EXISTS(j, '$.a' FALSE ON ERROR)").json?.onError).toEqual({ behavior: 'FALSE' });
  });
  test('JSON_OBJECT / JSON_ARRAY / aggregates', () => {
    const o = call("JSON_OBJECT(KEY 'a' VALUE 1, 'b' VALUE 2 ABSENT ON NULL)");
    expect(o.args.map(toSexpr)).toEqual(["'a'", '1', "'b'", '2']);
    expect(o.json?.onNull).toBe('ABSENT');
    expect(call("JSON_OBJECT('a' : 1)").args).toHaveLength(2);
    expect(call('JSON_OBJECT()').args).toHaveLength(0);
    const a = call('JSON_ARRAY(1, 2 NULL ON NULL)');
    expect(a.args.map(toSexpr)).toEqual(['1', '2']);
    expect(a.json?.onNull).toBe('NULL');
    expect(call('JSON_OBJECTAGG(KEY k VALUE v)').args.map(toSexpr)).toEqual(['k', 'v']);
    expect(call('JSON_OBJECTAGG(k VALUE v)').args.map(toSexpr)).toEqual(['k', 'v']);
  });
});

describe('spans', () => {
  test('nodes cover their source text exactly', () => {
    const text = 'a + f(b, c) * 2';
    const e = parseExpression(text) as Extract<Expr, { kind: 'Binary' }>;
    const src = (x: { span: { start: { offset: number }; end: { offset: number } } }): string => text.slice(x.span.start.offset, x.span.end.offset);
    expect(src(e)).toBe(text);
    expect(src(e.right)).toBe('f(b, c) * 2');
    const mul = e.right as Extract<Expr, { kind: 'Binary' }>;
    expect(src(mul.left)).toBe('f(b, c)');
    expect(mul.left.span.start).toEqual({ offset: 4, line: 1, col: 5 });
  });
  test('multi-line positions are 1-based', () => {
    const e = parseExpression('a\n  AND\n  b = 1') as Extract<Expr, { kind: 'Binary' }>;
    expect(e.right.span.start).toEqual({ offset: 10, line: 3, col: 3 });
    expect(e.right.span.end).toEqual({ offset: 15, line: 3, col: 8 });
  });
});

describe('errors', () => {
  test('trailing garbage', () => {
    expect(() => parseExpression('a b')).toThrow(/Unexpected 'b'/);
  });
  test('missing operand', () => {
    expect(() => parseExpression('1 +')).toThrow(/Unexpected end of input; expected expression/);
  });
  test('unclosed paren hint', () => {
    try {
      parseExpression('(1 + 2');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SqlError);
      expect((e as SqlError).hint).toMatch(/line 1, column 1/);
    }
  });
  test('ILIKE is rejected with a hint', () => {
    expect(() => parseExpression("a ILIKE 'x'")).toThrow(/ILIKE/);
  });
  test('OVERLAPS needs periods', () => {
    expect(() => parseExpression('a OVERLAPS (b, c)')).toThrow(/OVERLAPS needs a period/);
    expect(() => parseExpression("CASE WHEN a, b THEN 1 END")).toThrow(/Unexpected ','; expected THEN/);
  });
  test('odd MAP arguments', () => {
    expect(() => parseExpression("MAP['a']")).toThrow(/even number/);
  });
  test('deep nesting does not overflow the stack', () => {
    const deep = '('.repeat(5000) + '1' + ')'.repeat(5000);
    expect(() => parseExpression(deep)).toThrow(SqlError);
    expect(sx('('.repeat(100) + '1' + ')'.repeat(100))).toBe('1');
  });
});
