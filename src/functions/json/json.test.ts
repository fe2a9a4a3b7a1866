import { describe, expect, it } from 'vitest';
import type { DataType } from '../../types/data-type.js';
import { ARRAY, BIGINT, BOOLEAN, CHAR, DATE, DECIMAL, DOUBLE, INT, MAP, NULL_TYPE, ROW, STRING, TIMESTAMP } from '../../types/data-type.js';
import { Timestamp } from '../../types/values.js';
import { call, callTyped, dec } from '../string/testing.js';
import { bigDecimalToString, javaDoubleToString, javaFloatToString } from './java-number-format.js';
import { JsonNumber, parseJson, toJson } from './json-value.js';
import { compilePath, evaluatePath } from './path.js';
import { jsonConstructClause } from './clauses.js';

const kw = (s: string): [DataType, unknown] => [CHAR(s.length, false), s];

/** JSON_VALUE with clauses: returning type, ON EMPTY, ON ERROR. */
function jsonValue(json: string | null, path: string, returning: DataType = STRING(), onEmpty: [string, unknown] = ['NULL', null], onError: [string, unknown] = ['NULL', null]): unknown {
  const [te, ve] = kw(onEmpty[0]);
  const [tr, vr] = kw(onError[0]);
  const dt = (v: unknown): DataType => (v === null ? NULL_TYPE : typeof v === 'boolean' ? BOOLEAN(false) : typeof v === 'number' ? INT(false) : STRING(false));
  return callTyped(
    'JSON_VALUE',
    [STRING(), STRING(false), returning, te, dt(onEmpty[1]), tr, dt(onError[1])],
    [json, path, null, ve, onEmpty[1], vr, onError[1]],
  );
}

function jsonQuery(json: string | null, path: string, wrapper = 'WITHOUT_ARRAY', onEmpty = 'NULL', onError = 'NULL', returning?: DataType): unknown {
  const types: DataType[] = [STRING(), STRING(false), kw(wrapper)[0], kw(onEmpty)[0], kw(onError)[0]];
  const args: unknown[] = [json, path, wrapper, onEmpty, onError];
  if (returning) {
    types.push(returning);
    args.push(null);
  }
  return callTyped('JSON_QUERY', types, args);
}

describe('Java number formats', () => {
  it('Double.toString / Float.toString / BigDecimal.toString', () => {
    expect(javaDoubleToString(1)).toBe('1.0');
    expect(javaDoubleToString(1.5)).toBe('1.5');
    expect(javaDoubleToString(1e7)).toBe('1.0E7');
    expect(javaDoubleToString(1.0e-5)).toBe('1.0E-5');
    expect(javaDoubleToString(0.001)).toBe('0.001');
    expect(javaDoubleToString(123456789.123)).toBe('1.23456789123E8');
    expect(javaDoubleToString(-0)).toBe('-0.0');
    expect(javaDoubleToString(NaN)).toBe('NaN');
    expect(javaFloatToString(Math.fround(1.1))).toBe('1.1');
    expect(bigDecimalToString(110n, 2)).toBe('1.10');
    expect(bigDecimalToString(1n, -2)).toBe('1E+2');
    expect(bigDecimalToString(1n, 7)).toBe('1E-7');
    expect(bigDecimalToString(-15n, 1)).toBe('-1.5');
  });
});

