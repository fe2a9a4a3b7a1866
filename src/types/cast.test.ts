import { describe, expect, it } from 'vitest';
import {
  ARRAY, BIGINT, BINARY, BOOLEAN, BYTES, CHAR, DATE, DECIMAL, DOUBLE, FLOAT, INT, MAP, ROW, SMALLINT, STRING, TIME,
  TIMESTAMP, TIMESTAMP_LTZ, TINYINT, VARBINARY, VARCHAR,
} from './data-type.js';
import type { DataType, IntervalType } from './data-type.js';
import { buildCast } from './cast.js';
import { parseDecimal } from './decimal.js';
import { Decimal, Timestamp } from './values.js';

const cast = (v: unknown, from: DataType, to: DataType, zone = 'UTC'): unknown => buildCast(from, to, 'cast', zone)(v);
const tryCast = (v: unknown, from: DataType, to: DataType): unknown => buildCast(from, to, 'try')(v);
const dec = (s: string): Decimal => parseDecimal(s)!;
const str = (v: unknown): string => String(v);

describe('numeric casts', () => {
  it('narrows integers like Java', () => {
    expect(cast(300, INT(), TINYINT())).toBe(44);
    expect(cast(-129, INT(), TINYINT())).toBe(127);
    expect(cast(70000, INT(), SMALLINT())).toBe(4464);
    expect(cast(4294967297n, BIGINT(), INT())).toBe(1);
    expect(cast(5, INT(), BIGINT())).toBe(5n);
  });
  it('truncates doubles, saturating first', () => {
    expect(cast(3.9, DOUBLE(), INT())).toBe(3);
    expect(cast(-3.9, DOUBLE(), INT())).toBe(-3);
    expect(cast(1e20, DOUBLE(), INT())).toBe(2147483647);
    expect(cast(NaN, DOUBLE(), INT())).toBe(0);
    expect(cast(1e20, DOUBLE(), BIGINT())).toBe(9223372036854775807n);
    expect(cast(300.5, DOUBLE(), TINYINT())).toBe(44);
  });
  it('rounds DECIMAL HALF_UP and yields NULL on overflow', () => {
    expect(str(cast(dec('2.345'), DECIMAL(10, 3), DECIMAL(10, 2)))).toBe('2.35');
    expect(str(cast(dec('-2.345'), DECIMAL(10, 3), DECIMAL(10, 2)))).toBe('-2.35');
    expect(cast(1000, INT(), DECIMAL(2, 0))).toBeNull();
    expect(str(cast(12, INT(), DECIMAL(4, 2)))).toBe('12.00');
    expect(str(cast(0.1, DOUBLE(), DECIMAL(5, 3)))).toBe('0.100');
    expect(str(cast(1.005, DOUBLE(), DECIMAL(5, 2)))).toBe('1.01');
    expect(cast(dec('12.99'), DECIMAL(4, 2), INT())).toBe(12);
    expect(cast(dec('-12.99'), DECIMAL(4, 2), BIGINT())).toBe(-12n);
    expect(cast(dec('2.5'), DECIMAL(2, 1), DOUBLE())).toBe(2.5);
    expect(str(cast(9223372036854775807n, BIGINT(), DECIMAL(19, 0)))).toBe('9223372036854775807');
    expect(cast(true, BOOLEAN(), INT())).toBe(1);
    expect(cast(0, INT(), BOOLEAN())).toBe(false);
    expect(cast(1.1, DOUBLE(), FLOAT())).toBe(Math.fround(1.1));
  });
});

