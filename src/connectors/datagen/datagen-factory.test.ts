import { describe, expect, it } from 'vitest';
import { ARRAY, BIGINT, CHAR, DECIMAL, INT, MAP, ROW, STRING, TIMESTAMP, VARCHAR, type DataType } from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import type { Row } from '../../types/row.js';
import { Decimal, Timestamp } from '../../types/values.js';
import type { TableContext } from '../connector.js';
import { datagenFactory } from './datagen-factory.js';
import { drainReader, readAcrossRestore } from '../../../tests/helpers/source-restore.js';

const table = (fields: [string, DataType][], options: Record<string, string>): TableContext => ({
  tableName: 'default_catalog.default_database.t',
  physicalType: ROW(fields.map(([name, type]) => ({ name, type }))),
  partitionKeys: [],
  options: new Map(Object.entries({ connector: 'datagen', ...options })),
  session: { timeZone: 'UTC', now: () => 1_700_000_000_000 },
});

async function drain(ctx: TableContext, subtask = 0, parallelism = 1): Promise<Row[]> {
  const src = datagenFactory.createSource!(ctx);
  const reader = src.createReader({ subtask, parallelism, metadataKeys: [] });
  const out: Row[] = [];
  for (let c = await reader.poll(); c !== null; c = await reader.poll()) if ('rows' in c) out.push(...c.rows);
  await reader.close();
  return out;
}

