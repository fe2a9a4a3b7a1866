import { UsageError, parseArgs } from './args.js';
import { scriptCommand } from './script-command.js';
import { benchCommand } from './bench-command.js';
import type { ScriptIO } from '../session/script-runner.js';

const USAGE = `weir — Flink SQL on an embedded streaming engine

Usage:
  weir run SCRIPT [--set key=value]...     run a Flink SQL script (DDL, SET, INSERT, SELECT)
      [--from-savepoint PATH]              restore the job from a savepoint or retained checkpoint
      [--allow-non-restored-state]         skip state of operators the query no longer has
  weir validate SCRIPT... [--set k=v]...   parse and plan without running; exit 1 with diagnostics
  weir explain SCRIPT [--set key=value]... print the plan of each INSERT / SELECT
  weir bench nexmark [--queries q1,q5] [--events N] [--parallelism P] [--seed S]
                                           run the Nexmark queries, print events/s per core
  weir help                                this text
`;

const PROCESS_IO: ScriptIO = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** The `weir` command; returns the exit code. Output goes through `io` (the process's streams by default). */
export async function main(argv: readonly string[], io: ScriptIO = PROCESS_IO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'bench') return await benchCommand(rest, io);
    const args = parseArgs(rest);
    switch (command) {
      case 'run':
      case 'validate':
      case 'explain':
        return await scriptCommand(args, command, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE.trimEnd());
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`weir: ${e.message}\n\n${USAGE.trimEnd()}`);
      return 2;
    }
    io.stderr(`weir: internal error (a bug in weir): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 70;
  }
}
