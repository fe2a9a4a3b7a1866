/**
 * A JSON tree that keeps number text (so no precision is lost), a parser with Jackson's default
 * strictness, and Flink's serializer (compact, object keys sorted, as Flink's ObjectMapper with
 * ORDER_MAP_ENTRIES_BY_KEYS; floating numbers read as BigDecimal).
 */
import { bigDecimalToString, parseBigDecimal } from './java-number-format.js';

/** A JSON number, kept as its source text. */
export class JsonNumber {
  constructor(readonly text: string) {}

  /** True for integer literals (Jackson reads them as Integer/Long/BigInteger). */
  get integral(): boolean {
    return !/[.eE]/.test(this.text);
  }

  /** The value as Java prints the object Jackson made of it (BigInteger or BigDecimal text). */
  toJavaString(): string {
    if (this.integral) return BigInt(this.text).toString();
    const d = parseBigDecimal(this.text);
    return bigDecimalToString(d.unscaled, d.scale);
  }

  toNumber(): number {
    return Number(this.text);
  }
}

export type JsonObject = Map<string, JsonNode>;
export type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | JsonObject;

export class JsonParseError extends Error {
  override readonly name = 'JsonParseError';
}

/** Parses the first JSON value of `text` (trailing content is ignored, as Jackson does by default). */
export function parseJson(text: string): JsonNode {
  let i = 0;
  const fail = (msg: string): never => {
    throw new JsonParseError(`${msg} at position ${i} of JSON input`);
  };
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    let start = i;
    for (;;) {
      if (i >= text.length) fail('Unexpected end of input in a string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('Illegal unquoted character in a string');
      if (c === 0x5c) {
        out += text.slice(start, i);
        const e = text[i + 1];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
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
          case 'u': {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Illegal unicode escape');
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail('Unrecognized character escape');
        }
        i += 2;
        start = i;
        continue;
      }
      i++;
    }
  };
  const value = (): JsonNode => {
    ws();
    const c = text[i];
    if (c === undefined) return fail('No content to map due to end-of-input');
    if (c === '{') {
      i++;
      const obj: JsonObject = new Map();
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expected a double-quoted field name');
        const k = str();
        ws();
        if (text[i] !== ':') fail("Expected ':'");
        i++;
        obj.set(k, value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail("Expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const arr: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0].length > 0 && /[\d]/.test(m[0])) {
      const end = i + m[0].length;
      // Jackson rejects a number run into letters or a second leading zero.
      if (end < text.length && /[0-9A-Za-z_.]/.test(text[end]!)) fail('Invalid numeric value');
      i = end;
      return new JsonNumber(m[0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        const end = i + word.length;
        if (end < text.length && /[0-9A-Za-z_]/.test(text[end]!)) break;
        i = end;
        return v;
      }
    }
    return fail(`Unrecognized token '${text.slice(i, i + 20)}'`);
  };
  return value();
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A JSON string literal as Jackson writes it. */
export function quoteJson(s: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${s.replace(/["\\\u0000-\u001f]/g, (c) => ESCAPES[c] ?? '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'))}"`;
}

/** Compact JSON with object keys sorted (Flink's serializer). */
export function toJson(node: JsonNode): string {
  if (node === null) return 'null';
  if (typeof node === 'boolean') return node ? 'true' : 'false';
  if (typeof node === 'string') return quoteJson(node);
  if (node instanceof JsonNumber) return node.toJavaString();
  if (Array.isArray(node)) return `[${node.map(toJson).join(',')}]`;
  const keys = [...node.keys()].sort();
  return `{${keys.map((k) => `${quoteJson(k)}:${toJson(node.get(k)!)}`).join(',')}}`;
}

export const isJsonObject = (n: JsonNode): n is JsonObject => n instanceof Map;
export const isScalar = (n: JsonNode): boolean => !(n instanceof Map) && !Array.isArray(n);

/** A scalar as Java's String.valueOf of the object Jackson produced. */
export function scalarToString(n: JsonNode): string {
  if (n === null) return 'null';
  if (n instanceof JsonNumber) return n.toJavaString();
  if (typeof n === 'string') return n;
  if (typeof n === 'boolean') return String(n);
  return javaToString(n);
}

/** Java's toString of a LinkedHashMap / ArrayList of Jackson values (used in error messages). */
export function javaToString(n: JsonNode): string {
  if (Array.isArray(n)) return `[${n.map(javaToString).join(', ')}]`;
  if (n instanceof Map) return `{${[...n].map(([k, v]) => `${k}=${javaToString(v)}`).join(', ')}}`;
  return scalarToString(n);
}
