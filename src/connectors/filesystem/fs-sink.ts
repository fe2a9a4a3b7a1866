/**
 * Filesystem sink: per subtask and partition, a part file written under a hidden in-progress name
 * (`.part-<uuid>-<subtask>-<n>.inprogress.<uuid>`), rolled by size or age, and renamed to its final
 * name (`part-<uuid>-<subtask>-<n>`) only when committed: by `commit` once a checkpoint completes
 * (two-phase, Flink's FileSink), or by `finish` at the end of bounded input. close() deletes the
 * in-progress files no checkpoint holds. Compaction options are accepted and ignored.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { SinkCommittable, SinkWriter, TableContext, TableSink, WriterContext } from '../connector.js';
import type { Encoder } from '../formats/format.js';
import type { DataType } from '../../types/data-type.js';
import type { Chunk, Row } from '../../types/row.js';
import { kindAt } from '../../types/row.js';
import { localPath, readDuration, readMemorySize, readString } from '../../catalog/option-readers.js';
import { FS_OPTIONS, formatOf } from './fs-options.js';
import { partitionValueText } from './partition-path.js';
import { commitParts, discardAttempt, parseFileSinkCommittable, relativeTo, type FileSinkCommittable, type PendingPart } from './fs-sink-commit.js';

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
  /** Closed part files no checkpoint holds yet (paths relative to the root). */
  private pending: PendingPart[] = [];
  /** Part files in a prepareCommit whose commit has not run: every later committable repeats them. */
  private prepared: PendingPart[] = [];
  private readonly dirs = new Set<string>();
  private readonly partitionDirs = new Map<string, string>();
  private counter = 0;
  /** The file-name uuid: the sink's, or after a restore the restored writer's. */
  private uuid: string;

  constructor(
    private readonly c: SinkConfig,
    private subtask: number,
  ) {
    this.uuid = c.uuid;
  }

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
    const name = `part-${this.uuid}-${this.subtask}-${this.counter++}`;
    const inProgress = join(dir, `.${name}.inprogress.${randomUUID()}`);
    const p: OpenPart = { dir, inProgress, final: join(dir, name), fh: await open(inProgress, 'w'), bytes: 0, openedAt: Date.now() };
    this.open.set(dir, p);
    this.dirs.add(dir);
    return p;
  }

  /** Closes a part file, flushed to disk, so a checkpoint that holds it survives a crash. */
  private async roll(p: OpenPart): Promise<void> {
    await p.fh.sync();
    await p.fh.close();
    this.open.delete(p.dir);
    this.pending.push({ inProgress: relativeTo(this.c.root, p.inProgress), final: relativeTo(this.c.root, p.final) });
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

  /** Closes every open part; what was written is durable but stays hidden until `commit`. */
  async prepareCommit(_checkpointId: number): Promise<SinkCommittable> {
    for (const p of [...this.open.values()]) await this.roll(p);
    this.prepared.push(...this.pending.splice(0));
    const c: FileSinkCommittable = { version: 1, uuid: this.uuid, subtask: this.subtask, nextPartNumber: this.counter, pending: [...this.prepared] };
    return c;
  }

  async commit(committable: SinkCommittable): Promise<void> {
    const c = parseFileSinkCommittable(committable);
    await commitParts(this.c.root, c.pending, this.c.successFile);
    const committed = new Set(c.pending.map((p) => p.inProgress));
    this.prepared = this.prepared.filter((p) => !committed.has(p.inProgress));
  }

  /**
   * Commits the checkpoint's parts, deletes the crashed attempt's later part files, and continues
   * as that writer (uuid, subtask, part counter), so new names never meet committed ones.
   */
  async restore(committable: SinkCommittable): Promise<void> {
    const c = parseFileSinkCommittable(committable);
    await commitParts(this.c.root, c.pending, this.c.successFile);
    const maxFinal = await discardAttempt(this.c.root, c.uuid, c.subtask, new Set(c.pending.map((p) => p.inProgress)));
    this.uuid = c.uuid;
    this.subtask = c.subtask;
    this.counter = Math.max(c.nextPartNumber, maxFinal + 1);
  }

  /** End of bounded input: commits every part, also those of checkpoints whose commit has not run. */
  async finish(): Promise<void> {
    for (const p of [...this.open.values()]) await this.roll(p);
    await commitParts(this.c.root, [...this.prepared.splice(0), ...this.pending.splice(0)], null);
    if (this.c.successFile !== null) for (const d of this.dirs) await writeFile(join(d, this.c.successFile), '');
  }

  /** Discards what no checkpoint holds; prepared parts stay for a restore to commit. */
  async close(): Promise<void> {
    for (const p of [...this.open.values()]) {
      await p.fh.close().catch(() => {});
      this.open.delete(p.dir);
      this.pending.push({ inProgress: relativeTo(this.c.root, p.inProgress), final: relativeTo(this.c.root, p.final) });
    }
    for (const p of this.pending.splice(0)) await rm(join(this.c.root, p.inProgress), { force: true });
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
