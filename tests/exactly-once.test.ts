import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessJobs } from '../src/bench/exactly-once/harness-jobs.js';
import { runWithKills } from '../src/bench/exactly-once/sigkill-harness.js';
import { buildCli } from './helpers/built-cli.js';

// The short version of the failure harness (the long one: npm run bench:failures). The engine
// runs from its own build, so other tests rebuilding dist/ cannot disturb it.
let cli: ReturnType<typeof buildCli>;
beforeAll(() => void (cli = buildCli('weir-sigkill-')), 180_000);
afterAll(() => cli.remove());

describe('exactly-once through SIGKILL and restore from the latest checkpoint', () => {
  for (const job of harnessJobs({ rows: 6000, rate: 4000, interval: '100 ms' })) {
    it(job.name, async () => {
      const r = await runWithKills(job, { weir: [process.execPath, cli.entry], workDir: cli.work, kills: 3, minDelay: 150, maxDelay: 700, seed: 7 });
      expect(r.kills).toBe(3);
      expect(r.expected.length).toBeGreaterThan(0);
      expect(r.actual).toEqual(r.expected);
    }, 120_000);
  }
});
