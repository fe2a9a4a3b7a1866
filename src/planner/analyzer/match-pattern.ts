import { SqlError } from '../../types/errors.js';
import type { Span } from '../../types/span.js';

/** One pattern variable with its quantifier: `B*?` → { name: 'B', min: 0, max: -1, reluctant: true }. */
export interface PatternElement {
  readonly name: string;
  readonly min: number;
  /** -1 for unbounded. */
  readonly max: number;
  readonly reluctant: boolean;
  /** Whether a quantifier was written (a plain `A` is {1, 1} without one). */
  readonly quantified: boolean;
}

/** A pattern node as written: variables, sequences, groups and the constructs Flink rejects. */
type Node =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'alt'; readonly items: readonly Node[] }
  | { readonly kind: 'quant'; readonly item: Node; readonly min: number; readonly max: number; readonly reluctant: boolean }
  | { readonly kind: 'permute' | 'exclude' | 'anchor' };

type Token = { readonly kind: 'id'; readonly text: string } | { readonly kind: 'num'; readonly value: number } | { readonly kind: 'op'; readonly text: string };

function tokenize(text: string, span: Span): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '`') {
      let name = '';
      i++;
      for (;;) {
        if (i >= text.length) throw patternError('Unclosed quoted identifier in PATTERN', span);
        if (text[i] === '`' && text[i + 1] === '`') (name += '`'), (i += 2);
        else if (text[i] === '`') break;
        else name += text[i++];
      }
      i++;
      tokens.push({ kind: 'id', text: name });
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i))![0];
      tokens.push({ kind: 'id', text: m });
      i += m.length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(text.slice(i))![0];
      tokens.push({ kind: 'num', value: Number(m) });
      i += m.length;
    } else if ('()|*+?{},^$-'.includes(c)) {
      tokens.push({ kind: 'op', text: c });
      i++;
    } else throw patternError(`Unexpected character '${c}' in PATTERN`, span);
  }
  return tokens;
}

function patternError(message: string, span: Span, hint?: string): SqlError {
  return new SqlError('INVALID_PATTERN', message, span, hint);
}

/** Recursive descent over Calcite's pattern grammar: alternation of sequences of quantified factors. */
function parse(tokens: Token[], span: Span): Node {
  let pos = 0;
  const peek = (text: string) => tokens[pos]?.kind === 'op' && (tokens[pos] as { text: string }).text === text;
  const expect = (text: string) => {
    if (!peek(text)) throw patternError(`Expected '${text}' in PATTERN`, span);
    pos++;
  };
  const num = (): number | undefined => {
    const t = tokens[pos];
    if (t?.kind !== 'num') return undefined;
    pos++;
    return t.value;
  };
  const alternation = (): Node => {
    const items = [sequence()];
    while (peek('|')) {
      pos++;
      items.push(sequence());
    }
    return items.length === 1 ? items[0]! : { kind: 'alt', items };
  };
  const sequence = (): Node => {
    const items: Node[] = [];
    while (pos < tokens.length && !peek('|') && !peek(')') && !peek(',') && !(peek('-') && tokens[pos + 1]?.kind === 'op')) items.push(factor());
    if (items.length === 0) throw patternError('Empty pattern', span);
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  };
  const factor = (): Node => {
    const item = primary();
    let min: number;
    let max: number;
    if (peek('*')) (min = 0), (max = -1), pos++;
    else if (peek('+')) (min = 1), (max = -1), pos++;
    else if (peek('?')) (min = 0), (max = 1), pos++;
    else if (peek('{') && !(tokens[pos + 1]?.kind === 'op' && (tokens[pos + 1] as { text: string }).text === '-')) {
      pos++;
      const lo = num();
      if (peek(',')) {
        pos++;
        const hi = num();
        min = lo ?? 0;
        max = hi ?? -1;
        if (lo === undefined && hi === undefined) throw patternError('A {,} quantifier needs a bound', span);
      } else {
        if (lo === undefined) throw patternError('Expected a number in the {…} quantifier', span);
        min = max = lo;
      }
      expect('}');
      if (max !== -1 && max < min) throw patternError(`Invalid quantifier {${min}, ${max}}: the upper bound is below the lower bound`, span);
    } else return item;
    const reluctant = peek('?');
    if (reluctant) pos++;
    return { kind: 'quant', item, min, max, reluctant };
  };
  const primary = (): Node => {
    const t = tokens[pos];
    if (!t) throw patternError('Unexpected end of PATTERN', span);
    if (t.kind === 'id' && t.text.toUpperCase() === 'PERMUTE' && peekAt(tokens, pos + 1, '(')) {
      pos += 2;
      let depth = 1;
      while (pos < tokens.length && depth > 0) {
        if (peek('(')) depth++;
        if (peek(')')) depth--;
        pos++;
      }
      return { kind: 'permute' };
    }
    if (t.kind === 'id') {
      pos++;
      return { kind: 'var', name: t.text };
    }
    if (peek('(')) {
      pos++;
      const inner = alternation();
      expect(')');
      return inner;
    }
    if (peek('{') && peekAt(tokens, pos + 1, '-')) {
      pos += 2;
      alternation();
      expect('-');
      expect('}');
      return { kind: 'exclude' };
    }
    if (peek('^') || peek('$')) {
      pos++;
      return { kind: 'anchor' };
    }
    throw patternError(`Unexpected '${t.kind === 'num' ? t.value : t.text}' in PATTERN`, span);
  };
  const node = alternation();
  if (pos < tokens.length) throw patternError('Unexpected text after the pattern', span);
  return node;
}

