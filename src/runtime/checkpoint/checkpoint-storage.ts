import { randomBytes } from 'node:crypto';
import { writeFile as writeFileCallback } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import { RuntimeError } from '../../types/errors.js';
import { localPath } from '../../catalog/option-readers.js';
import { METADATA_FILE, type CheckpointMetadata } from './checkpoint-metadata.js';

/**
 * The callback `writeFile` hands a buffer to one write; the promise API writes it in 512 KiB
 * pieces, each waiting behind the running job's work (a 54 MB checkpoint: ~50 ms vs ~1.1 s).
 */
const writeFile = promisify(writeFileCallback);

/** Where completed checkpoints and savepoints go. */
export interface CheckpointStorage {
  /** Writes the state files, then `_metadata` last, so a directory without it is incomplete. Returns the location. */
  write(metadata: CheckpointMetadata, files: ReadonlyMap<string, Uint8Array>, savepointDir?: string): Promise<string>;
  discard(location: string): Promise<void>;
}

/**
 * Checkpoints under `<dir>/<job id>/chk-<n>`, savepoints under `<dir>/savepoint-<job>-<random>`
 * (Flink's layouts). The rename of `_metadata` into place is what completes a checkpoint: a
 * process killed before it leaves a directory restore ignores.
 */
export class FileCheckpointStorage implements CheckpointStorage {
  constructor(private readonly checkpointsDir: string | undefined) {}

  async write(metadata: CheckpointMetadata, files: ReadonlyMap<string, Uint8Array>, savepointDir?: string): Promise<string> {
    const dir = metadata.kind === 'SAVEPOINT'
      ? join(savepointDir ?? this.required('state.savepoints.dir'), `savepoint-${metadata.jobId.slice(0, 6)}-${randomBytes(6).toString('hex')}`)
      : join(this.required('state.checkpoints.dir'), metadata.jobId, `chk-${metadata.checkpointId}`);
    await mkdir(dir, { recursive: true });
    for (const [name, bytes] of files) await writeFile(join(dir, name), bytes);
    const tmp = join(dir, `${METADATA_FILE}.inprogress`);
    await writeFile(tmp, JSON.stringify(metadata));
    await rename(tmp, join(dir, METADATA_FILE));
    return dir;
  }

  async discard(location: string): Promise<void> {
    await rm(location, { recursive: true, force: true });
  }

  private required(key: string): string {
    if (this.checkpointsDir === undefined && key === 'state.checkpoints.dir') {
      throw new RuntimeError('No checkpoint directory is configured.');
    }
    if (key === 'state.savepoints.dir') {
      throw new RuntimeError('No savepoint directory is configured. Give one with the savepoint request or set state.savepoints.dir.');
    }
    return this.checkpointsDir!;
  }
}

/**
 * The in-memory checkpoints of this process, by location, shared by every MemoryCheckpointStorage:
 * a job's next attempt (a restart) restores what the failed attempt's storage kept.
 */
const memoryCheckpoints = new Map<string, { metadata: CheckpointMetadata; files: ReadonlyMap<string, Uint8Array> }>();

/** Checkpoints kept in this process only (no `state.checkpoints.dir`), as Flink's JobManagerCheckpointStorage. */
export class MemoryCheckpointStorage implements CheckpointStorage {
  private readonly stored = memoryCheckpoints;
  private readonly disk = new FileCheckpointStorage(undefined);

  async write(metadata: CheckpointMetadata, files: ReadonlyMap<string, Uint8Array>, savepointDir?: string): Promise<string> {
    if (metadata.kind === 'SAVEPOINT') return this.disk.write(metadata, files, savepointDir);
    const location = `memory:${metadata.jobId}/chk-${metadata.checkpointId}`;
    this.stored.set(location, { metadata, files });
    return location;
  }

  async discard(location: string): Promise<void> {
    if (location.startsWith('memory:')) this.stored.delete(location);
    else await this.disk.discard(location);
  }
}

/** A checkpoint or savepoint read back for a restore: its metadata and a reader of its state files. */
export interface LoadedCheckpoint {
  /** The directory, as given (for messages). */
  readonly path: string;
  readonly metadata: CheckpointMetadata;
  readFile(name: string): Promise<Uint8Array>;
}

/** Reads `path` (a checkpoint or savepoint directory, or its `_metadata` file), as Flink's `-s`; or a `memory:` checkpoint of this process. */
export async function loadCheckpoint(path: string): Promise<LoadedCheckpoint> {
  if (path.startsWith('memory:')) return loadMemoryCheckpoint(path);
  const full = resolve(localPath(path));
  const dir = basename(full) === METADATA_FILE ? dirname(full) : full;
  let text: string;
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
    text = await readFile(join(dir, METADATA_FILE), 'utf8');
  } catch {
    throw new RuntimeError(`Cannot find meta data file '${METADATA_FILE}' in directory '${dir}'. Please try to load the checkpoint/savepoint directly from the metadata file instead of the directory.`);
  }
  let metadata: CheckpointMetadata;
  try {
    metadata = JSON.parse(text) as CheckpointMetadata;
  } catch {
    throw new RuntimeError(`The checkpoint metadata in '${dir}' is corrupt: it is not valid JSON.`);
  }
  if (metadata.format !== 'weir-checkpoint') throw new RuntimeError(`'${dir}' is not a weir checkpoint or savepoint (a savepoint of Apache Flink cannot be restored by weir's embedded engine).`);
  if (metadata.version !== 1) throw new RuntimeError(`The checkpoint in '${dir}' has format version ${String(metadata.version)}, which this weir version cannot read.`);
  return {
    path: dir,
    metadata,
    readFile: async (name) => {
      try {
        return await readFile(join(dir, name));
      } catch {
        throw new RuntimeError(`The checkpoint in '${dir}' is missing its state file '${name}'.`);
      }
    },
  };
}

/** A checkpoint a MemoryCheckpointStorage of this process keeps (restarts without `state.checkpoints.dir`). */
function loadMemoryCheckpoint(location: string): LoadedCheckpoint {
  const stored = memoryCheckpoints.get(location);
  if (!stored) {
    throw new RuntimeError(`The in-memory checkpoint '${location}' is no longer kept: it was discarded, or belongs to another process.`);
  }
  return {
    path: location,
    metadata: stored.metadata,
    readFile: async (name) => {
      const bytes = stored.files.get(name);
      if (!bytes) throw new RuntimeError(`The checkpoint '${location}' is missing its state file '${name}'.`);
      return bytes;
    },
  };
}
