/**
 * Filesystem sink: per subtask and partition, a part file written under a hidden in-progress name
 * (`.part-<uuid>-<subtask>-<n>.inprogress.<uuid>`), rolled by size or age, and renamed to its final
 * name (`part-<uuid>-<subtask>-<n>`) only when committed (finish at end of input). close() without
 * commit deletes the in-progress files. Compaction options are accepted and ignored.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { SinkWriter, TableContext, TableSink, WriterContext } from '../connector.js';
import type { Encoder } from '../formats/format.js';
import type { DataType } from '../../types/data-type.js';
import type { Chunk, Row } from '../../types/row.js';
import { kindAt } from '../../types/row.js';
import { readDuration, readMemorySize, readString } from '../../catalog/option-readers.js';
import { FS_OPTIONS, formatOf, localPath } from './fs-options.js';
import { partitionValueText } from './partition-path.js';

interface OpenPart {
  readonly dir: string;
  readonly inProgress: string;
  readonly final: string;
  readonly fh: FileHandle;
  bytes: number;
  readonly openedAt: number;
}

interface SinkConfig {
  readonly root: string;
  readonly uuid: string;
  readonly encoder: Encoder;
  readonly partitionIdx: readonly number[];
  readonly dataIdx: readonly number[];
  readonly partitionTypes: readonly DataType[];
  readonly partitionNames: readonly string[];
  readonly defaultPartition: string;
  readonly fileSize: number;
  readonly rolloverMillis: number;
  readonly successFile: string | null;
}

class FileSinkWriter implements SinkWriter {
  private readonly open = new Map<string, OpenPart>();
  /** Closed part files awaiting commit: [in-progress path, final path]. */
  private readonly pending: [string, string][] = [];
  private readonly dirs = new Set<string>();
  private readonly partitionDirs = new Map<string, string>();
  private counter = 0;

  constructor(
    private readonly c: SinkConfig,
    private readonly subtask: number,
  ) {}

  private partitionDir(row: Row): string {
    const { partitionIdx, partitionNames, partitionTypes, defaultPartition } = this.c;
    if (partitionIdx.length === 0) return this.c.root;
    let key = '';
    for (let k = 0; k < partitionIdx.length; k++) {
      key += `${k > 0 ? '/' : ''}${partitionNames[k]}=${partitionValueText(row[partitionIdx[k]!], partitionTypes[k]!, defaultPartition)}`;
    }
    // Joining (and normalizing) the path once per partition, not once per row.
    let dir = this.partitionDirs.get(key);
    if (dir === undefined) this.partitionDirs.set(key, (dir = join(this.c.root, key)));
    return dir;
  }

  private async part(dir: string): Promise<OpenPart> {
    const cur = this.open.get(dir);
    if (cur !== undefined) {
      if (cur.bytes < this.c.fileSize && Date.now() - cur.openedAt < this.c.rolloverMillis) return cur;
      await this.roll(cur);
    }
    await mkdir(dir, { recursive: true });
    const name = `part-${this.c.uuid}-${this.subtask}-${this.counter++}`;
    const inProgress = join(dir, `.${name}.inprogress.${randomUUID()}`);
    const p: OpenPart = { dir, inProgress, final: join(dir, name), fh: await open(inProgress, 'w'), bytes: 0, openedAt: Date.now() };
    this.open.set(dir, p);
    this.dirs.add(dir);
    return p;
  }

  private async roll(p: OpenPart): Promise<void> {
    await p.fh.close();
    this.open.delete(p.dir);
    this.pending.push([p.inProgress, p.final]);
  }

  async write(chunk: Chunk): Promise<void> {
    const { dataIdx } = this.c;
    const byDir = new Map<string, string[]>();
    for (let i = 0; i < chunk.rows.length; i++) {
      const row = chunk.rows[i]!;
      const data = this.c.partitionIdx.length === 0 ? row : dataIdx.map((j) => row[j]);
      const line = `${this.c.encoder.encode(data, kindAt(chunk, i))}\n`;
      const dir = this.partitionDir(row);
      let lines = byDir.get(dir);
      if (lines === undefined) byDir.set(dir, (lines = []));
      lines.push(line);
    }
    for (const [dir, lines] of byDir) {
      const p = await this.part(dir);
      const buf = Buffer.from(lines.join(''), 'utf8');
      await p.fh.write(buf);
      p.bytes += buf.length;
    }
  }

  /** Commits: closes open parts and makes every pending part visible under its final name. */
  async finish(): Promise<void> {
    for (const p of [...this.open.values()]) await this.roll(p);
    for (const [from, to] of this.pending.splice(0)) await rename(from, to);
    if (this.c.successFile !== null) for (const d of this.dirs) await writeFile(join(d, this.c.successFile), '');
  }

  /** Discards whatever was not committed. */
  async close(): Promise<void> {
    for (const p of [...this.open.values()]) {
      await p.fh.close().catch(() => {});
      this.open.delete(p.dir);
      this.pending.push([p.inProgress, p.final]);
    }
    for (const [from] of this.pending.splice(0)) await rm(from, { force: true });
  }
}

export function createFileSink(ctx: TableContext): TableSink {
  const { factory, fctx } = formatOf(ctx);
  const encoder = factory.createEncoder(fctx);
  const names = ctx.physicalType.fields.map((f) => f.name);
  const partitionIdx = ctx.partitionKeys.map((k) => names.indexOf(k));
  const policy = readString(ctx.options, FS_OPTIONS.commitPolicyKind.key, '');
  const config: SinkConfig = {
    root: localPath(ctx.options.get(FS_OPTIONS.path.key)!),
    uuid: randomUUID(),
    encoder,
    partitionIdx,
    dataIdx: names.map((_n, i) => i).filter((i) => !partitionIdx.includes(i)),
    partitionTypes: partitionIdx.map((i) => ctx.physicalType.fields[i]!.type),
    partitionNames: ctx.partitionKeys,
    defaultPartition: readString(ctx.options, FS_OPTIONS.partitionDefaultName.key, '__DEFAULT_PARTITION__'),
    fileSize: readMemorySize(ctx.options, FS_OPTIONS.rollingFileSize.key, 128 * 1024 * 1024),
    rolloverMillis: readDuration(ctx.options, FS_OPTIONS.rollingRolloverInterval.key, 30 * 60_000),
    successFile: policy.split(',').map((s) => s.trim()).includes('success-file')
      ? readString(ctx.options, FS_OPTIONS.commitSuccessFileName.key, '_SUCCESS')
      : null,
  };
  for (const k of [FS_OPTIONS.rollingCheckInterval.key, FS_OPTIONS.rollingInactivityInterval.key, FS_OPTIONS.commitDelay.key]) {
    readDuration(ctx.options, k);
  }
  return {
    acceptedChangelogMode: () => factory.changelogMode,
    metadata: new Map(),
    supportsOverwrite: true,
    createWriter: (w: WriterContext) => new FileSinkWriter({ ...config, encoder: factory.createEncoder(fctx) }, w.subtask),
  };
}
