/**
 * A JSON tree that keeps each number's source text, so BIGINT and DECIMAL columns are read
 * exactly (JSON.parse would round them through a double).
 */

export class JsonNum {
  constructor(
    readonly text: string,
    /** No fraction and no exponent. */
    readonly integral: boolean,
  ) {}
}

export type JsonNode = null | boolean | string | JsonNum | JsonNode[] | JsonObject;
export type JsonObject = Map<string, JsonNode>;

export function isJsonObject(n: JsonNode | undefined): n is JsonObject {
  return n instanceof Map;
}

/** Compact JSON text of a node, as Jackson's JsonNode.toString() writes it. */
export function jsonNodeToString(n: JsonNode): string {
  if (n === null) return 'null';
  if (typeof n === 'boolean') return n ? 'true' : 'false';
  if (typeof n === 'string') return quoteJsonString(n);
  if (n instanceof JsonNum) return n.text;
  if (Array.isArray(n)) return `[${n.map(jsonNodeToString).join(',')}]`;
  const parts: string[] = [];
  for (const [k, v] of n) parts.push(`${quoteJsonString(k)}:${jsonNodeToString(v)}`);
  return `{${parts.join(',')}}`;
}

const HEX = '0123456789ABCDEF';

/** JSON string literal with Jackson's escaping: short escapes, `\u00XX` (upper-case) for other controls. */
export function quoteJsonString(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92) {
      needs = true;
      break;
    }
  }
  if (!needs) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) out += '\\"';
    else if (c === 92) out += '\\\\';
    else if (c >= 32) out += s[i];
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
  }
  return `${out}"`;
}
