/**
 * The filesystem sink's two-phase commit on disk: the committable a checkpoint stores, the
 * idempotent rename of pending part files, and the clean-up of a crashed attempt's part files.
 * Paths in the committable are relative to the sink's root `path` (`/` separators), so it holds
 * wherever the checkpoint itself is stored.
 */
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { RuntimeError } from '../../types/errors.js';

/** A closed part file awaiting commit: its hidden in-progress name and its final name. */
export interface PendingPart {
  readonly inProgress: string;
  readonly final: string;
}

export interface FileSinkCommittable {
  readonly version: 1;
  /** The writer's file-name uuid; a restored writer keeps it so its names stay its own. */
  readonly uuid: string;
  readonly subtask: number;
  /** The part number the writer would use next: files from here on were written after the checkpoint. */
  readonly nextPartNumber: number;
  /** Every part file prepared and not known to be committed (also earlier checkpoints' whose commit did not run). */
  readonly pending: readonly PendingPart[];
}

const bad = (why: string): RuntimeError => new RuntimeError(`Cannot commit or restore the filesystem sink from its checkpointed committable: ${why}.`);

/** Checks a committable read back from a checkpoint (it is untyped JSON there). */
export function parseFileSinkCommittable(c: unknown): FileSinkCommittable {
  if (typeof c !== 'object' || c === null) throw bad('not an object');
  const o = c as Record<string, unknown>;
  if (o['version'] !== 1) throw bad(`unknown version ${String(o['version'])}`);
  const count = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  if (typeof o['uuid'] !== 'string' || !count(o['subtask']) || !count(o['nextPartNumber'])) throw bad('malformed writer state');
  const pending = o['pending'];
  if (!Array.isArray(pending) || !pending.every((p: unknown) => typeof p === 'object' && p !== null && typeof (p as PendingPart).inProgress === 'string' && typeof (p as PendingPart).final === 'string')) {
    throw bad('malformed pending part files');
  }
  return c as FileSinkCommittable;
}

export function relativeTo(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/**
 * Renames each pending part to its final name. Idempotent: a part whose in-progress file is gone
 * and whose final file exists was committed before (by an earlier commit, or before a crash).
 * Writes the success file (when configured) into each directory that received parts.
 */
export async function commitParts(root: string, parts: readonly PendingPart[], successFile: string | null): Promise<void> {
  const dirs = new Set<string>();
  for (const p of parts) {
    const from = join(root, p.inProgress);
    const to = join(root, p.final);
    dirs.add(dirname(to));
    try {
      await rename(from, to);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !(await exists(to))) {
        throw new RuntimeError(`Cannot commit part file ${from}: it is missing and ${to} does not exist either, so rows of a completed checkpoint were lost.`, { cause: e });
      }
    }
  }
  if (successFile !== null) for (const d of dirs) await writeFile(join(d, successFile), '');
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Deletes the in-progress part files of one writer (uuid + subtask) that are not in `keep`
 * (relative paths): output written after the restored checkpoint. Returns the highest part number
 * of that writer's final files (-1 if none), so a restored writer never reuses a committed name.
 */
export async function discardAttempt(root: string, uuid: string, subtask: number, keep: ReadonlySet<string>): Promise<number> {
  const name = `part-${escapeRegExp(uuid)}-${subtask}-(\\d+)`;
  const inProgress = new RegExp(`^\\.${name}\\.inprogress\\.`);
  const final = new RegExp(`^${name}$`);
  let maxFinal = -1;
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
      // Nothing was ever written (the root does not exist yet).
      if (e.code === 'ENOENT') return [];
      throw e;
    });
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (inProgress.test(e.name)) {
        if (!keep.has(relativeTo(root, p))) await rm(p, { force: true });
      } else {
        const m = final.exec(e.name);
        if (m !== null) maxFinal = Math.max(maxFinal, Number(m[1]));
      }
    }
  };
  await walk(root);
  return maxFinal;
}
