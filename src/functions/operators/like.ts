/**
 * LIKE and SIMILAR TO (with optional ESCAPE), as Flink's generated code: `%` matches any sequence
 * (newlines included), `_` one character; there is no default escape character.
 */
import type { ScalarFunctionDef, TypeSite } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { BOOLEAN, isCharacterString } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { operandTypeString } from './operand-types.js';

const REGEX_SPECIALS = '[]()|^+*?{}$\\.';

function escapeChar(escape: string | undefined): string | null {
  if (escape === undefined) return null;
  if (escape.length !== 1) throw new RuntimeError(`Invalid escape character '${escape}'`);
  return escape;
}

function invalidEscape(pattern: string, i: number): RuntimeError {
  return new RuntimeError(`Invalid escape sequence '${pattern}', ${i}`);
}

/** Calcite's sqlToRegexLike, as a JS regular expression source. */
export function likeToRegex(pattern: string, escape?: string): string {
  const esc = escapeChar(escape);
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === esc) {
      if (i === pattern.length - 1) throw invalidEscape(pattern, i);
      const next = pattern[i + 1]!;
      if (next !== '_' && next !== '%' && next !== esc) throw invalidEscape(pattern, i);
      out += REGEX_SPECIALS.includes(next) ? `\\${next}` : next;
      i++;
    } else if (c === '_') out += '.';
    else if (c === '%') out += '[\\s\\S]*';
    else out += REGEX_SPECIALS.includes(c) || c === '/' ? `\\${c}` : c;
  }
  return out;
}

/** SIMILAR TO: SQL regular expressions (`%`, `_`, `|`, `*`, `+`, `?`, `{m,n}`, `(…)`, `[…]`). */
export function similarToRegex(pattern: string, escape?: string): string {
  const esc = escapeChar(escape);
  let out = '';
  let inBracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === esc) {
      if (i === pattern.length - 1) throw invalidEscape(pattern, i);
      const next = pattern[i + 1]!;
      out += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`;
      i++;
      continue;
    }
    if (inBracket) {
      if (c === ']') inBracket = false;
      out += c === '\\' ? '\\\\' : c;
      continue;
    }
    switch (c) {
      case '%':
        out += '[\\s\\S]*';
        break;
      case '_':
        out += '.';
        break;
      case '[':
        inBracket = true;
        out += c;
        break;
      case '|':
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case '(':
      case ')':
        out += c;
        break;
      case '.':
      case '^':
      case '$':
      case '\\':
      case '/':
        out += `\\${c}`;
        break;
      default:
        out += c;
    }
  }
  return out;
}

function inferLike(name: string, site: TypeSite): DataType {
  const n = site.argTypes.length;
  if (n < 2 || n > 3) throw new FunctionTypeError(`${name} takes a value, a pattern and an optional escape`);
  site.argTypes.forEach((t, i) => {
    if (t.kind !== 'NULL' && !isCharacterString(t)) {
      throw new FunctionTypeError(`Cannot apply '${name}' to arguments of type ${operandTypeString(t)}`, i);
    }
  });
  return BOOLEAN(site.argTypes.some((t) => t.nullable));
}

function likeDef(name: string, similar: boolean, negate: boolean, doc: string): ScalarFunctionDef {
  const toRegex = similar ? similarToRegex : likeToRegex;
  return {
    kind: 'scalar',
    names: [name],
    category: 'comparison',
    doc,
    nulls: 'strict',
    inferType: (site) => inferLike(name, site),
    build(site) {
      const pattern = site.literals[1];
      const escape = site.literals[2];
      const constant = typeof pattern === 'string' && (site.argTypes.length === 2 || typeof escape === 'string');
      if (constant) {
        const re = new RegExp(`^(?:${toRegex(pattern, escape as string | undefined)})$`, 'u');
        return (s) => re.test(s as string) !== negate;
      }
      let lastKey = '';
      let lastRe: RegExp | null = null;
      return (s, p, e) => {
        const key = `${e === undefined ? '' : (e as string)}\u0000${p as string}`;
        if (lastRe === null || key !== lastKey) {
          lastRe = new RegExp(`^(?:${toRegex(p as string, e as string | undefined)})$`, 'u');
          lastKey = key;
        }
        return lastRe.test(s as string) !== negate;
      };
    },
  };
}

export const LIKE = likeDef('LIKE', false, false, "string1 LIKE string2 [ESCAPE char]: TRUE if string1 matches pattern string2 ('%' any sequence, '_' one character).");
export const NOT_LIKE = likeDef('NOT LIKE', false, true, 'string1 NOT LIKE string2 [ESCAPE char]: TRUE if string1 does not match pattern string2.');
export const SIMILAR_TO = likeDef('SIMILAR TO', true, false, 'string1 SIMILAR TO string2 [ESCAPE char]: TRUE if string1 matches SQL regular expression string2.');
export const NOT_SIMILAR_TO = likeDef('NOT SIMILAR TO', true, true, 'string1 NOT SIMILAR TO string2 [ESCAPE char]: TRUE if string1 does not match SQL regular expression string2.');
