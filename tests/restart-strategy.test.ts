import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedFiles } from '../src/bench/exactly-once/sigkill-harness.js';
import { RestMonitor } from '../src/rest/rest-monitor.js';
import type { JobRunner } from '../src/runtime/task/job-runner.js';
import { runScript, type ScriptOptions } from '../src/session/script-runner.js';
import { Session } from '../src/session/session.js';
import { get, until } from './helpers/rest-client.js';
import { scriptedConnector, type Step } from './helpers/scripted-connector.js';

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `weir-restart-${name}-`));

const SOURCE = "CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');\n";
const SUMS = `${SOURCE}SELECT k, SUM(v) FROM s GROUP BY k;`;

interface Job {
  readonly code: Promise<number>;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Every attempt's runner, in order. */
  readonly runners: JobRunner[];
  readonly monitor: RestMonitor;
}

/** Starts `sql` over the scripted `steps` with the session options `sets` (and a REST API when `rest.port` is set). */
function start(sql: string, steps: Step[], sets: Record<string, string>, extra: Partial<ScriptOptions> = {}): Job {
  const session = new Session({ registry: { connectors: new Map([['scripted', scriptedConnector({ s: steps })]]), formats: new Map() } });
  for (const [k, v] of Object.entries(sets)) session.config.set(k, v);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const runners: JobRunner[] = [];
  const monitor = new RestMonitor(session.config, () => {});
  const code = runScript(sql, session, {
    mode: 'run', fileName: 'job.sql', queryOutput: 'print', warnings: false,
    io: { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) },
    onJob: async (runner, job) => {
      runners.push(runner);
      await monitor.jobStarted(runner, job);
    },
    onJobEnd: (runner, outcome) => monitor.jobEnded(runner, outcome),
    ...extra,
  }).finally(() => monitor.close());
  return { code, stdout, stderr, runners, monitor };
}

const rows = (from: number, to: number): Step[] => Array.from({ length: to - from }, (_, i): Step[] => [{ rows: [[`k${(from + i) % 3}`, from + i]] }, { wait: 4 }]).flat();

