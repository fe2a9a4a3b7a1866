import { describe, expect, it } from 'vitest';
import { BIGINT, DECIMAL, DOUBLE, FLOAT, INT, SMALLINT, STRING, TINYINT } from '../../types/data-type.js';
import { Decimal } from '../../types/values.js';
import { call, callTyped, dec, inferOf } from '../string/testing.js';
import { JavaRandom } from './java-random.js';

const str = (v: unknown): string => String(v);

describe('arithmetic functions', () => {
  it('ABS keeps the type and wraps like Java at the minimum', () => {
    expect(call('ABS', -5)).toBe(5);
    expect(call('ABS', -5n)).toBe(5n);
    expect(call('ABS', -1.5)).toBe(1.5);
    expect(str(call('ABS', dec('-1.50')))).toBe('1.50');
    expect(callTyped('ABS', [INT(false)], [-2147483648])).toBe(-2147483648);
    expect(callTyped('ABS', [BIGINT(false)], [-(2n ** 63n)])).toBe(-(2n ** 63n));
    expect(callTyped('ABS', [TINYINT(false)], [-128])).toBe(-128);
    expect(call('ABS', null)).toBeNull();
  });

  it('MOD: sign of the dividend, type of the divisor, exact decimals', () => {
    expect(call('MOD', 7, 3)).toBe(1);
    expect(call('MOD', -7, 3)).toBe(-1);
    expect(call('MOD', 7, -3)).toBe(1);
    expect(callTyped('MOD', [BIGINT(false), INT(false)], [10n, 3])).toBe(1);
    expect(callTyped('MOD', [INT(false), BIGINT(false)], [10, 3n])).toBe(1n);
    expect(inferOf('MOD', [BIGINT(false), SMALLINT(false)])).toEqual(SMALLINT(false));
    expect(() => call('MOD', 1, 0)).toThrow('/ by zero');
    expect(str(call('MOD', dec('7.5'), 2))).toBe('1.5');
    expect(inferOf('MOD', [DECIMAL(5, 2, false), INT(false)])).toEqual(DECIMAL(5, 2, false));
    expect(call('MOD', 7.5, 2.0)).toBe(1.5);
    expect(callTyped('MOD', [BIGINT(false), BIGINT(false)], [2n ** 62n + 1n, 2n])).toBe(1n);
  });

  it('POWER, SQRT, LN, LOG10, LOG2, LOG, EXP return DOUBLE', () => {
    expect(call('POWER', 2, 10)).toBe(1024);
    expect(call('POW', 2, 0.5)).toBe(Math.SQRT2);
    expect(call('SQRT', 2)).toBe(1.4142135623730951);
    expect(call('SQRT', -1)).toBeNaN();
    expect(call('LN', Math.E)).toBe(1);
    expect(call('LOG10', 1000)).toBe(3);
    expect(call('LOG2', 8)).toBe(Math.log(8) / Math.log(2));
    expect(call('LOG', 1)).toBe(0);
    expect(call('LOG', 2, 8)).toBe(Math.log(8) / Math.log(2));
    expect(call('EXP', 0)).toBe(1);
    expect(call('SQRT', dec('6.25'))).toBe(2.5);
    expect(call('SQRT', 16n)).toBe(4);
    expect(inferOf('SQRT', [INT(true)])).toEqual(DOUBLE(true));
  });

  it('CEIL / FLOOR', () => {
    expect(call('CEIL', 1.2)).toBe(2);
    expect(call('CEILING', -1.2)).toBe(-1);
    expect(call('FLOOR', -1.2)).toBe(-2);
    expect(call('FLOOR', 5)).toBe(5);
    expect(str(call('FLOOR', dec('-12.345')))).toBe('-13');
    expect(str(call('CEIL', dec('12.301')))).toBe('13');
    expect(inferOf('FLOOR', [DECIMAL(5, 3, false)])).toEqual(DECIMAL(5, 0, false));
  });

  it('SIGN', () => {
    expect(call('SIGN', -3)).toBe(-1);
    expect(call('SIGN', 0)).toBe(0);
    expect(call('SIGN', 2.5)).toBe(1);
    expect(call('SIGN', -9n)).toBe(-1n);
    expect(str(call('SIGN', dec('-2.50')))).toBe('-1.00');
  });

  it('ROUND is half-up and exact for DECIMAL and integers', () => {
    expect(call('ROUND', 1.5)).toBe(2);
    expect(call('ROUND', -1.5)).toBe(-2);
    expect(call('ROUND', 2.5)).toBe(3);
    expect(call('ROUND', 1.005, 2)).toBe(1.01); // BigDecimal.valueOf(1.005) is 1.005
    expect(call('ROUND', 1234.5678, -2)).toBe(1200);
    expect(call('ROUND', 125, -1)).toBe(130);
    expect(call('ROUND', -125, -1)).toBe(-130);
    expect(call('ROUND', 125n, -1)).toBe(130n);
    expect(str(call('ROUND', dec('3.14159'), 2))).toBe('3.14');
    expect(str(call('ROUND', dec('99.995'), 2))).toBe('100.00');
    expect(inferOf('ROUND', [DECIMAL(5, 3, false), INT(false)], [undefined, 2])).toEqual(DECIMAL(5, 2, false));
    expect(inferOf('ROUND', [DECIMAL(5, 3, false), INT(false)], [undefined, -1])).toEqual(DECIMAL(3, 0, false));
    expect(inferOf('ROUND', [DECIMAL(5, 3, false), INT(false)], [undefined, 5])).toEqual(DECIMAL(5, 3, false));
    expect(str(call('ROUND', dec('123.456'), -1))).toBe('120');
    expect(str(call('ROUND', dec('123.456')))).toBe('123');
    expect(str(call('ROUND', dec('1.5'), 3))).toBe('1.5');
    expect(call('ROUND', -0.4)).toBe(0);
    expect(callTyped('ROUND', [FLOAT(false), INT(false)], [Math.fround(1.25), 1])).toBe(Math.fround(1.3));
  });

  it('TRUNCATE cuts toward zero', () => {
    expect(call('TRUNCATE', 42.324, 2)).toBe(42.32);
    expect(call('TRUNCATE', 42.324)).toBe(42);
    expect(call('TRUNCATE', -42.987, 1)).toBe(-42.9);
    expect(call('TRUNCATE', 1999, -2)).toBe(1900);
    expect(str(call('TRUNCATE', dec('42.324'), 2))).toBe('42.32');
    expect(str(call('TRUNCATE', dec('-42.987'), -1))).toBe('-40');
  });
});

