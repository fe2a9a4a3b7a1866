import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from './diagnostics.js';
import { parseScript } from './parser.js';

const firstError = (text: string) => {
  const r = parseScript(text);
  expect(r.errors.length).toBeGreaterThan(0);
  return r.errors[0]!;
};
const at = (text: string): [number, number] => {
  const e = firstError(text);
  return [e.span.start.line, e.span.start.col];
};

describe('error messages', () => {
  test('misspelled FROM taken as an alias is reported at the alias', () => {
    const e = firstError('SELECT a, b FORM t');
    expect(e.code).toBe('PARSE_ERROR');
    expect(e.message).toMatch(/^Unexpected 'FORM'; expected .*FROM/);
    expect(e.hint).toBe('did you mean FROM?');
    expect([e.span.start.col, e.span.end.col]).toEqual([13, 17]);
  });
  test('misspelled WHERE after a table', () => {
    const e = firstError('SELECT a FROM t WHRE b = 1');
    expect(e.hint).toBe('did you mean WHERE?');
    expect(e.span.start.col).toBe(17);
  });
  test('misspelled statement keywords', () => {
    expect(firstError('SELEC 1').hint).toBe('did you mean SELECT?');
    expect(firstError('CREATE TABEL t (a INT)').hint).toBe('did you mean TABLE?');
    expect(firstError('INSERT INTO t SELECT * FROM s GRUOP BY a').hint).toBe('did you mean GROUP?');
  });
  test('expected lists', () => {
    expect(firstError('SELECT * FROM t GROUP a').message).toBe("Unexpected 'a'; expected BY");
    expect(firstError('SELECT * FROM t ORDER a').message).toBe("Unexpected 'a'; expected BY");
    expect(firstError('SELECT a FROM t WHERE').message).toBe('Unexpected end of input; expected expression');
    expect(firstError('CREATE TABLE t (a INT) WITH (').message).toBe("Unexpected end of input; expected ')' or option key");
    expect(firstError("CREATE TABLE t (a INT) WITH ('a' 'b')").message).toMatch(/Unexpected end of input|expected '='/);
  });
  test('unclosed parenthesis points at where it opened', () => {
    const e = firstError('SELECT COUNT(*\nFROM t');
    expect(e.hint).toMatch(/opened at line 1, column 13/);
  });
  test('unclosed string and comment point at the opening', () => {
    const e = firstError("SELECT a FROM t\nWHERE b = 'abc\nAND c = 1");
    expect(e.message).toBe('Unclosed string literal');
    expect([e.span.start.line, e.span.start.col]).toEqual([2, 11]);
    expect(firstError('SELECT 1 /* never closed').message).toBe('Unclosed comment');
  });
  test('reserved words are not function names', () => {
    expect(firstError('SELECT FROM (SELECT 1)').message).toMatch(/^Unexpected 'FROM'; expected/);
    expect(parseScript('SELECT LEFT(s, 2), RIGHT(s, 1), a = ANY (SELECT 1), CURRENT_TIMESTAMP() FROM t').errors).toEqual([]);
  });
  test('stray operators and == get clear errors', () => {
    expect(at('SELECT 1 +* 2')).toEqual([1, 11]);
    expect(firstError('SELECT a FROM t WHERE a == 1').hint).toBe('SQL compares with a single =');
  });
  test('a string missing its closing quote is pointed out', () => {
    const e = firstError("CREATE TABLE t (a INT) WITH (\n  'connector' = 'kafka,\n  'topic' = 'x'\n);");
    expect(e.hint).toBe("the string at line 2, column 17 spans several lines; is a closing ' missing?");
  });
  test('double quotes have a hint', () => {
    expect(firstError('SELECT "name" FROM t').hint).toBe("use 'name' for a string or `name` for an identifier");
  });
  test('misplaced hints', () => {
    expect(firstError("SELECT a /*+ OPTIONS('a'='b') */ FROM t").message).toBe('Unexpected hint');
  });
  test('unsupported statements', () => {
    expect(firstError("ADD JAR '/x.jar'").message).toBe('ADD JAR statements are not supported by weir');
    expect(firstError('LOAD MODULE hive').message).toMatch(/LOAD MODULE/);
  });
  test('reserved words as names get a quoting hint', () => {
    const e = firstError('SELECT t.a FROM t WHERE t.a = table');
    expect(e.hint).toBe('TABLE is a reserved keyword; write `table` to use it as a name');
  });
});

