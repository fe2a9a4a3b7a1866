import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessJobs } from '../src/bench/exactly-once/harness-jobs.js';
import { runWithKills } from '../src/bench/exactly-once/sigkill-harness.js';
import { buildCli } from './helpers/built-cli.js';

// The short version of the failure harness (the long one: npm run bench:failures). The engine
// runs from its own build, so other tests rebuilding dist/ cannot disturb it.
let cli: ReturnType<typeof buildCli>;
beforeAll(() => void (cli = buildCli('weir-sigkill-')), 180_000);
afterAll(() => cli.remove());

describe.each([1, 2])('exactly-once through SIGKILL and restore from the latest checkpoint, parallelism %i', (parallelism) => {
  // On two threads faster, so chunks are in flight between them at the checkpoints (channel state).
  const size = parallelism === 1 ? { rows: 6000, rate: 4000 } : { rows: 30_000, rate: 20_000 };
  for (const job of harnessJobs({ ...size, interval: '100 ms', parallelism })) {
    it(job.name, async () => {
      const r = await runWithKills(job, { weir: [process.execPath, cli.entry], workDir: cli.work, kills: 3, minDelay: 150, maxDelay: 700, seed: 7 });
      expect(r.kills).toBe(3);
      expect(r.expected.length).toBeGreaterThan(0);
      expect(r.actual).toEqual(r.expected);
    }, 120_000);
  }
});
