import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drainReader, readAcrossRestore } from '../../../tests/helpers/source-restore.js';
import { BIGINT, INT, STRING } from '../../types/data-type.js';
import type { Row } from '../../types/row.js';
import type { SinkWriter, TableContext } from '../connector.js';
import { filesystemFactory } from './filesystem-factory.js';
import { fsTable } from '../../../tests/helpers/fs-table.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'weir-fs-ckp-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const table = fsTable;

const reader = (ctx: TableContext, skipped: string[] = [], subtask = 0, parallelism = 1) =>
  filesystemFactory.createSource!(ctx).createReader({ subtask, parallelism, metadataKeys: ['file.name'], onSkippedRecord: (s) => skipped.push(s) });

const lines = (from: number, n: number, bad = 0): string =>
  Array.from({ length: n }, (_, i) => (bad > 0 && i % bad === bad - 1 ? '{"id": oops}\n' : `{"id": ${from + i}}\n`)).join('');

/** Files of several sizes: chunks (1024 rows) span files, end mid-file and mid-record (a JSON array is one record of many rows). */
async function writeSourceFiles(root: string): Promise<void> {
  await mkdir(join(root, 'p=a'), { recursive: true });
  await mkdir(join(root, 'p=b'), { recursive: true });
  await writeFile(join(root, 'p=a', 'f1.json'), lines(0, 1500, 7));
  await writeFile(join(root, 'p=a', 'f2.json'), lines(5000, 10));
  await writeFile(join(root, 'p=b', 'empty.json'), '');
  const arr = JSON.stringify(Array.from({ length: 1500 }, (_, i) => ({ id: 10_000 + i })));
  await writeFile(join(root, 'p=b', 'f3.json'), `${lines(20_000, 300, 5)}${arr}\n${lines(30_000, 900)}{"id": oops}\n`);
}

const JSON_TABLE = (root: string, extra: Record<string, string> = {}) =>
  table([['id', BIGINT()], ['p', STRING()]], { path: root, format: 'json', 'json.ignore-parse-errors': 'true', ...extra }, ['p']);

const rowsOf = (served: Awaited<ReturnType<typeof drainReader>>): Row[] => served.flatMap((c) => ('rows' in c ? c.rows : []));

