import { describe, expect, it } from 'vitest';
import {
  ARRAY, BIGINT, BYTES, CHAR, DECIMAL, INT, MAP, MULTISET, ROW, STRING, TIME, TIMESTAMP, TIMESTAMP_LTZ, VARBINARY, VARCHAR,
} from './data-type.js';
import type { IntervalType } from './data-type.js';
import { typeEquals, typeToSerializableString, typeToString } from './type-string.js';

const interval = (kind: IntervalType['kind'], resolution: IntervalType['resolution'], precision = 2, frac = 6): IntervalType => ({
  kind, resolution, precision, fractionalPrecision: frac, nullable: true,
});

describe('typeToString', () => {
  it('prints simple types like Flink', () => {
    expect(typeToString(INT(false))).toBe('INT NOT NULL');
    expect(typeToString(STRING())).toBe('STRING');
    expect(typeToString(STRING(false))).toBe('STRING NOT NULL');
    expect(typeToString(BYTES())).toBe('BYTES');
    expect(typeToString(VARBINARY(5))).toBe('VARBINARY(5)');
    expect(typeToString(VARCHAR(10))).toBe('VARCHAR(10)');
    expect(typeToString(CHAR(3))).toBe('CHAR(3)');
    expect(typeToString(DECIMAL(10, 2))).toBe('DECIMAL(10, 2)');
    expect(typeToString(TIME(0))).toBe('TIME(0)');
    expect(typeToString(TIMESTAMP(3))).toBe('TIMESTAMP(3)');
    expect(typeToString(TIMESTAMP_LTZ(3))).toBe('TIMESTAMP_LTZ(3)');
  });
  it('marks time attributes', () => {
    expect(typeToString({ ...TIMESTAMP(3), timeAttribute: 'ROWTIME' })).toBe('TIMESTAMP(3) *ROWTIME*');
    expect(typeToString({ ...TIMESTAMP_LTZ(3, false), timeAttribute: 'PROCTIME' })).toBe('TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*');
    expect(typeToSerializableString({ ...TIMESTAMP_LTZ(3), timeAttribute: 'PROCTIME' })).toBe('TIMESTAMP(3) WITH LOCAL TIME ZONE');
  });
  it('prints constructed types', () => {
    expect(typeToString(ARRAY(INT()))).toBe('ARRAY<INT>');
    expect(typeToString(ARRAY(INT(false), false))).toBe('ARRAY<INT NOT NULL> NOT NULL');
    expect(typeToString(MAP(STRING(), INT()))).toBe('MAP<STRING, INT>');
    expect(typeToString(MULTISET(STRING()))).toBe('MULTISET<STRING>');
    expect(typeToString(ROW([{ name: 'a', type: INT() }, { name: 'b', type: STRING() }]))).toBe('ROW<`a` INT, `b` STRING>');
    expect(typeToSerializableString(ROW([{ name: 'b', type: STRING(), description: "it's" }]))).toBe(
      "ROW<`b` VARCHAR(2147483647) 'it''s'>",
    );
  });
  it('prints intervals', () => {
    expect(typeToString(interval('INTERVAL_DAY_TIME', 'SECOND', 2, 3))).toBe('INTERVAL SECOND(3)');
    expect(typeToString(interval('INTERVAL_DAY_TIME', 'DAY_TO_SECOND', 2, 3))).toBe('INTERVAL DAY(2) TO SECOND(3)');
    expect(typeToString(interval('INTERVAL_DAY_TIME', 'HOUR_TO_MINUTE'))).toBe('INTERVAL HOUR TO MINUTE');
    expect(typeToString(interval('INTERVAL_YEAR_MONTH', 'YEAR_TO_MONTH', 4))).toBe('INTERVAL YEAR(4) TO MONTH');
    expect(typeToString(interval('INTERVAL_YEAR_MONTH', 'MONTH'))).toBe('INTERVAL MONTH');
  });
});

describe('typeEquals', () => {
  it('compares structure and nullability', () => {
    expect(typeEquals(INT(), INT())).toBe(true);
    expect(typeEquals(INT(), BIGINT())).toBe(false);
    expect(typeEquals(INT(), INT(false))).toBe(false);
    expect(typeEquals(INT(), INT(false), { ignoreNullability: true })).toBe(true);
    expect(typeEquals(DECIMAL(10, 2), DECIMAL(10, 3))).toBe(false);
    expect(typeEquals(ROW([{ name: 'a', type: INT() }]), ROW([{ name: 'a', type: INT() }]))).toBe(true);
    expect(typeEquals(ROW([{ name: 'a', type: INT() }]), ROW([{ name: 'b', type: INT() }]))).toBe(false);
    expect(typeEquals(ARRAY(INT(false)), ARRAY(INT()), { ignoreNullability: true })).toBe(true);
  });
});