describe('datagen', () => {
  it('is bounded by number-of-rows and respects min/max', async () => {
    const ctx = table([['a', INT()], ['b', BIGINT()], ['s', STRING()]], {
      'number-of-rows': '2500',
      'rows-per-second': '100000000',
      'fields.a.min': '5',
      'fields.a.max': '7',
      'fields.b.min': '-3',
      'fields.b.max': '3',
      'fields.s.length': '10',
    });
    expect(datagenFactory.createSource!(ctx).bounded).toBe(true);
    const rows = await drain(ctx);
    expect(rows).toHaveLength(2500);
    for (const [a, b, s] of rows) {
      expect(a).toBeGreaterThanOrEqual(5);
      expect(a).toBeLessThanOrEqual(7);
      expect(typeof b).toBe('bigint');
      expect((b as bigint) >= -3n && (b as bigint) <= 3n).toBe(true);
      expect(s).toMatch(/^[0-9a-f]{10}$/);
    }
  });

  it('draws BIGINT values anywhere in [min, max], also beyond the safe integers', async () => {
    const ranges: [bigint, bigint][] = [[-9223372036854775808n, -9223372036854775800n], [9007199254740990n, 9007199254741000n], [-9223372036854775808n, 9223372036854775807n], [0n, 2n ** 60n]];
    for (const [min, max] of ranges) {
      const ctx = table([['b', BIGINT()]], { 'number-of-rows': '3000', 'rows-per-second': '100000000', 'fields.b.min': String(min), 'fields.b.max': String(max) });
      const values = (await drain(ctx)).map((r) => r[0] as bigint);
      expect(values.every((v) => typeof v === 'bigint' && v >= min && v <= max)).toBe(true);
      // A narrow range is covered: every value of it comes up.
      if (max - min < 20n) expect(new Set(values).size).toBe(Number(max - min) + 1);
    }
  });

  it('sequences end the source and split across subtasks', async () => {
    const ctx = table([['id', BIGINT()], ['d', DECIMAL(10, 2)], ['s', VARCHAR(10)]], {
      'rows-per-second': '1000000000',
      'fields.id.kind': 'sequence',
      'fields.id.start': '9007199254740990',
      'fields.id.end': '9007199254740999',
      'fields.d.kind': 'sequence',
      'fields.d.start': '1',
      'fields.d.end': '100',
      'fields.s.kind': 'sequence',
      'fields.s.start': '1',
      'fields.s.end': '100',
    });
    expect(datagenFactory.createSource!(ctx).bounded).toBe(true);
    const all = [...(await drain(ctx, 0, 2)), ...(await drain(ctx, 1, 2))];
    expect(all.map((r) => r[0])).toEqual(Array.from({ length: 10 }, (_, i) => 9007199254740990n + BigInt(i)));
    expect(all[0]![1]).toEqual(new Decimal(100n, 2));
    expect(all[5]![2]).toBe('51');
  });

  it('generates nested types, null rates and past timestamps', async () => {
    const ctx = table(
      [['arr', ARRAY(INT())], ['m', MAP(STRING(), INT())], ['r', ROW([{ name: 'x', type: INT() }])], ['t', TIMESTAMP(3)], ['n', INT()]],
      {
        'number-of-rows': '200',
        'rows-per-second': '1000000',
        'fields.arr.length': '4',
        'fields.arr.element.min': '1',
        'fields.arr.element.max': '1',
        'fields.m.key.length': '5',
        'fields.r.x.min': '2',
        'fields.r.x.max': '2',
        'fields.t.max-past': '10 s',
        'fields.n.null-rate': '1',
      },
    );
    for (const [arr, m, r, t, n] of await drain(ctx)) {
      expect(arr).toEqual([1, 1, 1, 1]);
      expect(m).toBeInstanceOf(Map);
      expect(r).toEqual([2]);
      const ms = (t as Timestamp).millis;
      expect(ms).toBeGreaterThan(1_700_000_000_000 - 10_000);
      expect(ms).toBeLessThanOrEqual(1_700_000_000_000);
      expect(n).toBeNull();
    }
  });

  it('paces chunks with rows-per-second', async () => {
    const ctx = table([['a', INT()]], { 'rows-per-second': '200', 'number-of-rows': '60' });
    const t0 = Date.now();
    expect(await drain(ctx)).toHaveLength(60);
    // 60 rows at 200/s: the last chunk is due at roughly 250 ms.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
  });

  it('is unbounded by default', () => {
    expect(datagenFactory.createSource!(table([['a', INT()]], {})).bounded).toBe(false);
  });

  it('rejects unknown field options like Flink', () => {
    try {
      datagenFactory.createSource!(table([['x', INT()]], { 'fields.x.kindd': 'random' }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanError);
      expect((e as Error).message).toBe(
        "Unsupported options found for 'datagen'.\n\nUnsupported options:\n\nfields.x.kindd\n\nSupported options:\n\n" +
          ['connector', 'fields.x.kind', 'fields.x.max', 'fields.x.min', 'fields.x.null-rate', 'number-of-rows', 'rows-per-second', 'scan.parallelism'].join('\n'),
      );
    }
  });

  it('validates generator kinds, sequence bounds and lengths', () => {
    expect(() => datagenFactory.createSource!(table([['x', INT()]], { 'fields.x.kind': 'foo' }))).toThrow('Unsupported generator kind: foo');
    expect(() => datagenFactory.createSource!(table([['x', INT()]], { 'fields.x.kind': 'sequence', 'fields.x.start': '1' }))).toThrow(
      "Could not find required property 'fields.x.end' for sequence generator.",
    );
    expect(() => datagenFactory.createSource!(table([['c', CHAR(3)]], { 'fields.c.length': '2' }))).toThrow(
      "Custom length for fixed-length type (CHAR/BINARY) field 'c' is not supported.",
    );
    expect(() => datagenFactory.createSource!(table([['v', VARCHAR(3)]], { 'fields.v.length': '5' }))).toThrow(
      "Custom length '5' for variable-length type (VARCHAR/STRING/VARBINARY/BYTES) field 'v' should be shorter than '3' defined in the schema.",
    );
    expect(() => datagenFactory.createSource!(table([['x', INT()]], { 'fields.x.min': 'abc' }))).toThrow("Invalid value for option 'fields.x.min'.");
  });

  it('generates a million rows quickly', async () => {
    const ctx = table([['id', BIGINT()], ['v', INT()], ['s', STRING()]], {
      'number-of-rows': '1000000',
      'rows-per-second': '1000000000',
      'fields.id.kind': 'sequence',
      'fields.id.start': '1',
      'fields.id.end': '1000000',
    });
    const reader = datagenFactory.createSource!(ctx).createReader({ subtask: 0, parallelism: 1, metadataKeys: [] });
    const t0 = performance.now();
    let n = 0;
    for (let c = await reader.poll(); c !== null; c = await reader.poll()) if ('rows' in c) n += c.rows.length;
    expect(n).toBe(1_000_000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('restores its row count and sequences exactly; random values are drawn afresh', async () => {
    const ctx = table([['id', BIGINT()], ['r', INT()]], {
      'number-of-rows': '5000',
      'rows-per-second': '1000000000',
      'fields.id.kind': 'sequence',
      'fields.id.start': '1',
      'fields.id.end': '100000',
    });
    const src = datagenFactory.createSource!(ctx);
    for (const [subtask, parallelism] of [[0, 1], [1, 3]] as const) {
      const make = () => src.createReader({ subtask, parallelism, metadataKeys: [] });
      const straight = await drainReader(make());
      const ids = (served: typeof straight) => served.flatMap((c) => ('rows' in c ? c.rows.map((r) => r[0]) : []));
      const sizes = (served: typeof straight) => served.map((c) => ('rows' in c ? c.rows.length : -1));
      for (const k of [0, 1, 2, straight.length - 1, straight.length]) {
        const { served, position } = await readAcrossRestore(make, k);
        expect(position).toEqual({ version: 1, rowsEmitted: sizes(straight).slice(0, k).reduce((a, b) => a + b, 0) });
        expect(ids(served)).toEqual(ids(straight));
        expect(sizes(served)).toEqual(sizes(straight));
      }
    }
  });

  it('does not pace the restored rows again', async () => {
    const ctx = table([['a', INT()]], { 'rows-per-second': '100', 'number-of-rows': '1000' });
    const r = datagenFactory.createSource!(ctx).createReader({ subtask: 0, parallelism: 1, metadataKeys: [] });
    r.restore!({ version: 1, rowsEmitted: 990 });
    const t0 = Date.now();
    const rest = await drainReader(r);
    expect(rest.flatMap((c) => ('rows' in c ? c.rows : []))).toHaveLength(10);
    // 10 rows at 100/s: well under the 9.9 s the restored rows would take.
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(() => r.restore!({ version: 1, rowsEmitted: -1 })).toThrow('Cannot restore the datagen source');
  });
});