describe('JSON parsing and serialization', () => {
  it('keeps number text and sorts keys on output', () => {
    const v = parseJson('{"b": 12345678901234567890123, "a": [1.10, 1e2, true, null, "x\\n"]}');
    expect(toJson(v)).toBe('{"a":[1.10,1E+2,true,null,"x\\n"],"b":12345678901234567890123}');
    expect(parseJson(' 1 2')).toEqual(new JsonNumber('1'));
    expect(() => parseJson('{a:1}')).toThrow();
    expect(() => parseJson('')).toThrow();
    expect(() => parseJson('01')).toThrow();
    expect(() => parseJson('"a\tb"')).toThrow();
    expect(toJson(parseJson('{"a":1,"a":2}'))).toBe('{"a":2}');
  });

  it('evaluates Jayway paths', () => {
    const doc = parseJson('{"a":[{"c":"c1"},{"c":"c2"},{"d":1}],"b":{"x":{"c":"deep"}}}');
    const ev = (p: string, lax = false): unknown => {
      const r = evaluatePath(doc, compilePath(p), lax);
      return r === undefined ? undefined : toJson(r);
    };
    expect(ev('$.a[0].c')).toBe('"c1"');
    expect(ev('$.a[-1].d')).toBe('1');
    expect(ev('$.a[*].c')).toBe('["c1","c2"]');
    expect(ev("$['b']['x']")).toBe('{"c":"deep"}');
    expect(ev('$..c')).toBe('["c1","c2","deep"]');
    expect(ev('$.a[0:2].c')).toBe('["c1","c2"]');
    expect(ev('$.b.*')).toBe('[{"c":"deep"}]');
    expect(ev('$.zz', true)).toBeUndefined();
    expect(() => ev('$.zz')).toThrow('No results for path');
    expect(() => ev('$.zz.y')).toThrow('Missing property');
    expect(() => ev('$.a.c')).toThrow('Expected to find an object');
    expect(() => compilePath('$.a[')).toThrow();
  });
});

describe('JSON_EXISTS', () => {
  it('documented examples', () => {
    expect(call('JSON_EXISTS', '{"a": true}', '$.a')).toBe(true);
    expect(call('JSON_EXISTS', '{"a": true}', '$.b')).toBe(false);
    expect(call('JSON_EXISTS', '{"a": [{ "b": 1 }]}', '$.a[0].b')).toBe(true);
    expect(call('JSON_EXISTS', '{"a": true}', 'strict $.b', 'TRUE')).toBe(true);
    expect(call('JSON_EXISTS', '{"a": true}', 'strict $.b', 'FALSE')).toBe(false);
    expect(call('JSON_EXISTS', '{"a": true}', 'strict $.b', 'UNKNOWN')).toBeNull();
    expect(() => call('JSON_EXISTS', '{"a": true}', 'strict $.b', 'ERROR')).toThrow('No results for path');
    expect(call('JSON_EXISTS', '{"a": true}', 'lax $.b', 'ERROR')).toBe(false);
    expect(call('JSON_EXISTS', '{"a": null}', 'lax $.a')).toBe(false);
    expect(call('JSON_EXISTS', 'not json', 'lax $.a', 'ERROR')).toBe(false);
    expect(callTyped('JSON_EXISTS', [STRING(), STRING(false)], [null, '$.a'])).toBeNull();
  });
});

describe('JSON_VALUE', () => {
  it('documented examples', () => {
    expect(call('JSON_VALUE', '{"a": true}', '$.a')).toBe('true');
    expect(jsonValue('{"a": true}', '$.a', BOOLEAN())).toBe(true);
    expect(jsonValue('{"a": true}', 'lax $.b', STRING(), ['DEFAULT', false])).toBe('false');
    expect(jsonValue('{"a": true}', 'strict $.b', STRING(), ['NULL', null], ['DEFAULT', false])).toBe('false');
    expect(jsonValue('{"a.b": [0.998,0.996]}', '$.["a.b"][0]', DOUBLE())).toBe(0.998);
    expect(jsonValue('{"contains blank": "right"}', "strict $.['contains blank']", STRING(), ['NULL', null], ['DEFAULT', 'wrong'])).toBe('right');
  });

  it('returns exact BIGINT and DECIMAL values', () => {
    expect(jsonValue('{"id": 9223372036854775807}', '$.id', BIGINT())).toBe(9223372036854775807n);
    expect(jsonValue('{"id": 1234567890123456789}', '$.id')).toBe('1234567890123456789');
    expect(String(jsonValue('{"p": 12.345}', '$.p', DECIMAL(10, 2)))).toBe('12.35');
    expect(jsonValue('{"p": 1.10}', '$.p')).toBe('1.10');
    expect(jsonValue('{"n": "42"}', '$.n', INT())).toBe(42);
    expect(jsonValue('{"n": 9223372036854775808}', '$.n', BIGINT())).toBeNull();
    expect(() => jsonValue('{"n": "x"}', '$.n', INT(), ['NULL', null], ['ERROR', null])).toThrow();
  });

  it('empty and error behaviors', () => {
    expect(jsonValue('{"a": [1]}', 'lax $.a')).toBeNull();
    expect(jsonValue('{"a": [1]}', 'strict $.a')).toBeNull();
    expect(() => jsonValue('{"a": [1]}', 'strict $.a', STRING(), ['NULL', null], ['ERROR', null])).toThrow(
      "Strict jsonpath mode requires scalar value, and the actual value is: ''[1]''",
    );
    expect(() => jsonValue('{}', 'lax $.a', STRING(), ['ERROR', null])).toThrow('Empty result of JSON_VALUE function is not allowed');
    expect(jsonValue('{"a": null}', 'lax $.a', STRING(), ['DEFAULT', 'e'])).toBe('e');
    expect(jsonValue('{"a": null}', 'strict $.a', STRING(), ['DEFAULT', 'e'], ['DEFAULT', 'x'])).toBe('x');
    expect(jsonValue('bad', 'strict $.a', STRING(), ['DEFAULT', 'e'], ['DEFAULT', 'x'])).toBe('x');
    expect(jsonValue('bad', 'lax $.a', STRING(), ['DEFAULT', 'e'], ['DEFAULT', 'x'])).toBe('e');
    expect(() => jsonValue('{}', '$.a[', STRING(), ['NULL', null], ['ERROR', null])).toThrow("Illegal jsonpath spec ''$.a[''");
    expect(jsonValue(null, '$.a')).toBeNull();
  });
});

