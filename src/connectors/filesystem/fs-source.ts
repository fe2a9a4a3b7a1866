/** Filesystem scan: lists non-hidden files (recursing into `k=v` partition directories), decodes them. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { LookupContext, LookupFunction, ReaderContext, SourceReader, TableContext, TableSource } from '../connector.js';
import { cachedLookup, withRetries } from '../lookup/lookup-cache.js';
import { readLookupConfig } from '../lookup/lookup-options.js';
import { buildKeyOf } from '../../types/value-hash.js';
import type { Decoder } from '../formats/format.js';
import { BIGINT, STRING, TIMESTAMP_LTZ, type DataType } from '../../types/data-type.js';
import { Timestamp } from '../../types/values.js';
import { RuntimeError } from '../../types/errors.js';
import { RowKind, type Chunk, type Row } from '../../types/row.js';
import { localPath, readDuration, readString } from '../../catalog/option-readers.js';
import { FS_OPTIONS, formatOf } from './fs-options.js';
import { partitionValueFromText } from './partition-path.js';
import { parseFileSourcePosition, type FileCursor, type FileSourcePosition } from './fs-source-position.js';

const CHUNK = 1024;

interface FileEntry {
  readonly path: string;
  /** Partition values from `k=v` directories on the way. */
  readonly partition: ReadonlyMap<string, string>;
}

const hidden = (name: string): boolean => name.startsWith('.') || name.startsWith('_');

/** All readable files under `root`, sorted by path for a stable assignment to subtasks. */
export async function listFiles(root: string): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  const s = await stat(root).catch(() => null);
  if (s === null) throw new RuntimeError(`File ${root} does not exist or the user running Flink has insufficient permissions to access it.`);
  if (s.isFile()) return [{ path: root, partition: new Map() }];
  const walk = async (dir: string, partition: Map<string, string>): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (hidden(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        const eq = e.name.indexOf('=');
        const next = new Map(partition);
        if (eq > 0) next.set(e.name.slice(0, eq), e.name.slice(eq + 1));
        await walk(p, next);
      } else if (e.isFile()) {
        out.push({ path: p, partition });
      }
    }
  };
  await walk(root, new Map());
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A file named in a checkpoint (relative to the root), with its partition values from its `k=v` directories. */
function entryOf(root: string, rel: string): FileEntry {
  if (rel === '') return { path: root, partition: new Map() };
  const partition = new Map<string, string>();
  const dir = dirname(rel);
  if (dir !== '.') {
    for (const name of dir.split('/')) {
      const eq = name.indexOf('=');
      if (eq > 0) partition.set(name.slice(0, eq), name.slice(eq + 1));
    }
  }
  return { path: join(root, rel), partition };
}

/** A file assigned to a reader, with its path as positions name it (relative to the root), computed once. */
interface AssignedFile extends FileEntry {
  readonly rel: string;
}

/** The file being delivered: its rows decoded up front, so a bad record fails before any of them. */
interface OpenFile {
  readonly entry: AssignedFile;
  readonly rows: Row[];
  /** Each row's kind (changelog formats such as debezium-json decode updates and deletes). */
  readonly kinds: RowKind[];
  /** Record index (in the whole file) of each row, for the position. */
  readonly recordOf: number[];
  /** Index of each row within its record, rows delivered before a restored checkpoint included. */
  readonly rowInRecord: number[];
  /** Next row to deliver. */
  next: number;
}

/**
 * Reads its files one after another in chunks of up to CHUNK rows (a chunk may span files). The
 * position names files by path relative to the root: done, current (records delivered), queued.
 *
 * `position()` runs after every chunk, so it is O(1) unless the file set changed since the last
 * call: the done and queued lists it returns are frozen snapshots, shared by the positions taken
 * until a file finishes or is started or new files are queued (then a new snapshot replaces them;
 * they are never mutated, so a position held by a checkpoint does not change as the reader goes on).
 */
