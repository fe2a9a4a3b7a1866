/**
 * One Nexmark query in a fresh process (a fresh engine and heap): the parent forks this module with
 * the query, the script parameters and the suite directories, and receives progress and the
 * result as IPC messages. CPU time is the process's user + system time, generator included.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runScript } from '../../session/script-runner.js';
import { Session } from '../../session/session.js';
import type { JobRunner } from '../../runtime/task/job-runner.js';
import { queryScript, type ScriptParams, type SuiteDirs } from './query-script.js';

export interface QueryResult {
  readonly query: string;
  readonly events: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRssBytes: number;
}

export type ChildMessage =
  | { readonly type: 'progress'; readonly rows: number }
  | { readonly type: 'done'; readonly result: QueryResult }
  | { readonly type: 'error'; readonly message: string };

async function main(): Promise<void> {
  const [query, params, dirs] = [process.argv[2]!, JSON.parse(process.argv[3]!) as ScriptParams, JSON.parse(process.argv[4]!) as SuiteDirs];
  const send = (m: ChildMessage) => process.send?.(m);
  const script = await queryScript(query, dirs, params);
  const errors: string[] = [];
  let runner: JobRunner | undefined;
  const progress = setInterval(() => runner && send({ type: 'progress', rows: runner.rowsRead() }), 250);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const session = new Session({ baseDir: join(dirs.suite, 'queries') });
  const code = await runScript(script, session, {
    mode: 'run',
    fileName: `${query}.sql`,
    warnings: false,
    io: { stdout: () => {}, stderr: (l) => errors.push(l) },
    onJob: (r) => (runner = r),
  });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(progress);
  if (code !== 0) send({ type: 'error', message: errors.join('\n') || `exit code ${code}` });
  else {
    const result = { query, events: params.events, seconds, cpuSeconds: (used.user + used.system) / 1e6, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
    send({ type: 'done', result });
  }
  process.disconnect?.();
}

void main();
