import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGoldenFile } from './golden/golden-file.js';
import { runGoldenCase, type GoldenMode } from './golden/golden-run.js';

const ROOT = join(import.meta.dirname, 'sql');
const UPDATE = process.env['WEIR_GOLDEN_UPDATE'] === '1';
const rewrites = new Map<string, { line: number; count: number; lines: string[] }[]>();
/** Every case runs straight; the other ways must print the same (not while rewriting expectations). */
const MODES: readonly GoldenMode[] = UPDATE ? ['straight'] : ['straight', 'checkpoints', 'savepoint'];

function goldenFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return goldenFiles(path);
    return name.endsWith('.golden') ? [path] : [];
  });
}

for (const file of goldenFiles(ROOT)) {
  const cases = parseGoldenFile(readFileSync(file, 'utf8'), file);
  describe(relative(ROOT, file), () => {
    for (const c of cases) for (const mode of MODES) {
      const name = mode === 'straight' ? c.name : `${c.name} [${mode}]`;
      (c.skip ? it.skip : it)(c.skip ? `${name} (skipped: ${c.skip})` : name, async () => {
        const { stdout, stderr: all, code } = await runGoldenCase(c, mode);
        // Late-record reports are information, not errors; `--- late N` checks their total.
        const LATE = /dropped (\d+) late record/;
        const stderr = all.filter((l) => !LATE.test(l));
        const late = all.reduce((n, l) => n + Number(LATE.exec(l)?.[1] ?? 0), 0);
        if (c.late !== undefined) expect(late, 'late records dropped').toBe(c.late);
        if (c.error) {
          expect(code, `expected an error, got output:\n${stdout.join('\n')}`).toBe(1);
          const all = stderr.join('\n');
          expect(all).toContain(c.error.text);
          if (c.error.at) expect(all).toContain(`case.sql:${c.error.at}:`);
          return;
        }
        expect(stderr.join('\n'), 'unexpected error').toBe('');
        const actual = c.output!.unordered ? [...stdout].sort() : stdout;
        const expected = c.output!.unordered ? [...c.output!.lines].sort() : c.output!.lines;
        if (UPDATE && actual.join('\n') !== expected.join('\n')) {
          const list = rewrites.get(file) ?? [];
          list.push({ line: c.output!.line, count: c.output!.lines.length, lines: stdout });
          rewrites.set(file, list);
          return;
        }
        expect(actual.join('\n')).toBe(expected.join('\n'));
      });
    }
  });
}

if (UPDATE) {
  describe('rewrite golden files', () => {
    it('writes updated expectations', () => {
      for (const [file, list] of rewrites) {
        const lines = readFileSync(file, 'utf8').split('\n');
        for (const r of list.sort((a, b) => b.line - a.line)) lines.splice(r.line, r.count, ...r.lines);
        writeFileSync(file, lines.join('\n'));
      }
    });
  });
}
