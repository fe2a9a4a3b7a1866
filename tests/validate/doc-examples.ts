import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DocExample {
  readonly page: string;
  readonly title: string;
  /** The setup (text before the first example) followed by the example, line numbers kept. */
  readonly sql: string;
}

const MARKER = /^-- example: (.+)$/;

/**
 * Splits a page file into examples. Text before the first `-- example:` line is a setup shared
 * by every example of the page; each example runs as its own script: setup + example.
 */
export function parseDocPage(page: string, text: string): DocExample[] {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => MARKER.test(l));
  if (first < 0) throw new Error(`${page}: no '-- example:' line`);
  const setup = lines.slice(0, first);
  const examples: DocExample[] = [];
  let start = first;
  for (let i = first + 1; i <= lines.length; i++) {
    if (i < lines.length && !MARKER.test(lines[i]!)) continue;
    const title = MARKER.exec(lines[start]!)![1]!.trim();
    const body = lines.slice(start + 1, i);
    examples.push({ page, title, sql: [...setup, ...body].join('\n') });
    start = i;
  }
  return examples;
}

export function loadDocExamples(dir: string): DocExample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) => parseDocPage(f.replace(/\.sql$/, ''), readFileSync(join(dir, f), 'utf8')));
}
