import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './helpers/built-cli.js';
import { materialize } from './helpers/materialize.js';

// Jobs at parallelism 2 run on two worker threads (the main thread coordinates); they must give
// the results of parallelism 1. Worker threads load compiled files, so this runs a built copy.
let cli: ReturnType<typeof buildCli>;
let data: string;

beforeAll(() => {
  cli = buildCli('weir-workers-');
  data = join(cli.work, 'orders');
  mkdirSync(data);
  // 4 files (split between the source's subtasks), 6,000 orders over 8 users and ~100 minutes.
  for (let f = 0; f < 4; f++) {
    const lines: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const n = f * 1500 + i;
      const ts = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString().replace('T', ' ').replace('Z', '');
      lines.push(`u${(n * 7) % 8},${(n % 13) + 1},${ts}`);
    }
    writeFileSync(join(data, `part-${f}.csv`), lines.join('\n') + '\n');
  }
}, 180_000);

afterAll(() => cli.remove());

const orders = () => `CREATE TABLE orders (u STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${data}', 'format' = 'csv');\n`;

function run(sql: string, parallelism: number, sets: string[] = []): { stdout: string[]; stderr: string; status: number | null } {
  const file = join(cli.work, `job-${Math.random().toString(36).slice(2)}.sql`);
  writeFileSync(file, sql);
  const args = [cli.entry, 'run', '--set', `parallelism.default=${parallelism}`, ...sets.flatMap((s) => ['--set', s]), file];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout.split('\n').filter((l) => l !== ''), stderr: r.stderr, status: r.status };
}

/** Print lines without the subtask prefix (`2> +I[…]`). */
const unprefixed = (lines: string[]) => lines.map((l) => l.replace(/^\d+> /, ''));

