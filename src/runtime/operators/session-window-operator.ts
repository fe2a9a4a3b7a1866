import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import { Timestamp } from '../../types/values.js';
import { addToSessions, takeDueSessions, type Session } from '../windows/session-set.js';
import { KeyedStateTable } from '../state/keyed-state-table.js';
import type { TimeShift } from '../windows/time-shift.js';
import type { Operator, Output } from './operator.js';
import { ClockTimer } from '../time/clock-timer.js';
import type { TaskLock } from '../task/task-lock.js';
import type { BoundAggregate, GroupingSet } from './window-aggregate-operator.js';
import { OperatorWatermark } from '../time/operator-watermark.js';

/** What a session collects: aggregate accumulators (aggregation) or the rows themselves (the TVF). */
export interface SessionContent<T> {
  create(): T;
  add(value: T, row: Row): T;
  merge(earlier: T, later: T): T;
  /** Output rows of a fired session, given its key values, window columns and grouping set. */
  emit(value: T, key: readonly unknown[], window: readonly unknown[], set: GroupingSet): Row[];
}

/** One key's sessions, as plain data (checkpoints encode it): the grouping set by its index. */
interface KeySessions<T> {
  readonly key: unknown[];
  readonly set: number;
  readonly sessions: Session<T>[];
}

/**
 * SESSION windows (unaligned, Flink's session WindowOperator / UnalignedWindowTableFunctionOperator):
 * per key, a row opens [t, t + gap) and merges with the sessions it touches; a session fires when
 * the watermark passes its end. A row whose session would already have fired is late: dropped
 * and counted, unless it merges into a session that is still open.
 */
export class SessionWindowOperator<T> implements Operator {
  numLateRecordsDropped = 0;
  private readonly wm = new OperatorWatermark();
  private readonly keys = new KeyedStateTable<KeySessions<T>>('session-windows');

  metrics(): Readonly<Record<string, number>> {
    return { numLateRecordsDropped: this.numLateRecordsDropped };
  }

  constructor(
    readonly name: string,
    private readonly gap: number,
    private readonly shift: TimeShift,
    private readonly timeOf: (row: Row) => number | null,
    private readonly sets: readonly GroupingSet[],
    private readonly content: SessionContent<T>,
    private readonly out: Output,
    /** Processing-time sessions: close by this clock instead of by watermarks. */
    private readonly clock?: () => number,
    /** The task's lock, so clock wake-ups wait for a checkpoint in progress. */
    lock?: TaskLock,
  ) {
    this.timer = clock ? new ClockTimer(clock, (now) => this.fireDue(now), lock) : undefined;
  }

  private readonly timer: ClockTimer | undefined;

  processChunk(chunk: Chunk): void | Promise<void> {
    this.addChunk(chunk);
    if (this.clock) return this.fireDue(this.clock());
  }

  private addChunk(chunk: Chunk): void {
    chunk.rows.forEach((row, i) => {
      if (chunk.kinds && chunk.kinds[i] !== RowKind.INSERT) {
        throw new RuntimeError(`${this.name} received an update; session windows need an insert-only input.`);
      }
      const time = this.timeOf(row);
      if (time === null) return;
      const t = this.shift.toWindowTime(time);
      for (let setIndex = 0; setIndex < this.sets.length; setIndex++) {
        const set = this.sets[setIndex]!;
        const hash = set.keyOf(row);
        let entry = this.keys.get(hash);
        if (!entry) this.keys.set(hash, (entry = { key: set.keyValues(row), set: setIndex, sessions: [] }));
        const session = addToSessions(entry.sessions, t, this.gap, () => this.content.create(), (a, b) => this.content.merge(a, b));
        if (this.shift.triggerTime(session.end) <= this.wm.value) {
          // Late: its session would have fired already (an open session merged into stays).
          entry.sessions.splice(entry.sessions.indexOf(session), 1);
          this.numLateRecordsDropped++;
          continue;
        }
        session.value = this.content.add(session.value, row);
      }
    });
  }

  async processWatermark(watermark: number): Promise<void> {
    if (this.clock) return this.out.emitWatermark(watermark);
    const step = this.wm.step(watermark);
    if (step === 'ignore') return;
    if (step === 'repeat') return this.out.emitWatermark(watermark);
    await this.fireDue(watermark);
    await this.out.emitWatermark(watermark);
  }

  close(): void {
    this.timer?.clear();
  }

  stateTables() {
    return [this.keys];
  }

  /** The watermark (or, for processing time, the clock time last fired): it decides which rows are late. */
  snapshotFields(): { watermark: number } {
    return { watermark: this.wm.value };
  }

  restoreFields(fields: unknown): void {
    this.wm.restore((fields as { watermark: number }).watermark);
    this.scheduleWakeUp();
  }

  /** Processing time: wake up when the next session ends, also if no row arrives by then. */
  private scheduleWakeUp(): void {
    if (!this.timer) return;
    const ends = [...this.keys.values()].flatMap((e) => e.sessions.map((s) => this.shift.triggerTime(s.end)));
    this.timer.schedule(ends.length > 0 ? Math.min(...ends) : undefined);
  }

  /** Emits every session whose end `time` (a watermark, or the clock) has passed. */
  private async fireDue(time: number): Promise<void> {
    this.wm.value = time;
    const watermark = time;
    const fired: { end: number; rows: Row[] }[] = [];
    for (const [hash, entry] of this.keys) {
      for (const s of takeDueSessions(entry.sessions, (end) => this.shift.triggerTime(end) <= watermark)) {
        const window = [Timestamp.ofMillis(s.start), Timestamp.ofMillis(s.end), this.shift.windowTime(s.end)];
        fired.push({ end: s.end, rows: this.content.emit(s.value, entry.key, window, this.sets[entry.set]!) });
      }
      if (entry.sessions.length === 0) this.keys.delete(hash);
    }
    fired.sort((a, b) => a.end - b.end);
    const rows = fired.flatMap((f) => f.rows);
    if (rows.length > 0) await this.out.emit({ rows, kinds: null });
    this.scheduleWakeUp();
  }
}

/** Session aggregation: accumulators per session; emits keys, aggregates, window columns. */
export function aggregateContent(aggs: readonly BoundAggregate[]): SessionContent<unknown[]> {
  return {
    create: () => aggs.map((a) => a.fn.createAccumulator()),
    add: (accs, row) => {
      aggs.forEach((a, i) => {
        if (!a.grouping && (a.filter === undefined || row[a.filter] === true)) accs[i] = a.fn.accumulate(accs[i], a.args.map((x) => row[x]));
      });
      return accs;
    },
    merge: (earlier, later) => earlier.map((acc, i) => aggs[i]!.fn.merge(acc, later[i])),
    emit: (accs, key, window, set) => [[...key, ...aggs.map((a, i) => (a.grouping ? a.grouping(set) : a.fn.getValue(accs[i]))), ...window]],
  };
}

/** The SESSION table function: the session's rows, each with the window columns appended. */
export const rowsContent: SessionContent<Row[]> = {
  create: () => [],
  add: (rows, row) => (rows.push(row), rows),
  merge: (earlier, later) => [...earlier, ...later],
  emit: (rows, _key, window) => rows.map((r) => [...r, ...window]),
};
