import { describe, expect, it } from 'vitest';
import {
  addDecimal, compareDecimal, decimalFromNumber, decimalToJavaString, divDecimal, divDecimal128, fitDecimal, modDecimal,
  mulDecimal, parseDecimal, remExact, rescale,
} from './decimal.js';
import {
  findAdditionDecimalType, findAvgAggregateDecimalType, findDivisionDecimalType, findModuloDecimalType,
  findMultiplicationDecimalType, findSumAggregateDecimalType,
} from './decimal-types.js';
import { DECIMAL } from './data-type.js';
import { Decimal } from './values.js';

const d = (s: string): Decimal => parseDecimal(s)!;

describe('Decimal arithmetic', () => {
  it('parses like BigDecimal', () => {
    expect(d('1.50')).toEqual(new Decimal(150n, 2));
    expect(d('-0.5')).toEqual(new Decimal(-5n, 1));
    expect(d('1e3')).toEqual(new Decimal(1n, -3));
    expect(d('.5')).toEqual(new Decimal(5n, 1));
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('1.2.3')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(d('123456789012345678901234567890.12').toString()).toBe('123456789012345678901234567890.12');
  });
  it('rescales HALF_UP', () => {
    expect(rescale(d('2.5'), 0).toString()).toBe('3');
    expect(rescale(d('-2.5'), 0).toString()).toBe('-3');
    expect(rescale(d('2.49'), 1).toString()).toBe('2.5');
    expect(rescale(d('2.44'), 1).toString()).toBe('2.4');
    expect(rescale(d('2'), 2).toString()).toBe('2.00');
  });
  it('returns null when the result does not fit the precision', () => {
    expect(fitDecimal(d('123.45'), 5, 2)?.toString()).toBe('123.45');
    expect(fitDecimal(d('1234.5'), 5, 2)).toBeNull();
    expect(fitDecimal(d('999.995'), 5, 2)).toBeNull();
    expect(addDecimal(d('99.99'), d('0.01'), 4, 2)).toBeNull();
    expect(addDecimal(d('99.99'), d('0.01'), 5, 2)?.toString()).toBe('100.00');
  });
  it('multiplies, divides and takes remainders', () => {
    expect(mulDecimal(d('1.5'), d('2.25'), 10, 3)?.toString()).toBe('3.375');
    expect(divDecimal(d('1'), d('3'), 12, 11)?.toString()).toBe('0.33333333333');
    expect(divDecimal(d('2'), d('3'), 12, 6)?.toString()).toBe('0.666667');
    expect(divDecimal(d('-2'), d('3'), 12, 6)?.toString()).toBe('-0.666667');
    expect(divDecimal128(d('1'), d('3')).toString()).toBe('0.3333333333333333333333333333333333');
    expect(divDecimal128(d('2'), d('3')).toString()).toBe('0.6666666666666666666666666666666667');
    expect(compareDecimal(divDecimal128(d('10'), d('4')), d('2.5'))).toBe(0);
    expect(modDecimal(d('7.5'), d('2'), 5, 1)?.toString()).toBe('1.5');
    expect(remExact(d('-7'), d('2')).toString()).toBe('-1');
    expect(() => divDecimal128(d('1'), d('0'))).toThrow('Division by zero');
  });
  it('compares across scales', () => {
    expect(compareDecimal(d('1.0'), d('1.00'))).toBe(0);
    expect(compareDecimal(d('1.01'), d('1.1'))).toBe(-1);
    expect(compareDecimal(d('-1'), d('-2'))).toBe(1);
  });
  it('converts from doubles as BigDecimal.valueOf', () => {
    expect(decimalFromNumber(0.1)?.toString()).toBe('0.1');
    expect(decimalFromNumber(1)?.toString()).toBe('1.0');
    expect(decimalFromNumber(1e-7)?.toString()).toBe('0.0000001');
    expect(decimalFromNumber(NaN)).toBeNull();
  });
  it('prints like BigDecimal.toString', () => {
    expect(decimalToJavaString(d('2.50'))).toBe('2.50');
    expect(decimalToJavaString(new Decimal(0n, 10))).toBe('0E-10');
    expect(decimalToJavaString(new Decimal(12n, 8))).toBe('1.2E-7');
    expect(decimalToJavaString(new Decimal(12n, 7))).toBe('0.0000012');
    expect(decimalToJavaString(new Decimal(-5n, -2))).toBe('-5E+2');
  });
});

describe('Decimal type rules', () => {
  it('follows LogicalTypeMerging', () => {
    expect(findAdditionDecimalType(10, 2, 10, 0)).toEqual({ precision: 13, scale: 2 });
    expect(findAdditionDecimalType(38, 8, 32, 8)).toEqual({ precision: 38, scale: 7 });
    expect(findMultiplicationDecimalType(10, 2, 5, 3)).toEqual({ precision: 16, scale: 5 });
    expect(findMultiplicationDecimalType(38, 10, 38, 10)).toEqual({ precision: 38, scale: 6 });
    expect(findDivisionDecimalType(10, 2, 10, 0)).toEqual({ precision: 21, scale: 13 });
    expect(findDivisionDecimalType(1, 0, 10, 0)).toEqual({ precision: 12, scale: 11 });
    expect(findModuloDecimalType(10, 2, 5, 0)).toEqual({ precision: 7, scale: 2 });
    expect(findSumAggregateDecimalType(DECIMAL(10, 2))).toEqual(DECIMAL(38, 2));
    expect(findAvgAggregateDecimalType(DECIMAL(10, 2))).toEqual(DECIMAL(38, 6));
    expect(findAvgAggregateDecimalType(DECIMAL(10, 8))).toEqual(DECIMAL(38, 8));
  });
});
