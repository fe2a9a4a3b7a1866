import { describe, expect, it } from 'vitest';
import {
  ARRAY, BIGINT, BOOLEAN, BYTES, CHAR, DATE, DECIMAL, DOUBLE, FLOAT, INT, MAP, NULL_TYPE, ROW, SMALLINT, STRING, TIME,
  TIMESTAMP, TIMESTAMP_LTZ, TINYINT, VARCHAR,
} from './data-type.js';
import type { DataType, IntervalType } from './data-type.js';
import { arithmeticResultType } from './type-inference-arith.js';
import {
  canCast, canImplicitCast, castValidationError, implicitConversionError, isComparable, leastRestrictive,
  numericLiteralType, orderedComparisonType, stringLiteralType,
} from './type-inference.js';
import { typeToString } from './type-string.js';

const s = (t: DataType | null): string | null => (t ? typeToString(t) : null);
const dayTime = (res: IntervalType['resolution'] = 'SECOND'): IntervalType => ({
  kind: 'INTERVAL_DAY_TIME', resolution: res, precision: 2, fractionalPrecision: 3, nullable: false,
});
const yearMonth: IntervalType = { kind: 'INTERVAL_YEAR_MONTH', resolution: 'MONTH', precision: 2, fractionalPrecision: 6, nullable: false };

describe('leastRestrictive', () => {
  it('merges numerics', () => {
    expect(s(leastRestrictive([INT(), BIGINT()]))).toBe('BIGINT');
    expect(s(leastRestrictive([INT(false), BIGINT(false)]))).toBe('BIGINT NOT NULL');
    expect(s(leastRestrictive([INT(), DECIMAL(10, 2)]))).toBe('DECIMAL(12, 2)');
    expect(s(leastRestrictive([INT(), BIGINT(), DECIMAL(2, 2)]))).toBe('DECIMAL(21, 2)');
    expect(s(leastRestrictive([DECIMAL(10, 2), DOUBLE()]))).toBe('DOUBLE');
    expect(s(leastRestrictive([INT(), FLOAT()]))).toBe('FLOAT');
    expect(s(leastRestrictive([FLOAT(), DOUBLE()]))).toBe('DOUBLE');
    expect(s(leastRestrictive([TINYINT(), SMALLINT()]))).toBe('SMALLINT');
  });
  it('merges strings', () => {
    expect(s(leastRestrictive([CHAR(3), VARCHAR(5)]))).toBe('VARCHAR(5)');
    expect(s(leastRestrictive([CHAR(2), CHAR(5)]))).toBe('VARCHAR(5)');
    expect(s(leastRestrictive([CHAR(3, false), CHAR(3, false)]))).toBe('CHAR(3) NOT NULL');
    expect(s(leastRestrictive([CHAR(3), STRING()]))).toBe('STRING');
  });
  it('handles NULL and nullability', () => {
    expect(s(leastRestrictive([NULL_TYPE, INT(false)]))).toBe('INT');
    expect(leastRestrictive([NULL_TYPE])).toBeNull();
  });
  it('merges temporal types', () => {
    expect(s(leastRestrictive([TIMESTAMP(3), TIMESTAMP(6)]))).toBe('TIMESTAMP(6)');
    expect(s(leastRestrictive([TIMESTAMP(3), TIMESTAMP_LTZ(3)]))).toBe('TIMESTAMP_LTZ(3)');
    expect(s(leastRestrictive([{ ...TIMESTAMP(3), timeAttribute: 'ROWTIME' }, TIMESTAMP(3)]))).toBe('TIMESTAMP(3)');
    expect(s(leastRestrictive([DATE(), DATE(false)]))).toBe('DATE');
    expect(s(leastRestrictive([dayTime('DAY'), dayTime('SECOND')]))).toBe('INTERVAL DAY(2) TO SECOND(3) NOT NULL');
  });
  it('merges constructed types and rejects mismatches', () => {
    expect(s(leastRestrictive([ARRAY(INT()), ARRAY(BIGINT())]))).toBe('ARRAY<BIGINT>');
    expect(s(leastRestrictive([MAP(STRING(), INT()), MAP(STRING(), DOUBLE())]))).toBe('MAP<STRING, DOUBLE>');
    expect(s(leastRestrictive([ROW([{ name: 'a', type: INT() }]), ROW([{ name: 'b', type: BIGINT() }])]))).toBe('ROW<`a` BIGINT>');
    expect(leastRestrictive([INT(), STRING()])).toBeNull();
    expect(leastRestrictive([BOOLEAN(), INT()])).toBeNull();
    expect(leastRestrictive([ARRAY(INT()), INT()])).toBeNull();
  });
});

