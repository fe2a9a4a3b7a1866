import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { RestMonitor } from '../rest/rest-monitor.js';
import { describeError } from '../session/report-error.js';
import { runScript, type ScriptIO, type ScriptOptions } from '../session/script-runner.js';
import { Session } from '../session/session.js';
import { PlanError } from '../types/errors.js';
import { UsageError, type CliArgs } from './args.js';

function restoreOption(args: CliArgs): ScriptOptions['restore'] {
  const path = args.options.get('from-savepoint');
  const allow = args.flags.has('allow-non-restored-state');
  if (path === undefined && allow) throw new UsageError('--allow-non-restored-state goes with --from-savepoint PATH');
  return path === undefined ? undefined : { path, allowNonRestoredState: allow };
}

/** Shared by run / validate / explain: reads each script, applies --set, runs it in a fresh session. */
export async function scriptCommand(args: CliArgs, mode: ScriptOptions['mode'], io: ScriptIO): Promise<number> {
  const out = io.stdout;
  const err = io.stderr;
  if (args.positional.length === 0) throw new UsageError(`weir ${mode} needs a SQL script file`);
  if (mode !== 'validate' && args.positional.length > 1) throw new UsageError(`weir ${mode} takes one script`);
  let code = 0;
  for (const file of args.positional) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      err(`${file}: error: cannot read script: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      code = 1;
      continue;
    }
    const session = new Session({ baseDir: dirname(resolve(file)) });
    for (const [key, value] of args.sets) {
      try {
        session.config.set(key, value);
      } catch (e) {
        err(describeError(e instanceof PlanError ? new PlanError(`--set ${key}: ${e.message}`, undefined, e.hint) : e, file, text));
        return 1;
      }
    }
    let cancel: (() => void) | undefined;
    const onSigint = () => {
      err('Cancelling the job…');
      cancel?.();
    };
    process.once('SIGINT', onSigint);
    const rest = new RestMonitor(session.config, err);
    try {
      const rc = await runScript(text, session, {
        mode, fileName: file, io: { stdout: out, stderr: err },
        restore: restoreOption(args),
        onJob: async (runner, job) => {
          cancel = () => runner.cancel();
          await rest.jobStarted(runner, job);
        },
        onJobEnd: (runner, outcome) => rest.jobEnded(runner, outcome),
      });
      if (rc === 0 && mode === 'validate') err(`${file}: OK`);
      code = Math.max(code, rc);
    } finally {
      process.off('SIGINT', onSigint);
      await rest.close();
    }
  }
  return code;
}