describe('filesystem source position', () => {
  it('restores exactly after any number of chunks, with skipped records and partitions', async () => {
    await writeSourceFiles(dir);
    const ctx = JSON_TABLE(dir);
    const skippedStraight: string[] = [];
    const straight = await drainReader(reader(ctx, skippedStraight));
    expect(straight.length).toBeGreaterThan(3);
    expect(rowsOf(straight)[0]).toEqual([0n, 'a', 'f1.json']);
    for (let k = 0; k <= straight.length; k++) {
      const skipped: string[][] = [];
      const { served } = await readAcrossRestore(() => reader(ctx, (skipped[skipped.length] = [])), k);
      expect(served).toEqual(straight);
      // Records before the restored cursor are not decoded (nor counted as skipped) again.
      if (k === 0) expect(skipped[1]).toHaveLength(skippedStraight.length);
      if (k === straight.length) expect(skipped[1]).toEqual([]);
    }
  });

  it('does not read finished files again, nor files listed after the checkpoint in bounded mode', async () => {
    await writeSourceFiles(dir);
    const ctx = JSON_TABLE(dir);
    const straight = await drainReader(reader(ctx));
    const first = reader(ctx);
    const before = await drainReader(first, 2);
    const position = JSON.parse(JSON.stringify(first.position!())) as { done: string[]; current: unknown; queued: string[] };
    expect(position.done).toEqual(['p=a/f1.json', 'p=a/f2.json', 'p=b/empty.json']);
    // 1286 good rows of f1 + 10 of f2 + 240 of f3's first 300 lines = 1536: 512 rows into the array record.
    expect(position.current).toEqual({ path: 'p=b/f3.json', recordsDone: 300, rowsOfNextRecord: 512 });
    await writeFile(join(dir, 'p=a', 'late.json'), lines(90_000, 5));
    // The data directory may move: the position names files relative to it.
    await rename(dir, `${dir}-moved`);
    dir = `${dir}-moved`;
    const second = reader(JSON_TABLE(dir));
    await second.restore!(position);
    expect([...rowsOf(before), ...rowsOf(await drainReader(second))]).toEqual(rowsOf(straight));
  });

  it('positions taken earlier do not change as the reader goes on, and restore from any of them', async () => {
    await writeSourceFiles(dir);
    // Many small files (above the 1024 after which the reader drops its started files from its queue): chunks span hundreds of them.
    await mkdir(join(dir, 'p=c'));
    for (let i = 0; i < 1100; i++) await writeFile(join(dir, 'p=c', `s${String(i).padStart(4, '0')}.json`), lines(100_000 + i * 10, i % 3 === 0 ? 3 : 2));
    const ctx = JSON_TABLE(dir);
    const straight = await drainReader(reader(ctx));
    const r = reader(ctx);
    // Each position as taken, held as the live object (as the job runner holds it) and as a copy made then.
    const held: { position: unknown; copy: unknown; polls: number }[] = [];
    const take = (polls: number) => {
      const position = r.position!();
      held.push({ position, copy: json(position), polls });
    };
    take(0);
    for (let polls = 1; (await r.poll()) !== null; polls++) {
      take(polls);
      take(polls);
    }
    expect(held.length).toBeGreaterThan(10);
    expect(held.some((h) => (h.copy as { current: unknown }).current !== null)).toBe(true);
    for (const h of held) expect(h.position).toEqual(h.copy);
    const last = held[held.length - 1]!.copy as { done: string[]; current: unknown; queued: string[] };
    expect(last).toMatchObject({ current: null, queued: [] });
    expect(last.done).toHaveLength(1104);
    // One restore per poll count (the second position taken after a poll shares the first's file lists).
    for (const h of held.filter((h, i) => held[i - 1]?.polls !== h.polls)) {
      const again = reader(ctx);
      await again.restore!(h.position);
      // Restored and not polled yet: its position is the one it restored.
      expect(json(again.position!())).toEqual(h.copy);
      expect([...rowsOf(straight.slice(0, h.polls)), ...rowsOf(await drainReader(again))]).toEqual(rowsOf(straight));
    }
  });

  it('restores a chain of restored readers, one poll each, through a record of several chunks', async () => {
    await writeSourceFiles(dir);
    await writeFile(join(dir, 'p=b', 'f4.json'), `${JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ id: 40_000 + i })))}\n${lines(50_000, 3)}`);
    const ctx = JSON_TABLE(dir);
    const straight = await drainReader(reader(ctx));
    const served: Row[] = [];
    let position: unknown = null;
    for (;;) {
      const r = reader(ctx);
      if (position !== null) await r.restore!(position);
      const c = await r.poll();
      if (c === null) break;
      if ('rows' in c) served.push(...c.rows);
      position = r.position!();
    }
    expect(served).toEqual(rowsOf(straight));
  });

  it('keeps subtasks to their own files across a restore', async () => {
    await writeSourceFiles(dir);
    const ctx = JSON_TABLE(dir);
    for (const subtask of [0, 1]) {
      const straight = await drainReader(reader(ctx, [], subtask, 2));
      for (let k = 0; k <= straight.length; k++) {
        expect((await readAcrossRestore(() => reader(ctx, [], subtask, 2), k)).served).toEqual(straight);
      }
    }
  });

  it('in monitor mode, reads files discovered before the checkpoint and new ones, never finished ones', async () => {
    for (let i = 0; i < 5; i++) await writeFile(join(dir, `f${i}.json`), lines(i * 1000, 700));
    const ctx = JSON_TABLE(dir, { 'source.monitor-interval': '10 ms' });
    expect(filesystemFactory.createSource!(ctx).bounded).toBe(false);
    const straight = await drainReader(reader(ctx), 4);
    expect(rowsOf(straight)).toHaveLength(3500);
    for (let k = 0; k <= 4; k++) expect((await readAcrossRestore(() => reader(ctx), k, 4)).served).toEqual(straight);
    // A file added after the checkpoint is read after the queued ones.
    const first = reader(ctx);
    const before = await drainReader(first, 1);
    const position = JSON.parse(JSON.stringify(first.position!())) as { queued: string[] };
    expect(position.queued).toEqual(['f2.json', 'f3.json', 'f4.json']);
    await writeFile(join(dir, 'f9.json'), lines(9000, 3));
    const second = reader(ctx);
    await second.restore!(position);
    const after = await drainReader(second, 4);
    expect([...rowsOf(before), ...rowsOf(after)].map((r) => r[0])).toEqual([...rowsOf(straight).map((r) => r[0]), 9000n, 9001n, 9002n]);
  });
});

