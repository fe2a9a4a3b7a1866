import { describe, expect, it } from 'vitest';
import { parseBooleanValue, parseDecimalValue, parseIntegral, parseJavaDouble } from './cast-from-string.js';

describe('string parsing for CAST', () => {
  it('parses integers like BinaryStringDataUtil.toLong', () => {
    expect(parseIntegral('  -12  ', 32)).toBe(-12n);
    expect(parseIntegral('+7', 32)).toBe(7n);
    expect(parseIntegral('3.', 32)).toBe(3n);
    expect(parseIntegral('.5', 32)).toBe(0n);
    expect(parseIntegral('2147483647', 32)).toBe(2147483647n);
    expect(() => parseIntegral('2147483648', 32)).toThrow("For input string: '2147483648'. Overflow.");
    expect(() => parseIntegral('127.5x', 8)).toThrow('Invalid character found.');
    expect(() => parseIntegral('-129', 8)).toThrow('Overflow.');
    expect(() => parseIntegral('-', 32)).toThrow('Input has only positive or negative symbol.');
    expect(() => parseIntegral('   ', 32)).toThrow("For input string: ''. Input is empty.");
    expect(() => parseIntegral('1 2', 32)).toThrow("For input string: '1 2'. Invalid character found.");
    expect(() => parseIntegral('\t1', 32)).toThrow('Invalid character found.');
  });
  it('parses doubles like Double.parseDouble', () => {
    expect(parseJavaDouble('\t1.5d ')).toBe(1.5);
    expect(parseJavaDouble('-Infinity')).toBe(-Infinity);
    expect(parseJavaDouble('.5e1')).toBe(5);
    expect(() => parseJavaDouble('1,5')).toThrow('For input string: "1,5"');
  });
  it('parses decimals with HALF_UP rounding', () => {
    expect(parseDecimalValue(' 1.005\n', 4, 2).toString()).toBe('1.01');
    expect(parseDecimalValue('-1.005', 4, 2).toString()).toBe('-1.01');
    expect(parseDecimalValue('1e2', 5, 1).toString()).toBe('100.0');
    expect(() => parseDecimalValue('1e5', 5, 1)).toThrow('Overflow.');
    expect(() => parseDecimalValue('x', 5, 1)).toThrow("For input string: 'x'. Overflow.");
  });
  it('parses booleans', () => {
    expect(parseBooleanValue('Y')).toBe(true);
    expect(parseBooleanValue('No')).toBe(false);
    expect(() => parseBooleanValue(' true')).toThrow("Cannot parse ' true' as BOOLEAN.");
  });
});
