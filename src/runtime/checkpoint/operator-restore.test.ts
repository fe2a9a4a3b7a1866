import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createAggregate } from '../aggregates/registry.js';
import * as T from '../../types/data-type.js';
import { ROW_KIND_SHORT, RowKind, type Chunk, type Row } from '../../types/row.js';
import { Timestamp } from '../../types/values.js';
import type { Operator, Output } from '../operators/operator.js';
import { mergeFields, restoreOperator, snapshotOperator, type OperatorSnapshot } from './operator-snapshot.js';
import { decodeValues, encodeValues } from './value-codec.js';
import { GroupAggregateOperator, type GroupAggregateSpec } from '../operators/group-aggregate-operator.js';
import { LocalGroupAggregateOperator } from '../operators/local-group-aggregate-operator.js';
import { RankOperator, type RankSpec } from '../operators/rank-operator.js';
import { StreamingJoinOperator } from '../operators/streaming-join-operator.js';
import type { JoinInputLayout } from '../operators/join-state-views.js';
import { IntervalJoinOperator } from '../operators/interval-join-operator.js';
import { WindowAggregateOperator, type BoundAggregate, type GroupingSet } from '../operators/window-aggregate-operator.js';
import { SessionWindowOperator, aggregateContent, rowsContent } from '../operators/session-window-operator.js';
import { WindowRankOperator, windowTrigger } from '../operators/window-rank-operator.js';
import { WindowJoinOperator } from '../operators/window-join-operator.js';
import { OverAggregateOperator, type OverFrame } from '../operators/over-aggregate-operator.js';
import { SET_OP_ALL_COPIES, SET_OP_COUNTS, SetOpOperator } from '../operators/set-op-operator.js';
import { TemporalJoinOperator } from '../operators/temporal-join-operator.js';
import { SinkUpsertMaterializer } from '../operators/sink-upsert-materializer.js';
import { WatermarkAssignerOperator } from '../operators/watermark-assigner-operator.js';
import { ForwardOperator } from '../operators/forward-operator.js';
import { hopSlices, tumbleSlices } from '../windows/slice-assigner.js';
import { NO_SHIFT } from '../windows/time-shift.js';
import { KeyedStateTable } from '../state/keyed-state-table.js';

/**
 * Every stateful operator, checkpointed after any prefix of its input and restored into a fresh
 * instance, must continue exactly as the uninterrupted run: same rows, kinds, order, watermarks,
 * and the same late-row decisions. The uninterrupted run also gets `prepareSnapshot` at the split
 * (a checkpoint without a failure), since ending a mini-batch early is allowed to change output.
 */

type Event =
  | { readonly input: number; readonly chunk: Chunk }
  | { readonly input: number; readonly watermark: number }
  | { readonly input: number; readonly idle: boolean };

interface Case {
  readonly name: string;
  readonly make: (out: Output) => Operator;
  readonly events: readonly Event[];
}

// ---- inputs: rows are [key, value (BIGINT), time (TIMESTAMP)] unless a case says otherwise ----

const ts = (millis: number) => Timestamp.ofMillis(millis);
const r = (key: string, value: number, time: number): Row => [key, BigInt(value), ts(time)];
const ins = (input: number, ...rows: Row[]): Event => ({ input, chunk: { rows, kinds: null } });
const chg = (input: number, ...changes: [string, Row][]): Event => ({
  input,
  chunk: { rows: changes.map((c) => c[1]), kinds: changes.map((c) => ROW_KIND_SHORT.indexOf(c[0]) as RowKind) },
});
const wm = (watermark: number, input = 0): Event => ({ input, watermark });
/** A watermark on both inputs of a two-input operator. */
const wm2 = (watermark: number): Event[] => [wm(watermark, 0), wm(watermark, 1)];
const text = (v: unknown) => inspect(v, { depth: 10, breakLength: Infinity });

const byKey: GroupingSet = { columns: [0], keyOf: (row) => String(row[0]), keyValues: (row) => [row[0]] };
const grandTotal: GroupingSet = { columns: [], keyOf: () => '()', keyValues: () => [null] };
const count = (): BoundAggregate => ({ fn: createAggregate({ name: 'COUNT', args: [], distinct: false, type: T.BIGINT(false), constants: [] }, []), args: [] });
const sum = (retraction = false): BoundAggregate => ({
  fn: createAggregate({ name: 'SUM', args: [1], distinct: false, type: T.BIGINT(), constants: [] }, [T.BIGINT()], { retraction }),
  args: [1],
});
const maxOf = (): BoundAggregate => ({ fn: createAggregate({ name: 'MAX', args: [1], distinct: false, type: T.BIGINT(), constants: [] }, [T.BIGINT()], { retraction: true }), args: [1] });
const groupingId: BoundAggregate = { ...count(), grouping: (set) => BigInt(set.columns.length) };

