/** A range in a source text. Offsets are UTF-16 indexes; line and column are 1-based. */
export interface Pos {
  readonly offset: number;
  readonly line: number;
  readonly col: number;
}

export interface Span {
  readonly start: Pos;
  readonly end: Pos;
}

export const NO_POS: Pos = { offset: 0, line: 1, col: 1 };
export const NO_SPAN: Span = { start: NO_POS, end: NO_POS };

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: a.start.offset <= b.start.offset ? a.start : b.start, end: a.end.offset >= b.end.offset ? a.end : b.end };
}
