import { describe, expect, it } from 'vitest';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import { Timestamp } from '../../types/values.js';
import { TemporalJoinOperator, type TemporalJoinSpec } from './temporal-join-operator.js';

const ts = (millis: number) => Timestamp.ofMillis(millis);

function setup(overrides: Partial<TemporalJoinSpec> = {}, ttl?: { millis: number; now: () => number }) {
  const out: Chunk[] = [];
  const watermarks: number[] = [];
  const spec: TemporalJoinSpec = {
    outer: false,
    keyOf: [(row) => String(row[0]), (row) => String(row[0])],
    timeIndex: [1, 2],
    rightWidth: 3,
    matches: () => true,
    ignoreUpdateBefore: false,
    ...overrides,
  };
  const op = new TemporalJoinOperator('t', spec, { emit: (c) => void out.push(c), emitWatermark: (w) => void watermarks.push(w) }, ttl);
  const rows = () => out.flatMap((c) => c.rows.map((r: Row) => [r[0], (r[1] as Timestamp).millis, r[3]]));
  const watermark = async (w: number) => {
    await op.processWatermark(w, 0);
    await op.processWatermark(w, 1);
  };
  return { op, out, watermarks, rows, watermark };
}

describe('TemporalJoinOperator', () => {
  it('joins probe rows once the watermark of both inputs passes them, with the version valid at their time', async () => {
    const { op, rows, watermarks, watermark } = setup();
    op.processChunk({ rows: [['k', 'v1', ts(10)], ['k', 'v2', ts(20)]], kinds: null }, 1);
    op.processChunk({ rows: [['k', ts(15)], ['k', ts(25)], ['k', ts(5)]], kinds: null }, 0);
    await op.processWatermark(30, 0);
    expect(rows()).toEqual([]);
    await op.processWatermark(16, 1);
    // Only the right input's 16 counts; the row at 5 has no version yet (inner join drops it).
    expect(rows()).toEqual([['k', 15, 'v1']]);
    await op.processWatermark(30, 1);
    expect(rows()).toEqual([['k', 15, 'v1'], ['k', 25, 'v2']]);
    expect(watermarks).toEqual([16, 30]);
  });

  it('keeps only the latest version at or before the watermark, and a retraction hides its key', async () => {
    const { op, rows, watermark } = setup({ outer: true });
    op.processChunk({ rows: [['k', 'v1', ts(10)], ['k', 'v2', ts(20)], ['k', 'gone', ts(30)]], kinds: [RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE] }, 1);
    await watermark(25);
    expect(op.stateTables()[0]!.get('k')!.right.map((v) => v.time)).toEqual([20, 30]);
    // A late probe row is not dropped: it joins with what is left.
    op.processChunk({ rows: [['k', ts(12)], ['k', ts(35)]], kinds: null }, 0);
    await watermark(40);
    expect(rows()).toEqual([['k', 12, null], ['k', 35, null]]);
  });

  it('replaces a version at the same time; UPDATE_BEFORE is ignored where Flink asks for updates only', async () => {
    const { op, rows, watermark } = setup({ ignoreUpdateBefore: true });
    op.processChunk({ rows: [['k', 'v1', ts(10)], ['k', 'v1', ts(20)], ['k', 'v2', ts(20)]], kinds: [RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER] }, 1);
    op.processChunk({ rows: [['k', ts(15)], ['k', ts(20)]], kinds: null }, 0);
    await watermark(20);
    expect(rows()).toEqual([['k', 15, 'v1'], ['k', 20, 'v2']]);
  });

  it('with table.exec.state.ttl, a key idle that long loses its versions', async () => {
    let now = 0;
    const { op, rows, watermark } = setup({}, { millis: 1_000, now: () => now });
    op.processChunk({ rows: [['k', 'v1', ts(10)]], kinds: null }, 1);
    now = 5_000;
    op.processChunk({ rows: [['k', ts(15)]], kinds: null }, 0);
    await watermark(20);
    expect(rows()).toEqual([]);
  });
});