describe('string → value', () => {
  it('parses integers, failing on bad input', () => {
    expect(cast(' 42 ', STRING(), INT())).toBe(42);
    expect(cast('1.9', STRING(), INT())).toBe(1);
    expect(cast('-9223372036854775808', STRING(), BIGINT())).toBe(-9223372036854775808n);
    expect(() => cast('9223372036854775808', STRING(), BIGINT())).toThrow("For input string: '9223372036854775808'. Overflow.");
    expect(() => cast('abc', STRING(), INT())).toThrow("For input string: 'abc'. Invalid character found.");
    expect(() => cast('128', STRING(), TINYINT())).toThrow('Overflow.');
    expect(tryCast('abc', STRING(), INT())).toBeNull();
    expect(tryCast('', STRING(), INT())).toBeNull();
  });
  it('parses doubles and decimals', () => {
    expect(cast('1e3', STRING(), DOUBLE())).toBe(1000);
    expect(cast(' -1.5 ', STRING(), DOUBLE())).toBe(-1.5);
    expect(cast('NaN', STRING(), DOUBLE())).toBeNaN();
    expect(tryCast('x1', STRING(), DOUBLE())).toBeNull();
    expect(str(cast('1.235', STRING(), DECIMAL(4, 2)))).toBe('1.24');
    expect(() => cast('123.45', STRING(), DECIMAL(3, 1))).toThrow('Overflow.');
    expect(tryCast('abc', STRING(), DECIMAL(3, 1))).toBeNull();
  });
  it('parses booleans', () => {
    expect(cast('TRUE', STRING(), BOOLEAN())).toBe(true);
    expect(cast('yes', STRING(), BOOLEAN())).toBe(true);
    expect(cast('0', STRING(), BOOLEAN())).toBe(false);
    expect(() => cast('maybe', STRING(), BOOLEAN())).toThrow("Cannot parse 'maybe' as BOOLEAN.");
  });
  it('parses temporal values', () => {
    expect(cast('1970-01-02', STRING(), DATE())).toBe(1);
    expect(cast('00:00:01', STRING(), TIME())).toBe(1000);
    expect(cast('1970-01-01 00:00:01.123456', STRING(), TIMESTAMP(3))).toEqual(new Timestamp(1123, 0));
    expect(cast('1970-01-01 08:00:00', STRING(), TIMESTAMP_LTZ(3), 'Asia/Shanghai')).toEqual(new Timestamp(0, 0));
    expect(() => cast('not a date', STRING(), DATE())).toThrow("For input string: 'not a date'.");
    expect(tryCast('2020-13-45', STRING(), DATE())).toBeNull();
  });
  it('converts to bytes as UTF-8', () => {
    expect(cast('hé', STRING(), BYTES())).toEqual(new Uint8Array([104, 195, 169]));
    expect(cast('a', STRING(), BINARY(3))).toEqual(new Uint8Array([97, 0, 0]));
    expect(cast('abcd', STRING(), VARBINARY(2))).toEqual(new Uint8Array([97, 98]));
  });
});

