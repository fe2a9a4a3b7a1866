import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';

function script(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'weir-cli-'));
  const file = join(dir, 'job.sql');
  writeFileSync(file, text);
  return file;
}

async function weir(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

const PRINT_JOB = `CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');
CREATE TABLE out (id INT, doubled INT) WITH ('connector' = 'print', 'print-identifier' = 'out');
INSERT INTO out SELECT id, id * 2 FROM src WHERE id <> 2;
`;

describe('weir run', () => {
  it('runs an INSERT job to completion and exits 0', async () => {
    const r = await weir('run', script(PRINT_JOB));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('out> +I[1, 2]\nout> +I[3, 6]');
  });

  it('prints a top-level SELECT as a tableau table with an op column', async () => {
    const r = await weir('run', script(`SELECT 1 AS a, 'x' AS b;`));
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '+----+-------------+--------+',
      '| op |           a |      b |',
      '+----+-------------+--------+',
      '| +I |           1 |      x |',
      '+----+-------------+--------+',
      'Received a total of 1 row',
    ]);
  });

  it('applies --set options', async () => {
    const r = await weir('run', script(`SELECT CAST(TO_TIMESTAMP_LTZ(0, 0) AS STRING);`), '--set', 'table.local-time-zone=Asia/Shanghai');
    expect(r.stdout).toContain('1970-01-01 08:00:00');
  });

  it('stops at the first failing statement with a positioned diagnostic and exit code 1', async () => {
    const file = script(`CREATE TABLE t (a INT) WITH ('connector' = 'datagen');\nSELECT b FROM t;\nSELECT 1;\n`);
    const r = await weir('run', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${file}:2:8: error: Column 'b' not found in table 't'; did you mean 'a'?\n    SELECT b FROM t;\n           ^`);
    expect(r.stdout).toBe('');
  });

  it('reports a missing file', async () => {
    const r = await weir('run', '/nonexistent/job.sql');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/nonexistent/job.sql: error: cannot read script: no such file');
  });

  it('restores with --from-savepoint PATH (also -s and --from-savepoint=PATH, as Flink\'s CLI)', async () => {
    // `file:/…` is how weir (and Flink) print a savepoint's path: it can be passed back as it is.
    for (const args of [['--from-savepoint', '/nowhere/sp'], ['-s', 'file:/nowhere/sp'], ['--from-savepoint=file:///nowhere/sp', '-n']]) {
      const r = await weir('run', script(PRINT_JOB), ...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Cannot find meta data file '_metadata' in directory '/nowhere/sp'");
    }
  });

  it('rejects --from-savepoint without a path and --allow-non-restored-state without --from-savepoint', async () => {
    const missing = await weir('run', script('SELECT 1;'), '--from-savepoint');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--from-savepoint expects a value');
    const alone = await weir('run', script('SELECT 1;'), '--allow-non-restored-state');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--allow-non-restored-state goes with --from-savepoint PATH');
  });

  it('rejects a bad --set with a usage error', async () => {
    const r = await weir('run', script('SELECT 1;'), '--set', 'novalue');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--set expects key=value');
  });
});

describe('weir validate', () => {
  it('exits 0 for a valid script without running it', async () => {
    const r = await weir('validate', script(PRINT_JOB));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('reports every independent error with file:line:col', async () => {
    const file = script(`CREATE TABLE t (a INT) WITH ('connector' = 'datagen');\nSELECT b FROM t;\nSELECT a FROM nosuch;\nSELECT UPPER(a, 1) FROM t;\n`);
    const r = await weir('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2:8: error: Column 'b' not found`);
    expect(r.stderr).toContain(`${file}:3:15: error: Object 'nosuch' not found`);
    expect(r.stderr).toContain(`${file}:4:8: error:`);
  });

  it('reports parse errors before planning', async () => {
    const file = script(`SELECT a, b FORM t;\nSELECT 1 +;\n`);
    const r = await weir('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:1:13: error:`);
    expect(r.stderr).toContain(`${file}:2:`);
  });

  it('warns about names Apache Flink reserves but still validates', async () => {
    const file = script(`CREATE TABLE t (\`value\` INT, year INT) WITH ('connector' = 'datagen');\n`);
    const r = await weir('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${file}:1:30: warning: 'year' is a reserved word in Apache Flink SQL`);
  });
});

describe('weir explain', () => {
  it('prints the plan of each job', async () => {
    const r = await weir('explain', script(PRINT_JOB));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sink(table=[default_catalog.default_database.out], fields=[id, EXPR$1], changelogMode=[NONE])');
    expect(r.stdout).toContain('Calc(select=[id, *(id, 2) AS EXPR$1], where=[<>(id, 2)], changelogMode=[I])');
  });
});

describe('the weir executable', () => {
  it('runs through bin/weir.js (built by npm prepare)', () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: join(import.meta.dirname, '../..'), stdio: 'ignore' });
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/weir.js'), 'run', script(PRINT_JOB)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('out> +I[1, 2]\nout> +I[3, 6]\n');
    const help = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/weir.js'), 'bogus'], { encoding: 'utf8' });
    expect(help.status).toBe(2);
    expect(help.stderr).toContain("unknown command 'bogus'");
  }, 60_000);

  it('cancels an unbounded job on Ctrl-C and exits 130', async () => {
    const file = script(`CREATE TABLE s (id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');\nCREATE TABLE p (id INT) WITH ('connector' = 'print');\nINSERT INTO p SELECT id FROM s;\n`);
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/weir.js'), 'run', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('the job was cancelled');
  }, 60_000);
});

describe('weir bench', () => {
  it('rejects an unknown suite, query or option with usage (exit 2)', async () => {
    expect((await weir('bench', 'tpch')).stderr).toContain("weir bench runs 'nexmark', not 'tpch'");
    const q = await weir('bench', 'nexmark', '--queries', 'q1,q6');
    expect(q.code).toBe(2);
    expect(q.stderr).toContain('unknown Nexmark query q6');
    expect((await weir('bench', 'nexmark', '--events', '-5')).stderr).toContain("--events expects a positive integer, got '-5'");
    expect((await weir('bench', 'nexmark', '--fast', 'yes')).stderr).toContain("unexpected '--fast'");
  });
});
