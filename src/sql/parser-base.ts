import { SqlError } from '../types/errors.js';
import type { Pos, Span } from '../types/span.js';
import { CLAUSE_KEYWORDS, FLINK_RESERVED_NAMES, RESERVED, nearMiss } from './keywords.js';
import { describeToken, type Token } from './token.js';

export const PARSE_ERROR = 'PARSE_ERROR';
/** Warning code: a name weir accepts but Apache Flink would reject unless back-quoted. */
export const FLINK_RESERVED_WORD = 'FLINK_RESERVED_WORD';

export interface Name {
  readonly name: string;
  readonly span: Span;
}

/**
 * Token cursor shared by all parse functions. Every keyword / operator test made at the
 * current position is remembered so that an error can list what would have been valid.
 */
export class Parser {
  i = 0;
  prevEnd: Pos;
  depth = 0;
  /** Non-fatal findings (names that Flink reserves), in source order. */
  readonly warnings: SqlError[] = [];
  private expected: string[] = [];
  private expectedAt = -1;
  /** Token indexes used as an alias without AS (for "did you mean FROM?" on `SELECT a FORM t`). */
  private readonly implicitAliases = new Set<number>();

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {
    this.prevEnd = tokens[0]!.start;
  }

  get tok(): Token {
    return this.tokens[this.i]!;
  }
  peek(k = 1): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.tokens[this.i]!;
    if (t.kind !== 'eof') {
      this.i++;
      this.prevEnd = t.end;
    }
    return t;
  }
  atEof(): boolean {
    return this.tok.kind === 'eof';
  }

  /** Records `what` as acceptable at the current position. */
  expect_(what: string): void {
    if (this.expectedAt !== this.i) {
      this.expectedAt = this.i;
      this.expected = [];
    }
    if (!this.expected.includes(what)) this.expected.push(what);
  }

  /** Is the token at offset k the keyword kw (no recording)? */
  isKw(kw: string, k = 0): boolean {
    const t = k === 0 ? this.tok : this.peek(k);
    return t.kind === 'ident' && t.upper === kw;
  }
  isOp(op: string, k = 0): boolean {
    const t = k === 0 ? this.tok : this.peek(k);
    return t.kind === 'op' && t.text === op;
  }
  /** Keyword test that records the keyword as expected. */
  at(kw: string): boolean {
    this.expect_(kw);
    return this.isKw(kw);
  }
  atOp(op: string): boolean {
    this.expect_(`'${op}'`);
    return this.isOp(op);
  }
  /** Tests a keyword sequence (records it as one expected item). */
  atSeq(...kws: string[]): boolean {
    this.expect_(kws.join(' '));
    for (let k = 0; k < kws.length; k++) if (!this.isKw(kws[k]!, k)) return false;
    return true;
  }
  accept(kw: string): boolean {
    if (this.at(kw)) {
      this.next();
      return true;
    }
    return false;
  }
  acceptSeq(...kws: string[]): boolean {
    // A reserved first word cannot mean anything else: commit, so `GROUP a` reports "expected BY".
    if (kws.length > 1 && RESERVED.has(kws[0]!) && this.isKw(kws[0]!) && !this.atSeq(...kws)) this.expectSeq(...kws);
    if (this.atSeq(...kws)) {
      for (let k = 0; k < kws.length; k++) this.next();
      return true;
    }
    return false;
  }
  acceptOp(op: string): boolean {
    if (this.atOp(op)) {
      this.next();
      return true;
    }
    return false;
  }
  expect(kw: string): Token {
    if (!this.at(kw)) throw this.unexpected();
    return this.next();
  }
  expectSeq(...kws: string[]): void {
    if (!this.atSeq(...kws)) {
      // Point at the first keyword of the sequence that is missing.
      let k = 0;
      while (k < kws.length && this.isKw(kws[k]!)) {
        this.next();
        k++;
      }
      this.expect_(kws.slice(k).join(' '));
      throw this.unexpected();
    }
    for (let k = 0; k < kws.length; k++) this.next();
  }
  expectOp(op: string): Token {
    if (!this.atOp(op)) throw this.unexpected();
    return this.next();
  }
  /** Accepts one of the keywords; returns it (upper case) or undefined. */
  acceptOneOf(...kws: string[]): string | undefined {
    for (const kw of kws) if (this.accept(kw)) return kw;
    return undefined;
  }
  expectOneOf(...kws: string[]): string {
    const kw = this.acceptOneOf(...kws);
    if (kw === undefined) throw this.unexpected();
    return kw;
  }

  span(start: Pos): Span {
    return { start, end: this.prevEnd.offset >= start.offset ? this.prevEnd : start };
  }
  tokSpan(t: Token): Span {
    return { start: t.start, end: t.end };
  }

  // ---- identifiers and literals ----

  /** Can the current token be used as an identifier? */
  isIdent(k = 0): boolean {
    const t = k === 0 ? this.tok : this.peek(k);
    return t.kind === 'quoted' || (t.kind === 'ident' && !RESERVED.has(t.upper));
  }
  identifier(what = 'identifier'): Name {
    this.expect_(what);
    if (!this.isIdent()) {
      const t = this.tok;
      if (t.kind === 'ident' && RESERVED.has(t.upper) && !STRUCTURAL.has(t.upper)) {
        throw this.errorAt(
          t,
          `Unexpected '${t.text}'; expected ${what}`,
          `${t.upper} is a reserved keyword; write \`${t.text}\` to use it as a name`,
        );
      }
      throw this.unexpected();
    }
    const t = this.next();
    if (t.kind === 'ident' && FLINK_RESERVED_NAMES.has(t.upper)) {
      this.warnings.push(
        new SqlError(
          FLINK_RESERVED_WORD,
          `'${t.text}' is a reserved word in Apache Flink SQL`,
          this.tokSpan(t),
          `write \`${t.text}\`: weir accepts it, but the script would not parse on Apache Flink`,
        ),
      );
    }
    return { name: t.text, span: this.tokSpan(t) };
  }
  /** An alias introduced without AS: remembered for near-miss diagnostics. */
  implicitAlias(): Name {
    this.implicitAliases.add(this.i);
    return this.identifier('alias');
  }
  /** `a.b.c` */
  compoundName(what = 'name'): { names: string[]; span: Span } {
    const first = this.identifier(what);
    const names = [first.name];
    while (this.isOp('.') && this.isIdent(1)) {
      this.next();
      names.push(this.next().text);
    }
    return { names, span: this.span(first.span.start) };
  }
  identList(what = 'column name'): Name[] {
    const out = [this.identifier(what)];
    while (this.acceptOp(',')) out.push(this.identifier(what));
    return out;
  }
  parenIdentList(what = 'column name'): Name[] {
    this.expectOp('(');
    const out = this.identList(what);
    this.expectOp(')');
    return out;
  }

  isString(): boolean {
    return this.tok.kind === 'string' || this.tok.kind === 'ustring';
  }
  /** A character string literal, with adjacent literals concatenated and U&'…' escapes resolved. */
  stringLit(what = 'string literal'): { value: string; span: Span } {
    this.expect_(what);
    if (!this.isString()) throw this.unexpected();
    const start = this.tok.start;
    let value = '';
    while (this.isString()) {
      const t = this.next();
      if (t.kind === 'ustring') {
        let esc = '\\';
        if (this.isKw('UESCAPE')) {
          this.next();
          const e = this.stringLit('escape character');
          if ([...e.value].length !== 1 || /[0-9a-fA-F+'"\s]/.test(e.value)) {
            throw new SqlError(PARSE_ERROR, `Invalid UESCAPE character '${e.value}'`, e.span, 'use a single character that is not a hex digit, +, quote or space');
          }
          esc = e.value;
        }
        value += decodeUnicode(t.text, esc, this.tokSpan(t));
      } else {
        value += t.text;
      }
    }
    return { value, span: this.span(start) };
  }
  /** An unsigned integer literal. */
  intLit(what = 'integer'): { value: number; span: Span } {
    this.expect_(what);
    const t = this.tok;
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) throw this.unexpected();
    this.next();
    return { value: Number(t.text), span: this.tokSpan(t) };
  }

  // ---- errors ----

  errorAt(t: Token | Span, message: string, hint?: string): SqlError {
    return new SqlError(PARSE_ERROR, message, { start: t.start, end: t.end }, hint);
  }

  /** "Unexpected X; expected …" at the current token, with near-miss hints. */
  unexpected(): SqlError {
    const t = this.tok;
    if (t.kind === 'error' && t.error) {
      return new SqlError(PARSE_ERROR, t.error.message, t.error.at ?? { start: t.start, end: t.end }, t.error.hint);
    }
    const expected = this.expectedAt === this.i ? this.expected : [];
    // `SELECT a FORM t`: FORM was taken as an alias; the real mistake is the alias.
    const prev = this.tokens[this.i - 1];
    if (prev && this.implicitAliases.has(this.i - 1) && prev.kind === 'ident') {
      const guess = nearMiss(prev.upper, CLAUSE_KEYWORDS);
      if (guess) {
        return this.errorAt(prev, `Unexpected '${prev.text}'; expected ${listExpected(['AS', 'FROM', 'WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'JOIN', 'ON', "','"])}`, `did you mean ${guess}?`);
      }
    }
    if (t.kind === 'hint') {
      return this.errorAt(t, 'Unexpected hint', 'hints /*+ … */ are allowed right after SELECT, after a table name in FROM, and after INSERT INTO t');
    }
    let hint: string | undefined;
    if (t.kind === 'ident') {
      const kws = expected.filter((e) => /^[A-Z_]+( [A-Z_]+)*$/.test(e)).map((e) => e.split(' ')[0]!);
      const guess = nearMiss(t.upper, kws);
      if (guess) hint = `did you mean ${guess}?`;
    }
    // 'a,\n  'b' = …: a missing closing quote turns the rest into a string spanning lines.
    if (!hint && prev && prev.kind === 'string' && prev.start.line !== prev.end.line) {
      hint = `the string at line ${prev.start.line}, column ${prev.start.col} spans several lines; is a closing ' missing?`;
    }
    if (t.kind === 'op' && t.text === ':' && this.isOp(':', 1)) {
      return this.errorAt({ start: t.start, end: this.peek().end }, "Unexpected '::'", 'Flink SQL has no :: casts; write CAST(x AS type)');
    }
    if (!hint && t.kind === 'op' && t.text === '=' && prev?.kind === 'op' && prev.text === '=') {
      hint = 'SQL compares with a single =';
    }
    if (!hint && (t.kind === 'eof' || expected.includes("')'"))) {
      const open = this.unclosedParen();
      if (open) hint = `the parenthesis opened at line ${open.start.line}, column ${open.start.col} is ${t.kind === 'eof' ? 'never' : 'not'} closed`;
    }
    const msg = `Unexpected ${describeToken(t)}` + (expected.length ? `; expected ${listExpected(expected)}` : '');
    return this.errorAt(t, msg, hint);
  }

  /** The innermost '(' before the current position that has no matching ')'. */
  private unclosedParen(): Token | undefined {
    const stack: Token[] = [];
    for (let k = 0; k < this.i; k++) {
      const t = this.tokens[k]!;
      if (t.kind !== 'op') continue;
      if (t.text === '(') stack.push(t);
      else if (t.text === ')') stack.pop();
      else if (t.text === ';') stack.length = 0;
    }
    return stack[stack.length - 1];
  }
}