/** Insert-only rows on one input, with watermarks and a late row after a watermark. */
const timedRows: Event[] = [
  ins(0, r('a', 1, 1_000), r('b', 2, 2_000)),
  ins(0, r('a', 3, 4_000)),
  wm(4_999),
  ins(0, r('a', 4, 3_000), r('c', 5, 6_000)), // 3 000: late for a TUMBLE(5 s)
  ins(0, r('b', 6, 9_000), r('a', 7, 11_000)),
  wm(9_999),
  ins(0, r('b', 8, 7_000), r('c', 9, 12_000), r('a', 10, 14_500)), // 7 000: late
  wm(15_000),
  ins(0, r('a', 11, 16_000), r('b', 12, 30_000)),
  wm(40_000),
];

/** A changelog on one input (+I/-U/+U/-D) over a few keys. */
const changelog: Event[] = [
  ins(0, r('a', 1, 0), r('b', 2, 0), r('a', 3, 0)),
  chg(0, ['-U', r('a', 1, 0)], ['+U', r('a', 5, 0)], ['+I', r('c', 4, 0)]),
  wm(10),
  ins(0, r('b', 7, 0)),
  chg(0, ['-D', r('c', 4, 0)], ['+I', r('a', 2, 0)]),
  chg(0, ['-D', r('b', 2, 0)], ['-D', r('b', 7, 0)], ['+I', r('b', 9, 0)]),
  ins(0, r('c', 8, 0), r('a', 5, 0)),
  chg(0, ['-U', r('a', 5, 0)], ['+U', r('a', 6, 0)]),
];

/** Two inputs, insert-only, with watermarks per input, an idle input and late rows. */
const twoInputs: Event[] = [
  ins(0, r('a', 1, 1_000), r('b', 2, 2_000)),
  ins(1, r('a', 10, 1_500), r('c', 11, 3_000)),
  wm(3_000, 0),
  ins(1, r('b', 12, 2_500)),
  wm(4_000, 1),
  ins(0, r('a', 3, 4_500), r('b', 1, 1_000)), // 1 000: late for the interval join
  { input: 1, idle: true },
  wm(8_000, 0),
  ins(1, r('a', 13, 9_000), r('c', 14, 1_200)),
  { input: 1, idle: false },
  wm(9_000, 1),
  ins(0, r('c', 4, 9_500), r('a', 5, 12_000)),
  ...wm2(20_000),
];

// ---- the operators ----

const layout = {
  noKey: { kind: 'NoUniqueKey', rowId: (row: Row) => text(row) } as JoinInputLayout,
  byValue: { kind: 'HasUniqueKey', uniqueKeyOf: (row: Row) => String(row[1]) } as JoinInputLayout,
  appendOnly: { kind: 'AppendOnly' } as JoinInputLayout,
};
const side = (l: JoinInputLayout) => ({ keyOf: (row: Row) => String(row[0]), nullKey: (row: Row) => row[0] === null, width: 3, layout: l });
const groupSpec = (extra: Partial<GroupAggregateSpec> = {}): GroupAggregateSpec => ({
  sets: [byKey, grandTotal],
  aggs: [count(), sum(true), maxOf(), groupingId],
  sameValues: (a, b) => text(a) === text(b),
  updateBefore: true,
  ...extra,
});
/** Never fires by time within a test: batches end by size, watermark, checkpoint or finish. */
const miniBatch = { size: 3, latency: 1_000_000_000, clock: () => 0 };
const rankSpec = (extra: Partial<RankSpec>): RankSpec => ({
  rankFunction: 'ROW_NUMBER',
  limit: 2,
  start: 1,
  outputRank: true,
  deduplicate: false,
  newFirstOnTies: false,
  retracting: true,
  updateBefore: true,
  partitionOf: (row) => String(row[0]),
  compare: (a, b) => Number((b[1] as bigint) - (a[1] as bigint)),
  rowKey: (row) => text(row),
  ...extra,
});
const over = (frame: OverFrame) => (out: Output) => new OverAggregateOperator('over', 2, frame, (row) => String(row[0]), [count(), sum()], out);
/** Rows of window Top-N / window join carry their window_end in column 2. */
const windowEndTrigger = windowTrigger(2, NO_SHIFT);
const tumble5 = (ms: number) => ts(Math.floor(ms / 5_000) * 5_000 + 5_000);
const windowed = (events: readonly Event[]): Event[] =>
  events.map((e) => ('chunk' in e ? { input: e.input, chunk: { ...e.chunk, rows: e.chunk.rows.map((row) => [row[0], row[1], tumble5((row[2] as Timestamp).millis)]) } } : e));