describe('literal types', () => {
  it('types numeric literals as Calcite', () => {
    expect(s(numericLiteralType('1'))).toBe('INT NOT NULL');
    expect(s(numericLiteralType('2147483647'))).toBe('INT NOT NULL');
    expect(s(numericLiteralType('3000000000'))).toBe('BIGINT NOT NULL');
    expect(s(numericLiteralType('1.50'))).toBe('DECIMAL(3, 2) NOT NULL');
    expect(s(numericLiteralType('0.05'))).toBe('DECIMAL(3, 2) NOT NULL');
    expect(s(numericLiteralType('1e3'))).toBe('DOUBLE NOT NULL');
    expect(s(stringLiteralType('abc'))).toBe('CHAR(3) NOT NULL');
  });
});

describe('casts', () => {
  it('knows implicit casts', () => {
    expect(canImplicitCast(INT(), BIGINT())).toBe(true);
    expect(canImplicitCast(BIGINT(), INT())).toBe(false);
    expect(canImplicitCast(INT(), DECIMAL(5, 0))).toBe(true);
    expect(canImplicitCast(INT(), STRING())).toBe(false);
    expect(canImplicitCast(INT(), INT(false))).toBe(false);
    expect(canImplicitCast(TIMESTAMP(3), DATE())).toBe(true);
  });
  it('knows explicit casts', () => {
    expect(canCast(STRING(), INT())).toBe(true);
    expect(canCast(INT(), STRING())).toBe(true);
    expect(canCast(BOOLEAN(), INT())).toBe(true);
    expect(canCast(INT(), BOOLEAN())).toBe(true);
    expect(canCast(DOUBLE(), BOOLEAN())).toBe(false);
    expect(canCast(STRING(), BYTES())).toBe(true);
    expect(canCast(DATE(), TIMESTAMP(3))).toBe(true);
    expect(canCast(TIME(), DATE())).toBe(false);
    expect(canCast(ARRAY(INT()), STRING())).toBe(true);
    expect(canCast(ARRAY(INT()), ARRAY(STRING()))).toBe(true);
    expect(canCast(ARRAY(INT()), MAP(INT(), INT()))).toBe(false);
    expect(canCast(INT(), dayTime('DAY'))).toBe(true);
    expect(canCast(INT(), dayTime('DAY_TO_SECOND'))).toBe(false);
    expect(castValidationError(BIGINT(), TIMESTAMP(3))).toContain('TO_TIMESTAMP(FROM_UNIXTIME(numeric_col))');
    expect(castValidationError(TIMESTAMP_LTZ(3), BIGINT())).toContain('TIMESTAMP_LTZ type to NUMERIC');
  });
});