describe('worker threads', () => {
  const GROUP_BY = 'CREATE TABLE out1 (u STRING, c BIGINT, s BIGINT) WITH (\'connector\' = \'print\');\nINSERT INTO out1 SELECT u, COUNT(*), SUM(amount) FROM orders GROUP BY u;\n';

  it('runs a keyed aggregation on two threads with the results of one', () => {
    const one = run(orders() + GROUP_BY, 1);
    const two = run(orders() + GROUP_BY, 2);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(materialize(unprefixed(two.stdout))).toEqual(materialize(one.stdout));
    expect(materialize(one.stdout)).toHaveLength(8);
    // Both print subtasks wrote (Flink's `subtask>` prefix at parallelism > 1).
    expect(new Set(two.stdout.map((l) => l.slice(0, 3)))).toEqual(new Set(['1> ', '2> ']));
  });

  it('keeps results with the smallest exchange buffers (backpressure through credits)', () => {
    const two = run(orders() + GROUP_BY, 2, ['taskmanager.network.memory.buffers-per-channel=1', 'taskmanager.network.memory.floating-buffers-per-gate=1']);
    expect(two.status, two.stderr).toBe(0);
    expect(materialize(unprefixed(two.stdout))).toEqual(materialize(run(orders() + GROUP_BY, 1).stdout));
  });

  it('fires event-time windows from watermarks that cross threads', () => {
    const out = (p: number) => join(cli.work, `windows-p${p}`);
    const job = (p: number) => `${orders()}CREATE TABLE w (u STRING, window_start TIMESTAMP(3), c BIGINT, s BIGINT) WITH ('connector' = 'filesystem', 'path' = '${out(p)}', 'format' = 'csv');
      INSERT INTO w SELECT u, window_start, COUNT(*), SUM(amount) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' MINUTE)) GROUP BY u, window_start, window_end;\n`;
    const rows = (p: number) => readdirSync(out(p)).filter((f) => !f.startsWith('.')).flatMap((f) => readFileSync(join(out(p), f), 'utf8').split('\n').filter((l) => l !== '')).sort();
    for (const p of [1, 2]) expect(run(job(p), p).status).toBe(0);
    expect(rows(1).length).toBeGreaterThan(8);
    expect(rows(2)).toEqual(rows(1));
  });

  it('joins two keyed inputs across threads', () => {
    const sql = `${orders()}CREATE TABLE users (u STRING, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '8', 'fields.u.kind' = 'sequence', 'fields.u.start' = '0', 'fields.u.end' = '7', 'fields.name.length' = '1');
      CREATE TABLE j (u STRING, amount INT, c BIGINT) WITH ('connector' = 'print');
      INSERT INTO j SELECT o.u, o.amount, CHAR_LENGTH(x.name) FROM orders o JOIN (SELECT CONCAT('u', u) AS u, name FROM users) x ON o.u = x.u;\n`;
    const one = run(sql, 1);
    const two = run(sql, 2);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(materialize(one.stdout)).toHaveLength(6000);
    expect(materialize(unprefixed(two.stdout))).toEqual(materialize(one.stdout));
  });

  it('fails the job with the error of the thread that failed', () => {
    const sql = `${orders()}CREATE TABLE strict (u STRING, amount INT NOT NULL) WITH ('connector' = 'blackhole');
      INSERT INTO strict SELECT u, CASE WHEN amount = 13 THEN NULL ELSE amount END FROM orders;\n`;
    const two = run(sql, 2);
    expect(two.status).toBe(1);
    expect(two.stderr).toContain('NOT NULL');
    expect(two.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('checkpoints across worker threads', () => {
  // A paced sequence into 1-second windows, written exactly-once by the filesystem sink.
  const job = (out: string, checkpoints: string) => `SET 'execution.checkpointing.interval' = '50 ms';
    SET 'state.checkpoints.dir' = '${checkpoints}';
    CREATE TABLE src (id BIGINT, ts AS TO_TIMESTAMP_LTZ(id * 10, 3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
      'connector' = 'datagen', 'rows-per-second' = '20000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '40000');
    CREATE TABLE w (window_start TIMESTAMP_LTZ(3), c BIGINT, s BIGINT) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
    INSERT INTO w SELECT window_start, COUNT(*), SUM(id) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end;\n`;
  const committed = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.')).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l !== '')).sort();

  it('a checkpoint of two threads, taken mid-stream, restores at parallelism 1 and 3 with nothing lost or repeated', async () => {
    const straight = join(cli.work, 'straight');
    const file = join(cli.work, 'straight.sql');
    writeFileSync(file, job(straight, join(cli.work, 'chk-straight')));
    expect(spawnSync(process.execPath, [cli.entry, 'run', file], { encoding: 'utf8' }).status).toBe(0);
    const expected = committed(straight);
    expect(expected).toHaveLength(401);
    for (const p of [1, 3]) {
      const out = join(cli.work, `killed-${p}`);
      const checkpoints = join(cli.work, `chk-${p}`);
      const script = join(cli.work, `killed-${p}.sql`);
      writeFileSync(script, job(out, checkpoints));
      // Killed after some checkpoints completed (each records chunks in flight between the threads).
      const child = spawn(process.execPath, [cli.entry, 'run', '--set', 'parallelism.default=2', script], { stdio: 'ignore' });
      await until(() => latestCheckpoint(checkpoints) !== undefined && Number(/chk-(\d+)$/.exec(latestCheckpoint(checkpoints)!)![1]) >= 3);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      const r = spawnSync(process.execPath, [cli.entry, 'run', '--set', `parallelism.default=${p}`, '--from-savepoint', latestCheckpoint(checkpoints)!, script], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(committed(out)).toEqual(expected);
    }
  }, 60_000);
});

describe('stop-with-savepoint --drain on worker threads', () => {
  it('every thread\'s sources end with the final watermark: all windows fire before the savepoint', async () => {
    const file = join(cli.work, 'drain.sql');
    // Subtask 0 reads ids 1..200000 (event time < 20000 s), subtask 1 (worker 1) from
    // 200001: neither ends by itself within the test.
    writeFileSync(file, `CREATE TABLE src (id BIGINT, ts AS TO_TIMESTAMP_LTZ(id * 100, 3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
        'connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '400000');
      CREATE TABLE o (k BIGINT, ws TIMESTAMP_LTZ(3), c BIGINT) WITH ('connector' = 'print');
      INSERT INTO o SELECT id % 2, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY id % 2, window_start, window_end;\n`);
    const { child, get } = await runWithRest(file, 'pipe');
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      const { jobs } = await get('/jobs') as { jobs: { id: string }[] };
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await get(`/jobs/${jobs[0]!.id}/stop`, { targetDirectory: join(cli.work, 'drained'), drain: true });
      await exited;
    } finally {
      child.kill();
    }
    const savepoint = readdirSync(join(cli.work, 'drained'))[0]!;
    const metadata = JSON.parse(readFileSync(join(cli.work, 'drained', savepoint, '_metadata'), 'utf8')) as { sources: { subtasks: { position: { rowsEmitted: number } }[] }[] };
    const read = metadata.sources[0]!.subtasks.map((s) => s.position.rowsEmitted);
    // The windows of each half count every row its subtask read, the last (partial) window included.
    const counted = [0, 0];
    for (const line of stdout.split('\n').filter((l) => l !== '')) {
      const [, start, c] = /\[\d+, (.*), (\d+)\]/.exec(line)!;
      counted[Date.parse(start!) < 20_000_000 ? 0 : 1]! += Number(c);
    }
    expect(read[1]).toBeGreaterThan(0);
    expect(counted).toEqual(read);
  }, 30_000);
});

/** Starts `file` at parallelism 2 with the REST API on a free port; `get` reads it as JSON (POSTs `post` when given). */
async function runWithRest(file: string, stdout: 'ignore' | 'pipe' = 'ignore'): Promise<{ child: ChildProcess; get: (path: string, post?: unknown) => Promise<Record<string, unknown>> }> {
  const child = spawn(process.execPath, [cli.entry, 'run', '--set', 'parallelism.default=2', '--set', 'rest.port=0', file], { stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await until(() => /REST API at (\S+)/.test(stderr));
  const base = /REST API at (\S+)/.exec(stderr)![1]!;
  const request = (path: string, post: unknown) => (post === undefined ? fetch(base + path) : fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(post) }));
  return { child, get: async (path, post) => (await request(path, post)).json() as Promise<Record<string, unknown>> };
}

/** The newest completed checkpoint under `dir` (`<dir>/<job id>/chk-<n>` with its _metadata). */
function latestCheckpoint(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const all = readdirSync(dir).flatMap((job) => readdirSync(join(dir, job)).filter((c) => existsSync(join(dir, job, c, '_metadata'))).map((c) => join(dir, job, c)));
  return all.sort((a, b) => Number(/chk-(\d+)$/.exec(a)![1]) - Number(/chk-(\d+)$/.exec(b)![1])).at(-1);
}

/** Waits until `ok()`, running `poll` (if any) before each look. */
async function until(ok: () => boolean, poll?: () => Promise<void>): Promise<void> {
  for (;;) {
    await poll?.();
    if (ok()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('monitoring a job on worker threads', () => {
  it('the REST API shows every subtask, with the counters from the worker threads', async () => {
    const file = join(cli.work, 'rest.sql');
    writeFileSync(file, `CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '4000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '16000');
      CREATE TABLE o (k BIGINT, c BIGINT) WITH ('connector' = 'blackhole');
      INSERT INTO o SELECT id % 10, COUNT(*) FROM src GROUP BY id % 10;\n`);
    const { child, get } = await runWithRest(file);
    try {
      const { jobs } = await get('/jobs') as { jobs: { id: string }[] };
      const job = await get(`/jobs/${jobs[0]!.id}`) as { vertices: { id: string; name: string; parallelism: number }[] };
      expect(job.vertices.map((v) => v.parallelism)).toEqual(job.vertices.map(() => 2));
      const agg = job.vertices.find((v) => v.name.startsWith('GroupAggregate'))!;
      // Both subtasks run on worker threads: their records arrive through the main thread's mirror.
      let perSubtask: number[] = [];
      let bytes = 0;
      await until(() => perSubtask.length === 2 && perSubtask.every((n) => n > 0) && bytes > 0, async () => {
        const v = await get(`/jobs/${jobs[0]!.id}/vertices/${agg.id}`) as { subtasks: { metrics: { 'read-records': number; 'read-bytes': number } }[] };
        perSubtask = v.subtasks.map((s) => s.metrics['read-records']);
        // Half the keys cross threads, as encoded chunks (numBytesIn).
        bytes = v.subtasks.reduce((n, s) => n + s.metrics['read-bytes'], 0);
      });
    } finally {
      child.kill();
    }
  }, 30_000);

  it('a slow consumer on the other thread back-pressures the sources (Flink\'s backpressure endpoint)', async () => {
    // A count that takes 0.05 ms per row, at parallelism 1 on one worker thread: the other
    // thread's source sends faster than it counts and waits for credit.
    const slow = join(cli.work, 'slow-count.js');
    writeFileSync(slow, `export const kind = 'aggregate';
      export const returns = 'BIGINT';
      export function createAccumulator() { return { n: 0 }; }
      export function accumulate(acc) { const end = performance.now() + 0.05; while (performance.now() < end); acc.n++; }
      export function getValue(acc) { return acc.n; }\n`);
    const file = join(cli.work, 'backpressure.sql');
    writeFileSync(file, `CREATE FUNCTION slow_count AS '${slow}' LANGUAGE JAVASCRIPT;
      CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '1000000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '10000000');
      CREATE TABLE o (c BIGINT) WITH ('connector' = 'blackhole');
      INSERT INTO o SELECT slow_count(id) FROM src;\n`);
    const { child, get } = await runWithRest(file);
    try {
      const { jobs } = await get('/jobs') as { jobs: { id: string }[] };
      const job = await get(`/jobs/${jobs[0]!.id}`) as { vertices: { id: string; name: string }[] };
      const source = job.vertices.find((v) => v.name.startsWith('Source'))!;
      let level = 'ok';
      await until(() => level !== 'ok', async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        level = (await get(`/jobs/${jobs[0]!.id}/vertices/${source.id}/backpressure`))['backpressure-level'] as string;
      });
      const [metric] = await get(`/jobs/${jobs[0]!.id}/vertices/${source.id}/subtasks/metrics?get=backPressuredTimeMsPerSecond`) as unknown as { max: number }[];
      expect(metric!.max).toBeGreaterThan(100);
      expect(metric!.max).toBeLessThanOrEqual(1000);
    } finally {
      child.kill();
    }
  }, 30_000);
});