describe('value → string', () => {
  it('formats like Flink', () => {
    expect(cast(true, BOOLEAN(), STRING())).toBe('TRUE');
    expect(cast(1e10, DOUBLE(), STRING())).toBe('1.0E10');
    expect(cast(1, DOUBLE(), STRING())).toBe('1.0');
    expect(cast(0.1, FLOAT(), STRING())).toBe('0.1');
    expect(cast(dec('2.50'), DECIMAL(3, 2), STRING())).toBe('2.50');
    expect(cast(123n, BIGINT(), STRING())).toBe('123');
    expect(cast(18367, DATE(), STRING())).toBe('2020-04-15');
    expect(cast(new Timestamp(Date.UTC(2020, 3, 15, 8, 5), 0), TIMESTAMP(0), STRING())).toBe('2020-04-15 08:05:00');
    expect(cast(new Timestamp(Date.UTC(2020, 3, 15, 0, 5), 0), TIMESTAMP_LTZ(0), STRING(), 'Asia/Shanghai')).toBe('2020-04-15 08:05:00');
    expect(cast(new Uint8Array([104, 105]), BYTES(), STRING())).toBe('hi');
  });
  it('formats collections', () => {
    expect(cast([1, null, 3], ARRAY(INT()), STRING())).toBe('[1, null, 3]');
    expect(cast(new Map([['a', 1]]), MAP(STRING(), INT()), STRING())).toBe('{a=1}');
    expect(cast([1, 'a', null], ROW([{ name: 'x', type: INT() }, { name: 'y', type: STRING() }, { name: 'z', type: BOOLEAN() }]), STRING())).toBe('(1, a, null)');
    expect(cast([true], ARRAY(BOOLEAN()), STRING())).toBe('[TRUE]');
  });
  it('pads CHAR and truncates VARCHAR', () => {
    expect(cast('ab', STRING(), CHAR(4))).toBe('ab  ');
    expect(cast('abcdef', STRING(), VARCHAR(3))).toBe('abc');
    expect(cast(12345, INT(), CHAR(3))).toBe('123');
    expect(cast('ab', CHAR(2), VARCHAR(5))).toBe('ab');
  });
  it('formats intervals as Calcite', () => {
    const ym: IntervalType = { kind: 'INTERVAL_YEAR_MONTH', resolution: 'YEAR_TO_MONTH', precision: 2, fractionalPrecision: 6, nullable: true };
    const dt: IntervalType = { kind: 'INTERVAL_DAY_TIME', resolution: 'DAY_TO_SECOND', precision: 2, fractionalPrecision: 3, nullable: true };
    expect(cast(14, ym, STRING())).toBe('+1-02');
    expect(cast(-3, ym, STRING())).toBe('-0-03');
    expect(cast(93784005, dt, STRING())).toBe('+1 02:03:04.005');
  });
});

describe('temporal and composite casts', () => {
  it('converts between temporal types', () => {
    const ts = new Timestamp(Date.UTC(2020, 3, 15, 8, 5, 30, 123), 456000);
    expect(cast(ts, TIMESTAMP(6), DATE())).toBe(18367);
    expect(cast(ts, TIMESTAMP(6), TIME(0))).toBe((8 * 3600 + 5 * 60 + 30) * 1000);
    expect(cast(ts, TIMESTAMP(6), TIMESTAMP(3))).toEqual(new Timestamp(ts.millis, 0));
    expect(cast(ts, TIMESTAMP(6), TIMESTAMP(0))).toEqual(new Timestamp(Date.UTC(2020, 3, 15, 8, 5, 30), 0));
    expect(cast(18367, DATE(), TIMESTAMP(3))).toEqual(new Timestamp(Date.UTC(2020, 3, 15), 0));
    expect(cast(new Timestamp(0, 0), TIMESTAMP(3), TIMESTAMP_LTZ(3), 'Asia/Shanghai')).toEqual(new Timestamp(-8 * 3600000, 0));
    expect(cast(new Timestamp(0, 0), TIMESTAMP_LTZ(3), TIMESTAMP(3), 'Asia/Shanghai')).toEqual(new Timestamp(8 * 3600000, 0));
  });
  it('rejects invalid casts when built', () => {
    expect(() => buildCast(INT(), TIMESTAMP(3), 'cast')).toThrow('TO_TIMESTAMP');
    expect(() => buildCast(DATE(), INT(), 'cast')).toThrow('Cast function cannot convert');
  });
  it('casts collections element-wise', () => {
    expect(cast([1, null], ARRAY(INT()), ARRAY(BIGINT()))).toEqual([1n, null]);
    expect(cast(new Map([[1, '2']]), MAP(INT(), STRING()), MAP(STRING(), INT()))).toEqual(new Map([['1', 2]]));
    expect(cast([1, 2.5], ROW([{ name: 'a', type: INT() }, { name: 'b', type: DOUBLE() }]), ROW([{ name: 'a', type: STRING() }, { name: 'b', type: INT() }]))).toEqual(['1', 2]);
    expect(tryCast(['x'], ARRAY(STRING()), ARRAY(INT()))).toBeNull();
  });
});
