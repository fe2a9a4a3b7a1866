import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessJobs } from '../src/bench/exactly-once/harness-jobs.js';
import { runWithKills } from '../src/bench/exactly-once/sigkill-harness.js';

// The short version of the failure harness (the long one: npm run bench:failures). The engine
// runs from its own build, so other tests rebuilding dist/ cannot disturb it.
const work = mkdtempSync(join(tmpdir(), 'weir-sigkill-'));
const entry = join(work, 'weir.mjs');

beforeAll(() => {
  execFileSync(process.execPath, [join(import.meta.dirname, '../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', join(work, 'dist')], { cwd: join(import.meta.dirname, '..') });
  writeFileSync(entry, "import { main } from './dist/cli/main.js';\nprocess.exitCode = await main(process.argv.slice(2));\n");
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('exactly-once through SIGKILL and restore from the latest checkpoint', () => {
  for (const job of harnessJobs({ rows: 6000, rate: 4000, interval: '100 ms' })) {
    it(job.name, async () => {
      const r = await runWithKills(job, { weir: [process.execPath, entry], workDir: work, kills: 3, minDelay: 150, maxDelay: 700, seed: 7 });
      expect(r.kills).toBe(3);
      expect(r.expected.length).toBeGreaterThan(0);
      expect(r.actual).toEqual(r.expected);
    }, 120_000);
  }
});
