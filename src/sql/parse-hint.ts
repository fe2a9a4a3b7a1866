import type { Hint } from './ast/query.js';
import type { Pos } from '../types/span.js';
import { lex } from './lexer.js';
import { Parser } from './parser-base.js';
import type { Token } from './token.js';

/** Consumes consecutive hint comments at the current position. */
export function parseHints(p: Parser): Hint[] {
  const out: Hint[] = [];
  while (p.tok.kind === 'hint') out.push(...parseHintBody(p.text, p.next()));
  return out;
}

function shift(pos: Pos, base: Pos, baseOffset: number): Pos {
  return pos.line === 1
    ? { offset: pos.offset + baseOffset, line: base.line, col: base.col + 3 + pos.col - 1 }
    : { offset: pos.offset + baseOffset, line: pos.line + base.line - 1, col: pos.col };
}

/** `NAME(args)` / `NAME('k'='v', …)` items of one `/*+ … *\/` comment, with spans in the full text. */
export function parseHintBody(text: string, hint: Token): Hint[] {
  const baseOffset = hint.start.offset + 3;
  const tokens = lex(hint.text).map((t) => ({ ...t, start: shift(t.start, hint.start, baseOffset), end: shift(t.end, hint.start, baseOffset) }));
  const p = new Parser(text, tokens);
  const hints: Hint[] = [];
  do {
    const name = p.identifier('hint name');
    const args: string[] = [];
    const options: (readonly [string, string])[] = [];
    if (p.acceptOp('(')) {
      if (!p.isOp(')')) {
        do {
          const key = hintValue(p);
          if (p.acceptOp('=')) options.push([key, hintValue(p)]);
          else args.push(key);
        } while (p.acceptOp(','));
      }
      p.expectOp(')');
    }
    hints.push({ span: p.span(name.span.start), name: name.name.toUpperCase(), args, options });
  } while (p.acceptOp(','));
  if (!p.atEof()) throw p.unexpected();
  return hints;
}

function hintValue(p: Parser): string {
  if (p.isString()) return p.stringLit('hint option').value;
  if (p.tok.kind === 'number') return p.next().text;
  // Identifiers in hints may be any word, and dotted (BROADCAST(db.t)).
  const t = p.tok;
  if (t.kind !== 'ident' && t.kind !== 'quoted') {
    p.expect_('hint option');
    throw p.unexpected();
  }
  const parts = [p.next().text];
  while (p.isOp('.') && (p.peek().kind === 'ident' || p.peek().kind === 'quoted')) {
    p.next();
    parts.push(p.next().text);
  }
  return parts.join('.');
}
