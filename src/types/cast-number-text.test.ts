import { describe, expect, it } from 'vitest';
import { javaDoubleToString, javaFloatToString } from './cast-number-text.js';

describe('javaDoubleToString', () => {
  it.each([
    [1, '1.0'],
    [0.1, '0.1'],
    [1e10, '1.0E10'],
    [1e-5, '1.0E-5'],
    [12345678, '1.2345678E7'],
    [1234567, '1234567.0'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [-2.5, '-2.5'],
    [1e7, '1.0E7'],
    [5e-324, '4.9E-324'],
    [1.7976931348623157e308, '1.7976931348623157E308'],
    [100, '100.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
    [123.456, '123.456'],
  ])('%s → %s', (x, s) => expect(javaDoubleToString(x)).toBe(s));
});

describe('javaFloatToString', () => {
  it.each([
    [1, '1.0'],
    [0.1, '0.1'],
    [1.1, '1.1'],
    [3.4028235e38, '3.4028235E38'],
    [1e10, '1.0E10'],
    [0.3, '0.3'],
    [16777216, '1.6777216E7'],
    [1.4e-45, '1.4E-45'],
    [3.14159, '3.14159'],
  ])('%s → %s', (x, s) => expect(javaFloatToString(x)).toBe(s));
});
