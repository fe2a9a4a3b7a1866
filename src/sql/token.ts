import type { Pos } from '../types/span.js';

/**
 * Token kinds of the Flink SQL lexer.
 * - `ident`: plain identifier or keyword (compare keywords through `upper`)
 * - `quoted`: back-quoted identifier (never a keyword), `text` has escapes resolved
 * - `string`: '…' with `''` resolved; `ustring`: U&'…' body (escapes resolved by the parser, after UESCAPE)
 * - `binary`: X'…' hex digits; `number`: numeric literal text; `op`: punctuation / operator
 * - `hint`: a whole `/*+ … *\/` comment, `text` is its body
 * - `error`: an unlexable piece of text; `error` says why
 */
export type TokenKind = 'ident' | 'quoted' | 'string' | 'ustring' | 'binary' | 'number' | 'op' | 'hint' | 'error' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier as written, resolved string value, operator text, or hint body. */
  readonly text: string;
  /** Upper-cased text for `ident` tokens (keyword comparison); '' otherwise. */
  readonly upper: string;
  readonly start: Pos;
  readonly end: Pos;
  /** For `error` tokens: message, where to point, optional hint. */
  readonly error?: { readonly message: string; readonly hint?: string; readonly at?: { readonly start: Pos; readonly end: Pos } };
}

/** Human-readable form of a token for error messages. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'string':
      return `'${t.text.length > 20 ? t.text.slice(0, 20) + '…' : t.text}'`;
    case 'quoted':
      return `\`${t.text}\``;
    case 'hint':
      return 'hint /*+ … */';
    default:
      return `'${t.text.length > 30 ? t.text.slice(0, 30) + '…' : t.text}'`;
  }
}