describe('restart strategies', () => {
  it('restores a print query from the checkpoint before the failure: state exact, replayed rows printed again (at-least-once)', async () => {
    const steps: Step[] = [{ rows: [['a', 1]] }, { wait: 60 }, { rows: [['a', 2]] }, { fail: 'the source broke' }, { rows: [['a', 3]] }];
    // Checkpointing on (no periodic checkpoint within the test: one is taken by hand), checkpoints in memory.
    const sets = { 'execution.checkpointing.interval': '1 h', 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '5 ms' };
    const job = start(SUMS, steps, sets);
    const stdout = job.stdout;
    // The checkpoint is taken once the first row is out, while the source waits: it covers a = 1.
    await until(() => (stdout.length >= 1 ? true : undefined), 'the first row');
    await job.runners[0]!.checkpoints.trigger('CHECKPOINT');
    await until(() => (stdout.length >= 7 ? true : undefined), 'the rows after the restart');
    // Checkpoint ids continue from the restored one.
    expect((await job.runners[1]!.checkpoints.trigger('CHECKPOINT')).id).toBe(2);
    expect(job.runners[1]!.checkpoints.stats.restored).toMatchObject({ id: 1, path: expect.stringMatching(/^memory:/) });
    job.runners.at(-1)!.cancel();
    expect(await job.code).toBe(130);
    // Without the failure: +I[a, 1] -U[a, 1] +U[a, 3] -U[a, 3] +U[a, 6]. The restart replays a = 2
    // from the checkpoint's state (a = 1), so its update is printed twice, and the sums stay right.
    expect(stdout).toEqual(['+I[a, 1]', '-U[a, 1]', '+U[a, 3]', '-U[a, 1]', '+U[a, 3]', '-U[a, 3]', '+U[a, 6]']);
    expect(job.stderr).toContain('job.sql: the job failed (the source broke); restarting from checkpoint 1 in 5 ms (restart 1)');
    expect(job.runners).toHaveLength(2);
  });

  for (const storage of ['state.checkpoints.dir', 'memory'] as const) {
    it(`a filesystem sink stays exactly-once across a restart (checkpoints ${storage === 'memory' ? 'in memory' : 'in a directory'})`, async () => {
      const out = tempDir('out');
      const steps: Step[] = [...rows(0, 15), { fail: 'the source broke' }, ...rows(15, 30)];
      const sql = `${SOURCE}CREATE TABLE out (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '${out}', 'format' = 'csv');
INSERT INTO out SELECT k, v FROM s;`;
      const sets: Record<string, string> = { 'execution.checkpointing.interval': '10 ms', 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '5 ms' };
      const chk = tempDir('chk');
      if (storage !== 'memory') sets['state.checkpoints.dir'] = chk;
      const job = start(sql, steps, sets);
      const committed = async () => (await committedFiles(out)).flatMap((f) => f.lines);
      await until(async () => ((await committed()).includes('k2,29') ? true : undefined), 'the last row committed');
      job.runners.at(-1)!.cancel();
      expect(await job.code).toBe(130);
      const expected = Array.from({ length: 30 }, (_, i) => `k${i % 3},${i}`);
      expect((await committed()).sort()).toEqual(expected.sort());
      expect(job.runners).toHaveLength(2);
      expect(job.stderr.filter((l) => l.includes('restarting from'))).toHaveLength(1);
      // The second attempt restored the first one's latest checkpoint (15 rows take ~60 ms: several completed).
      const restored = job.runners[1]!.checkpoints.stats.restored!;
      expect(restored.path.startsWith(storage === 'memory' ? 'memory:' : chk)).toBe(true);
      expect(job.stderr[0]).toMatch(new RegExp(`^job\\.sql: the job failed \\(the source broke\\); restarting from checkpoint ${restored.id} in 5 ms \\(restart 1\\)$`));
      // Cancelled with NO_EXTERNALIZED_CHECKPOINTS: no checkpoint of either attempt is left.
      if (storage !== 'memory') expect(readdirSync(chk).flatMap((j) => readdirSync(join(chk, j)))).toEqual([]);
    }, 20_000);
  }

  it("'none' fails the job at once, as does the default without checkpointing", async () => {
    const steps: Step[] = [{ rows: [['a', 1]] }, { fail: 'the source broke' }];
    const cases: Record<string, string>[] = [{ 'restart-strategy.type': 'none', 'execution.checkpointing.interval': '10 ms' }, {}];
    for (const sets of cases) {
      const job = start(SUMS, steps, sets);
      expect(await job.code).toBe(1);
      expect(job.stderr).toEqual(['job.sql: job failed: the source broke']);
      expect(job.runners).toHaveLength(1);
    }
  });

  it('fixed-delay gives up after its attempts with Flink\'s message', async () => {
    const steps: Step[] = [{ rows: [['a', 1]] }, { fail: 'the source broke', times: 10 }];
    const sets = { 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '2', 'restart-strategy.fixed-delay.delay': '1 ms' };
    const job = start(SUMS, steps, sets);
    expect(await job.code).toBe(1);
    expect(job.runners).toHaveLength(3);
    expect(job.stderr).toEqual([
      'job.sql: the job failed (the source broke); restarting from the beginning in 1 ms (restart 1)',
      'job.sql: the job failed (the source broke); restarting from the beginning in 1 ms (restart 2)',
      'job.sql: job failed: Recovery is suppressed by FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=2, backoffTimeMS=1)\nCaused by: the source broke',
    ]);
    // Without checkpoints every attempt starts from the beginning: the sums start over.
    expect(job.stdout).toEqual(['+I[a, 1]', '+I[a, 1]', '+I[a, 1]']);
  });

  it('an invalid option fails before the job starts', async () => {
    const job = start(SUMS, [], { 'restart-strategy.type': 'exponential-delay', 'restart-strategy.exponential-delay.jitter-factor': '2' });
    expect(await job.code).toBe(1);
    expect(job.stderr.join('\n')).toContain("Invalid value for option 'restart-strategy.exponential-delay.jitter-factor'.");
    expect(job.stderr.join('\n')).toContain('Jitter factor must be >= 0 and <= 1.');
  });

  it('the REST API keeps one job across attempts: RESTARTING between them, numRestarts, the exception history', async () => {
    const steps: Step[] = [{ rows: [['a', 1]] }, { fail: 'the source broke', times: 2 }, { rows: [['a', 2]] }];
    const sets = { 'rest.port': '0', 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '5', 'restart-strategy.fixed-delay.delay': '300 ms' };
    const job = start(SUMS, steps, sets);
    const base = await until(() => job.monitor.url, 'the REST API');
    const jobId = await until(() => job.monitor.jobs.list()[0]?.id, 'the job');
    const state = async () => ((await get(`${base}/jobs/${jobId}`)).body as { state: string }).state;
    await until(async () => ((await state()) === 'RESTARTING' ? true : undefined), 'RESTARTING');
    const during = (await get(`${base}/jobs/${jobId}/exceptions`)).body as { 'root-exception': string; exceptionHistory: { entries: { stacktrace: string; timestamp: number }[] } };
    expect(during['root-exception']).toContain('the source broke');
    expect(during.exceptionHistory.entries).toHaveLength(1);
    // Two failures, two restarts: the job runs on under the same id.
    await until(() => (job.stdout.length >= 3 ? true : undefined), 'the row after the restarts');
    expect(await state()).toBe('RUNNING');
    expect((await get(`${base}/jobs`)).body).toEqual({ jobs: [{ id: jobId, status: 'RUNNING' }] });
    expect((await get(`${base}/jobs/${jobId}/metrics?get=numRestarts`)).body).toEqual([{ id: 'numRestarts', value: '2' }]);
    const history = ((await get(`${base}/jobs/${jobId}/exceptions`)).body as typeof during).exceptionHistory.entries;
    expect(history).toHaveLength(2);
    expect(history[0]!.timestamp).toBeGreaterThan(history[1]!.timestamp);
    expect(job.runners).toHaveLength(3);
    await fetch(`${base}/jobs/${jobId}`, { method: 'PATCH' });
    expect(await job.code).toBe(130);
    expect(job.monitor.jobs.list()[0]!.state).toBe('CANCELED');
  });

  it('a cancel while RESTARTING ends the job without another attempt', async () => {
    const steps: Step[] = [{ rows: [['a', 1]] }, { fail: 'the source broke' }];
    const sets = { 'rest.port': '0', 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.delay': '1 min' };
    const job = start(SUMS, steps, sets);
    await until(() => (job.monitor.jobs.list()[0]?.state === 'RESTARTING' ? true : undefined), 'RESTARTING');
    // As Ctrl-C does: the CLI cancels the runner it was given last.
    job.runners.at(-1)!.cancel();
    expect(await job.code).toBe(130);
    expect(job.runners).toHaveLength(1);
    expect(job.monitor.jobs.list()[0]!.state).toBe('CANCELED');
  });
});
