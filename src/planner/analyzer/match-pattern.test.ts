import { describe, expect, it } from 'vitest';
import { checkPattern, patternToString, patternVariables } from './match-pattern.js';

const span = { start: { offset: 0, line: 1, col: 1 }, end: { offset: 0, line: 1, col: 1 } };
const show = (text: string) => patternToString(checkPattern(text, span));

describe('MATCH_RECOGNIZE patterns', () => {
  it('renders quantifiers as Flink prints them', () => {
    expect(show('A')).toBe("_UTF-16LE'A'");
    expect(show('A B* C')).toBe("((_UTF-16LE'A', PATTERN_QUANTIFIER(_UTF-16LE'B', 0, -1, false)), _UTF-16LE'C')");
    expect(show('A+? B{2,6} C{,3}? D{2,}? E? F{4}')).toBe(
      "(((((PATTERN_QUANTIFIER(_UTF-16LE'A', 1, -1, true), PATTERN_QUANTIFIER(_UTF-16LE'B', 2, 6, false)), PATTERN_QUANTIFIER(_UTF-16LE'C', 0, 3, true)), " +
        "PATTERN_QUANTIFIER(_UTF-16LE'D', 2, -1, true)), PATTERN_QUANTIFIER(_UTF-16LE'E', 0, 1, false)), PATTERN_QUANTIFIER(_UTF-16LE'F', 4, 4, false))");
  });
  it('flattens plain groups and reads quoted names', () => {
    expect(checkPattern('(A B) `x y`', span).map((e) => e.name)).toEqual(['A', 'B', 'x y']);
    expect(patternVariables('(A | B) PERMUTE(C, D) E', span)).toEqual(['A', 'B', 'E']);
  });
  it('rejects what CEP cannot run', () => {
    expect(() => checkPattern('PERMUTE(A, B) C', span)).toThrow("doesn't support PERMUTE patterns");
    expect(() => checkPattern('A {- B -} C', span)).toThrow("doesn't support '{-' '-}' patterns");
    expect(() => checkPattern('A B+', span)).toThrow('Greedy quantifiers are not allowed as the last element');
    expect(() => checkPattern('A B?', span)).not.toThrow();
    expect(() => checkPattern('A B{3}', span)).not.toThrow();
    expect(() => checkPattern('A B{3,2}', span)).toThrow('upper bound is below the lower bound');
    expect(() => checkPattern('A (B', span)).toThrow("Expected ')'");
  });
});
