import { describe, expect, it } from 'vitest';
import { BROKEN_CASES } from './broken-cases.js';
import { validateSql } from './validate-sql.js';

/**
 * Broken versions of Flink documentation examples: `weir validate` must fail and report the
 * mistake at the right `line:col` with a message naming it.
 */

/** Cases where weir's position differs from Flink's: name → why. Run with `it.fails`. */
export const KNOWN_GAPS: Readonly<Record<string, string>> = {};

describe('broken doc examples', () => {
  it('every known gap names a case', () => {
    const names = new Set(BROKEN_CASES.map((c) => c.name));
    expect(names.size).toBe(BROKEN_CASES.length);
    for (const gap of Object.keys(KNOWN_GAPS)) expect(names).toContain(gap);
  });

  for (const c of BROKEN_CASES) {
    const gap = KNOWN_GAPS[c.name];
    const run = gap === undefined ? it : it.fails;
    run(gap === undefined ? c.name : `${c.name} [known gap: ${gap}]`, async () => {
      const { code, stderr } = await validateSql(c.sql);
      expect(code).toBe(1);
      const first = stderr.split('\n').find((l) => l.includes(': error: ')) ?? '';
      expect(first, stderr).toMatch(new RegExp(`^case\\.sql:${c.at}: error: `));
      expect(stderr).toContain(c.message);
      // The snippet shows the offending source line with a caret under the column.
      const [line, col] = c.at.split(':').map(Number) as [number, number];
      const src = c.sql.split('\n')[line - 1]!;
      const lines = stderr.split('\n');
      const at = lines.findIndex((l) => l.endsWith(src.trimEnd()) && l.length > 0);
      expect(at, `source line ${line} not shown`).toBeGreaterThan(0);
      const indent = lines[at]!.length - src.trimEnd().length;
      expect(lines[at + 1]!.indexOf('^')).toBe(indent + col - 1);
    });
  }
});
