/**
 * A filesystem reader's checkpointed position. Paths are relative to the table's `path` (with `/`
 * separators), so a checkpoint still applies if the data directory is moved or mounted elsewhere.
 */
import { RuntimeError } from '../../types/errors.js';

/** The file being read when the checkpoint was taken, and how far its rows were delivered. */
export interface FileCursor {
  readonly path: string;
  /** Records (lines; csv records may span lines) fully delivered, skipped bad records included. */
  readonly recordsDone: number;
  /** Rows already delivered from record `recordsDone` (a record may decode to several rows). */
  readonly rowsOfNextRecord: number;
}

export interface FileSourcePosition {
  readonly version: 1;
  /** Whether the reader had listed its files; if not, a restored reader lists them afresh. */
  readonly listed: boolean;
  /** Files fully delivered, never read again (also keeps monitoring from picking them up). */
  readonly done: readonly string[];
  readonly current: FileCursor | null;
  /** Files assigned to this reader and not started, in reading order. */
  readonly queued: readonly string[];
}

const bad = (why: string): RuntimeError => new RuntimeError(`Cannot restore the filesystem source from its checkpointed position: ${why}.`);

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const isPathList = (v: unknown): v is string[] => Array.isArray(v) && v.every((p) => typeof p === 'string');

/** Checks a position read back from a checkpoint (it is untyped JSON there). */
export function parseFileSourcePosition(p: unknown): FileSourcePosition {
  if (typeof p !== 'object' || p === null) throw bad('not an object');
  const o = p as Record<string, unknown>;
  if (o['version'] !== 1) throw bad(`unknown version ${String(o['version'])}`);
  if (typeof o['listed'] !== 'boolean' || !isPathList(o['done']) || !isPathList(o['queued'])) throw bad('malformed file lists');
  const c = o['current'];
  if (c !== null) {
    const cur = c as Record<string, unknown> | undefined;
    if (typeof cur !== 'object' || typeof cur['path'] !== 'string' || !isCount(cur['recordsDone']) || !isCount(cur['rowsOfNextRecord'])) {
      throw bad('malformed current file');
    }
  }
  return p as FileSourcePosition;
}
