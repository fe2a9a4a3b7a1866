import { UsageError, parseArgs } from './args.js';
import { scriptCommand } from './script-command.js';

const USAGE = `weir — Flink SQL on an embedded streaming engine

Usage:
  weir run SCRIPT [--set key=value]...     run a Flink SQL script (DDL, SET, INSERT, SELECT)
  weir validate SCRIPT... [--set k=v]...   parse and plan without running; exit 1 with diagnostics
  weir explain SCRIPT [--set key=value]... print the plan of each INSERT / SELECT
  weir help                                this text
`;

/** The `weir` command; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const args = parseArgs(rest);
    switch (command) {
      case 'run':
      case 'validate':
      case 'explain':
        return await scriptCommand(args, command);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`weir: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`weir: internal error (a bug in weir): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}
