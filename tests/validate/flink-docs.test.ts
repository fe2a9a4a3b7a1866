import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocExamples, parseDocPage } from './doc-examples.js';
import { validateSql } from './validate-sql.js';

/**
 * `weir validate` must accept the SQL examples of Flink 1.20's documentation pages
 * (tests/validate/flink-docs/<page>.sql, one script per `-- example:` section).
 */
const DIR = join(import.meta.dirname, 'flink-docs');

/**
 * Examples weir rejects although Flink accepts them: `page/title` → why. They run with
 * `it.fails`, so a fix makes the suite fail until the entry is removed here.
 */
const LOOKUP = "needs a lookup source (Flink's LookupTableSource, e.g. jdbc; in weir filesystem); like Flink, weir rejects datagen here";

export const KNOWN_GAPS: Readonly<Record<string, string>> = {
  'joins/processing time temporal join': LOOKUP,
  'joins/lookup join': LOOKUP,
};

const examples = loadDocExamples(DIR);

describe('flink docs examples', () => {
  it('found the pages', () => {
    expect(new Set(examples.map((e) => e.page)).size).toBeGreaterThanOrEqual(15);
    const keys = new Set(examples.map((e) => `${e.page}/${e.title}`));
    expect(keys.size, 'example titles must be unique within a page').toBe(examples.length);
    for (const gap of Object.keys(KNOWN_GAPS)) expect(keys, `stale KNOWN_GAPS entry ${gap}`).toContain(gap);
  });

  for (const ex of examples) {
    const key = `${ex.page}/${ex.title}`;
    const gap = KNOWN_GAPS[key];
    const run = gap === undefined ? it : it.fails;
    run(gap === undefined ? key : `${key} [known gap: ${gap}]`, async () => {
      const { code, stderr } = await validateSql(ex.sql, `${ex.page}.sql`, DIR);
      expect(stderr).toBe('');
      expect(code).toBe(0);
    });
  }
});

describe('example splitter', () => {
  it('prepends the setup to each example and keeps titles', () => {
    const got = parseDocPage('p', 'CREATE x;\n-- example: a\nSELECT 1;\n-- example: b\nSELECT 2;\n');
    expect(got.map((e) => e.title)).toEqual(['a', 'b']);
    expect(got[0]!.sql).toBe('CREATE x;\nSELECT 1;');
    expect(got[1]!.sql).toBe('CREATE x;\nSELECT 2;\n');
  });
});
