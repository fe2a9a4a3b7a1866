import { describe, expect, it } from 'vitest';
import { createAggregate } from '../aggregates/registry.js';
import * as T from '../../types/data-type.js';
import { Timestamp } from '../../types/values.js';
import { buildKeyOf } from '../../types/value-hash.js';
import { tumbleSlices } from '../windows/slice-assigner.js';
import { NO_SHIFT } from '../windows/time-shift.js';
import { WatermarkValve } from '../time/watermark-valve.js';
import { restoreOperator, snapshotOperator } from '../checkpoint/operator-snapshot.js';
import { MAX_WATERMARK } from '../task/source-driver.js';
import type { Output } from './operator.js';
import { WatermarkAssignerOperator } from './watermark-assigner-operator.js';
import { WindowAggregateOperator } from './window-aggregate-operator.js';

// After a restore, the channel merges between subtasks start empty while operators keep their
// watermarks: an operator must pass its restored watermark on once more, or downstream would
// never hear it again (a source that had ended re-sends only its final watermark) and windows
// waiting for it would never fire — rows silently lost at the end of a restored job.

/** An output that records the watermarks it is sent. */
function watermarks(): { out: Output; seen: number[] } {
  const seen: number[] = [];
  return { out: { emit: () => {}, emitWatermark: (w) => void seen.push(w) }, seen };
}

describe('watermarks after a restore', () => {
  it('a watermark assigner whose source had ended sends the final watermark again', () => {
    const before = watermarks();
    const ended = new WatermarkAssignerOperator('wa', () => null, 200, () => 0, before.out);
    ended.processWatermark(MAX_WATERMARK);
    expect(before.seen).toEqual([MAX_WATERMARK]);
    const restored = watermarks();
    const op = new WatermarkAssignerOperator('wa', () => null, 200, () => 0, restored.out);
    op.restoreFields(ended.snapshotFields());
    op.processWatermark(MAX_WATERMARK);
    op.processWatermark(MAX_WATERMARK);
    expect(restored.seen).toEqual([MAX_WATERMARK]);
  });

  it('a watermark assigner never goes below its restored watermark', () => {
    const at = (ms: number) => [Timestamp.ofMillis(ms)];
    let now = 0;
    const first = watermarks();
    const a = new WatermarkAssignerOperator('wa', (row) => row[0], 200, () => now, first.out);
    a.processChunk({ rows: [at(6_000)], kinds: null });
    now = 300;
    a.processChunk({ rows: [at(7_000)], kinds: null });
    expect(first.seen).toEqual([7_000]);
    const restored = watermarks();
    const b = new WatermarkAssignerOperator('wa', (row) => row[0], 200, () => now, restored.out);
    b.restoreFields(a.snapshotFields());
    now = 600;
    b.processWatermark(5_000);
    b.processChunk({ rows: [at(1_000)], kinds: null });
    expect(restored.seen).toEqual([]);
    now = 900;
    b.processChunk({ rows: [at(8_000)], kinds: null });
    b.processWatermark(MAX_WATERMARK);
    expect(restored.seen).toEqual([8_000, MAX_WATERMARK]);
  });

  it('a window aggregation passes its restored watermark on once, firing nothing twice', async () => {
    const count = createAggregate({ name: 'COUNT', args: [], distinct: false, type: T.BIGINT(false), constants: [] }, []);
    const sets = [{ columns: [0], keyOf: buildKeyOf([T.STRING()], [0]), keyValues: (row: unknown[]) => [row[0]] }];
    const rows: unknown[][] = [];
    const seen: number[] = [];
    const make = () => new WindowAggregateOperator('w', tumbleSlices(1_000), NO_SHIFT, 1, sets, [{ fn: count, args: [] }], {
      emit: (c) => void rows.push(...c.rows),
      emitWatermark: (w) => void seen.push(w),
    });
    const first = make();
    first.processChunk({ rows: [['a', Timestamp.ofMillis(500)], ['a', Timestamp.ofMillis(1_500)]], kinds: null });
    await first.processWatermark(999);
    const op = make();
    restoreOperator(op, [snapshotOperator(first)!], { from: 0, to: 127 }, true);
    seen.length = 0;
    await op.processWatermark(999);
    await op.processWatermark(999);
    expect(seen).toEqual([999]);
    await op.processWatermark(MAX_WATERMARK);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['a', 1n], ['a', 1n]]);
  });

  it('a valve passes its restored watermark on once', () => {
    const seen: number[] = [];
    const first = new WatermarkValve(2, () => {});
    first.update(0, MAX_WATERMARK);
    first.update(1, MAX_WATERMARK);
    const valve = new WatermarkValve(2, (w) => void seen.push(w));
    valve.restore(first.snapshot());
    valve.update(0, MAX_WATERMARK);
    valve.update(1, MAX_WATERMARK);
    expect(seen).toEqual([MAX_WATERMARK]);
  });
});
