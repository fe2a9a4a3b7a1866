import { fileURLToPath } from 'node:url';
import { NEXMARK_QUERIES } from '../bench/nexmark/flink-figures.js';
import { runNexmarkBench } from '../bench/nexmark/nexmark-bench.js';
import type { ScriptIO } from '../session/script-runner.js';
import { UsageError } from './args.js';

const OPTIONS = new Set(['--queries', '--events', '--parallelism', '--seed', '--rate', '--results']);

/** `weir bench nexmark [--queries q1,q5] [--events N] [--parallelism P] [--seed S] [--rate R] [--results DIR]`. */
export async function benchCommand(argv: readonly string[], io: ScriptIO): Promise<number> {
  const [suite, ...rest] = argv;
  if (suite !== 'nexmark') throw new UsageError(`weir bench runs 'nexmark'${suite ? `, not '${suite}'` : ''}`);
  const opts = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const [key, value] = [rest[i]!, rest[i + 1]];
    if (!OPTIONS.has(key) || value === undefined) throw new UsageError(`weir bench nexmark: unexpected '${key}'${OPTIONS.has(key) ? ' without a value' : ''}`);
    opts.set(key, value);
  }
  const queries = opts.get('--queries')?.split(',').map((q) => q.trim().toLowerCase()) ?? NEXMARK_QUERIES;
  const unknown = queries.filter((q) => !NEXMARK_QUERIES.includes(q));
  if (unknown.length) throw new UsageError(`unknown Nexmark quer${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')} (known: ${NEXMARK_QUERIES.join(', ')})`);
  const int = (key: string, def: number) => {
    const n = Number(opts.get(key) ?? def);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${key} expects a positive integer, got '${opts.get(key)}'`);
    return n;
  };
  const parallelism = int('--parallelism', 1);
  if (parallelism > 1) io.stderr('weir bench: jobs run in one task until parallel execution lands; --parallelism only sets parallelism.default.');
  const tty = process.stderr.isTTY === true;
  return runNexmarkBench({
    queries,
    events: int('--events', 10_000_000),
    seed: int('--seed', 1),
    rate: int('--rate', 10_000_000),
    parallelism,
    suite: fileURLToPath(new URL('../../bench/nexmark', import.meta.url)),
    results: opts.get('--results') ?? fileURLToPath(new URL('../../bench/results', import.meta.url)),
    io,
    progress: (line, final) => {
      if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
      else if (final) io.stderr(line);
    },
  });
}