describe('comparability', () => {
  it('follows Calcite families (strings compare with numerics and datetimes)', () => {
    expect(isComparable(INT(), STRING())).toBe(true);
    expect(isComparable(TIMESTAMP(3), STRING(), true)).toBe(true);
    expect(isComparable(BYTES(), STRING())).toBe(false);
    expect(isComparable(INT(), DECIMAL(10, 2))).toBe(true);
    expect(isComparable(INT(), DOUBLE())).toBe(true);
    expect(isComparable(CHAR(1), STRING())).toBe(true);
    expect(isComparable(DATE(), TIMESTAMP(3))).toBe(false);
    expect(isComparable(TIMESTAMP(3), TIMESTAMP_LTZ(6))).toBe(true);
    expect(isComparable(ROW([{ name: 'a', type: INT() }]), ROW([{ name: 'b', type: BIGINT() }]))).toBe(true);
    expect(implicitConversionError(INT(), STRING())).toBe('implicit type conversion between INTEGER and VARCHAR is not supported now');
    expect(implicitConversionError(DATE(), STRING())).toBeNull();
    expect(s(orderedComparisonType(INT(), STRING()))).toBe('BIGINT');
    expect(s(orderedComparisonType(DOUBLE(false), CHAR(1, false)))).toBe('DOUBLE NOT NULL');
    expect(s(orderedComparisonType(DECIMAL(5, 2), STRING()))).toBe('DECIMAL(21, 2)');
    expect(s(orderedComparisonType(DATE(), STRING()))).toBe('DATE');
    expect(isComparable(MAP(INT(), INT()), MAP(INT(), INT()), true)).toBe(false);
    expect(isComparable(BOOLEAN(), INT())).toBe(false);
  });
});

describe('arithmeticResultType', () => {
  const r = (op: '+' | '-' | '*' | '/' | '%', a: DataType, b: DataType): string | null => s(arithmeticResultType(op, a, b));
  it('follows Flink for numerics', () => {
    expect(r('+', INT(false), INT(false))).toBe('INT NOT NULL');
    expect(r('+', INT(), BIGINT(false))).toBe('BIGINT');
    expect(r('+', TINYINT(), TINYINT())).toBe('TINYINT');
    expect(r('/', INT(), INT())).toBe('INT');
    expect(r('+', INT(), DOUBLE())).toBe('DOUBLE');
    expect(r('*', FLOAT(), INT())).toBe('FLOAT');
    expect(r('+', DECIMAL(10, 2), INT())).toBe('DECIMAL(13, 2)');
    expect(r('*', DECIMAL(10, 2), DECIMAL(5, 3))).toBe('DECIMAL(16, 5)');
    expect(r('/', DECIMAL(10, 2), INT())).toBe('DECIMAL(21, 13)');
    expect(r('+', DECIMAL(10, 2), DOUBLE())).toBe('DOUBLE');
    expect(r('%', BIGINT(), INT())).toBe('INT');
    expect(r('%', INT(), BIGINT())).toBe('BIGINT');
    expect(r('%', DECIMAL(10, 2), INT())).toBe('DECIMAL(10, 2)');
    expect(r('%', DECIMAL(10, 0), INT())).toBe('INT');
    expect(r('%', DOUBLE(), INT())).toBeNull();
    expect(r('+', INT(), STRING())).toBeNull();
  });
  it('types temporal arithmetic', () => {
    expect(r('+', TIMESTAMP(3), dayTime())).toBe('TIMESTAMP(3)');
    expect(r('-', { ...TIMESTAMP(3), timeAttribute: 'ROWTIME' }, dayTime())).toBe('TIMESTAMP(3)');
    expect(r('+', dayTime(), DATE(false))).toBe('DATE NOT NULL');
    expect(r('+', DATE(), yearMonth)).toBe('DATE');
    expect(r('-', TIME(), dayTime())).toBe('TIME(0)');
    expect(r('+', dayTime('DAY'), dayTime('HOUR'))).toBe('INTERVAL DAY(2) TO HOUR NOT NULL');
    expect(r('*', dayTime(), INT(false))).toBe('INTERVAL SECOND(3) NOT NULL');
    expect(r('-', TIMESTAMP(3), TIMESTAMP(3))).toBeNull();
    expect(r('+', dayTime(), yearMonth)).toBeNull();
  });
});
