import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { METADATA_FILE } from '../../runtime/checkpoint/checkpoint-metadata.js';
import { SeededRandom } from '../../connectors/nexmark/seeded-random.js';

/** A job for the failure harness: its script (given its directories) and how to read its final result. */
export interface HarnessJob {
  readonly name: string;
  readonly sql: (dirs: { readonly out: string; readonly checkpoints: string }) => string;
  /** The committed result as comparable lines (e.g. sorted rows, or an upsert table materialized). */
  readonly result: (files: readonly CommittedFile[]) => string[];
}

export interface CommittedFile {
  /** Relative to the sink directory. */
  readonly path: string;
  readonly lines: readonly string[];
}

export interface HarnessOptions {
  /** How to start the engine: e.g. [process.execPath, 'bin/weir.js']. */
  readonly weir: readonly string[];
  readonly workDir: string;
  readonly kills: number;
  /** A kill comes after a random delay in [minDelay, maxDelay] ms from the start of an attempt. */
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly seed: number;
}

export interface HarnessResult {
  readonly expected: string[];
  readonly actual: string[];
  readonly kills: number;
  readonly attempts: number;
}

/**
 * Runs a job once without failures, then again while killing the engine process (SIGKILL) at
 * random moments and restarting it from the latest completed checkpoint each time, as a cluster
 * would; returns both committed results for comparison (exactly-once: no row lost, none twice).
 */
export async function runWithKills(job: HarnessJob, opts: HarnessOptions): Promise<HarnessResult> {
  const rng = new SeededRandom(BigInt(opts.seed));
  const random = () => rng.nextDouble();
  const reference = await prepare(opts.workDir, `${job.name}-reference`);
  await attempt(opts.weir, job.sql(reference), reference, undefined, undefined);
  const faulty = await prepare(opts.workDir, `${job.name}-faulty`);
  let kills = 0;
  let attempts = 0;
  for (;;) {
    attempts++;
    const from = await latestCheckpoint(faulty.checkpoints);
    const delay = kills < opts.kills ? opts.minDelay + random() * (opts.maxDelay - opts.minDelay) : undefined;
    const outcome = await attempt(opts.weir, job.sql(faulty), faulty, from, delay);
    if (outcome === 'finished') break;
    kills++;
  }
  return { expected: job.result(await committedFiles(reference.out)), actual: job.result(await committedFiles(faulty.out)), kills, attempts };
}

interface Dirs {
  readonly out: string;
  readonly checkpoints: string;
  readonly script: string;
}

async function prepare(workDir: string, name: string): Promise<Dirs> {
  const root = join(workDir, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, 'out'), { recursive: true });
  return { out: join(root, 'out'), checkpoints: join(root, 'checkpoints'), script: join(root, 'job.sql') };
}

/** One run of the engine; killed after `killAfter` ms unless it finished first. */
async function attempt(weir: readonly string[], sql: string, dirs: Dirs, from: string | undefined, killAfter: number | undefined): Promise<'finished' | 'killed'> {
  await writeFile(dirs.script, sql);
  const args = [...weir.slice(1), 'run', dirs.script, ...(from ? ['--from-savepoint', from] : [])];
  const child = spawn(weir[0]!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let killed = false;
  const timer = killAfter === undefined ? undefined : setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, killAfter);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  if (killed && code === null) return 'killed';
  if (code !== 0) throw new Error(`the engine exited with ${code}${from ? ` (restored from ${from})` : ''}:\n${stderr}`);
  return 'finished';
}

/** The completed checkpoint with the highest id (ids continue across restores), if any. */
export async function latestCheckpoint(dir: string): Promise<string | undefined> {
  let best: { id: number; path: string } | undefined;
  for (const job of await readdir(dir).catch(() => [])) {
    for (const chk of await readdir(join(dir, job)).catch(() => [])) {
      const id = Number(/^chk-(\d+)$/.exec(chk)?.[1]);
      if (!Number.isInteger(id)) continue;
      const complete = await readdir(join(dir, job, chk)).then((f) => f.includes(METADATA_FILE), () => false);
      if (complete && (!best || id > best.id)) best = { id, path: join(dir, job, chk) };
    }
  }
  return best?.path;
}

/** Visible files of a sink directory (hidden in-progress files and markers are not output). */
export async function committedFiles(dir: string, prefix = ''): Promise<CommittedFile[]> {
  const out: CommittedFile[] = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name.startsWith('_')) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await committedFiles(dir, rel)));
    else out.push({ path: rel, lines: (await readFile(join(dir, rel), 'utf8')).split('\n').filter((l) => l !== '') });
  }
  return out;
}