function peekAt(tokens: Token[], i: number, text: string): boolean {
  const t = tokens[i];
  return t?.kind === 'op' && t.text === text;
}

/** The variables of a pattern in order, flattening plain groups as Calcite does. */
function flatten(node: Node, out: PatternElement[], span: Span): void {
  switch (node.kind) {
    case 'var':
      out.push({ name: node.name, min: 1, max: 1, reluctant: false, quantified: false });
      return;
    case 'seq':
      node.items.forEach((n) => flatten(n, out, span));
      return;
    case 'quant':
      if (node.item.kind !== 'var') throw patternError('Group patterns are not supported yet.', span, 'Quantifiers apply to single pattern variables in Flink.');
      out.push({ name: node.item.name, min: node.min, max: node.max, reluctant: node.reluctant, quantified: true });
      return;
    case 'alt':
      throw patternError("Currently, CEP doesn't support branching patterns.", span, 'Alternations (A | B) are not supported by Flink.');
    case 'permute':
      throw patternError("Currently, CEP doesn't support PERMUTE patterns.", span);
    case 'exclude':
      throw patternError("Currently, CEP doesn't support '{-' '-}' patterns.", span);
    case 'anchor':
      throw patternError('Anchors (^, $) are not supported in streaming patterns.', span);
  }
}

/** The pattern's variable names (every one, in order) without checking what Flink can run. */
export function patternVariables(text: string, span: Span): string[] {
  const names: string[] = [];
  const visit = (n: Node) => {
    if (n.kind === 'var') names.push(n.name);
    else if (n.kind === 'seq' || n.kind === 'alt') n.items.forEach(visit);
    else if (n.kind === 'quant') visit(n.item);
  };
  visit(parse(tokenize(text, span), span));
  return names;
}

/**
 * Checks what Flink's CEP translation accepts (the checks of its exec node, in its order) and
 * returns the elements of the flat pattern.
 */
export function checkPattern(text: string, span: Span): PatternElement[] {
  const elements: PatternElement[] = [];
  flatten(parse(tokenize(text, span), span), elements, span);
  const seen = new Set<string>();
  for (const e of elements) {
    if (seen.has(e.name)) throw patternError('Pattern variables must be unique. That might change in the future.', span);
    seen.add(e.name);
    if (e.reluctant && e.min === 0 && e.max === 1) throw patternError('Reluctant optional variables are not supported yet.', span);
  }
  if (elements.every((e) => e.min === 0)) {
    throw patternError('Patterns that can produce empty matches are not supported. There must be at least one non-optional state.', span);
  }
  const last = elements[elements.length - 1]!;
  if (isGreedy(last)) {
    throw patternError('Greedy quantifiers are not allowed as the last element of a Pattern yet. Finish your pattern with either a simple variable or reluctant quantifier.', span,
      'Add a final variable with the negated condition, or make the quantifier reluctant (e.g. B*?).');
  }
  return elements;
}

/** CEP marks a quantifier greedy unless it is reluctant, optional (`?`) or a fixed count. */
function isGreedy(e: PatternElement): boolean {
  return e.quantified && !e.reluctant && !(e.min === 0 && e.max === 1) && e.min !== e.max;
}

/** The pattern as Flink's plans print it: `((_UTF-16LE'A', PATTERN_QUANTIFIER(_UTF-16LE'B', 0, -1, false)), _UTF-16LE'C')`. */
export function patternToString(elements: readonly PatternElement[]): string {
  const item = (e: PatternElement) => {
    const name = `_UTF-16LE'${e.name.replace(/'/g, "''")}'`;
    return e.quantified ? `PATTERN_QUANTIFIER(${name}, ${e.min}, ${e.max}, ${e.reluctant})` : name;
  };
  return elements.slice(1).reduce((acc, e) => `(${acc}, ${item(e)})`, item(elements[0]!));
}
