import { describe, expect, it } from 'vitest';
import { createAggregate } from '../aggregates/registry.js';
import * as T from '../../types/data-type.js';
import { Timestamp } from '../../types/values.js';
import type { Chunk } from '../../types/row.js';
import { buildKeyOf } from '../../types/value-hash.js';
import { hopSlices } from '../windows/slice-assigner.js';
import { NO_SHIFT } from '../windows/time-shift.js';
import { WindowAggregateOperator } from './window-aggregate-operator.js';

describe('WindowAggregateOperator state', () => {
  it('keeps per-key slices in its named state and releases them once their last window fired', async () => {
    const out: Chunk[] = [];
    const count = createAggregate({ name: 'COUNT', args: [], distinct: false, type: T.BIGINT(false), constants: [] }, []);
    const keyOf = buildKeyOf([T.STRING()], [0]);
    const op = new WindowAggregateOperator(
      'w',
      hopSlices(10_000, 5_000),
      NO_SHIFT,
      1,
      [{ columns: [0], keyOf, keyValues: (row) => [row[0]] }],
      [{ fn: count, args: [] }],
      { emit: (c) => void out.push(c), emitWatermark: () => {} },
    );
    op.processChunk({ rows: [['a', Timestamp.ofMillis(1_000)], ['b', Timestamp.ofMillis(6_000)]], kinds: null });
    const [slices, timers] = op.stateTables();
    expect(slices!.size).toBe(2);
    expect(timers!.size).toBe(3);
    await op.processWatermark(9_999);
    // Windows [-5 s, 5 s) (a) and [0 s, 10 s) (a, b) have closed.
    expect(out.flatMap((c) => c.rows).map((r) => [r[0], r[1]])).toEqual([['a', 1n], ['a', 1n], ['b', 1n]]);
    expect(slices!.size).toBe(1);
    await op.processWatermark(20_000);
    expect(slices!.size).toBe(0);
    expect(timers!.size).toBe(0);
  });
});
