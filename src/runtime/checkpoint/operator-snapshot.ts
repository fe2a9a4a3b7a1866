import { KeyedStateTable, keyGroupOf, type TableSnapshot } from '../state/keyed-state-table.js';
import { TimerQueue } from '../state/timer-queue.js';
import type { Operator } from '../operators/operator.js';
import type { HashKey } from '../../types/value-hash.js';
import { RuntimeError } from '../../types/errors.js';

/** One operator subtask's state in a checkpoint: its named tables, timers and other fields. */
export interface OperatorSnapshot {
  /** Keyed state by table name. */
  readonly tables: Record<string, TableSnapshot<unknown>>;
  /** Timers by queue name, as [time, key] pairs. */
  readonly timers: Record<string, [number, HashKey][]>;
  readonly fields?: unknown;
}

/** The key groups a subtask owns, inclusive (Flink's KeyGroupRange). */
export interface KeyGroupRange {
  readonly from: number;
  readonly to: number;
}

/** The operator's state, or undefined for a stateless operator. */
export function snapshotOperator(op: Operator): OperatorSnapshot | undefined {
  const tables: Record<string, TableSnapshot<unknown>> = {};
  const timers: Record<string, [number, HashKey][]> = {};
  for (const t of op.stateTables?.() ?? []) {
    if (t instanceof TimerQueue) timers[t.name] = t.snapshot();
    else tables[t.name] = t.snapshot();
  }
  const fields = op.snapshotFields?.();
  if (fields === undefined && Object.keys(tables).length === 0 && Object.keys(timers).length === 0) return undefined;
  return fields === undefined ? { tables, timers } : { tables, timers, fields };
}

/**
 * Loads the key groups in `range` of one or more snapshots (several when parallelism shrank)
 * into the operator, before it sees any input; `whole` when the snapshots hold only keys of the
 * range (same parallelism, or more subtasks merged into one), so no key is hashed to check. State
 * the snapshot holds under a name the operator no longer has is an incompatible change.
 */
export function restoreOperator(op: Operator, snapshots: readonly OperatorSnapshot[], range: KeyGroupRange, whole = false): void {
  const own = new Map<string, KeyedStateTable<unknown> | TimerQueue>();
  for (const t of op.stateTables?.() ?? []) own.set(t.name, t);
  for (const s of snapshots) {
    for (const [name, table] of Object.entries(s.tables)) {
      const t = own.get(name);
      if (!(t instanceof KeyedStateTable)) throw missingState(op, name, own);
      t.restore(table, range.from, range.to, whole);
    }
    for (const [name, list] of Object.entries(s.timers)) {
      const t = own.get(name);
      if (!(t instanceof TimerQueue)) throw missingState(op, name, own);
      t.restore(list, whole ? undefined : (key) => inRange(keyGroupOf(key, maxParallelismOf(own)), range));
    }
  }
  const all = snapshots.filter((s) => s.fields !== undefined).map((s) => s.fields);
  const fields = all.length === 0 ? undefined : all.reduce(mergeFields);
  if (fields !== undefined) {
    if (!op.restoreFields) throw new RuntimeError(`Operator ${op.name} cannot restore its state: the checkpoint holds operator fields it no longer has.`);
    op.restoreFields(fields);
  }
}

/**
 * Fields of several old subtasks merged into one (a restore at lower parallelism): every number
 * takes the minimum and every boolean the AND, so watermarks stay conservative (no row is dropped
 * as late that one of the old subtasks would still have taken) and an input is idle only if it
 * was idle everywhere.
 */
export function mergeFields(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return Math.min(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a && b;
  if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => (i < b.length ? mergeFields(x, b[i]) : x));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = k in out ? mergeFields(out[k], v) : v;
    return out;
  }
  return a;
}

function inRange(g: number, r: KeyGroupRange): boolean {
  return g >= r.from && g <= r.to;
}

function maxParallelismOf(tables: ReadonlyMap<string, KeyedStateTable<unknown> | TimerQueue>): number {
  for (const t of tables.values()) if (t instanceof KeyedStateTable) return t.maxParallelism;
  return 128;
}

function missingState(op: Operator, name: string, own: ReadonlyMap<string, unknown>): RuntimeError {
  const has = own.size === 0 ? 'no state' : `state ${[...own.keys()].map((n) => `'${n}'`).join(', ')}`;
  return new RuntimeError(`Operator ${op.name} cannot restore its state: the checkpoint holds state '${name}', the operator now has ${has}.`);
}
