import { describe, expect, it } from 'vitest';
import { call } from './testing.js';
import { javaSplit, translateJavaRegex } from './java-regex.js';

describe('Java regex translation', () => {
  it('quotes \\Q…\\E and maps POSIX classes and anchors', () => {
    expect(new RegExp(translateJavaRegex('\\Qa.b\\E').source).test('a.b')).toBe(true);
    expect(new RegExp(translateJavaRegex('\\Qa.b\\E').source).test('axb')).toBe(false);
    expect(new RegExp(translateJavaRegex('^\\p{Alpha}+$').source).test('abc')).toBe(true);
    expect(new RegExp(translateJavaRegex('^\\p{Alpha}+$').source).test('ab1')).toBe(false);
    const { source, flags } = translateJavaRegex('(?i)abc');
    expect(new RegExp(source, flags).test('ABC')).toBe(true);
    expect(new RegExp(translateJavaRegex('\\Aab\\z').source).test('ab')).toBe(true);
    expect(new RegExp(translateJavaRegex('a++b').source).test('aab')).toBe(true);
  });

  it("splits like Java's String.split", () => {
    expect(javaSplit('a,b,,', ',')).toEqual(['a', 'b']);
    expect(javaSplit(',a', ',')).toEqual(['', 'a']);
    expect(javaSplit('a=b=c', '=', 2)).toEqual(['a', 'b=c']);
    expect(javaSplit('', ',')).toEqual(['']);
    expect(javaSplit('a1b22c', '\\d+')).toEqual(['a', 'b', 'c']);
  });
});

describe('regex functions', () => {
  it('REGEXP_REPLACE replaces all matches, replacement taken literally', () => {
    expect(call('REGEXP_REPLACE', 'foobar', 'oo|ar', '')).toBe('fb');
    expect(call('REGEXP_REPLACE', 'foobar', '(o)', '$1$1')).toBe('f$1$1$1$1bar');
    expect(call('REGEXP_REPLACE', 'abc', 'x*', '-')).toBe('-a-b-c-');
    expect(call('REGEXP_REPLACE', 'abc', '(', 'x')).toBeNull();
    expect(call('REGEXP_REPLACE', null, 'a', 'b')).toBeNull();
  });

  it('REGEXP_EXTRACT', () => {
    expect(call('REGEXP_EXTRACT', 'foothebar', 'foo(.*?)(bar)', 2)).toBe('bar');
    expect(call('REGEXP_EXTRACT', 'foothebar', 'foo(.*?)(bar)', 1)).toBe('the');
    expect(call('REGEXP_EXTRACT', 'foothebar', 'foo(.*?)(bar)', 0)).toBe('foothebar');
    expect(call('REGEXP_EXTRACT', 'foothebar', 'foo(.*?)(bar)')).toBe('foothebar');
    expect(call('REGEXP_EXTRACT', 'foothebar', 'foo(.*?)(bar)', 3)).toBeNull();
    expect(call('REGEXP_EXTRACT', 'foothebar', 'xyz', 0)).toBeNull();
    expect(call('REGEXP_EXTRACT', 'ab', '(x)?b', 1)).toBeNull();
  });

  it('REGEXP finds a match anywhere; empty or invalid pattern is FALSE', () => {
    expect(call('REGEXP', 'abc123', '\\d+')).toBe(true);
    expect(call('REGEXP', 'abc', '^b')).toBe(false);
    expect(call('REGEXP', 'abc', '')).toBe(false);
    expect(call('REGEXP', 'abc', '[')).toBe(false);
    // The global regex cache must not leak lastIndex between calls.
    expect(call('REGEXP', 'xxab', 'ab')).toBe(true);
    expect(call('REGEXP', 'ab', 'ab')).toBe(true);
  });
});
