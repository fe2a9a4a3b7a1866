import { describe, expect, it } from 'vitest';
import {
  ARRAY, BIGINT, BINARY, BOOLEAN, BYTES, CHAR, DATE, DECIMAL, DOUBLE, FLOAT, INT, NULL_TYPE, STRING, TIMESTAMP, TIMESTAMP_LTZ,
  VARCHAR,
} from '../../types/data-type.js';
import { parseDecimal } from '../../types/decimal.js';
import { typeToString } from '../../types/type-string.js';
import { Timestamp } from '../../types/values.js';
import { evalOp, inferOp } from './test-site.js';
import { likeToRegex, similarToRegex } from './like.js';

const dec = (s: string) => parseDecimal(s)!;

describe('comparisons', () => {
  it('compares numerics exactly across types', () => {
    expect(evalOp('=', [INT(), DECIMAL(10, 2)], [1, dec('1.00')])).toBe(true);
    expect(evalOp('<', [INT(), DECIMAL(10, 2)], [1, dec('1.01')])).toBe(true);
    expect(evalOp('>', [BIGINT(), INT()], [9007199254740993n, 5])).toBe(true);
    expect(evalOp('=', [BIGINT(), BIGINT()], [9007199254740993n, 9007199254740992n])).toBe(false);
    expect(evalOp('=', [INT(), DOUBLE()], [1, 1.0])).toBe(true);
    expect(evalOp('=', [DOUBLE(), DOUBLE()], [NaN, NaN])).toBe(false);
    expect(evalOp('<>', [DOUBLE(), DOUBLE()], [NaN, NaN])).toBe(true);
    expect(evalOp('<', [DOUBLE(), DOUBLE()], [NaN, 1])).toBe(false);
    expect(evalOp('=', [DOUBLE(), DOUBLE()], [-0, 0])).toBe(true);
    expect(evalOp('=', [FLOAT(), DOUBLE()], [Math.fround(0.1), 0.1])).toBe(false);
    expect(evalOp('=', [INT(), INT()], [1, null])).toBeNull();
  });
  it('compares other types', () => {
    expect(evalOp('<', [STRING(), STRING()], ['a', 'b'])).toBe(true);
    expect(evalOp('=', [CHAR(3), VARCHAR(5)], ['abc', 'abc'])).toBe(true);
    expect(evalOp('>=', [BOOLEAN(), BOOLEAN()], [true, false])).toBe(true);
    expect(evalOp('<', [BYTES(), BINARY(1)], [new Uint8Array([1]), new Uint8Array([2])])).toBe(true);
    expect(evalOp('=', [TIMESTAMP(3), TIMESTAMP(6)], [new Timestamp(5, 0), new Timestamp(5, 0)])).toBe(true);
    expect(evalOp('=', [DATE(), DATE()], [18367, 18367])).toBe(true);
    expect(evalOp('=', [ARRAY(INT()), ARRAY(INT())], [[1, null], [1, null]])).toBe(true);
    expect(evalOp('<>', [ARRAY(INT()), ARRAY(BIGINT())], [[1, 2], [1n, 3n]])).toBe(true);
    // TIMESTAMP vs TIMESTAMP_LTZ compares in the session zone
    expect(evalOp('=', [TIMESTAMP(3), TIMESTAMP_LTZ(3)], [new Timestamp(8 * 3_600_000, 0), new Timestamp(0, 0)], false, 'Asia/Shanghai')).toBe(true);
  });
  it('types and rejects operands', () => {
    expect(typeToString(inferOp('=', [INT(false), INT(false)]))).toBe('BOOLEAN NOT NULL');
    expect(typeToString(inferOp('=', [INT(false), INT()]))).toBe('BOOLEAN');
    expect(() => inferOp('=', [INT(), STRING()])).toThrow('implicit type conversion between INTEGER and VARCHAR is not supported now');
    expect(() => inferOp('IS DISTINCT FROM', [CHAR(1), BIGINT()])).toThrow('implicit type conversion between CHAR and BIGINT');
    expect(() => inferOp('=', [DATE(), TIMESTAMP(3)])).toThrow("Cannot apply '=' to arguments of type '<DATE> = <TIMESTAMP(3)>'");
    expect(() => inferOp('<', [BOOLEAN(), INT()])).toThrow("Cannot apply '<'");
    expect(typeToString(inferOp('IS DISTINCT FROM', [INT(), INT()]))).toBe('BOOLEAN NOT NULL');
  });
  it('converts strings compared with other types', () => {
    expect(evalOp('<', [INT(), STRING()], [1, '2'])).toBe(true);
    expect(evalOp('>=', [STRING(), DECIMAL(5, 2)], ['1.5', dec('1.50')])).toBe(true);
    expect(() => evalOp('<', [INT(), STRING()], [1, 'x'])).toThrow("For input string: 'x'");
    const t = new Timestamp(Date.UTC(2023, 8, 30, 18, 22, 42, 123), 0);
    expect(evalOp('=', [TIMESTAMP(3), STRING()], [t, '2023-09-30 18:22:42.123'])).toBe(true);
    expect(evalOp('<>', [STRING(), TIMESTAMP(3)], ['2023-09-30 18:22:42.123', t])).toBe(false);
    expect(evalOp('=', [TIMESTAMP(3), STRING()], [t, 'garbage'])).toBeNull();
    expect(evalOp('IS DISTINCT FROM', [TIMESTAMP(3), STRING()], [t, 'garbage'])).toBe(true);
    expect(evalOp('<', [DATE(), STRING()], [18367, '2020-04-16'])).toBe(true);
    expect(evalOp('=', [BOOLEAN(), STRING()], [true, 'true'])).toBe(false);
  });
  it('handles IS [NOT] DISTINCT FROM with NULLs', () => {
    expect(evalOp('IS DISTINCT FROM', [INT(), INT()], [null, null])).toBe(false);
    expect(evalOp('IS DISTINCT FROM', [INT(), INT()], [1, null])).toBe(true);
    expect(evalOp('IS NOT DISTINCT FROM', [INT(), INT()], [null, null])).toBe(true);
    expect(evalOp('IS NOT DISTINCT FROM', [INT(), DECIMAL(3, 1)], [1, dec('1.0')])).toBe(true);
    expect(evalOp('IS DISTINCT FROM', [NULL_TYPE, INT()], [null, 1])).toBe(true);
  });
});

