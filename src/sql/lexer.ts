import type { Pos } from '../types/span.js';
import type { Token, TokenKind } from './token.js';

// Character codes used in the hot loop (no regex per char).
const NL = 10;
const CR = 13;
const QUOTE = 39; // '
const BACKTICK = 96;
const DQUOTE = 34;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdentStart(c: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36) return true;
  if (c < 128) return false;
  return isUnicodeLetter(c);
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
const LETTER = /[\p{L}\p{Nl}\p{Mn}\p{Mc}]/u;
function isUnicodeLetter(c: number): boolean {
  return LETTER.test(String.fromCharCode(c));
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

const TWO_CHAR_OPS = new Set(['<>', '<=', '>=', '!=', '||', '=>']);
const ONE_CHAR_OPS = '(),;.+-*/%=<>[]{}?:|';

/** Splits SQL text into tokens. Never throws: bad input becomes `error` tokens. Ends with one `eof` token. */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const pos = (offset: number): Pos => ({ offset, line, col: offset - lineStart + 1 });
  // Advances over [from, to) updating line counters; used for multi-line tokens.
  const skipLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === NL || (c === CR && text.charCodeAt(k + 1) !== NL)) {
        line++;
        lineStart = k + 1;
      }
    }
  };
  const push = (kind: TokenKind, tokText: string, start: Pos, endOffset: number, error?: Token['error']): void => {
    const end = pos(endOffset);
    tokens.push({ kind, text: tokText, upper: kind === 'ident' ? tokText.toUpperCase() : '', start, end, ...(error ? { error } : {}) });
  };

  // Reads a quoted body starting after the opening quote at `open`; `''` (or doubled `q`) escapes.
  // Returns the resolved body and the offset after the closing quote, or -1 when unclosed.
  const readQuoted = (open: number, q: number): { body: string; next: number } => {
    let k = open + 1;
    let body = '';
    let segStart = k;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === q) {
        if (text.charCodeAt(k + 1) === q) {
          body += text.slice(segStart, k + 1);
          k += 2;
          segStart = k;
          continue;
        }
        body += text.slice(segStart, k);
        return { body, next: k + 1 };
      }
      k++;
    }
    return { body: body + text.slice(segStart), next: -1 };
  };

  const stringToken = (kind: TokenKind, prefixLen: number): void => {
    const startOff = i;
    const start = pos(i);
    const open = i + prefixLen;
    const { body, next } = readQuoted(open, QUOTE);
    if (next < 0) {
      const at = { start: pos(open), end: pos(open + 1) };
      skipLines(i, n);
      i = n;
      push('error', text.slice(startOff), start, n, {
        message: 'Unclosed string literal',
        hint: `the string opened at line ${at.start.line}, column ${at.start.col} is never closed; add a closing '`,
        at,
      });
      return;
    }
    skipLines(i, next);
    i = next;
    if (kind === 'binary') {
      for (let k = 0; k < body.length; k++) {
        if (!isHex(body.charCodeAt(k))) {
          push('error', text.slice(startOff, next), start, next, { message: `Invalid binary literal X'${body}': only hexadecimal digits are allowed` });
          return;
        }
      }
      if (body.length % 2 !== 0) {
        push('error', text.slice(startOff, next), start, next, {
          message: `Invalid binary literal X'${body}': it needs an even number of hexadecimal digits`,
        });
        return;
      }
    }
    push(kind, body, start, next);
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // Whitespace
    if (c === 32 || c === 9 || c === NL || c === CR || c === 12 || c === 0xa0 || c === 0xfeff) {
      if (c === NL || (c === CR && text.charCodeAt(i + 1) !== NL)) {
        line++;
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    const c2 = text.charCodeAt(i + 1);
    // -- line comment
    if (c === 45 && c2 === 45) {
      while (i < n && text.charCodeAt(i) !== NL && text.charCodeAt(i) !== CR) i++;
      continue;
    }
    // /* block comment */ and /*+ hint */
    if (c === 47 && c2 === 42) {
      const start = pos(i);
      const close = text.indexOf('*/', i + 2);
      const isHint = text.charCodeAt(i + 2) === 43;
      if (close < 0) {
        const at = { start, end: pos(i + 2) };
        skipLines(i, n);
        const from = i;
        i = n;
        push('error', text.slice(from), start, n, {
          message: isHint ? 'Unclosed hint' : 'Unclosed comment',
          hint: `the comment opened at line ${start.line}, column ${start.col} is never closed; add */`,
          at,
        });
        continue;
      }
      skipLines(i, close + 2);
      if (isHint) push('hint', text.slice(i + 3, close), start, close + 2);
      i = close + 2;
      continue;
    }
    // Prefixed strings: X'..', U&'..', N'..'
    if ((c === 88 || c === 120) && c2 === QUOTE) {
      stringToken('binary', 1);
      continue;
    }
    if ((c === 85 || c === 117) && c2 === 38 && text.charCodeAt(i + 2) === QUOTE) {
      stringToken('ustring', 2);
      continue;
    }
    if ((c === 78 || c === 110) && c2 === QUOTE) {
      stringToken('string', 1);
      continue;
    }
    if (c === QUOTE) {
      stringToken('string', 0);
      continue;
    }
    if (isIdentStart(c)) {
      const start = pos(i);
      let k = i + 1;
      while (k < n && isIdentPart(text.charCodeAt(k))) k++;
      push('ident', text.slice(i, k), start, k);
      i = k;
      continue;
    }
    if (c === BACKTICK) {
      const start = pos(i);
      const { body, next } = readQuoted(i, BACKTICK);
      if (next < 0) {
        const at = { start, end: pos(i + 1) };
        const from = i;
        skipLines(i, n);
        i = n;
        push('error', text.slice(from), start, n, {
          message: 'Unclosed quoted identifier',
          hint: `the identifier opened at line ${start.line}, column ${start.col} is never closed; add a closing \``,
          at,
        });
        continue;
      }
      skipLines(i, next);
      if (body.length === 0) {
        push('error', '``', start, next, { message: 'Empty quoted identifier ``' });
      } else {
        push('quoted', body, start, next);
      }
      i = next;
      continue;
    }
    if (c === DQUOTE) {
      const start = pos(i);
      const { body, next } = readQuoted(i, DQUOTE);
      const end = next < 0 ? n : next;
      const from = i;
      skipLines(i, end);
      i = end;
      push('error', text.slice(from, end), start, end, {
        message: `Double quotes are not valid in Flink SQL: "${body.length > 30 ? body.slice(0, 30) + '…' : body}"`,
        hint: `use '${body}' for a string or \`${body}\` for an identifier`,
      });
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(c2))) {
      const start = pos(i);
      let k = i;
      while (k < n && isDigit(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === 46 && !(text.charCodeAt(k + 1) === 46)) {
        k++;
        while (k < n && isDigit(text.charCodeAt(k))) k++;
      }
      const e = text.charCodeAt(k);
      if (e === 69 || e === 101) {
        let m = k + 1;
        const s = text.charCodeAt(m);
        if (s === 43 || s === 45) m++;
        if (isDigit(text.charCodeAt(m))) {
          while (m < n && isDigit(text.charCodeAt(m))) m++;
          k = m;
        }
      }
      push('number', text.slice(i, k), start, k);
      i = k;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      push('op', two === '!=' ? '<>' : two, pos(i), i + 2);
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.includes(text[i]!)) {
      push('op', text[i]!, pos(i), i + 1);
      i++;
      continue;
    }
    // Unknown character (a whole surrogate pair if any).
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    push('error', text.slice(i, i + len), pos(i), i + len, { message: `Unexpected character '${text.slice(i, i + len)}'` });
    i += len;
  }
  tokens.push({ kind: 'eof', text: '', upper: '', start: pos(n), end: pos(n) });
  return tokens;
}
