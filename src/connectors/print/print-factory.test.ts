import { describe, expect, it } from 'vitest';
import { INT, ROW, STRING } from '../../types/data-type.js';
import { RowKind } from '../../types/row.js';
import type { TableContext } from '../connector.js';
import { printFactory, printPrefix } from './print-factory.js';
import { blackholeFactory } from '../blackhole/blackhole-factory.js';
import { ALL } from '../../types/changelog-mode.js';

const ctx = (options: Record<string, string>): TableContext => ({
  tableName: 't',
  physicalType: ROW([{ name: 'id', type: INT() }, { name: 'name', type: STRING() }]),
  partitionKeys: [],
  options: new Map(Object.entries({ connector: 'print', ...options })),
  session: { timeZone: 'UTC', now: () => 0 },
});

describe('print', () => {
  it('prefixes like PrintSinkOutputWriter (1-based subtask only when parallel)', () => {
    expect(printPrefix('', 0, 1)).toBe('');
    expect(printPrefix('sink', 0, 1)).toBe('sink> ');
    expect(printPrefix('', 2, 4)).toBe('3> ');
    expect(printPrefix('sink', 0, 2)).toBe('sink:1> ');
  });

  it('writes every changelog kind to stdout or stderr', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const sink = printFactory.createSink!(ctx({ 'print-identifier': 'p' }));
    expect(sink.acceptedChangelogMode(ALL)).toBe(ALL);
    const w = sink.createWriter({ subtask: 1, parallelism: 2, metadataKeys: [], stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
    await w.write({ rows: [[1, 'Alice'], [1, 'Alice']], kinds: [RowKind.INSERT, RowKind.UPDATE_BEFORE] });
    expect(out).toEqual(['p:2> +I[1, Alice]', 'p:2> -U[1, Alice]']);
    const e = printFactory
      .createSink!(ctx({ 'standard-error': 'true' }))
      .createWriter({ subtask: 0, parallelism: 1, metadataKeys: [], stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
    await e.write({ rows: [[2, null]], kinds: null });
    expect(err).toEqual(['+I[2, null]']);
  });

  it('blackhole discards everything', async () => {
    const sink = blackholeFactory.createSink!(ctx({}));
    // As Flink's: updates come without UPDATE_BEFORE.
    expect([...sink.acceptedChangelogMode(ALL).kinds].sort()).toEqual([RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE].sort());
    const w = sink.createWriter({ subtask: 0, parallelism: 1, metadataKeys: [], stdout: () => expect.unreachable(), stderr: () => expect.unreachable() });
    await w.write({ rows: [[1, 'x']], kinds: [RowKind.DELETE] });
    await w.finish();
    await w.close();
  });
});