const cases: Case[] = [
  { name: 'GroupAggregate', make: (out) => new GroupAggregateOperator('agg', groupSpec(), out), events: changelog },
  { name: 'GroupAggregate (mini-batch)', make: (out) => new GroupAggregateOperator('agg', groupSpec({ miniBatch }), out), events: changelog },
  { name: 'LocalGroupAggregate', make: (out) => new LocalGroupAggregateOperator('local', byKey, [count(), sum(true)], out, miniBatch), events: changelog },
  {
    name: 'GroupAggregate (global phase)',
    make: (out) => new GroupAggregateOperator('global', groupSpec({ sets: [byKey], aggs: [{ fn: sum().fn, args: [1] }], countColumn: 2 }), out),
    events: [ins(0, ['a', [5n, 2], 2n], ['b', [1n, 1], 1n]), ins(0, ['a', [-5n, 2], -2n], ['b', [3n, 1], 1n]), ins(0, ['a', [7n, 1], 1n])],
  },
  { name: 'Rank (Top-N)', make: (out) => new RankOperator('rank', rankSpec({}), out), events: changelog },
  {
    name: 'Rank (Top-N, insert-only, no rank column)',
    make: (out) => new RankOperator('rank', rankSpec({ outputRank: false, retracting: false }), out),
    events: timedRows,
  },
  {
    name: 'Rank (keep-last deduplication)',
    make: (out) => new RankOperator('dedup', rankSpec({ limit: 1, outputRank: false, deduplicate: true, newFirstOnTies: true, retracting: false, compare: () => 0 }), out),
    events: timedRows,
  },
  {
    name: 'StreamingJoin (inner, append-only)',
    make: (out) => new StreamingJoinOperator('join', 'INNER', [side(layout.appendOnly), side(layout.appendOnly)], undefined, out),
    events: twoInputs,
  },
  {
    name: 'StreamingJoin (left outer, changelog)',
    make: (out) => new StreamingJoinOperator('join', 'LEFT', [side(layout.noKey), side(layout.byValue)], (j) => (j[1] as bigint) <= (j[4] as bigint), out),
    events: [...changelog, ...changelog.map((e) => ({ ...e, input: 1 - e.input })), ...changelog.slice(2)],
  },
  {
    name: 'IntervalJoin (full outer)',
    make: (out) =>
      new IntervalJoinOperator('interval', {
        joinType: 'FULL',
        keyOf: [(row) => String(row[0]), (row) => String(row[0])],
        timeIndex: [2, 2],
        lower: -1_000,
        upper: 2_000,
        widths: [3, 3],
        matches: (j) => j[0] === j[3],
      }, out),
    events: twoInputs,
  },
  {
    // b's and a's second rows expire together, b's first: a restored operator must keep that order
    // although a comes first in the state table.
    name: 'IntervalJoin (left outer, rows expiring together)',
    make: (out) =>
      new IntervalJoinOperator('interval', {
        joinType: 'LEFT',
        keyOf: [(row) => String(row[0]), (row) => String(row[0])],
        timeIndex: [2, 2],
        lower: 0,
        upper: 0,
        widths: [3, 3],
        matches: () => true,
      }, out),
    events: [ins(0, r('a', 1, 1_000)), ins(0, r('b', 2, 5_000), r('a', 3, 5_000)), ...wm2(3_000), ins(1, r('c', 4, 6_000)), ...wm2(20_000)],
  },
  {
    name: 'WindowAggregate (tumble)',
    make: (out) => new WindowAggregateOperator('tumble', tumbleSlices(5_000), NO_SHIFT, 2, [byKey, grandTotal], [count(), sum(), groupingId], out),
    events: timedRows,
  },
  {
    name: 'WindowAggregate (hop)',
    make: (out) => new WindowAggregateOperator('hop', hopSlices(10_000, 5_000), NO_SHIFT, 2, [byKey], [count(), sum()], out),
    events: timedRows,
  },
  {
    name: 'SessionWindow (aggregate)',
    make: (out) => new SessionWindowOperator('session', 2_500, NO_SHIFT, (row) => (row[2] as Timestamp).millis, [byKey, grandTotal], aggregateContent([count(), sum(), groupingId]), out),
    events: timedRows,
  },
  {
    name: 'SessionWindow (table function)',
    make: (out) => new SessionWindowOperator('session', 2_500, NO_SHIFT, (row) => (row[2] as Timestamp).millis, [byKey], rowsContent, out),
    events: timedRows,
  },
  {
    name: 'WindowRank',
    make: (out) => new WindowRankOperator('window-rank', { rankFunction: 'ROW_NUMBER', limit: 2, keepLast: false, triggerOf: windowEndTrigger, partitionOf: (row) => String(row[0]), compare: (a, b) => Number((b[1] as bigint) - (a[1] as bigint)) }, out),
    events: windowed(timedRows),
  },
  {
    name: 'WindowJoin (full outer)',
    make: (out) => new WindowJoinOperator('window-join', 'FULL', (j) => j[0] === j[3], [windowEndTrigger, windowEndTrigger], [3, 3], out),
    events: windowed(twoInputs),
  },
  { name: 'OverAggregate (ROWS 2 PRECEDING)', make: over({ unit: 'ROWS', preceding: 2 }), events: timedRows },
  { name: 'OverAggregate (RANGE UNBOUNDED)', make: over({ unit: 'RANGE', preceding: 'UNBOUNDED' }), events: timedRows },
  {
    name: 'SetOp (INTERSECT)',
    make: (out) => new SetOpOperator('intersect', 2, SET_OP_COUNTS['INTERSECT']!, (row) => text(row.slice(0, 2)), out),
    events: twoInputs.map((e) => ('chunk' in e ? { input: e.input, chunk: { ...e.chunk, rows: e.chunk.rows.map((row) => [row[0], 0n]) } } : e)),
  },
  {
    name: 'SetOp (EXCEPT ALL)',
    make: (out) => new SetOpOperator('except-all', 2, SET_OP_ALL_COPIES['EXCEPT ALL']!, (row) => text(row), out, true),
    events: [...changelog, ins(1, r('a', 2, 0), r('a', 6, 0)), chg(1, ['-D', r('a', 2, 0)]), ins(0, r('a', 6, 0))],
  },
  {
    name: 'TemporalJoin (left)',
    make: (out) =>
      new TemporalJoinOperator('temporal', {
        outer: true,
        keyOf: [(row) => String(row[0]), (row) => String(row[0])],
        timeIndex: [2, 2],
        rightWidth: 3,
        matches: () => true,
        ignoreUpdateBefore: false,
      }, out),
    events: [
      ins(1, r('a', 100, 1_000), r('b', 200, 1_000)),
      ins(0, r('a', 1, 1_500), r('b', 2, 1_500), r('c', 3, 1_500)),
      ...wm2(1_500),
      chg(1, ['-U', r('a', 100, 1_000)], ['+U', r('a', 101, 2_000)], ['-D', r('b', 200, 3_000)]),
      ins(0, r('a', 4, 2_500), r('b', 5, 3_500), r('a', 6, 1_000)), // 1 000: behind the watermark, joins what is left
      wm(3_000, 0),
      ins(0, r('c', 7, 2_800)),
      wm(4_000, 1),
      ins(1, r('c', 300, 2_000)),
      ...wm2(10_000),
    ],
  },
  {
    name: 'SinkUpsertMaterializer',
    make: (out) => new SinkUpsertMaterializer('materialize', (row) => String(row[0]), (row) => text(row), out),
    events: changelog,
  },
  {
    name: 'WatermarkAssigner',
    make: (out) => new WatermarkAssignerOperator('watermarks', (row) => ts((row[2] as Timestamp).millis - 500), 0, () => 0, out),
    events: [...timedRows.filter((e) => !('watermark' in e)), wm(5_000), ins(0, r('a', 1, 2_000)), wm(50_000)],
  },
  { name: 'Forward (UNION ALL of two inputs)', make: (out) => new ForwardOperator('union', 2, out), events: twoInputs },
];

