import { describe, expect, test } from 'vitest';
import { parseType } from './parser.js';
import { typeText } from './sexpr.js';

const tt = (s: string): string => typeText(parseType(s));

describe('data types', () => {
  test.each([
    ['INT', 'INT'],
    ['integer', 'INT'],
    ['BIGINT NOT NULL', 'BIGINT NOT NULL'],
    ['BIGINT NULL', 'BIGINT'],
    ['TINYINT', 'TINYINT'],
    ['SMALLINT', 'SMALLINT'],
    ['BOOLEAN', 'BOOLEAN'],
    ['FLOAT', 'FLOAT'],
    ['REAL', 'FLOAT'],
    ['DOUBLE', 'DOUBLE'],
    ['DOUBLE PRECISION', 'DOUBLE'],
    ['DECIMAL', 'DECIMAL'],
    ['DECIMAL(10, 2)', 'DECIMAL(10, 2)'],
    ['NUMERIC(5)', 'DECIMAL(5)'],
    ['DEC(3,1)', 'DECIMAL(3, 1)'],
    ['CHAR(3)', 'CHAR(3)'],
    ['CHARACTER VARYING(10)', 'VARCHAR(10)'],
    ['CHAR VARYING(10)', 'VARCHAR(10)'],
    ['VARCHAR(100)', 'VARCHAR(100)'],
    ['STRING', 'STRING'],
    ['BINARY(4)', 'BINARY(4)'],
    ['VARBINARY(4)', 'VARBINARY(4)'],
    ['BYTES', 'BYTES'],
    ['DATE', 'DATE'],
    ['TIME(3)', 'TIME(3)'],
    ['TIME WITHOUT TIME ZONE', 'TIME'],
    ['TIMESTAMP', 'TIMESTAMP'],
    ['TIMESTAMP(3)', 'TIMESTAMP(3)'],
    ['TIMESTAMP(3) WITHOUT TIME ZONE', 'TIMESTAMP(3)'],
    ['TIMESTAMP(3) WITH LOCAL TIME ZONE', 'TIMESTAMP_LTZ(3)'],
    ['TIMESTAMP WITH LOCAL TIME ZONE', 'TIMESTAMP_LTZ'],
    ['TIMESTAMP_LTZ(3)', 'TIMESTAMP_LTZ(3)'],
    ['ARRAY<INT>', 'ARRAY<INT>'],
    ['ARRAY<INT NOT NULL> NOT NULL', 'ARRAY<INT NOT NULL> NOT NULL'],
    ['INT ARRAY', 'ARRAY<INT>'],
    ['INT NOT NULL ARRAY', 'ARRAY<INT NOT NULL>'],
    ['INT MULTISET', 'MULTISET<INT>'],
    ['MULTISET<STRING>', 'MULTISET<STRING>'],
    ['MAP<STRING, INT>', 'MAP<STRING, INT>'],
    ['MAP<STRING, ARRAY<MAP<INT, STRING>>>', 'MAP<STRING, ARRAY<MAP<INT, STRING>>>'],
    ["ROW<a INT, b STRING 'desc'>", "ROW<a INT, b STRING 'desc'>"],
    ['ROW(a INT, b STRING)', 'ROW<a INT, b STRING>'],
    ['ROW<`value` INT, `from` STRING>', 'ROW<value INT, from STRING>'],
    ['ROW<>', 'ROW<>'],
    ['INTERVAL DAY', 'INTERVAL DAY'],
    ['INTERVAL DAY(2) TO SECOND(3)', 'INTERVAL DAY(2) TO SECOND[3]'],
    ['INTERVAL YEAR TO MONTH', 'INTERVAL YEAR TO MONTH'],
  ])('%s', (input, expected) => {
    expect(tt(input)).toBe(expected);
  });

  test('span covers the type', () => {
    const t = parseType('  DECIMAL(10, 2) NOT NULL');
    expect(t.span.start.col).toBe(3);
    expect(t.span.end.col).toBe(26);
  });

  test('errors', () => {
    expect(() => parseType("RAW('a.B', 'xyz')")).toThrow(/RAW types are not supported/);
    expect(() => parseType('TIMESTAMP WITH TIME ZONE')).toThrow(/not supported/);
    expect(() => parseType('INTEGR')).toThrow(/Unknown data type 'INTEGR'/);
    try {
      parseType('VARCHR(3)');
    } catch (e) {
      expect((e as { hint?: string }).hint).toBe('did you mean VARCHAR?');
    }
    expect(() => parseType('INT(3)')).toThrow(/Too many arguments/);
    expect(() => parseType('DECIMAL(1, 2, 3)')).toThrow(/Too many arguments/);
    expect(() => parseType('ARRAY<INT')).toThrow(/Unexpected end of input/);
  });
});
