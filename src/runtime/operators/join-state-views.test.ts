import { describe, expect, it } from 'vitest';
import type { Row } from '../../types/row.js';
import { joinRecordView, type JoinRecord, type JoinRecordView } from './join-state-views.js';

const rows = (view: JoinRecordView, key: string) => {
  const into: JoinRecord[] = [];
  view.collect(key, undefined, into);
  return into.map((r) => [r.row, r.count, r.associations]);
};

describe('join record views (Flink JoinRecordStateViews layouts)', () => {
  it('JoinKeyContainsUniqueKey: one row per join key, replaced by the next; a retraction clears the key', () => {
    const v = joinRecordView('t', { kind: 'JoinKeyContainsUniqueKey' });
    v.add('k', ['k', 1], 0);
    v.add('k', ['k', 2], 3);
    expect(rows(v, 'k')).toEqual([[['k', 2], 1, 3]]);
    v.retract('k', ['k', 99]);
    expect(rows(v, 'k')).toEqual([]);
    expect(v.table.size).toBe(0);
  });

  it('HasUniqueKey: rows by unique key; the same key replaces in place, a single row needs no Map', () => {
    const v = joinRecordView('t', { kind: 'HasUniqueKey', uniqueKeyOf: (r: Row) => r[1] as number });
    v.add('k', ['k', 1, 'a'], 0);
    expect(v.table.get('k')).not.toBeInstanceOf(Map);
    v.add('k', ['k', 2, 'b'], 0);
    v.add('k', ['k', 1, 'c'], 0);
    expect(rows(v, 'k')).toEqual([[['k', 1, 'c'], 1, 0], [['k', 2, 'b'], 1, 0]]);
    v.retract('k', ['k', 1, 'whatever']);
    expect(rows(v, 'k')).toEqual([[['k', 2, 'b'], 1, 0]]);
    expect(v.table.get('k')).not.toBeInstanceOf(Map);
  });

  it('NoUniqueKey: identical rows are counted; an added copy takes the new association count', () => {
    const v = joinRecordView('t', { kind: 'NoUniqueKey', rowId: (r: Row) => JSON.stringify(r) });
    v.add('k', ['k', 1], 1);
    v.add('k', ['k', 1], 2);
    v.add('k', ['k', 2], 0);
    expect(rows(v, 'k')).toEqual([[['k', 1], 2, 2], [['k', 2], 1, 0]]);
    v.retract('k', ['k', 3]);
    v.retract('k', ['k', 1]);
    v.retract('k', ['k', 2]);
    expect(rows(v, 'k')).toEqual([[['k', 1], 1, 2]]);
    v.retract('k', ['k', 1]);
    expect(v.table.size).toBe(0);
  });

  it('AppendOnly (insert-only input): rows kept in arrival order, copies as separate records; a retraction is a planning bug', () => {
    const v = joinRecordView('t', { kind: 'AppendOnly' });
    v.add('k', ['k', 1], 0);
    v.add('k', ['k', 1], 1);
    v.add('k', ['k', 2], 0);
    v.add('j', ['j', 9], 0);
    expect(rows(v, 'k')).toEqual([[['k', 1], 1, 0], [['k', 1], 1, 1], [['k', 2], 1, 0]]);
    expect(rows(v, 'j')).toEqual([[['j', 9], 1, 0]]);
    expect(() => v.retract('k', ['k', 1])).toThrow('insert-only');
  });

  it('an association update writes the key back, so its TTL restarts', () => {
    let now = 0;
    const v = joinRecordView('t', { kind: 'JoinKeyContainsUniqueKey' }, { millis: 10, now: () => now });
    v.add('k', ['k'], 0);
    now = 8;
    const into: JoinRecord[] = [];
    v.collect('k', undefined, into);
    v.setAssociations('k', into[0]!, 1);
    now = 15;
    expect(rows(v, 'k')).toEqual([[['k'], 1, 1]]);
    now = 30;
    expect(rows(v, 'k')).toEqual([]);
  });
});
