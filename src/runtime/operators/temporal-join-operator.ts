import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { HashKey } from '../../types/value-hash.js';
import type { Timestamp } from '../../types/values.js';
import { KeyedStateTable, type StateTtl } from '../state/keyed-state-table.js';
import { MinHeap } from '../state/min-heap.js';
import { WatermarkValve, type ValveState } from '../time/watermark-valve.js';
import type { Operator, Output } from './operator.js';

/** A probe-side row waiting for the watermark; seq keeps arrival order. */
interface Probe {
  readonly seq: number;
  readonly row: Row;
  readonly kind: RowKind;
  readonly time: number;
}

/** A version of the build side: the change (with its kind) recorded at its row time. */
interface Version {
  readonly time: number;
  readonly kind: RowKind;
  readonly row: Row;
}

/** Per join key: buffered probe rows, versions sorted by time, and the one event-time timer. */
interface KeyState {
  left: Probe[];
  right: Version[];
  /** The smallest registered timer (Flink keeps one per key), undefined when none. */
  timer: number | undefined;
  /** When the timer was set, over all keys: keys due at the same time fire in this order. */
  timerSeq: number;
  nextSeq: number;
}

export interface TemporalJoinSpec {
  readonly outer: boolean;
  readonly keyOf: readonly [(row: Row) => HashKey, (row: Row) => HashKey];
  readonly timeIndex: readonly [number, number];
  readonly rightWidth: number;
  /** The whole join condition over [left…, right…]. */
  readonly matches: (joined: Row) => boolean;
  /** Flink asks the versioned side for ONLY_UPDATE_AFTER where it can (not from a changelog source). */
  readonly ignoreUpdateBefore: boolean;
}

/**
 * Event-time temporal join (Flink's TemporalRowTimeJoinOperator). Probe rows wait until the
 * watermark (the minimum of both inputs) passes their time, then join with the latest version of
 * their key whose time is <= theirs — unless that version is a retraction. Versions are stored by
 * row time (a later change at the same time replaces the earlier). Work happens per key when its
 * timer fires (the smallest pending probe or version time); then versions older than the latest
 * one at or before the watermark are dropped. Output rows keep the probe row's kind and time.
 */
export class TemporalJoinOperator implements Operator {
  private readonly state: KeyedStateTable<KeyState>;
  private readonly valve = new WatermarkValve(2, (w) => this.fire(w), (w) => this.out.emitWatermark(w));
  /** Keys by timer time, so a watermark visits only the keys whose timer is due. */
  private readonly timers = new MinHeap<HashKey>();
  private timersSet = 0;

  constructor(
    readonly name: string,
    private readonly spec: TemporalJoinSpec,
    private readonly out: Output,
    /** `table.exec.state.ttl`: a key idle this long (processing time) loses its versions and probes, as Flink's state retention. */
    ttl?: StateTtl,
  ) {
    this.state = new KeyedStateTable<KeyState>('temporal-join', undefined, ttl);
  }

  processChunk(chunk: Chunk, input: number): void {
    chunk.rows.forEach((row, i) => {
      const kind = chunk.kinds ? chunk.kinds[i]! : RowKind.INSERT;
      if (input === 1 && kind === RowKind.UPDATE_BEFORE && this.spec.ignoreUpdateBefore) return;
      const ts = row[this.spec.timeIndex[input]!] as Timestamp | null;
      // Flink reads a NULL rowtime as 0 (epoch).
      const time = ts === null ? 0 : ts.millis;
      const key = this.spec.keyOf[input]!(row);
      const s = this.state.get(key) ?? { left: [], right: [], timer: undefined, timerSeq: 0, nextSeq: 0 };
      if (input === 0) s.left.push({ seq: s.nextSeq++, row, kind, time });
      else putVersion(s.right, { time, kind, row });
      if (s.timer === undefined || time < s.timer) {
        s.timer = time;
        s.timerSeq = this.timersSet++;
        this.timers.push(time, key);
      }
      this.state.set(key, s);
    });
  }

  processWatermark(watermark: number, input: number): void | Promise<void> {
    return this.valve.update(input, watermark);
  }

  setInputIdle(input: number, idle: boolean): void | Promise<void> {
    return this.valve.setIdle(input, idle);
  }

  /** Fires the timers the watermark has reached, in timer order. */
  private async fire(watermark: number): Promise<void> {
    // The heap may hold superseded timers of a key; only the key's current timer counts. Keys fire
    // by (timer, when it was set), which state holds, so a restored operator fires in the same order.
    const due: [HashKey, KeyState][] = [];
    for (const key of new Set(this.timers.popBelow(watermark + 1))) {
      const s = this.state.get(key);
      if (s?.timer !== undefined && s.timer <= watermark) due.push([key, s]);
    }
    due.sort((a, b) => a[1].timer! - b[1].timer! || a[1].timerSeq - b[1].timerSeq);
    const rows: Row[] = [];
    const kinds: RowKind[] = [];
    for (const [key, s] of due) {
      s.timer = undefined;
      const ready = s.left.filter((p) => p.time <= watermark);
      const pending = s.left.filter((p) => p.time > watermark);
      for (const p of ready) {
        const v = latestAtOrBefore(s.right, p.time);
        const accumulate = v !== undefined && (v.kind === RowKind.INSERT || v.kind === RowKind.UPDATE_AFTER);
        if (accumulate) {
          const joined = [...p.row, ...v.row];
          if (this.spec.matches(joined)) {
            rows.push(joined);
            kinds.push(p.kind);
            continue;
          }
        }
        if (this.spec.outer) {
          rows.push([...p.row, ...new Array<null>(this.spec.rightWidth).fill(null)]);
          kinds.push(p.kind);
        }
      }
      s.left = pending;
      // Keep the latest version at or before the watermark and everything after it.
      const firstNewer = s.right.findIndex((v) => v.time > watermark);
      const keepFrom = firstNewer < 0 ? s.right.length - 1 : firstNewer - 1;
      if (keepFrom > 0) s.right = s.right.slice(keepFrom);
      if (pending.length > 0) {
        s.timer = Math.min(...pending.map((p) => p.time));
        s.timerSeq = this.timersSet++;
        this.timers.push(s.timer, key);
      }
      if (s.left.length === 0 && s.right.length === 0) this.state.delete(key);
      else this.state.set(key, s);
    }
    if (rows.length > 0) {
      const insertOnly = kinds.every((k) => k === RowKind.INSERT);
      await this.out.emit({ rows, kinds: insertOnly ? null : kinds });
    }
    await this.out.emitWatermark(watermark);
  }

  stateTables() {
    return [this.state];
  }

  /** The valve's per-input watermarks: when probe rows fire depends on them. */
  snapshotFields(): ValveState {
    return this.valve.snapshot();
  }

  /** After the state is restored: the timer heap is derived from the keys' timers. */
  restoreFields(fields: unknown): void {
    this.valve.restore(fields as ValveState);
    for (const [key, s] of this.state.entries()) {
      if (s.timer !== undefined) this.timers.push(s.timer, key);
      this.timersSet = Math.max(this.timersSet, s.timerSeq + 1);
    }
  }
}

/** Inserts a version in time order; a change at an existing time replaces it (Flink's MapState by rowtime). */
function putVersion(list: Version[], v: Version): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.time < v.time) lo = mid + 1;
    else hi = mid;
  }
  if (lo < list.length && list[lo]!.time === v.time) list[lo] = v;
  else list.splice(lo, 0, v);
}

/** The version with the largest time <= t. */
function latestAtOrBefore(list: readonly Version[], t: number): Version | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}