// ---- the harness ----

/** Records an operator's output, rows and watermarks in order, as text. */
/** Logs rows and watermarks, but not one equal to the last: a restored operator repeats its own once (OperatorWatermark). */
function recorder(log: string[]): Output {
  return {
    emit: (c) => void c.rows.forEach((row, i) => log.push(`${ROW_KIND_SHORT[c.kinds?.[i] ?? RowKind.INSERT]}${text(row)}`)),
    emitWatermark: (w) => {
      if (log.findLast((e) => e.startsWith('WM ')) !== `WM ${w}`) log.push(`WM ${w}`);
    },
  };
}

async function feed(op: Operator, events: readonly Event[]): Promise<void> {
  for (const e of events) {
    if ('chunk' in e) await op.processChunk(e.chunk, e.input);
    else if ('watermark' in e) await op.processWatermark?.(e.watermark, e.input);
    else await op.setInputIdle?.(e.input, e.idle);
  }
}

/** What the checkpoint stores: the snapshot through the value codec (it throws on class instances). */
function throughCodec(snapshot: OperatorSnapshot): OperatorSnapshot {
  return decodeValues(encodeValues([snapshot]))[0] as OperatorSnapshot;
}

async function uninterrupted(c: Case, split: number): Promise<string[]> {
  const log: string[] = [];
  const op = c.make(recorder(log));
  try {
    await feed(op, c.events.slice(0, split));
    await op.prepareSnapshot?.();
    await feed(op, c.events.slice(split));
    await op.finish?.();
  } finally {
    await op.close?.();
  }
  return log;
}