describe('JSON_QUERY', () => {
  it('documented examples', () => {
    expect(call('JSON_QUERY', '{ "a": { "b": 1 } }', '$.a')).toBe('{"b":1}');
    expect(call('JSON_QUERY', '[1, 2]', '$')).toBe('[1,2]');
    expect(callTyped('JSON_QUERY', [STRING(), STRING(false)], [null, '$'])).toBeNull();
    expect(call('JSON_QUERY', '{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c')).toBe('["c1","c2"]');
    expect(jsonQuery('{}', '$', 'CONDITIONAL_ARRAY')).toBe('[{}]');
    expect(jsonQuery('[1, 2]', '$', 'CONDITIONAL_ARRAY')).toBe('[1,2]');
    expect(jsonQuery('[1, 2]', '$', 'UNCONDITIONAL_ARRAY')).toBe('[[1,2]]');
    expect(call('JSON_QUERY', '1', '$')).toBeNull();
    expect(jsonQuery('1', '$', 'CONDITIONAL_ARRAY')).toBe('[1]');
    expect(jsonQuery('{}', 'lax $.invalid', 'WITHOUT_ARRAY', 'EMPTY_OBJECT')).toBe('{}');
    expect(jsonQuery('{}', 'strict $.invalid', 'WITHOUT_ARRAY', 'NULL', 'EMPTY_ARRAY')).toBe('[]');
  });

  it('errors and ARRAY<STRING> returning', () => {
    expect(() => jsonQuery('{"a":1}', 'strict $.a', 'WITHOUT_ARRAY', 'NULL', 'ERROR')).toThrow('requires array or object value');
    expect(() => jsonQuery('{}', 'lax $.a', 'WITHOUT_ARRAY', 'ERROR')).toThrow('Empty result of JSON_QUERY');
    expect(jsonQuery('{"a":[1,"x",{"b":2},null]}', '$.a', 'WITHOUT_ARRAY', 'NULL', 'NULL', ARRAY(STRING()))).toEqual(['1', 'x', '{"b":2}', null]);
    expect(jsonQuery('{}', 'lax $.a', 'WITHOUT_ARRAY', 'EMPTY_ARRAY', 'NULL', ARRAY(STRING()))).toEqual([]);
  });
});

describe('IS JSON', () => {
  it('documented examples', () => {
    expect(call('IS JSON', '1')).toBe(true);
    expect(call('IS JSON', '[]')).toBe(true);
    expect(call('IS JSON', '{}')).toBe(true);
    expect(call('IS JSON', '"abc"')).toBe(true);
    expect(call('IS JSON', 'abc')).toBe(false);
    expect(call('IS JSON', null)).toBe(false);
    expect(call('IS JSON', '1', 'SCALAR')).toBe(true);
    expect(call('IS JSON', '1', 'ARRAY')).toBe(false);
    expect(call('IS JSON', '1', 'OBJECT')).toBe(false);
    expect(call('IS JSON', '{}', 'SCALAR')).toBe(false);
    expect(call('IS JSON', '{}', 'ARRAY')).toBe(false);
    expect(call('IS JSON', '{}', 'OBJECT')).toBe(true);
  });
});