/** Reserved words that are almost never meant as names: no "back-quote it" hint for them. */
const STRUCTURAL = new Set(
  ('SELECT FROM WHERE GROUP ORDER BY HAVING JOIN ON AND OR NOT AS UNION INTERSECT EXCEPT LIMIT WITH THEN ELSE END WHEN ' +
    'IN IS LIKE BETWEEN INSERT INTO CREATE DROP ALTER VALUES INNER LEFT RIGHT FULL CROSS OUTER USING OVER WINDOW DISTINCT ALL').split(' '),
);

function listExpected(items: readonly string[]): string {
  const max = 8;
  const shown = items.length > max ? [...items.slice(0, max - 1), '…', items[items.length - 1]!] : [...items];
  if (shown.length === 1) return shown[0]!;
  return shown.slice(0, -1).join(', ') + ' or ' + shown[shown.length - 1];
}

/** Resolves `\XXXX`, `\+XXXXXX` and a doubled escape in a U&'…' literal. */
export function decodeUnicode(body: string, esc: string, span: Span): string {
  let out = '';
  let k = 0;
  while (k < body.length) {
    const ch = body[k]!;
    if (ch !== esc) {
      out += ch;
      k++;
      continue;
    }
    if (body[k + 1] === esc) {
      out += esc;
      k += 2;
      continue;
    }
    const plus = body[k + 1] === '+';
    const len = plus ? 6 : 4;
    const hex = body.slice(k + (plus ? 2 : 1), k + (plus ? 2 : 1) + len);
    k += (plus ? 2 : 1) + len;
    if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) {
      throw new SqlError(PARSE_ERROR, `Invalid Unicode escape in U&'${body}'`, span, `write ${esc}XXXX or ${esc}+XXXXXX with hexadecimal digits`);
    }
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) throw new SqlError(PARSE_ERROR, `Invalid Unicode code point ${hex} in U&'${body}'`, span);
    out += String.fromCodePoint(cp);
  }
  return out;
}
