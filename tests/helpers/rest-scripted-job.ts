/** A job over the `scripted` test source, run in-process with a REST API on a free port. */
import { RestMonitor } from '../../src/rest/rest-monitor.js';
import { runScript } from '../../src/session/script-runner.js';
import { Session } from '../../src/session/session.js';
import { until } from './rest-client.js';
import { scriptedConnector, type Step } from './scripted-connector.js';

/**
 * A GROUP BY at `parallelism.default` = 2: the scripted source is not splittable (1 subtask), the
 * Calc is chained to it; the aggregate and the sink run as 2 subtasks, a hash exchange before them.
 */
export const PARALLEL_GROUP_BY = `SET 'parallelism.default' = '2';
CREATE TABLE s (k STRING, v INT) WITH ('connector' = 'scripted', 'script' = 's');
CREATE TABLE sink (k STRING, c BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT k, COUNT(*) FROM s GROUP BY k;
`;

/** `n` rows, one per step, over 10 keys. */
export const keyedRows = (n: number): Step[] => Array.from({ length: n }, (_, i): Step => ({ rows: [[`k${i % 10}`, i]] }));

export interface ScriptedJob {
  readonly base: string;
  readonly jobId: string;
  readonly monitor: RestMonitor;
  /** Cancels the job and waits for the script and the server to end; the script's exit code. */
  stop(): Promise<number>;
}

/** Starts `sql` over the scripted `steps` with the session options `sets` (`rest.port` = 0 added). */
export async function startScriptedJob(sql: string, steps: Step[], sets: Record<string, string> = {}): Promise<ScriptedJob> {
  const session = new Session({ registry: { connectors: new Map([['scripted', scriptedConnector({ s: steps })]]), formats: new Map() } });
  session.config.set('rest.port', '0');
  for (const [k, v] of Object.entries(sets)) session.config.set(k, v);
  const monitor = new RestMonitor(session.config, () => {});
  const run = runScript(sql, session, {
    mode: 'run', fileName: 'job.sql', io: { stdout: () => {}, stderr: () => {} },
    onJob: (runner, job) => monitor.jobStarted(runner, job),
    onJobEnd: (runner, outcome) => monitor.jobEnded(runner, outcome),
  });
  const jobId = await until(() => monitor.jobs.list()[0]?.id, 'the job');
  return {
    base: monitor.url!,
    jobId,
    monitor,
    stop: async () => {
      monitor.jobs.get(jobId)?.cancel();
      try {
        return await run;
      } finally {
        await monitor.close();
      }
    },
  };
}
