/** Parsed command line: positional arguments and repeated `--set key=value` options. */
export interface CliArgs {
  readonly positional: string[];
  readonly sets: [string, string][];
  readonly flags: Set<string>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const sets: [string, string][] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--set' || a === '-D') {
      const kv = argv[++i];
      const eq = kv?.indexOf('=') ?? -1;
      if (!kv || eq <= 0) throw new UsageError(`${a} expects key=value, e.g. --set table.local-time-zone=UTC`);
      sets.push([kv.slice(0, eq), kv.slice(eq + 1)]);
    } else if (a.startsWith('--set=')) {
      const kv = a.slice(6);
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new UsageError(`--set expects key=value`);
      sets.push([kv.slice(0, eq), kv.slice(eq + 1)]);
    } else if (a.startsWith('--')) flags.add(a.slice(2));
    else positional.push(a);
  }
  return { positional, sets, flags };
}