class FileReader implements SourceReader {
  private listed = false;
  /** Files assigned to this reader; those from `head` on are not started. */
  private queue: AssignedFile[] = [];
  private head = 0;
  private current: OpenFile | null = null;
  /** The restored checkpoint's current file: records, and rows of the next record, already delivered. */
  private resumeAt: { path: string; records: number; rows: number } | null = null;
  /** Append-only. */
  private readonly done: string[] = [];
  /** Frozen copy of `done` for positions; null once `done` has grown. */
  private doneView: readonly string[] | null = null;
  /** Frozen relative paths of `queue` from `queuedFrom` on, for positions; null once the queue has changed. */
  private queuedView: readonly string[] | null = null;
  private queuedFrom = 0;
  /** Every path done, current or queued, so monitoring assigns each file once. */
  private readonly seen = new Set<string>();
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly decoder: Decoder,
    private readonly physical: readonly { name: string; type: DataType }[],
    private readonly partitionKeys: readonly string[],
    private readonly defaultPartition: string,
    private readonly pathPattern: RegExp | null,
    private readonly monitorMillis: number | undefined,
    private readonly rctx: ReaderContext,
  ) {}

  private async refresh(): Promise<void> {
    const all = (await listFiles(this.root)).filter(
      (f, i) => !this.seen.has(f.path) && (this.pathPattern === null || this.pathPattern.test(f.path)) && (this.monitorMillis !== undefined || i % this.rctx.parallelism === this.rctx.subtask),
    );
    // With monitoring, assign new files by a hash of their path so each subtask takes its own.
    const mine = this.monitorMillis === undefined ? all : all.filter((f) => hashPath(f.path) % this.rctx.parallelism === this.rctx.subtask);
    for (const f of mine) {
      this.seen.add(f.path);
      this.queue.push({ ...f, rel: this.relative(f.path) });
    }
    if (mine.length > 0) this.queuedView = null;
    this.listed = true;
  }

  async poll(): Promise<Chunk | null> {
    for (;;) {
      if (this.closed) return null;
      if (!this.listed) await this.refresh();
      const rows: Row[] = [];
      const kinds: RowKind[] = [];
      while (rows.length < CHUNK) {
        if (this.current === null) {
          const e = this.queue[this.head];
          if (e === undefined) break;
          this.current = await this.openFile(e);
          this.startedHead();
        }
        const f = this.current;
        const n = Math.min(CHUNK - rows.length, f.rows.length - f.next);
        for (let i = 0; i < n; i++) {
          kinds.push(f.kinds[f.next]!);
          rows.push(f.rows[f.next++]!);
        }
        if (f.next === f.rows.length) {
          this.done.push(f.entry.rel);
          this.doneView = null;
          this.current = null;
        }
      }
      if (rows.length > 0) return { rows, kinds: kinds.every((k) => k === RowKind.INSERT) ? null : kinds };
      if (this.monitorMillis === undefined) return null;
      await new Promise((r) => setTimeout(r, this.monitorMillis));
      await this.refresh();
    }
  }

  position(): FileSourcePosition {
    const f = this.current;
    let current: FileCursor | null = null;
    let queuedFrom = this.head;
    if (f !== null) {
      // The started file has left the queue. Its cursor counts rows delivered before a restored checkpoint too.
      current = { path: f.entry.rel, recordsDone: f.recordOf[f.next]!, rowsOfNextRecord: f.rowInRecord[f.next]! };
    } else if (this.resumeAt !== null && this.queue[this.head]?.rel === this.resumeAt.path) {
      // Restored but not polled yet: the checkpoint's own cursor still holds.
      current = { path: this.resumeAt.path, recordsDone: this.resumeAt.records, rowsOfNextRecord: this.resumeAt.rows };
      queuedFrom++;
    }
    if (this.doneView === null) this.doneView = Object.freeze(this.done.slice());
    if (this.queuedView === null || this.queuedFrom !== queuedFrom) {
      const queued = new Array<string>(Math.max(0, this.queue.length - queuedFrom));
      for (let i = queuedFrom; i < this.queue.length; i++) queued[i - queuedFrom] = this.queue[i]!.rel;
      this.queuedView = Object.freeze(queued);
      this.queuedFrom = queuedFrom;
    }
    return { version: 1, listed: this.listed, done: this.doneView, current, queued: this.queuedView };
  }

  restore(position: unknown): void {
    const p = parseFileSourcePosition(position);
    this.listed = p.listed;
    for (const rel of p.done) {
      this.done.push(rel);
      this.seen.add(join(this.root, rel));
    }
    this.doneView = null;
    const files = p.current === null ? p.queued : [p.current.path, ...p.queued];
    this.queue = files.map((rel) => {
      const e = entryOf(this.root, rel);
      return { ...e, rel: this.relative(e.path) };
    });
    this.head = 0;
    this.queuedView = null;
    for (const e of this.queue) this.seen.add(e.path);
    if (p.current !== null) this.resumeAt = { path: p.current.path, records: p.current.recordsDone, rows: p.current.rowsOfNextRecord };
  }

  /** The file at `head` has been opened: it leaves the queue (whose started prefix is dropped now and then). */
  private startedHead(): void {
    this.head++;
    this.queuedView = null;
    if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private relative(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }

  private async openFile(f: AssignedFile): Promise<OpenFile> {
    const text = await readFile(f.path, 'utf8');
    const meta = this.rctx.metadataKeys.length > 0 ? await fileMetadata(f.path, this.rctx.metadataKeys) : null;
    const partValues = this.partitionKeys.map((k) => {
      const t = this.physical.find((c) => c.name === k)!.type;
      const raw = f.partition.get(k);
      return raw === undefined ? null : partitionValueFromText(raw, t, this.defaultPartition);
    });
    const resume = this.resumeAt !== null && this.resumeAt.path === f.rel ? this.resumeAt : null;
    const records = this.decoder.splitRecords(text);
    const rows: Row[] = [];
    const kinds: RowKind[] = [];
    const recordOf: number[] = [];
    const rowInRecord: number[] = [];
    // Records delivered before a restored checkpoint are not decoded again (nor counted as skipped again).
    for (let i = resume?.records ?? 0; i < records.length; i++) {
      const d = this.decoder.decode(records[i]!);
      if (d === 'skip') {
        this.rctx.onSkippedRecord?.(`Skipped malformed record in ${f.path}`);
        continue;
      }
      const from = resume !== null && i === resume.records ? resume.rows : 0;
      for (let k = from; k < d.rows.length; k++) {
        const r = d.rows[k]!;
        const row = this.partitionKeys.length === 0 ? r : this.withPartitions(r, partValues);
        rows.push(meta === null ? row : [...row, ...meta]);
        kinds.push(d.kinds?.[k] ?? RowKind.INSERT);
        recordOf.push(i);
        rowInRecord.push(k);
      }
    }
    return { entry: f, rows, kinds, recordOf, rowInRecord, next: 0 };
  }
  /** Places format columns and partition values at their physical positions. */
  private withPartitions(r: Row, partValues: unknown[]): Row {
    const out = new Array<unknown>(this.physical.length);
    let j = 0;
    for (let i = 0; i < this.physical.length; i++) {
      const p = this.partitionKeys.indexOf(this.physical[i]!.name);
      out[i] = p >= 0 ? partValues[p] : r[j++];
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Flink's filesystem source metadata: readable with `METADATA FROM 'file.path'` etc. */
export const FILE_METADATA: ReadonlyMap<string, DataType> = new Map<string, DataType>([
  ['file.path', STRING(false)],
  ['file.name', STRING(false)],
  ['file.size', BIGINT(false)],
  ['file.modification-time', TIMESTAMP_LTZ(3, false)],
]);

async function fileMetadata(path: string, keys: readonly string[]): Promise<unknown[]> {
  const s = await stat(path);
  const values: Record<string, unknown> = {
    'file.path': path,
    'file.name': basename(path),
    'file.size': BigInt(s.size),
    'file.modification-time': new Timestamp(Math.floor(s.mtimeMs)),
  };
  return keys.map((k) => values[k] ?? null);
}

function hashPath(p: string): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) h = (h * 31 + p.charCodeAt(i)) | 0;
  return Math.abs(h);
}

export function createFileSource(ctx: TableContext): TableSource {
  const { factory, fctx } = formatOf(ctx);
  // Built once here so option errors surface at planning time.
  factory.createDecoder(fctx);
  const root = localPath(ctx.options.get(FS_OPTIONS.path.key)!);
  const monitor = readDuration(ctx.options, FS_OPTIONS.sourceMonitorInterval.key);
  const pattern = readString(ctx.options, FS_OPTIONS.sourcePathRegexPattern.key);
  const defaultPartition = readString(ctx.options, FS_OPTIONS.partitionDefaultName.key, '__DEFAULT_PARTITION__');
  const lookupConfig = readLookupConfig(ctx.options);
  const reader = (rctx: ReaderContext, monitorMillis: number | undefined) =>
    new FileReader(root, factory.createDecoder(fctx), ctx.physicalType.fields, ctx.partitionKeys, defaultPartition, pattern === undefined ? null : new RegExp(pattern), monitorMillis, rctx);
  return {
    changelogMode: factory.changelogMode,
    bounded: monitor === undefined,
    splittable: true,
    metadata: FILE_METADATA,
    supportsLookup: true,
    createReader: (rctx) => reader(rctx, monitor),
    lookup(lctx: LookupContext): LookupFunction {
      // The whole file (or directory) is read into an index by the lookup columns, again as the cache options say.
      const loadAll = withRetries(async () => {
        const r = reader({ subtask: 0, parallelism: 1, metadataKeys: lctx.metadataKeys }, undefined);
        const rows: Row[] = [];
        for (let c = await r.poll(); c !== null; c = await r.poll()) if ('rows' in c) rows.push(...c.rows);
        await r.close();
        return rows;
      }, lookupConfig.maxRetries);
      const types = lctx.keys.map((k) => (k < ctx.physicalType.fields.length ? ctx.physicalType.fields[k]!.type : FILE_METADATA.get(lctx.metadataKeys[k - ctx.physicalType.fields.length]!)!));
      const keyOfRow = buildKeyOf(types, lctx.keys);
      const keyOfValues = buildKeyOf(types, types.map((_, i) => i));
      return { ...cachedLookup(lookupConfig.cache, { loadAll }, keyOfRow, keyOfValues, lctx.now), async: lookupConfig.async };
    },
  };
}
