import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../../../session/script-runner.js';
import { Session } from '../../../session/session.js';

// Golden cases cannot write files (a fixed path would collect every run's part files), so the
// write-then-read path through SQL is tested here, in a temporary directory.
const dir = mkdtempSync(join(tmpdir(), 'weir-debezium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


async function run(sql: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io = { stdout: (l: string) => stdout.push(...l.split('\n')), stderr: (l: string) => stderr.push(l) };
  const code = await runScript(sql, new Session(), { mode: 'run', fileName: 'job.sql', queryOutput: 'print', io });
  return { code, stdout, stderr };
}

function committedLines(path: string): string[] {
  return readdirSync(path)
    .filter((f) => f.startsWith('part-'))
    .flatMap((f) => readFileSync(join(path, f), 'utf8').split('\n'))
    .filter((l) => l !== '');
}

const GEN = `CREATE TABLE gen (v INT) WITH ('connector' = 'datagen', 'number-of-rows' = '4',
  'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '4');`;
const sinkTable = (path: string) => `CREATE TABLE sums (k STRING, n BIGINT, s INT)
  WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'debezium-json');`;
const PARITY = "CASE WHEN v % 2 = 0 THEN 'even' ELSE 'odd' END";

describe('debezium-json through the filesystem connector', () => {
  it("writes a GROUP BY query's changelog: an update is a delete of the old row and a create of the new", async () => {
    const out = join(dir, 'write');
    const r = await run(`${GEN}\n${sinkTable(out)}\nINSERT INTO sums SELECT ${PARITY}, COUNT(*), SUM(v) FROM gen GROUP BY ${PARITY};`);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(committedLines(out)).toEqual([
      '{"before":null,"after":{"k":"odd","n":1,"s":1},"op":"c"}',
      '{"before":null,"after":{"k":"even","n":1,"s":2},"op":"c"}',
      '{"before":{"k":"odd","n":1,"s":1},"after":null,"op":"d"}',
      '{"before":null,"after":{"k":"odd","n":2,"s":4},"op":"c"}',
      '{"before":{"k":"even","n":1,"s":2},"after":null,"op":"d"}',
      '{"before":null,"after":{"k":"even","n":2,"s":6},"op":"c"}',
    ]);
  });

  it('a second table reads the written changelog back and aggregates it', async () => {
    const out = join(dir, 'roundtrip');
    const w = await run(`${GEN}\n${sinkTable(out)}\nINSERT INTO sums SELECT ${PARITY}, COUNT(*), SUM(v) FROM gen GROUP BY ${PARITY};`);
    expect(w.stderr).toEqual([]);
    const r = await run(`${sinkTable(out)}\nSELECT * FROM sums;\nSELECT SUM(s) FROM sums;`);
    expect(r.stderr).toEqual([]);
    expect(r.stdout).toEqual([
      '+I[odd, 1, 1]',
      '+I[even, 1, 2]',
      '-D[odd, 1, 1]',
      '+I[odd, 2, 4]',
      '-D[even, 1, 2]',
      '+I[even, 2, 6]',
      '+I[1]',
      '-U[1]',
      '+U[3]',
      '-U[3]',
      '+U[2]',
      '-U[2]',
      '+U[6]',
      '-U[6]',
      '+U[4]',
      '-U[4]',
      '+U[10]',
    ]);
  });

  it('reads Debezium update events as -U/+U pairs', async () => {
    const path = join(dir, 'cdc');
    const w = await run(`
      CREATE TABLE raw_out (line STRING) WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'raw');
      INSERT INTO raw_out VALUES
        ('{"before":null,"after":{"id":1,"city":"Paris"},"op":"r"}'),
        ('{"before":null,"after":{"id":2,"city":"Paris"},"op":"c"}'),
        ('{"before":{"id":2,"city":"Paris"},"after":{"id":2,"city":"Rome"},"op":"u"}'),
        ('{"before":{"id":1,"city":"Paris"},"after":null,"op":"d"}');
    `);
    expect(w.stderr).toEqual([]);
    const r = await run(`
      CREATE TABLE users (id INT, city STRING) WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'debezium-json');
      SELECT * FROM users;
    `);
    expect(r.stderr).toEqual([]);
    expect(r.stdout).toEqual(['+I[1, Paris]', '+I[2, Paris]', '-U[2, Paris]', '+U[2, Rome]', '-D[1, Paris]']);
  });
});
