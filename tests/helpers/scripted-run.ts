import { runScript, type ScriptOptions } from '../../src/session/script-runner.js';
import { Session } from '../../src/session/session.js';
import type { JobRunner } from '../../src/runtime/task/job-runner.js';
import { scriptedConnector, type Step } from './scripted-connector.js';

export interface ScriptedRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

export type ScriptedRunOptions = Partial<ScriptOptions> & {
  sets?: Record<string, string>;
  /** Once the job printed this many rows, `stop` ends it (default: stop with a savepoint). */
  stopAfter?: number;
  stop?: (runner: JobRunner) => Promise<unknown>;
  onJobStarted?: (runner: JobRunner) => void;
};

/** Runs `sql` over the `scripted` source `s` (the scripted source never ends by itself: stop it). */
export async function runScripted(sql: string, steps: Step[], options: ScriptedRunOptions): Promise<ScriptedRun> {
  const session = new Session({ registry: { connectors: new Map([['scripted', scriptedConnector({ s: steps })]]), formats: new Map() } });
  for (const [k, v] of Object.entries(options.sets ?? {})) session.config.set(k, v);
  const stdout: string[] = [];
  const stderr: string[] = [];
  let runner: JobRunner | undefined;
  let stopping = false;
  const io = {
    stdout: (l: string) => {
      stdout.push(l);
      if (runner && !stopping && stdout.length >= (options.stopAfter ?? Infinity)) {
        stopping = true;
        void (options.stop ?? ((r) => r.stopWithSavepoint()))(runner);
      }
    },
    stderr: (l: string) => stderr.push(l),
  };
  const code = await runScript(sql, session, { mode: 'run', fileName: 'job.sql', queryOutput: 'print', warnings: false, io, ...options, onJob: (r) => {
    runner = r;
    options.onJobStarted?.(r);
  } });
  return { code, stdout, stderr };
}

export const savepointOf = (r: ScriptedRun) => /Savepoint completed\. Path: file:(.*)$/m.exec(r.stderr.join('\n'))?.[1];
