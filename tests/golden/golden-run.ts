import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runScript, type ScriptOptions } from '../../src/session/script-runner.js';
import { Session } from '../../src/session/session.js';
import type { JobRunner } from '../../src/runtime/task/job-runner.js';
import { goldenConnector } from './golden-connector.js';
import type { GoldenCase } from './golden-file.js';

/** Golden cases run at a fixed instant so CURRENT_TIMESTAMP & co. are reproducible. */
const FIXED_NOW = Date.UTC(2024, 0, 15, 10, 30, 0, 123);

export interface GoldenRun {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly code: number;
}

/**
 * How a case runs (DESIGN.md convention 9): straight through; with a checkpoint before every
 * chunk a source delivers after its first; or stopped with a savepoint halfway through its input
 * and restored from it at another parallelism — all must print the same output.
 */
export type GoldenMode = 'straight' | 'checkpoints' | 'savepoint';

/** Runs the case's script; `stdout` may be passed in to watch it while the script runs. */
function runOnce(c: GoldenCase, sets: [string, string][], extra: Partial<ScriptOptions>, stdout: string[] = []): Promise<GoldenRun> {
  let session!: Session;
  const connector = goldenConnector(c.inputs, () => session.functions());
  session = new Session({ baseDir: dirname(c.file), clock: () => FIXED_NOW, registry: { connectors: new Map([['golden', connector]]), formats: new Map() } });
  session.config.set('table.local-time-zone', 'UTC');
  for (const [k, v] of [...c.sets, ...sets]) session.config.set(k, v);
  const stderr: string[] = [];
  const io = { stdout: (l: string) => stdout.push(...l.split('\n')), stderr: (l: string) => stderr.push(...l.split('\n')) };
  return runScript(c.sql, session, { mode: 'run', fileName: 'case.sql', queryOutput: 'print', warnings: false, io, ...extra }).then((code) => ({ stdout, stderr, code }));
}

/** Calls `before(n)` ahead of the n-th poll of any source of the job (n from 0). */
function beforePolls(runner: JobRunner, before: (n: number) => Promise<void> | void): void {
  let n = 0;
  for (const s of runner.dag.sources) {
    const poll = s.reader.poll.bind(s.reader);
    Object.assign(s.reader, { poll: async () => (await before(n++), poll()) });
  }
}

export async function runGoldenCase(c: GoldenCase, mode: GoldenMode = 'straight'): Promise<GoldenRun> {
  if (mode === 'straight') return runOnce(c, [], {});
  if (mode === 'checkpoints') {
    return runOnce(c, [], {
      onJob: (runner) => beforePolls(runner, async (n) => {
        if (n >= runner.dag.sources.length) await runner.checkpoints.trigger('CHECKPOINT');
      }),
    });
  }
  // Stop halfway through the input's chunks (counted in a straight run), then restore at
  // parallelism 2. Only the job's part of the output is taken from each run: statements around it
  // print in both.
  const dir = mkdtempSync(join(tmpdir(), 'weir-golden-'));
  try {
    let polls = 0;
    let jobs = 0;
    const straight = await runOnce(c, [], { onJob: (runner) => (jobs++, beforePolls(runner, () => void polls++)) });
    if (straight.code !== 0 || jobs !== 1) return straight;
    const stopAt = Math.max(1, Math.floor(polls / 2));
    let savepoint: string | undefined;
    let jobEnd = 0;
    const out1: string[] = [];
    // Once the stop is due, every source parks before its next poll, and the stop waits a turn so
    // chunks already polled are delivered first: the cut then falls where the straight run was.
    let parked: Promise<void> | undefined;
    const first = await runOnce(c, [['state.savepoints.dir', dir]], {
      onJob: (runner) => beforePolls(runner, async (n) => {
        if (parked) return parked;
        if (n !== stopAt) return;
        parked = new Promise(() => {});
        await new Promise((r) => setImmediate(r));
        savepoint = (await runner.stopWithSavepoint()).location;
      }),
      onJobEnd: () => void (jobEnd = out1.length),
    }, out1);
    if (first.code !== 0 || savepoint === undefined) return first;
    let jobStart = 0;
    const out2: string[] = [];
    const second = await runOnce(c, [['parallelism.default', '2']], {
      restore: { path: savepoint, allowNonRestoredState: false },
      onJob: () => void (jobStart = out2.length),
    }, out2);
    const stderr = [...first.stderr.filter((l) => !l.startsWith('Savepoint completed.')), ...second.stderr];
    return { stdout: [...first.stdout.slice(0, jobEnd), ...second.stdout.slice(jobStart)], stderr, code: second.code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
