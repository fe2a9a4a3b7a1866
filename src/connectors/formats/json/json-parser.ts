/** A small, fast JSON parser producing JsonNode trees (numbers keep their text). */
import { JsonNum, type JsonNode, type JsonObject } from './json-node.js';

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
}

class Parser {
  pos = 0;
  constructor(readonly s: string) {}

  fail(what: string): never {
    const c = this.s[this.pos];
    const found = c === undefined ? 'end-of-input' : `character '${c}'`;
    throw new JsonSyntaxError(`Unexpected ${found} at position ${this.pos}: ${what}`);
  }

  ws(): void {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  value(): JsonNode {
    this.ws();
    const c = this.s.charCodeAt(this.pos);
    switch (c) {
      case 123: // {
        return this.object();
      case 91: // [
        return this.array();
      case 34: // "
        return this.string();
      case 116: // t
        return this.literal('true', true);
      case 102: // f
        return this.literal('false', false);
      case 110: // n
        return this.literal('null', null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
        return this.fail('expected a JSON value');
    }
  }

  literal<T extends JsonNode>(word: string, v: T): T {
    if (this.s.startsWith(word, this.pos)) {
      this.pos += word.length;
      return v;
    }
    return this.fail(`expected '${word}'`);
  }

  number(): JsonNum {
    const s = this.s;
    const start = this.pos;
    let p = start;
    let integral = true;
    if (s.charCodeAt(p) === 45) p++;
    const d0 = p;
    while (s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) p++;
    if (p === d0) {
      this.pos = p;
      this.fail('expected a digit');
    }
    if (s.charCodeAt(d0) === 48 && p - d0 > 1) {
      this.pos = d0 + 1;
      this.fail('leading zeroes are not allowed');
    }
    if (s.charCodeAt(p) === 46) {
      integral = false;
      p++;
      const f0 = p;
      while (s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) p++;
      if (p === f0) {
        this.pos = p;
        this.fail('expected a digit after the decimal point');
      }
    }
    const e = s.charCodeAt(p);
    if (e === 101 || e === 69) {
      integral = false;
      p++;
      if (s.charCodeAt(p) === 43 || s.charCodeAt(p) === 45) p++;
      const e0 = p;
      while (s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) p++;
      if (p === e0) {
        this.pos = p;
        this.fail('expected a digit in the exponent');
      }
    }
    this.pos = p;
    return new JsonNum(s.slice(start, p), integral);
  }

  string(): string {
    const s = this.s;
    let p = this.pos + 1;
    const start = p;
    // Fast path: no escapes.
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 34) {
        this.pos = p + 1;
        return s.slice(start, p);
      }
      if (c === 92) break;
      if (c < 32 || Number.isNaN(c)) {
        this.pos = p;
        this.fail(Number.isNaN(c) ? 'unterminated string' : 'control character in string');
      }
      p++;
    }
    let out = s.slice(start, p);
    for (;;) {
      const c = s.charCodeAt(p);
      if (Number.isNaN(c)) {
        this.pos = p;
        this.fail('unterminated string');
      }
      if (c === 34) {
        this.pos = p + 1;
        return out;
      }
      if (c < 32) {
        this.pos = p;
        this.fail('control character in string');
      }
      if (c !== 92) {
        out += s[p];
        p++;
        continue;
      }
      const e = s[p + 1];
      p += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = s.slice(p, p + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.pos = p;
            this.fail('invalid unicode escape');
          }
          out += String.fromCharCode(parseInt(hex, 16));
          p += 4;
          break;
        }
        default:
          this.pos = p - 1;
          this.fail('invalid escape');
      }
    }
  }

  array(): JsonNode[] {
    this.pos++;
    const out: JsonNode[] = [];
    this.ws();
    if (this.s.charCodeAt(this.pos) === 93) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.s.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 93) {
        this.pos++;
        return out;
      }
      this.fail("expected ',' or ']'");
    }
  }

  object(): JsonObject {
    this.pos++;
    const out: JsonObject = new Map();
    this.ws();
    if (this.s.charCodeAt(this.pos) === 125) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.pos) !== 34) this.fail('expected a field name');
      const key = this.string();
      this.ws();
      if (this.s.charCodeAt(this.pos) !== 58) this.fail("expected ':'");
      this.pos++;
      out.set(key, this.value());
      this.ws();
      const c = this.s.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 125) {
        this.pos++;
        return out;
      }
      this.fail("expected ',' or '}'");
    }
  }
}

/** Parses one JSON document; trailing non-whitespace is an error. */
export function parseJson(text: string): JsonNode {
  const p = new Parser(text);
  const v = p.value();
  p.ws();
  if (p.pos !== text.length) p.fail('expected end of input');
  return v;
}
