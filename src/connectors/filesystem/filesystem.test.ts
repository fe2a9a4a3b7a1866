import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIGINT, DATE, INT, STRING } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import type { Row } from '../../types/row.js';
import type { TableContext } from '../connector.js';
import { filesystemFactory } from './filesystem-factory.js';
import { fsTable } from '../../../tests/helpers/fs-table.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'weir-fs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const table = fsTable;

async function scan(ctx: TableContext, skipped: string[] = []): Promise<Row[]> {
  const r = filesystemFactory.createSource!(ctx).createReader({ subtask: 0, parallelism: 1, metadataKeys: [], onSkippedRecord: (s) => skipped.push(s) });
  const out: Row[] = [];
  for (let c = await r.poll(); c !== null; c = await r.poll()) if ('rows' in c) out.push(...c.rows);
  return out;
}

const writer = (ctx: TableContext, subtask = 0) =>
  filesystemFactory.createSink!(ctx).createWriter({ subtask, parallelism: 1, metadataKeys: [], stdout: () => {}, stderr: () => {} });

describe('filesystem source', () => {
  it('reads a directory tree with partitions, skipping hidden files', async () => {
    await mkdir(join(dir, 'dt=2024-01-01'), { recursive: true });
    await mkdir(join(dir, 'dt=__DEFAULT_PARTITION__'), { recursive: true });
    await writeFile(join(dir, 'dt=2024-01-01', 'a.csv'), '1,Alice\n2,"Bob, Jr."\n');
    await writeFile(join(dir, 'dt=__DEFAULT_PARTITION__', 'b.csv'), '3,Carol\n');
    await writeFile(join(dir, 'dt=2024-01-01', '.hidden.inprogress'), '9,Nope\n');
    await writeFile(join(dir, '_SUCCESS'), '');
    const ctx = table([['id', INT()], ['dt', DATE()], ['name', STRING()]], { path: dir, format: 'csv' }, ['dt']);
    const rows = await scan(ctx);
    expect(rows).toEqual([
      [1, 19723, 'Alice'],
      [2, 19723, 'Bob, Jr.'],
      [3, null, 'Carol'],
    ]);
    expect(filesystemFactory.createSource!(ctx).bounded).toBe(true);
  });

  it('reads a single JSON file; malformed records fail or are skipped and counted', async () => {
    const f = join(dir, 'data.json');
    await writeFile(f, '{"id": 9223372036854775807}\n{"id": oops}\n{"id": 2}\n');
    await expect(scan(table([['id', BIGINT()]], { path: f, format: 'json' }))).rejects.toThrow(
      new RuntimeError(`Failed to deserialize JSON '{"id": oops}'.`),
    );
    const skipped: string[] = [];
    const rows = await scan(table([['id', BIGINT()]], { path: `file://${f}`, format: 'json', 'json.ignore-parse-errors': 'true' }), skipped);
    expect(rows).toEqual([[9223372036854775807n], [2n]]);
    expect(skipped).toHaveLength(1);
  });

  it('splits files across subtasks', async () => {
    for (let i = 0; i < 4; i++) await writeFile(join(dir, `f${i}.csv`), `${i}\n`);
    const ctx = table([['id', INT()]], { path: dir, format: 'csv' });
    const src = filesystemFactory.createSource!(ctx);
    const seen: unknown[] = [];
    for (const subtask of [0, 1]) {
      const r = src.createReader({ subtask, parallelism: 2, metadataKeys: [] });
      for (let c = await r.poll(); c !== null; c = await r.poll()) if ('rows' in c) seen.push(...c.rows.map((x) => x[0]));
    }
    expect(seen.sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('filesystem lookup', () => {
  it('looks rows up by key and sees a changed file after the cache entry expires', async () => {
    const f = join(dir, 'dim.csv');
    await writeFile(f, '1,Alice\n2,Bob\n1,Alys\n');
    let now = 0;
    const ctx = table([['id', INT()], ['name', STRING()]], { path: f, format: 'csv', 'lookup.cache': 'PARTIAL', 'lookup.partial-cache.expire-after-write': '10 s' });
    const src = filesystemFactory.createSource!(ctx);
    expect(src.supportsLookup).toBe(true);
    const fn = src.lookup!({ keys: [0], metadataKeys: ['file.name'], now: () => now });
    expect(await fn.lookup([1])).toEqual([[1, 'Alice', 'dim.csv'], [1, 'Alys', 'dim.csv']]);
    expect(await fn.lookup([3])).toEqual([]);
    await writeFile(f, '1,Ann\n3,Carol\n');
    now += 5_000;
    expect(await fn.lookup([1])).toEqual([[1, 'Alice', 'dim.csv'], [1, 'Alys', 'dim.csv']]);
    expect(await fn.lookup([3])).toEqual([]);
    now += 5_000;
    expect(await fn.lookup([1])).toEqual([[1, 'Ann', 'dim.csv']]);
    expect(await fn.lookup([3])).toEqual([[3, 'Carol', 'dim.csv']]);
  });

  it('fails after lookup.max-retries when the file cannot be read', async () => {
    const ctx = table([['id', INT()]], { path: join(dir, 'missing.csv'), format: 'csv', 'lookup.max-retries': '1' });
    const fn = filesystemFactory.createSource!(ctx).lookup!({ keys: [0], metadataKeys: [], now: () => 0 });
    await expect(fn.lookup([1])).rejects.toThrow(/^Failed to load table into cache after 1 retries: File .*missing.csv does not exist/);
  });

  it('rejects invalid lookup options when the source is created', () => {
    expect(() => filesystemFactory.createSource!(table([['id', INT()]], { path: dir, format: 'csv', 'lookup.partial-cache.expire-after-access': 'soon' })))
      .toThrow("Invalid value for option 'lookup.partial-cache.expire-after-access'.");
  });
});

describe('filesystem sink', () => {
  it('writes hidden in-progress part files and commits them on finish', async () => {
    const ctx = table([['id', INT()], ['name', STRING()]], { path: dir, format: 'json' });
    const w = writer(ctx, 3);
    await w.write({ rows: [[1, 'Alice'], [2, null]], kinds: null });
    const before = await readdir(dir);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/^\.part-[0-9a-f-]{36}-3-0\.inprogress\.[0-9a-f-]{36}$/);
    await w.finish();
    await w.close();
    const after = await readdir(dir);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^part-[0-9a-f-]{36}-3-0$/);
    expect(await readFile(join(dir, after[0]!), 'utf8')).toBe('{"id":1,"name":"Alice"}\n{"id":2,"name":null}\n');
    // What was written reads back.
    expect(await scan(ctx)).toEqual([[1, 'Alice'], [2, null]]);
  });

  it('discards uncommitted files on close without finish', async () => {
    const w = writer(table([['id', INT()]], { path: dir, format: 'csv' }));
    await w.write({ rows: [[1]], kinds: null });
    await w.close();
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes partition directories and rolls by file size', async () => {
    const ctx = table([['id', INT()], ['dt', STRING()], ['v', STRING()]], {
      path: dir,
      format: 'csv',
      'sink.rolling-policy.file-size': '1b',
      'sink.partition-commit.policy.kind': 'success-file',
    }, ['dt']);
    const w = writer(ctx);
    await w.write({ rows: [[1, 'a', 'x'], [2, null, 'y']], kinds: null });
    await w.write({ rows: [[3, 'a', 'z']], kinds: null });
    await w.finish();
    expect((await readdir(dir)).sort()).toEqual(['dt=__DEFAULT_PARTITION__', 'dt=a']);
    const aFiles = (await readdir(join(dir, 'dt=a'))).sort();
    expect(aFiles.filter((f) => f.startsWith('part-'))).toHaveLength(2);
    expect(aFiles).toContain('_SUCCESS');
    expect((await scan(ctx)).sort((x, y) => (x[0] as number) - (y[0] as number))).toEqual([
      [1, 'a', 'x'],
      [2, null, 'y'],
      [3, 'a', 'z'],
    ]);
  });

  it('accepts only what its format produces', () => {
    const sink = filesystemFactory.createSink!(table([['id', INT()]], { path: dir, format: 'csv' }));
    expect([...sink.acceptedChangelogMode({ kinds: new Set([0, 1, 2, 3]) }).kinds]).toEqual([0]);
  });
});
