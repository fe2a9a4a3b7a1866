/** Parsed command line: positional arguments, repeated `--set key=value` options, flags and valued options. */
export interface CliArgs {
  readonly positional: string[];
  readonly sets: [string, string][];
  readonly flags: Set<string>;
  /** Options with a value, by canonical name: `from-savepoint`. */
  readonly options: Map<string, string>;
}

/** Options that take a value, with Flink CLI's spellings (`-s`, `--fromSavepoint`) as aliases. */
const VALUED: Record<string, string> = { '--from-savepoint': 'from-savepoint', '--fromSavepoint': 'from-savepoint', '-s': 'from-savepoint' };
/** Flag aliases from Flink's CLI. */
const FLAG_ALIASES: Record<string, string> = { '--allowNonRestoredState': 'allow-non-restored-state', '-n': 'allow-non-restored-state' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const sets: [string, string][] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const valued = VALUED[eq > 0 ? a.slice(0, eq) : a];
    if (valued) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (!value) throw new UsageError(`${a} expects a value, e.g. ${a} /path/to/savepoint`);
      options.set(valued, value);
    } else if (FLAG_ALIASES[a]) flags.add(FLAG_ALIASES[a]);
    else if (a === '--set' || a === '-D') {
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
  return { positional, sets, flags, options };
}
