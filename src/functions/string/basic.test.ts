import { describe, expect, it } from 'vitest';
import { INT, STRING, VARCHAR, BIGINT } from '../../types/data-type.js';
import { FunctionTypeError } from '../function-def.js';
import { call, callTyped, inferOf } from './testing.js';

describe('basic string functions', () => {
  it('CHAR_LENGTH counts characters (code points)', () => {
    expect(call('CHAR_LENGTH', 'hello')).toBe(5);
    expect(call('CHARACTER_LENGTH', '')).toBe(0);
    expect(call('CHAR_LENGTH', 'a😀b')).toBe(3);
    expect(call('CHAR_LENGTH', null)).toBeNull();
    expect(inferOf('CHAR_LENGTH', [STRING(false)])).toEqual(INT(false));
    expect(inferOf('CHAR_LENGTH', [STRING(true)])).toEqual(INT(true));
    expect(() => inferOf('CHAR_LENGTH', [INT(false)])).toThrow(FunctionTypeError);
  });

  it('UPPER / LOWER keep the argument length', () => {
    expect(call('UPPER', 'hello World')).toBe('HELLO WORLD');
    expect(call('LOWER', 'HeLLo')).toBe('hello');
    expect(inferOf('UPPER', [VARCHAR(10, false)])).toEqual(VARCHAR(10, false));
  });

  it('POSITION / LOCATE / INSTR', () => {
    expect(call('POSITION', 'lo', 'hello')).toBe(4);
    expect(call('POSITION', 'x', 'hello')).toBe(0);
    expect(call('POSITION', '', 'hello')).toBe(1);
    expect(call('LOCATE', 'l', 'hello')).toBe(3);
    expect(call('LOCATE', 'l', 'hello', 4)).toBe(4);
    expect(call('LOCATE', 'l', 'hello', 0)).toBe(3);
    expect(call('LOCATE', '', 'hello', 3)).toBe(1);
    expect(call('INSTR', 'hello', 'll')).toBe(3);
    expect(call('POSITION', 'b', '😀b')).toBe(2);
  });

  it('TRIM variants remove characters of the set; LTRIM/RTRIM spaces', () => {
    expect(call('TRIM_BOTH', ' ', '  hi  ')).toBe('hi');
    expect(call('TRIM_LEADING', 'xy', 'xyxhixy')).toBe('hixy');
    expect(call('TRIM_TRAILING', 'xy', 'xyxhixy')).toBe('xyxhi');
    expect(call('LTRIM', ' This is a test String.')).toBe('This is a test String.');
    expect(call('RTRIM', 'This is a test String. ')).toBe('This is a test String.');
    expect(call('LTRIM', '\thi')).toBe('\thi');
    expect(call('RTRIM', 'hixx', 'x')).toBe('hi');
  });

  it('REPEAT', () => {
    expect(call('REPEAT', 'ab', 3)).toBe('ababab');
    expect(call('REPEAT', 'ab', 0)).toBe('');
    expect(call('REPEAT', 'ab', -1)).toBe('');
    expect(call('REPEAT', 'ab', null)).toBeNull();
  });

  it('OVERLAY', () => {
    expect(call('OVERLAY', 'xxxxxtest', 'xxxx', 6)).toBe('xxxxxxxxx');
    expect(call('OVERLAY', 'xxxxxtest', 'xxxx', 6, 2)).toBe('xxxxxxxxxst');
    expect(call('OVERLAY', 'abc', 'Z', 0)).toBe('abc');
    expect(call('OVERLAY', 'abc', 'Z', 4)).toBe('abc');
  });

  it('SUBSTRING: 1-based, negative start from the end, negative length NULL', () => {
    expect(call('SUBSTRING', 'hello world', 7)).toBe('world');
    expect(call('SUBSTRING', 'hello', 2, 3)).toBe('ell');
    expect(call('SUBSTR', 'hello', -3)).toBe('llo');
    expect(call('SUBSTRING', 'hello', -3, 2)).toBe('ll');
    expect(call('SUBSTRING', 'hello', 0, 2)).toBe('he');
    expect(call('SUBSTRING', 'hello', 10)).toBe('');
    expect(call('SUBSTRING', 'hello', -10)).toBe('');
    expect(call('SUBSTRING', 'hello', 2, -1)).toBeNull();
    expect(call('SUBSTRING', 'hello', 2, 100)).toBe('ello');
    expect(callTyped('SUBSTRING', [STRING(false), BIGINT(false)], ['hello', 2n])).toBe('ello');
    expect(call('SUBSTRING', '😀ab', 2)).toBe('ab');
  });

  it('REPLACE is literal, including $ in the replacement', () => {
    expect(call('REPLACE', 'hello world', 'world', 'flink')).toBe('hello flink');
    expect(call('REPLACE', 'ababab', 'abab', 'z')).toBe('zab');
    expect(call('REPLACE', 'a.b', '.', '$&')).toBe('a$&b');
    expect(call('REPLACE', 'abc', '', 'x')).toBe('xaxbxcx');
  });

  it('INITCAP', () => {
    expect(call('INITCAP', 'hello wORLD')).toBe('Hello World');
    expect(call('INITCAP', 'ab-cd 12ab')).toBe('Ab-Cd 12ab');
    expect(call('INITCAP', 'élan ÉCOLE')).toBe('éLan ÉCole');
  });

  it('CONCAT is NULL if any argument is; CONCAT_WS skips NULLs', () => {
    expect(call('CONCAT', 'AA', 'BB', 'CC')).toBe('AABBCC');
    expect(call('CONCAT', 'AA', null)).toBeNull();
    expect(call('CONCAT_WS', '~', 'AA', null, 'BB', '', 'CC')).toBe('AA~BB~~CC');
    expect(call('CONCAT_WS', null, 'AA')).toBeNull();
    expect(call('CONCAT_WS', '-', null)).toBe('');
  });

  it('LPAD / RPAD', () => {
    expect(call('LPAD', 'hi', 4, '??')).toBe('??hi');
    expect(call('LPAD', 'hi', 1, '??')).toBe('h');
    expect(call('RPAD', 'hi', 4, '??')).toBe('hi??');
    expect(call('RPAD', 'hi', 1, '??')).toBe('h');
    expect(call('LPAD', 'hi', 5, 'ab')).toBe('abahi');
    expect(call('RPAD', 'hi', 5, 'ab')).toBe('hiaba');
    expect(call('LPAD', 'hi', -1, 'a')).toBeNull();
    expect(call('LPAD', 'hi', 4, '')).toBeNull();
    expect(call('RPAD', 'hi', 0, 'a')).toBe('');
  });

  it('LEFT / RIGHT', () => {
    expect(call('LEFT', 'hello', 2)).toBe('he');
    expect(call('LEFT', 'hello', -1)).toBe('');
    expect(call('LEFT', 'hello', 10)).toBe('hello');
    expect(call('RIGHT', 'hello', 2)).toBe('lo');
    expect(call('RIGHT', 'hello', 0)).toBe('');
    expect(call('RIGHT', 'hello', 9)).toBe('hello');
  });

  it('REVERSE keeps surrogate pairs', () => {
    expect(call('REVERSE', 'abc')).toBe('cba');
    expect(call('REVERSE', 'a😀')).toBe('😀a');
  });

  it('ASCII / CHR', () => {
    expect(call('ASCII', 'abc')).toBe(97);
    expect(call('ASCII', '')).toBe(0);
    expect(call('ASCII', 'é')).toBe(-61); // first UTF-8 byte 0xC3 as a signed byte
    expect(call('CHR', 97)).toBe('a');
    expect(call('CHR', 353)).toBe('a');
    expect(call('CHR', -1)).toBe('');
    expect(call('CHR', 256)).toBe('\u0000');
  });

  it('SPLIT_INDEX', () => {
    expect(call('SPLIT_INDEX', 'Jack,John,Mary', ',', 2)).toBe('Mary');
    expect(call('SPLIT_INDEX', 'Jack,John,Mary', ',', 3)).toBeNull();
    expect(call('SPLIT_INDEX', 'Jack,John,Mary', ',', -1)).toBeNull();
    expect(call('SPLIT_INDEX', 'a,,b', ',', 1)).toBe('');
    expect(call('SPLIT_INDEX', '', ',', 0)).toBeNull();
    expect(call('SPLIT_INDEX', 'a b', '', 1)).toBe('b');
    expect(callTyped('SPLIT_INDEX', [STRING(false), INT(false), INT(false)], ['a|b', 124, 1])).toBe('b');
  });
});