describe('trigonometric functions and constants', () => {
  it('computes as java.lang.Math', () => {
    expect(call('SIN', 0)).toBe(0);
    expect(call('COS', 0)).toBe(1);
    expect(call('TAN', 0)).toBe(0);
    expect(call('COT', 1)).toBe(1 / Math.tan(1));
    expect(call('ASIN', 1)).toBe(Math.PI / 2);
    expect(call('ACOS', 1)).toBe(0);
    expect(call('ATAN', 1)).toBe(Math.PI / 4);
    expect(call('ATAN2', 1, 1)).toBe(Math.PI / 4);
    expect(call('SINH', 0)).toBe(0);
    expect(call('COSH', 0)).toBe(1);
    expect(call('TANH', 0)).toBe(0);
    expect(call('DEGREES', Math.PI)).toBe(180);
    expect(call('RADIANS', 180)).toBe(Math.PI);
    expect(call('PI')).toBe(3.141592653589793);
    expect(call('E')).toBe(2.718281828459045);
    expect(inferOf('PI', [])).toEqual(DOUBLE(false));
  });
});

describe('random functions', () => {
  it("follows java.util.Random's sequence", () => {
    // new java.util.Random(42): nextInt(10) = 0, 3, 8; nextDouble() = 0.7275636800328681
    const r = new JavaRandom(42n);
    expect([r.nextInt(10), r.nextInt(10), r.nextInt(10)]).toEqual([0, 3, 8]);
    expect(new JavaRandom(42n).nextDouble()).toBe(0.7275636800328681);
    expect(new JavaRandom(0n).nextInt(100)).toBe(60);
  });

  it('RAND(seed) keeps one generator per call site', () => {
    const a = call('RAND', 42);
    expect(a).toBe(0.7275636800328681);
    const r = call('RAND') as number;
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThan(1);
    expect(call('RAND_INTEGER', 42, 10)).toBe(0);
    const n = call('RAND_INTEGER', 10) as number;
    expect(Number.isInteger(n) && n >= 0 && n < 10).toBe(true);
    expect(() => call('RAND_INTEGER', 0)).toThrow();
  });

  it('UUID is a v4 UUID', () => {
    expect(call('UUID')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('BIN / HEX', () => {
  it('formats integers as Java longs and strings as UTF-8 hex', () => {
    expect(call('BIN', 4)).toBe('100');
    expect(call('BIN', 12)).toBe('1100');
    expect(call('BIN', 0)).toBe('0');
    expect(call('BIN', -1)).toBe('1'.repeat(64));
    expect(call('HEX', 20)).toBe('14');
    expect(call('HEX', 100)).toBe('64');
    expect(call('HEX', -1n)).toBe('F'.repeat(16));
    expect(call('HEX', 'hello,world')).toBe('68656C6C6F2C776F726C64');
    expect(inferOf('HEX', [STRING(true)])).toEqual(STRING(true));
    expect(call('HEX', null)).toBeNull();
  });
});

it('dec helper builds decimals', () => {
  expect(dec('1.50')).toEqual(new Decimal(150n, 2));
});
