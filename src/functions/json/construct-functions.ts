/** JSON construction: JSON_OBJECT, JSON_ARRAY, JSON_STRING, JSON_QUOTE, JSON_UNQUOTE. */
import type { ScalarFunctionDef } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import { STRING, isCharacterString } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { checkArity, requireString, scalar, strictResult } from '../string/define.js';
import { parseConstructClause } from './clauses.js';
import { rawJsonNode, toJsonNodeFn } from './convert.js';
import { parseJson, toJson, type JsonNode } from './json-value.js';

function onNullClause(literal: unknown): ReturnType<typeof parseConstructClause> {
  if (typeof literal !== 'string') throw new FunctionTypeError('The first argument must be the ON NULL clause literal.', 0);
  return parseConstructClause(literal);
}

const JSON_OBJECT = scalar({
  names: ['JSON_OBJECT'],
  category: 'json',
  doc: 'JSON_OBJECT([[KEY] key VALUE value]* [{NULL | ABSENT} ON NULL]): a JSON object string built from key-value pairs.',
  nulls: 'custom',
  inferType: (site) => {
    checkArity(site, 1, Infinity);
    onNullClause(site.literals[0]);
    if (site.argTypes.length % 2 !== 1) throw new FunctionTypeError(`JSON_OBJECT needs key-value pairs.`);
    for (let i = 1; i < site.argTypes.length; i += 2) {
      requireString(site, i);
      if (site.argTypes[i]!.nullable || site.argTypes[i]!.kind === 'NULL') {
        throw new FunctionTypeError('Null key of JSON object is not allowed', i);
      }
    }
    return STRING(false);
  },
  build: (site) => {
    const { onNull, raw } = onNullClause(site.literals[0]);
    const convs = site.argTypes.map((t, i) => (raw.has(i) ? rawJsonNode : toJsonNodeFn(t)));
    return (...args) => {
      const obj = new Map<string, JsonNode>();
      for (let i = 1; i < args.length; i += 2) {
        const v = args[i + 1];
        if (v === null && onNull === 'ABSENT') continue;
        obj.set(args[i] as string, convs[i + 1]!(v));
      }
      return toJson(obj);
    };
  },
});

const JSON_ARRAY = scalar({
  names: ['JSON_ARRAY'],
  category: 'json',
  doc: 'JSON_ARRAY([value]* [{NULL | ABSENT} ON NULL]): a JSON array string built from the values.',
  nulls: 'custom',
  inferType: (site) => {
    checkArity(site, 1, Infinity);
    onNullClause(site.literals[0]);
    return STRING(false);
  },
  build: (site) => {
    const { onNull, raw } = onNullClause(site.literals[0]);
    const convs = site.argTypes.map((t, i) => (raw.has(i) ? rawJsonNode : toJsonNodeFn(t)));
    return (...args) => {
      const arr: JsonNode[] = [];
      for (let i = 1; i < args.length; i++) {
        if (args[i] === null && onNull === 'ABSENT') continue;
        arr.push(convs[i]!(args[i]));
      }
      return toJson(arr);
    };
  },
});

const JSON_STRING = scalar({
  names: ['JSON_STRING'],
  category: 'json',
  doc: 'JSON_STRING(value): value serialized as JSON; NULL for NULL.',
  inferType: (site) => (checkArity(site, 1), strictResult(site, STRING(false))),
  build: (site) => {
    const conv = toJsonNodeFn(site.argTypes[0]!);
    return (v) => toJson(conv(v));
  },
});

const QUOTE_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Flink's JSON_QUOTE: non-ASCII as lower-case \\uXXXX (a supplementary character as its code point, then its low surrogate, as Flink does). */
export function jsonQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp < 128) out += QUOTE_ESCAPES[s[i]!] ?? s[i];
    else out += '\\u' + cp.toString(16).padStart(4, '0');
  }
  return out + '"';
}

/** Flink's JSON_UNQUOTE: a valid JSON value loses its first and last character and is unescaped; anything else is returned as is. */
export function jsonUnquote(s: string): string {
  try {
    parseJson(s);
  } catch {
    return s;
  }
  let out = '';
  let i = 1;
  while (i < s.length - 1) {
    if (s[i] === '\\' && i + 1 < s.length) {
      i++;
      const ch = s[i++]!;
      switch (ch) {
        case '"':
        case '\\':
        case '/':
          out += ch;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          out += String.fromCharCode(parseInt(s.slice(i, i + 4), 16));
          i += 4;
          break;
        default:
          throw new RuntimeError(`Illegal escape sequence: \\${ch}`);
      }
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}

const JSON_QUOTE = scalar({
  names: ['JSON_QUOTE'],
  category: 'json',
  doc: 'JSON_QUOTE(string): string as a quoted JSON string literal.',
  inferType: (site) => (checkArity(site, 1), requireString(site, 0), strictResult(site, STRING(false))),
  build: () => (s) => jsonQuote(s as string),
});

const JSON_UNQUOTE = scalar({
  names: ['JSON_UNQUOTE'],
  category: 'json',
  doc: 'JSON_UNQUOTE(string): the unquoted value of a JSON string literal; other input unchanged.',
  inferType: (site) => {
    checkArity(site, 1);
    if (!isCharacterString(site.argTypes[0]!) && site.argTypes[0]!.kind !== 'NULL') requireString(site, 0);
    return strictResult(site, STRING(false));
  },
  build: () => (s) => jsonUnquote(s as string),
});

export const JSON_CONSTRUCT_FUNCTIONS: readonly ScalarFunctionDef[] = [JSON_OBJECT, JSON_ARRAY, JSON_STRING, JSON_QUOTE, JSON_UNQUOTE];
