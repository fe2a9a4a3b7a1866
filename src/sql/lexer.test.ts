import { describe, expect, test } from 'vitest';
import { lex } from './lexer.js';

const kinds = (s: string): string[] => lex(s).map((t) => `${t.kind}:${t.text}`);

describe('lexer', () => {
  test('identifiers, keywords, quoted names', () => {
    expect(kinds('SELECT a_1, $x, `my ``col`, 名前')).toEqual([
      'ident:SELECT',
      'ident:a_1',
      'op:,',
      'ident:$x',
      'op:,',
      'quoted:my `col',
      'op:,',
      'ident:名前',
      'eof:',
    ]);
    expect(lex('select')[0]!.upper).toBe('SELECT');
  });
  test('comments are skipped, hints are tokens', () => {
    expect(kinds("a -- comment\n/* block\n comment */ b /*+ OPTIONS('k'='v') */")).toEqual(['ident:a', 'ident:b', "hint: OPTIONS('k'='v') ", 'eof:']);
  });
  test('strings: only doubled quotes escape', () => {
    expect(kinds("'it''s' 'a\\b'")).toEqual(["string:it's", 'string:a\\b', 'eof:']);
    expect(kinds("X'0aFF' U&'\\0041' N'x'")).toEqual(["binary:0aFF", 'ustring:\\0041', 'string:x', 'eof:']);
  });
  test('numbers', () => {
    expect(kinds('1 1.5 .5 1e10 1.5E-3 2.')).toEqual(['number:1', 'number:1.5', 'number:.5', 'number:1e10', 'number:1.5E-3', 'number:2.', 'eof:']);
    // An exponent without digits is not part of the number.
    expect(kinds('1e')).toEqual(['number:1', 'ident:e', 'eof:']);
  });
  test('operators', () => {
    expect(kinds('a||b<>c!=d<=e>=f=>g::h')).toEqual([
      'ident:a', 'op:||', 'ident:b', 'op:<>', 'ident:c', 'op:<>', 'ident:d', 'op:<=', 'ident:e', 'op:>=', 'ident:f', 'op:=>', 'ident:g', 'op::', 'op::', 'ident:h', 'eof:',
    ]);
  });
  test('positions: 1-based lines and columns, CRLF', () => {
    const t = lex('a\r\n  bb\n\tc');
    expect(t.map((x) => [x.start.line, x.start.col, x.end.col])).toEqual([
      [1, 1, 2],
      [2, 3, 5],
      [3, 2, 3],
      [3, 3, 3],
    ]);
    const m = lex("'multi\nline' x");
    expect(m[1]!.start).toEqual({ offset: 13, line: 2, col: 7 });
  });
  test('errors become error tokens pointing at the opening', () => {
    const s = lex("SELECT 'abc");
    expect(s[1]).toMatchObject({ kind: 'error', error: { message: 'Unclosed string literal', at: { start: { col: 8 } } } });
    expect(lex('a /* x')[1]).toMatchObject({ kind: 'error', error: { message: 'Unclosed comment' } });
    expect(lex('`abc')[0]).toMatchObject({ kind: 'error', error: { message: 'Unclosed quoted identifier' } });
    expect(lex('"abc"')[0]).toMatchObject({ kind: 'error', error: { hint: "use 'abc' for a string or `abc` for an identifier" } });
    expect(lex('a # b')[1]).toMatchObject({ kind: 'error', text: '#' });
    expect(lex("X'ABC'")[0]).toMatchObject({ kind: 'error', error: { message: expect.stringMatching(/even number/) } });
    expect(lex("X'GG'")[0]).toMatchObject({ kind: 'error' });
  });
});