describe('LIKE and SIMILAR TO', () => {
  it('matches LIKE patterns', () => {
    expect(evalOp('LIKE', [STRING(), STRING()], ['hello', 'h%o'], true)).toBe(true);
    expect(evalOp('LIKE', [STRING(), STRING()], ['hello', 'h_llo'])).toBe(true);
    expect(evalOp('LIKE', [STRING(), STRING()], ['hello', 'h_lo'])).toBe(false);
    expect(evalOp('LIKE', [STRING(), STRING()], ['a\nb', 'a%b'])).toBe(true);
    expect(evalOp('LIKE', [STRING(), STRING()], ['a.c', 'a.c'])).toBe(true);
    expect(evalOp('LIKE', [STRING(), STRING()], ['abc', 'a.c'])).toBe(false);
    expect(evalOp('LIKE', [STRING(), STRING()], ['a\\b', 'a\\b'])).toBe(true);
    expect(evalOp('NOT LIKE', [STRING(), STRING()], ['hello', 'h%'])).toBe(false);
    expect(evalOp('LIKE', [STRING(), STRING(), STRING()], ['100%', '100!%', '!'], true)).toBe(true);
    expect(evalOp('LIKE', [STRING(), STRING(), STRING()], ['1000', '100!%', '!'], true)).toBe(false);
    expect(evalOp('LIKE', [STRING(), STRING()], ['x', null])).toBeNull();
    expect(() => likeToRegex('a!b', '!')).toThrow("Invalid escape sequence 'a!b', 1");
    expect(() => inferOp('LIKE', [INT(), STRING()])).toThrow("Cannot apply 'LIKE'");
  });
  it('matches SIMILAR TO patterns', () => {
    expect(evalOp('SIMILAR TO', [STRING(), STRING()], ['abc', '%(b|d)%'], true)).toBe(true);
    expect(evalOp('SIMILAR TO', [STRING(), STRING()], ['abc', '(a|b)*'])).toBe(false);
    expect(evalOp('SIMILAR TO', [STRING(), STRING()], ['abab', '(ab)+'])).toBe(true);
    expect(evalOp('SIMILAR TO', [STRING(), STRING()], ['a.c', 'a.c'])).toBe(true);
    expect(evalOp('SIMILAR TO', [STRING(), STRING()], ['abc', 'a.c'])).toBe(false);
    expect(evalOp('NOT SIMILAR TO', [STRING(), STRING()], ['x7', '[a-z][0-9]'])).toBe(false);
    expect(similarToRegex('a_%')).toBe('a.[\\s\\S]*');
  });
});

describe('||', () => {
  it('concatenates strings and binaries', () => {
    expect(evalOp('||', [STRING(), STRING()], ['a', 'b'])).toBe('ab');
    expect(typeToString(inferOp('||', [CHAR(1, false), CHAR(2, false)]))).toBe('CHAR(3) NOT NULL');
    expect(typeToString(inferOp('||', [CHAR(1), VARCHAR(2)]))).toBe('VARCHAR(3)');
    expect(typeToString(inferOp('||', [STRING(), STRING()]))).toBe('STRING');
    expect(evalOp('||', [BYTES(), BYTES()], [new Uint8Array([1]), new Uint8Array([2])])).toEqual(new Uint8Array([1, 2]));
    expect(() => inferOp('||', [STRING(), INT()])).toThrow("Cannot apply '||'");
  });
});