const sinkTable = (options: Record<string, string> = {}) =>
  table([['id', INT()], ['p', STRING()], ['v', STRING()]], { path: dir, format: 'csv', ...options }, ['p']);

/** A writer of a fresh sink instance, as a new process would create it (new uuid). */
const writer = (ctx: TableContext, subtask = 0, sink = filesystemFactory.createSink!(ctx)): SinkWriter =>
  sink.createWriter({ subtask, parallelism: 2, metadataKeys: [], stdout: () => {}, stderr: () => {} });

const rowsUpTo = (from: number, to: number): Row[] => Array.from({ length: to - from }, (_, i) => [from + i, (from + i) % 3 === 0 ? 'x' : 'y', `v${from + i}`]);

/** The rows visible to readers (hidden in-progress files are not listed), sorted by id. */
async function visible(ctx: TableContext): Promise<Row[]> {
  const r = filesystemFactory.createSource!(ctx).createReader({ subtask: 0, parallelism: 1, metadataKeys: [] });
  return rowsOf(await drainReader(r)).sort((a, b) => (a[0] as number) - (b[0] as number));
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
}

const json = (c: unknown): unknown => JSON.parse(JSON.stringify(c));

describe('filesystem sink two-phase commit', () => {
  it('keeps prepared parts hidden until commit; commit is idempotent', async () => {
    const ctx = sinkTable({ 'sink.partition-commit.policy.kind': 'success-file' });
    const w = writer(ctx);
    await w.write({ rows: rowsUpTo(0, 10), kinds: null });
    const c = json(await w.prepareCommit!(1)) as { version: number; pending: { inProgress: string; final: string }[]; nextPartNumber: number };
    expect(c.version).toBe(1);
    expect(c.nextPartNumber).toBe(2);
    expect(c.pending.map((p) => p.final).sort()).toEqual([expect.stringMatching(/^p=x\/part-[0-9a-f-]{36}-0-\d$/), expect.stringMatching(/^p=y\/part-[0-9a-f-]{36}-0-\d$/)]);
    await w.write({ rows: rowsUpTo(10, 12), kinds: null });
    expect(await visible(ctx)).toEqual([]);
    await w.commit!(c);
    await w.commit!(c);
    expect(await visible(ctx)).toEqual(rowsUpTo(0, 10));
    expect((await readdir(join(dir, 'p=x'))).filter((f) => f === '_SUCCESS')).toHaveLength(1);
    await w.finish();
    await w.close();
    expect(await visible(ctx)).toEqual(rowsUpTo(0, 12));
    expect((await filesUnder(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('after a crash, a restore shows only rows before the checkpoint, then continues without duplicates', async () => {
    for (const fileSize of ['128MB', '1b']) {
      await rm(dir, { recursive: true, force: true });
      const ctx = sinkTable({ 'sink.rolling-policy.file-size': fileSize });
      const w = writer(ctx);
      await w.write({ rows: rowsUpTo(0, 5), kinds: null });
      await w.write({ rows: rowsUpTo(5, 10), kinds: null });
      const c = json(await w.prepareCommit!(7));
      await w.write({ rows: rowsUpTo(10, 15), kinds: null });
      await w.write({ rows: rowsUpTo(15, 20), kinds: null });
      // Crash: the writer is abandoned with open and rolled in-progress files, commit never ran.
      const restored = writer(ctx);
      await restored.restore!(c);
      expect(await visible(ctx)).toEqual(rowsUpTo(0, 10));
      expect((await filesUnder(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
      // The replayed rows and more: no duplicates, no name collision with committed parts.
      await restored.write({ rows: rowsUpTo(10, 20), kinds: null });
      await restored.write({ rows: rowsUpTo(20, 25), kinds: null });
      await restored.finish();
      await restored.close();
      expect(await visible(ctx)).toEqual(rowsUpTo(0, 25));
      const finals = (await filesUnder(dir)).filter((f) => f.startsWith('part-'));
      expect(new Set(finals).size).toBe(finals.length);
    }
  });

  it('restoring a checkpoint that was already committed, or twice, is harmless', async () => {
    const ctx = sinkTable();
    const w = writer(ctx);
    await w.write({ rows: rowsUpTo(0, 6), kinds: null });
    const c = json(await w.prepareCommit!(1));
    await w.commit!(c);
    await w.write({ rows: rowsUpTo(6, 9), kinds: null });
    const r1 = writer(ctx);
    await r1.restore!(c);
    await r1.write({ rows: rowsUpTo(6, 8), kinds: null });
    // Crashed again before its next checkpoint: restore the same checkpoint once more.
    const r2 = writer(ctx);
    await r2.restore!(c);
    expect(await visible(ctx)).toEqual(rowsUpTo(0, 6));
    await r2.write({ rows: rowsUpTo(6, 9), kinds: null });
    await r2.finish();
    expect(await visible(ctx)).toEqual(rowsUpTo(0, 9));
    expect((await filesUnder(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('carries parts of a checkpoint whose commit did not run into the next committable', async () => {
    const ctx = sinkTable();
    const w = writer(ctx);
    await w.write({ rows: rowsUpTo(0, 3), kinds: null });
    await w.prepareCommit!(1);
    await w.write({ rows: rowsUpTo(3, 6), kinds: null });
    const c2 = json(await w.prepareCommit!(2));
    await w.write({ rows: rowsUpTo(6, 9), kinds: null });
    // close() after a failure keeps prepared parts: the restore below commits them.
    await w.close();
    const r = writer(ctx);
    await r.restore!(c2);
    expect(await visible(ctx)).toEqual(rowsUpTo(0, 6));
    expect((await filesUnder(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('leaves other subtasks and other writers alone when restoring', async () => {
    const ctx = sinkTable();
    const sink = filesystemFactory.createSink!(ctx);
    const w0 = writer(ctx, 0, sink);
    const w1 = writer(ctx, 1, sink);
    await w0.write({ rows: rowsUpTo(0, 3), kinds: null });
    await w1.write({ rows: rowsUpTo(3, 6), kinds: null });
    const c0 = json(await w0.prepareCommit!(1));
    await w0.write({ rows: rowsUpTo(6, 7), kinds: null });
    // Subtask 0 restores while subtask 1 keeps its in-progress files.
    const r0 = writer(ctx, 0);
    await r0.restore!(c0);
    await w1.finish();
    expect(await visible(ctx)).toEqual(rowsUpTo(0, 6));
  });

  it('rejects a committable it cannot read', async () => {
    const w = writer(sinkTable());
    await expect(w.restore!({ version: 2 })).rejects.toThrow('Cannot commit or restore the filesystem sink from its checkpointed committable: unknown version 2.');
  });
});
