import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { queryScript } from '../src/bench/nexmark/query-script.js';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';

/**
 * Every Nexmark query file in bench/nexmark/queries plans and runs on weir over the `nexmark`
 * connector: the script is built as the benchmark runner builds it (bench/nexmark/ddl.sql with
 * {{rate}}, {{events}}, {{seed}} filled in, then the query with {{output}}, {{data}}, {{udf}}),
 * and must end with exit code 0 and nothing on stderr but late-record reports. Results are
 * checked against DuckDB by tests/nexmark-correctness.test.ts.
 */
const SUITE = join(import.meta.dirname, '..', 'bench', 'nexmark');
const QUERIES = join(SUITE, 'queries');

/** The plain JavaScript modules of the suite (untyped: loaded by URL). */
const { sideInputCsv } = (await import(pathToFileURL(join(SUITE, 'data', 'gen-side-input.mjs')).href)) as { sideInputCsv: () => string };
const countChar = (await import(pathToFileURL(join(SUITE, 'udf', 'count-char.js')).href)) as { returns: string; evaluate: (s: string | null, c: string | null) => bigint | null };

const out = mkdtempSync(join(tmpdir(), 'weir-nexmark-queries-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const queryFiles = readdirSync(QUERIES)
  .filter((f) => /^q\d+\.sql$/.test(f))
  .sort((a, b) => Number(a.slice(1, -4)) - Number(b.slice(1, -4)));

async function run(query: string, parallelism: number): Promise<{ code: number; errors: string[]; output: string }> {
  const output = join(out, `${query}-p${parallelism}`);
  // 3,000 events 10 ms apart: 30 s of event time, so windows, sessions and auctions close.
  const script = await queryScript(query, { suite: SUITE, output }, { events: 3000, seed: 1, rate: 100, parallelism });
  expect(script).not.toMatch(/\{\{\w+\}\}/);
  const session = new Session();
  session.config.set('table.local-time-zone', 'UTC');
  const stderr: string[] = [];
  const code = await runScript(script, session, {
    mode: 'run',
    fileName: `${query}.sql`,
    warnings: false,
    io: { stdout: () => {}, stderr: (l) => stderr.push(l) },
  });
  return { code, errors: stderr.filter((l) => !/dropped \d+ late record/.test(l)), output };
}

describe('Nexmark query files', () => {
  it('are q0–q22 without q6, each with its blackhole sink (q10: filesystem) and one INSERT', () => {
    const expected = Array.from({ length: 23 }, (_, i) => `q${i}.sql`).filter((f) => f !== 'q6.sql');
    expect(queryFiles).toEqual(expected);
    for (const file of queryFiles) {
      const q = file.slice(0, -4);
      const text = readFileSync(join(QUERIES, file), 'utf8');
      expect(text).toContain(`CREATE TABLE nexmark_${q} (`);
      expect(text.match(/INSERT INTO/g)).toEqual([`INSERT INTO`]);
      expect(text).toContain(`INSERT INTO nexmark_${q}\n`);
      expect(text).toContain(q === 'q10' ? `'connector' = 'filesystem'` : `'connector' = 'blackhole'`);
    }
  });

  it('side-input.csv is what gen-side-input.mjs writes: keys 0..9999', () => {
    expect(readFileSync(join(SUITE, 'data', 'side-input.csv'), 'utf8')).toBe(sideInputCsv());
    const lines = sideInputCsv().trimEnd().split('\n');
    expect(lines).toHaveLength(10_000);
    expect(lines[0]).toBe('0,0');
    expect(lines[9999]).toBe('9999,9999');
  });

  it('count_char counts the first character of its second argument', () => {
    expect(countChar.returns).toBe('BIGINT');
    expect(countChar.evaluate('abcabcc', 'c')).toBe(3n);
    expect(countChar.evaluate('abc', 'cx')).toBe(1n);
    expect(countChar.evaluate('', 'c')).toBe(0n);
    expect(countChar.evaluate(null, 'c')).toBe(0n);
    expect(countChar.evaluate('abc', null)).toBe(null);
  });

  for (const file of queryFiles) {
    const q = file.slice(0, -4);
    for (const parallelism of [1, 2]) {
      it(`${q} plans and runs (parallelism ${parallelism})`, async () => {
        const r = await run(q, parallelism);
        expect(r.errors.join('\n')).toBe('');
        expect(r.code).toBe(0);
        if (q === 'q10') {
          // Partitioned by day and minute: dt=2015-07-15/hm=00%3A00 (':' escaped as in Flink).
          const days = readdirSync(join(r.output, 'q10'));
          expect(days).toEqual(['dt=2015-07-15']);
          expect(readdirSync(join(r.output, 'q10', days[0]!))).toEqual(['hm=00%3A00']);
        }
      });
    }
  }
});
