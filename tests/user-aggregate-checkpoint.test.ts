import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Step } from './helpers/scripted-connector.js';
import { runScripted, savepointOf, type ScriptedRunOptions } from './helpers/scripted-run.js';

// User aggregates whose accumulators are class instances (docs/fault-tolerance.md).
const STEPS: Step[] = [{ rows: [['a', 1], ['b', 2]] }, { rows: [['a', 3]] }, { rows: [['c', 4], ['a', 5]] }, { rows: [['b', 6]] }];
const dir = mkdtempSync(join(tmpdir(), 'weir-udaf-checkpoint-'));
const module = (file: string, body: string) => {
  writeFileSync(join(dir, file), `export const kind = 'aggregate';\nexport const returns = 'INT';\n${body}`);
  return join(dir, file);
};
// The average, truncated; the accumulator is a class instance whose methods do the work.
const AVG = module('avg.js', `class Acc {
  constructor() { this.sum = 0; this.n = 0; }
  add(v) { this.sum += v; this.n++; }
  remove(v) { this.sum -= v; this.n--; }
  avg() { return this.n === 0 ? null : Math.trunc(this.sum / this.n); }
}
export function createAccumulator() { return new Acc(); }
export function accumulate(acc, v) { acc.add(v); }
export function retract(acc, v) { acc.remove(v); }
export function getValue(acc) { return acc.avg(); }
`);
// A class instance holding a function: not plain data.
const BAD = module('bad.js', `class Acc { constructor() { this.n = 0; this.log = () => this.n; } }
export function createAccumulator() { return new Acc(); }
export function accumulate(acc) { acc.n++; }
export function getValue(acc) { return acc.n; }
`);

const sql = (query: string) => `CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
CREATE FUNCTION my_avg AS '${AVG}' LANGUAGE JAVASCRIPT;
CREATE FUNCTION my_bad AS '${BAD}' LANGUAGE JAVASCRIPT;
${query}`;
const AVERAGES = sql('SELECT k, my_avg(v) FROM s GROUP BY k;');

const run = (sql: string, options: ScriptedRunOptions) => runScripted(sql, STEPS, options);

describe('user aggregates with class-instance accumulators across checkpoints', () => {
  it('a savepoint holds the accumulators as their fields; the restored job rebuilds them and goes on', async () => {
    const first = await run(AVERAGES, { sets: { 'state.savepoints.dir': join(dir, 'sp') }, stopAfter: 3 });
    expect(first.stderr.join('\n')).not.toContain('Error');
    expect(first.code).toBe(0);
    const savepoint = savepointOf(first);
    expect(savepoint).toBeDefined();
    const second = await run(AVERAGES, { restore: { path: savepoint!, allowNonRestoredState: false }, stopAfter: 5, stop: async (r) => r.cancel() });
    // a: 1, 2 (1+3), then 3 (1+3+5); b: 2, then 4 (2+6); c: 4. The restored accumulators' methods work.
    expect([...first.stdout, ...second.stdout]).toEqual(['+I[a, 1]', '+I[b, 2]', '-U[a, 1]', '+U[a, 2]', '+I[c, 4]', '-U[a, 2]', '+U[a, 3]', '-U[b, 2]', '+U[b, 4]']);
  });

  it('a periodic checkpoint completes, and a restart from it continues the averages', async () => {
    // Checkpoints complete during the wait; the restarted job resumes from the last one.
    const steps: Step[] = [...STEPS.slice(0, 2), { wait: 100 }, { fail: 'the source broke' }, ...STEPS.slice(2)];
    const sets = { 'execution.checkpointing.interval': '10 ms', 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '50 ms' };
    const { code, stdout, stderr } = await runScripted(AVERAGES, steps, { sets, stopAfter: 9, stop: async (r) => r.cancel() });
    expect(stderr.join('\n')).not.toContain('cannot save');
    expect(code).toBe(130);
    // Nothing replayed: the restored accumulators go on from a: 1, 3 and b: 2.
    expect(stdout).toEqual(['+I[a, 1]', '+I[b, 2]', '-U[a, 1]', '+U[a, 2]', '+I[c, 4]', '-U[a, 2]', '+U[a, 3]', '-U[b, 2]', '+U[b, 4]']);
  });

  it('an accumulator holding a function fails the checkpoint, naming the aggregate function', async () => {
    let failure: unknown;
    const r = await run(sql('SELECT k, my_bad(v) FROM s GROUP BY k;'), {
      sets: { 'state.savepoints.dir': join(dir, 'sp-bad') },
      stopAfter: 2,
      stop: async (runner) => {
        // A stop whose savepoint fails leaves the job running (as Flink): cancel it then.
        await runner.stopWithSavepoint().catch((err: unknown) => (failure = err));
        runner.cancel();
      },
    });
    expect(r.code).toBe(130);
    expect(String(failure)).toContain("User aggregate function 'MY_BAD' cannot save its accumulator (an instance of class Acc) in a checkpoint: accumulator.log is a function.");
    expect(String(failure)).toContain('Accumulators must be plain data');
  });
});
