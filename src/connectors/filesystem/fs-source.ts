/** Filesystem scan: lists non-hidden files (recursing into `k=v` partition directories), decodes them. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LookupContext, LookupFunction, ReaderContext, SourceReader, TableContext, TableSource } from '../connector.js';
import { cachedLookup, withRetries } from '../lookup/lookup-cache.js';
import { readLookupConfig } from '../lookup/lookup-options.js';
import { buildKeyOf } from '../../types/value-hash.js';
import type { Decoder } from '../formats/format.js';
import { BIGINT, STRING, TIMESTAMP_LTZ, type DataType } from '../../types/data-type.js';
import { Timestamp } from '../../types/values.js';
import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row } from '../../types/row.js';
import { readDuration, readString } from '../../catalog/option-readers.js';
import { FS_OPTIONS, formatOf, localPath } from './fs-options.js';
import { partitionValueFromText } from './partition-path.js';

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

class FileReader implements SourceReader {
  private files: FileEntry[] | null = null;
  private readonly seen = new Set<string>();
  private next = 0;
  private pending: Row[] = [];
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
    this.files = this.monitorMillis === undefined ? all : all.filter((f) => hashPath(f.path) % this.rctx.parallelism === this.rctx.subtask);
    for (const f of this.files) this.seen.add(f.path);
    this.next = 0;
  }

  async poll(): Promise<Chunk | null> {
    for (;;) {
      if (this.closed) return null;
      if (this.pending.length >= CHUNK) return { rows: this.pending.splice(0, CHUNK), kinds: null };
      if (this.files === null) await this.refresh();
      if (this.next < this.files!.length) {
        await this.readFile(this.files![this.next++]!);
        continue;
      }
      if (this.pending.length > 0) return { rows: this.pending.splice(0), kinds: null };
      if (this.monitorMillis === undefined) return null;
      await new Promise((r) => setTimeout(r, this.monitorMillis));
      await this.refresh();
    }
  }

  private async readFile(f: FileEntry): Promise<void> {
    const text = await readFile(f.path, 'utf8');
    const meta = this.rctx.metadataKeys.length > 0 ? await fileMetadata(f.path, this.rctx.metadataKeys) : null;
    const partValues = this.partitionKeys.map((k) => {
      const t = this.physical.find((c) => c.name === k)!.type;
      const raw = f.partition.get(k);
      return raw === undefined ? null : partitionValueFromText(raw, t, this.defaultPartition);
    });
    for (const rec of this.decoder.splitRecords(text)) {
      const d = this.decoder.decode(rec);
      if (d === 'skip') {
        this.rctx.onSkippedRecord?.(`Skipped malformed record in ${f.path}`);
        continue;
      }
      for (const r of d.rows) {
        const row = this.partitionKeys.length === 0 ? r : this.withPartitions(r, partValues);
        this.pending.push(meta === null ? row : [...row, ...meta]);
      }
    }
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
