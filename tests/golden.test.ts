import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { goldenConnector } from './golden/golden-connector.js';
import { parseGoldenFile, type GoldenCase } from './golden/golden-file.js';

const ROOT = join(import.meta.dirname, 'sql');
const UPDATE = process.env['WEIR_GOLDEN_UPDATE'] === '1';
/** Golden cases run at a fixed instant so CURRENT_TIMESTAMP & co. are reproducible. */
const FIXED_NOW = Date.UTC(2024, 0, 15, 10, 30, 0, 123);

function goldenFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return goldenFiles(path);
    return name.endsWith('.golden') ? [path] : [];
  });
}

export async function runGoldenCase(c: GoldenCase): Promise<{ stdout: string[]; stderr: string[]; code: number }> {
  let session!: Session;
  const connector = goldenConnector(c.inputs, () => session.functions());
  session = new Session({ baseDir: dirname(c.file), clock: () => FIXED_NOW, registry: { connectors: new Map([['golden', connector]]), formats: new Map() } });
  session.config.set('table.local-time-zone', 'UTC');
  for (const [k, v] of c.sets) session.config.set(k, v);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runScript(c.sql, session, {
    mode: 'run',
    fileName: 'case.sql',
    queryOutput: 'print',
    warnings: false,
    io: { stdout: (l) => stdout.push(...l.split('\n')), stderr: (l) => stderr.push(...l.split('\n')) },
  });
  return { stdout, stderr, code };
}

const rewrites = new Map<string, { line: number; count: number; lines: string[] }[]>();

for (const file of goldenFiles(ROOT)) {
  const cases = parseGoldenFile(readFileSync(file, 'utf8'), file);
  describe(relative(ROOT, file), () => {
    for (const c of cases) {
      (c.skip ? it.skip : it)(c.skip ? `${c.name} (skipped: ${c.skip})` : c.name, async () => {
        const { stdout, stderr: all, code } = await runGoldenCase(c);
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