describe('JSON construction', () => {
  it('JSON_STRING', () => {
    expect(callTyped('JSON_STRING', [INT()], [null])).toBeNull();
    expect(call('JSON_STRING', 1)).toBe('1');
    expect(call('JSON_STRING', true)).toBe('true');
    expect(call('JSON_STRING', 'Hello, World!')).toBe('"Hello, World!"');
    expect(call('JSON_STRING', [1, 2])).toBe('[1,2]');
    expect(call('JSON_STRING', 1.5)).toBe('1.5');
    expect(call('JSON_STRING', 1e10)).toBe('1.0E+10');
    expect(call('JSON_STRING', dec('2.50'))).toBe('2.50');
    expect(call('JSON_STRING', 2n ** 62n)).toBe('4611686018427387904');
    expect(callTyped('JSON_STRING', [DATE()], [18628])).toBe('"2021-01-01"');
    expect(callTyped('JSON_STRING', [TIMESTAMP(3)], [new Timestamp(1609459200123)])).toBe('"2021-01-01T00:00:00.123"');
    expect(callTyped('JSON_STRING', [MAP(STRING(), INT())], [new Map([['b', 1], ['a', null]])])).toBe('{"a":null,"b":1}');
    const rt = ROW([{ name: 'x', type: INT() }, { name: 'y', type: STRING() }]);
    expect(callTyped('JSON_STRING', [rt], [[1, 'q']])).toBe('{"x":1,"y":"q"}');
  });

  it('JSON_OBJECT', () => {
    expect(call('JSON_OBJECT', 'NULL')).toBe('{}');
    expect(call('JSON_OBJECT', 'NULL', 'K1', 'V1', 'K2', 'V2')).toBe('{"K1":"V1","K2":"V2"}');
    expect(call('JSON_OBJECT', 'NULL', 'b', 1, 'a', 2)).toBe('{"a":2,"b":1}');
    expect(callTyped('JSON_OBJECT', [CHAR(4, false), CHAR(2, false), STRING()], ['NULL', 'K1', null])).toBe('{"K1":null}');
    expect(callTyped('JSON_OBJECT', [CHAR(6, false), CHAR(2, false), STRING()], ['ABSENT', 'K1', null])).toBe('{}');
    const inner = call('JSON_OBJECT', 'NULL', 'K2', 'V');
    expect(call('JSON_OBJECT', jsonConstructClause('NULL', [2]), 'K1', inner)).toBe('{"K1":{"K2":"V"}}');
    expect(call('JSON_OBJECT', 'NULL', 'K1', inner)).toBe('{"K1":"{\\"K2\\":\\"V\\"}"}');
  });

  it('JSON_ARRAY', () => {
    expect(call('JSON_ARRAY', 'ABSENT')).toBe('[]');
    expect(call('JSON_ARRAY', 'ABSENT', 1, '2')).toBe('[1,"2"]');
    expect(callTyped('JSON_ARRAY', [CHAR(4, false), STRING()], ['NULL', null])).toBe('[null]');
    expect(callTyped('JSON_ARRAY', [CHAR(6, false), STRING()], ['ABSENT', null])).toBe('[]');
    const inner = call('JSON_ARRAY', 'ABSENT', 1);
    expect(call('JSON_ARRAY', jsonConstructClause('ABSENT', [1]), inner)).toBe('[[1]]');
  });

  it('JSON_QUOTE / JSON_UNQUOTE', () => {
    expect(call('JSON_QUOTE', 'Hello, World!')).toBe('"Hello, World!"');
    expect(call('JSON_QUOTE', 'a"b\\c/d\n')).toBe('"a\\"b\\\\c\\/d\\n"');
    expect(call('JSON_QUOTE', 'é')).toBe('"\\u00e9"');
    expect(call('JSON_UNQUOTE', '"abc"')).toBe('abc');
    expect(call('JSON_UNQUOTE', '"a\\tb\\u0041"')).toBe('a\tbA');
    expect(call('JSON_UNQUOTE', 'not json')).toBe('not json');
    expect(call('JSON_UNQUOTE', null)).toBeNull();
  });
});
