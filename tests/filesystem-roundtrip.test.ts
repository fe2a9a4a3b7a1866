import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';

const dir = mkdtempSync(join(tmpdir(), 'weir-fs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(sql: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runScript(sql, new Session(), { mode: 'run', fileName: 'job.sql', queryOutput: 'print', io: { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) } });
  return { code, stdout, stderr };
}

describe('filesystem sink → source round trip', () => {
  it('writes partitioned JSON part files that a later job reads back', async () => {
    const r = await run(`
      CREATE TABLE gen (id INT, city STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '6',
        'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '6', 'fields.city.length' = '1');
      CREATE TABLE lake (id INT, city STRING, part STRING) PARTITIONED BY (part)
        WITH ('connector' = 'filesystem', 'path' = '${dir}', 'format' = 'json');
      INSERT INTO lake SELECT id, city, CASE WHEN id % 2 = 0 THEN 'even' ELSE 'odd' END FROM gen;
      SELECT id, part FROM lake;
    `);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect([...r.stdout].sort()).toEqual(['+I[1, odd]', '+I[2, even]', '+I[3, odd]', '+I[4, even]', '+I[5, odd]', '+I[6, even]']);
    expect(readdirSync(dir).sort()).toEqual(['part=even', 'part=odd']);
    // Only committed part files remain: no hidden in-progress files.
    for (const p of readdirSync(dir)) for (const f of readdirSync(join(dir, p))) expect(f).toMatch(/^part-/);
  });

  it('a failing job leaves no visible part files', async () => {
    const out = join(dir, 'failed');
    const r = await run(`
      CREATE TABLE gen (s STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '5', 'fields.s.length' = '3');
      CREATE TABLE sink (n INT) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
      INSERT INTO sink SELECT CAST(CONCAT('x', s) AS INT) FROM gen;
    `);
    expect(r.code).toBe(1);
    expect(r.stderr.join('\n')).toContain('job failed');
    const files = (() => {
      try {
        return readdirSync(out);
      } catch {
        return [];
      }
    })();
    expect(files.filter((f) => !f.startsWith('.'))).toEqual([]);
  });
});
