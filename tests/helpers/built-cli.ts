import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * weir compiled into a temporary directory, for tests that need the built engine (worker
 * threads load compiled files; a killed process must be a real one). Its own copy, so tests
 * that rebuild dist/ cannot disturb it.
 */
export function buildCli(prefix: string): { readonly work: string; readonly entry: string; remove(): void } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  execFileSync(process.execPath, [join(import.meta.dirname, '../../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', join(work, 'dist')], { cwd: join(import.meta.dirname, '../..') });
  const entry = join(work, 'weir.mjs');
  writeFileSync(entry, "import { main } from './dist/cli/main.js';\nprocess.exitCode = await main(process.argv.slice(2));\n");
  return { work, entry, remove: () => rmSync(work, { recursive: true, force: true }) };
}