async function restoredAt(c: Case, split: number): Promise<{ log: string[]; snapshot: OperatorSnapshot | undefined }> {
  const log: string[] = [];
  const before = c.make(recorder(log));
  let snapshot: OperatorSnapshot | undefined;
  try {
    await feed(before, c.events.slice(0, split));
    await before.prepareSnapshot?.();
    snapshot = snapshotOperator(before);
  } finally {
    await before.close?.();
  }
  const after = c.make(recorder(log));
  try {
    if (snapshot) restoreOperator(after, [throughCodec(snapshot)], { from: 0, to: 127 });
    await feed(after, c.events.slice(split));
    await after.finish?.();
  } finally {
    await after.close?.();
  }
  return { log, snapshot };
}

describe('operators restored from a checkpoint continue as if uninterrupted', () => {
  for (const c of cases) {
    it(c.name, async () => {
      let stateful = false;
      for (let split = 0; split <= c.events.length; split++) {
        const expected = await uninterrupted(c, split);
        const { log, snapshot } = await restoredAt(c, split);
        expect(log, `checkpoint after ${split} of ${c.events.length} events`).toEqual(expected);
        stateful ||= snapshot !== undefined;
      }
      // Every case holds state at some point: otherwise it tests nothing.
      expect(stateful || c.name.startsWith('LocalGroupAggregate')).toBe(true);
    });
  }

  it('restored keys keep their time-to-live: they expire when they would have', () => {
    let now = 0;
    const ttl = { millis: 1_000, now: () => now };
    const before = new KeyedStateTable<number>('t', 128, ttl);
    before.set('old', 1);
    now = 600;
    before.set('new', 2);
    const after = new KeyedStateTable<number>('t', 128, ttl);
    after.restore(before.snapshot());
    now = 1_200;
    expect([after.get('old'), after.get('new')]).toEqual([undefined, 2]);
  });

  it('the straight run is not changed by a checkpoint where nothing is buffered for speed', async () => {
    const c = cases.find((x) => x.name === 'WindowAggregate (tumble)')!;
    const log: string[] = [];
    const op = c.make(recorder(log));
    await feed(op, c.events);
    expect(log).toEqual(await uninterrupted(c, 3));
    // The late rows were dropped in both runs.
    expect(op.metrics?.()['numLateRecordsDropped']).toBe(2);
  });
});

describe('fields of merged subtasks', () => {
  it('take the minimum watermark and are idle only where every subtask was', () => {
    expect(mergeFields({ watermarks: [5, 9], idle: [true, false], current: 5 }, { watermarks: [7, 3], idle: [true, true], current: 3 }))
      .toEqual({ watermarks: [5, 3], idle: [true, false], current: 3 });
    expect(mergeFields({ watermark: 10 }, { watermark: -Infinity })).toEqual({ watermark: -Infinity });
  });
});
