import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Step } from './helpers/scripted-connector.js';
import { materialize } from './helpers/materialize.js';
import { runScripted, savepointOf, type ScriptedRunOptions } from './helpers/scripted-run.js';

const STEPS: Step[] = [{ rows: [['a', 1], ['b', 2]] }, { rows: [['a', 3]] }, { rows: [['c', 4], ['a', 5]] }, { rows: [['b', 6]] }];

const source = "CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');\n";
const SUMS = `${source}SELECT k, SUM(v) FROM s GROUP BY k;`;

const run = (sql: string, options: ScriptedRunOptions) => runScripted(sql, STEPS, options);

describe('restoring savepoints and retained checkpoints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weir-restore-'));

  it('a savepoint copied elsewhere restores: the job continues exactly where it stopped', async () => {
    const first = await run(SUMS, { sets: { 'state.savepoints.dir': join(dir, 'sp') }, stopAfter: 3 });
    expect(first.code).toBe(0);
    const savepoint = savepointOf(first)!;
    expect(existsSync(join(savepoint, '_metadata'))).toBe(true);
    const moved = join(dir, 'moved');
    cpSync(savepoint, moved, { recursive: true });
    rmSync(savepoint, { recursive: true });
    const second = await run(SUMS, { restore: { path: moved, allowNonRestoredState: false }, stopAfter: 5, stop: async (r) => r.cancel() });
    // +I[a, 1] +I[b, 2] -U/+U a → 4 … then c, a → 9, b → 8: the sums go on from the restored state.
    expect([...first.stdout, ...second.stdout]).toEqual(['+I[a, 1]', '+I[b, 2]', '-U[a, 1]', '+U[a, 4]', '+I[c, 4]', '-U[a, 4]', '+U[a, 9]', '-U[b, 2]', '+U[b, 8]']);
  });

  it('a restore at another parallelism gives each subtask the key groups it now owns', async () => {
    const first = await run(SUMS, { sets: { 'state.savepoints.dir': join(dir, 'sp-rescale') }, stopAfter: 3 });
    let aggregates = 0;
    const second = await run(SUMS, {
      sets: { 'parallelism.default': '2' },
      restore: { path: savepointOf(first)!, allowNonRestoredState: false },
      stopAfter: 5,
      stop: async (r) => r.cancel(),
      onJobStarted: (r) => void (aggregates = r.dag.vertices.filter((v) => v.operator.name === 'GroupAggregate[2]').length),
    });
    expect(aggregates).toBe(2);
    // Both subtasks continue their keys' sums (a and b may now live on different subtasks).
    expect([...second.stdout].sort()).toEqual(['+I[c, 4]', '+U[a, 9]', '+U[b, 8]', '-U[a, 4]', '-U[b, 2]']);
    // And back from parallelism 2 to 1: together the runs end with every key's full sum.
    const third = await run(SUMS, { sets: { 'parallelism.default': '2', 'state.savepoints.dir': join(dir, 'sp-rescale2') }, stopAfter: 4 });
    const fourth = await run(SUMS, { restore: { path: savepointOf(third)!, allowNonRestoredState: false }, stopAfter: 9 - third.stdout.length, stop: async (r) => r.cancel() });
    expect(materialize([...third.stdout, ...fourth.stdout])).toEqual(['a, 9', 'b, 8', 'c, 4']);
  });

  it('a changed aggregate fails the restore, naming the operator and both versions', async () => {
    const first = await run(SUMS, { sets: { 'state.savepoints.dir': join(dir, 'sp2') }, stopAfter: 2 });
    const changed = await run(`${source}SELECT k, MAX(v) FROM s GROUP BY k;`, { restore: { path: savepointOf(first)!, allowNonRestoredState: false } });
    expect(changed.code).toBe(1);
    const err = changed.stderr.join('\n');
    expect(err).toContain('Operator GroupAggregate[2] cannot restore its state: the query changed it.');
    expect(err).toContain('was: GroupAggregate(groupBy=[k], select=[k, SUM(v) AS EXPR$1])');
    expect(err).toContain('now: GroupAggregate(groupBy=[k], select=[k, MAX(v) AS EXPR$1])');
  });

  it('state the new query has no operator for fails the restore, or is skipped with --allow-non-restored-state', async () => {
    const first = await run(SUMS, { sets: { 'state.savepoints.dir': join(dir, 'sp3') }, stopAfter: 2 });
    const savepoint = savepointOf(first)!;
    const stateless = `${source}SELECT k, v * 10 FROM s;`;
    const refused = await run(stateless, { restore: { path: savepoint, allowNonRestoredState: false } });
    expect(refused.code).toBe(1);
    expect(refused.stderr.join('\n')).toContain('Cannot map checkpoint/savepoint state for operator GroupAggregate[2] to the new program, because the operator is not available in the new program.');
    expect(refused.stderr.join('\n')).toContain('--allow-non-restored-state');
    const allowed = await run(stateless, { restore: { path: savepoint, allowNonRestoredState: true }, stopAfter: 4, stop: async (r) => r.cancel() });
    // The source goes on after the rows the savepoint covered (a 1, b 2).
    expect(allowed.stdout).toEqual(['+I[a, 30]', '+I[c, 40]', '+I[a, 50]', '+I[b, 60]']);
  });

  it('a retained checkpoint directory restores like a savepoint (Flink -s)', async () => {
    const checkpoints = join(dir, 'chk');
    const sets = { 'execution.checkpointing.interval': '20 ms', 'state.checkpoints.dir': checkpoints, 'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION' };
    const first = await run(SUMS, {
      sets, stopAfter: 2,
      stop: async (r) => {
        await r.checkpoints.trigger('CHECKPOINT');
        r.cancel();
      },
    });
    expect(first.code).toBe(130);
    const [job] = readdirSync(checkpoints);
    const chk = readdirSync(join(checkpoints, job!)).filter((d) => d.startsWith('chk-')).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4))).at(-1)!;
    const second = await run(SUMS, { restore: { path: join(checkpoints, job!, chk, '_metadata'), allowNonRestoredState: false }, stopAfter: 1, stop: async (r) => r.cancel() });
    expect(second.code).toBe(130);
    expect(second.stdout[0]).toMatch(/^-U\[a, 1\]$|^\+I\[c, 4\]$/);
  });

  it('a path without _metadata fails with Flink\'s message', async () => {
    const r = await run(SUMS, { restore: { path: join(dir, 'nowhere'), allowNonRestoredState: false } });
    expect(r.code).toBe(1);
    expect(r.stderr.join('\n')).toContain("Cannot find meta data file '_metadata' in directory");
  });
});