describe('recovery', () => {
  test('independent errors in several statements are all reported', () => {
    const text = [
      "CREATE TABLE src (a INT) WITH ('connector' = 'datagen');",
      'SELECT a, FROM src;',
      'INSERT INTO sink SELECT a FROM src;',
      'SELECT (a + FROM src;',
      'CREATE VIEW v AS SELECT 1;',
      'SELEKT 1;',
    ].join('\n');
    const r = parseScript(text);
    expect(r.errors.map((e) => e.span.start.line)).toEqual([2, 4, 6]);
    expect(r.statements.map((s) => s.kind)).toEqual(['CreateTable', 'Insert', 'CreateView']);
  });
  test('missing semicolon between statements', () => {
    const r = parseScript('SELECT 1\nSELECT 2;\nSELECT 3');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/^Unexpected 'SELECT'; expected .*';'/);
    expect([r.errors[0]!.span.start.line, r.errors[0]!.span.start.col]).toEqual([2, 1]);
    expect(r.statements).toHaveLength(1);
  });
  test('an error in a statement set header skips the whole set', () => {
    const r = parseScript('EXECUTE STATEMENT SETT BEGIN\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;\nSELECT 1;');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.hint).toBe('did you mean SET?');
    expect(r.statements.map((s) => s.kind)).toEqual(['QueryStatement']);
  });
  test(':: casts get a hint', () => {
    expect(firstError('SELECT a::INT FROM t').hint).toMatch(/CAST\(x AS type\)/);
  });
  test('empty statements and comments only', () => {
    expect(parseScript(';;  -- nothing\n;')).toEqual({ statements: [], errors: [], warnings: [] });
    expect(parseScript('')).toEqual({ statements: [], errors: [], warnings: [] });
  });
  test('positions on later lines', () => {
    expect(at('SELECT 1;\n\n  SELECT a FROM t WHERE a = = 1;')).toEqual([3, 29]);
  });
});

describe('warnings', () => {
  test('names Flink reserves are accepted with a warning', () => {
    const r = parseScript('CREATE TABLE t (value INT, `user` STRING, name STRING, date DATE);\nSELECT value, user AS u FROM t');
    expect(r.errors).toEqual([]);
    expect(r.warnings?.map((w) => [w.code, w.span.start.line, w.span.start.col, w.message])).toEqual([
      ['FLINK_RESERVED_WORD', 1, 17, "'value' is a reserved word in Apache Flink SQL"],
      ['FLINK_RESERVED_WORD', 1, 56, "'date' is a reserved word in Apache Flink SQL"],
      ['FLINK_RESERVED_WORD', 2, 8, "'value' is a reserved word in Apache Flink SQL"],
      ['FLINK_RESERVED_WORD', 2, 15, "'user' is a reserved word in Apache Flink SQL"],
    ]);
    expect(r.warnings?.[0]?.hint).toMatch(/write `value`/);
  });
  test('function names and keywords in their places do not warn', () => {
    const r = parseScript("SELECT COUNT(*), YEAR(ts), TIMESTAMP '2020-01-01 00:00:00', CAST(a AS DATE) FROM t");
    expect(r.warnings).toEqual([]);
  });
});

describe('formatDiagnostic', () => {
  test('caret and tildes under the span', () => {
    const text = 'SELECT a\nFROM t;\nSELECT a, b FORM t';
    const e = firstError(text);
    expect(formatDiagnostic('job.sql', text, e)).toBe(
      [
        `job.sql:3:13: error: ${e.message}`,
        '    SELECT a, b FORM t',
        '                ^~~~',
        'hint: did you mean FROM?',
      ].join('\n'),
    );
  });
  test('tabs are kept so the caret lines up; zero-length spans get one caret', () => {
    const text = '\tSELECT 1 +';
    const e = firstError(text);
    const out = formatDiagnostic('a.sql', text, e).split('\n');
    expect(out[0]).toBe('a.sql:1:12: error: Unexpected end of input; expected expression');
    expect(out[2]).toBe('    \t          ^');
  });
  test('plain objects and multi-line spans', () => {
    const text = 'abc\ndef';
    const out = formatDiagnostic('x.sql', text, {
      message: 'boom',
      span: { start: { offset: 1, line: 1, col: 2 }, end: { offset: 6, line: 2, col: 3 } },
    });
    expect(out).toBe('x.sql:1:2: error: boom\n    abc\n     ^~');
  });
});
