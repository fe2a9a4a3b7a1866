import { describe, expect, it } from 'vitest';
import type { JoinType } from '../../planner/logical/plan-node.js';
import { ROW_KIND_SHORT, RowKind, type Chunk, type Row } from '../../types/row.js';
import type { JoinInputLayout } from './join-state-views.js';
import { StreamingJoinOperator } from './streaming-join-operator.js';

// Rows of both sides are [key, id, value]: the join key is column 0, the unique key column 1.
const NO_KEY: JoinInputLayout = { kind: 'NoUniqueKey', rowId: (r) => JSON.stringify(r) };
const BY_ID: JoinInputLayout = { kind: 'HasUniqueKey', uniqueKeyOf: (r) => String(r[1]) };
const BY_JOIN_KEY: JoinInputLayout = { kind: 'JoinKeyContainsUniqueKey' };

function join(type: JoinType, layouts: readonly [JoinInputLayout, JoinInputLayout], matches?: (joined: Row) => boolean) {
  const out: string[] = [];
  const side = (layout: JoinInputLayout) => ({ keyOf: (r: Row) => String(r[0]), nullKey: (r: Row) => r[0] === null, width: 3, layout });
  const op = new StreamingJoinOperator('j', type, [side(layouts[0]), side(layouts[1])], matches, {
    emit: (c: Chunk) => void c.rows.forEach((r, i) => out.push(`${ROW_KIND_SHORT[c.kinds?.[i] ?? RowKind.INSERT]}${JSON.stringify(r)}`)),
    emitWatermark: () => {},
  });
  const send = (input: number, ...changes: [string, Row][]) =>
    void op.processChunk({ rows: changes.map((c) => c[1]), kinds: changes.map((c) => ROW_KIND_SHORT.indexOf(c[0]) as RowKind) }, input);
  return { op, out, send };
}

/** A random changelog per side that respects the unique key `id` (updates come as -U/+U pairs). */
function changelog(seed: number, keys: number, ids: number): [number, string, Row][] {
  let s = seed * 0x9e3779b9;
  // mulberry32: a small deterministic generator
  const rnd = (n: number) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const live = [new Map<number, Row>(), new Map<number, Row>()];
  const events: [number, string, Row][] = [];
  for (let i = 0; i < 300; i++) {
    const input = rnd(2);
    const id = rnd(ids);
    const old = live[input]!.get(id);
    const row: Row = [rnd(5) === 0 ? null : `k${rnd(keys)}`, id, rnd(4)];
    if (!old) events.push([input, '+I', row]);
    else if (rnd(3) === 0) events.push([input, '-D', old]);
    else events.push([input, '-U', old], [input, '+U', row]);
    if (old && events.at(-1)![1] === '-D') live[input]!.delete(id);
    else live[input]!.set(id, row);
  }
  return events;
}

describe('StreamingJoinOperator state layouts', () => {
  const types: JoinType[] = ['INNER', 'LEFT', 'RIGHT', 'FULL', 'SEMI', 'ANTI'];
  for (const type of types) {
    it(`${type}: keeping rows by unique key gives the same changelog as keeping them by value`, () => {
      for (const seed of [1, 2, 3]) {
        for (const matches of [undefined, (j: Row) => (j[2] as number) <= (j[5] as number)]) {
          const events = changelog(seed, 4, 12);
          const byValue = join(type, [NO_KEY, NO_KEY], matches);
          const byId = join(type, [BY_ID, BY_ID], matches);
          for (const [input, kind, row] of events) {
            byValue.send(input, [kind, row]);
            byId.send(input, [kind, row]);
          }
          expect(byValue.out.length).toBeGreaterThan(40);
          expect(byId.out).toEqual(byValue.out);
        }
      }
    });
  }

  it('NoUniqueKey keeps identical rows as copies: each copy joins, one retraction removes one', () => {
    const j = join('INNER', [NO_KEY, NO_KEY]);
    j.send(0, ['+I', ['a', 1, 0]], ['+I', ['a', 1, 0]]);
    j.send(1, ['+I', ['a', 9, 0]]);
    j.send(0, ['-D', ['a', 1, 0]]);
    j.send(1, ['+I', ['a', 8, 0]]);
    expect(j.out).toEqual(['+I["a",1,0,"a",9,0]', '+I["a",1,0,"a",9,0]', '-D["a",1,0,"a",9,0]', '+I["a",1,0,"a",8,0]']);
    expect(j.op.stateTables()[0]!.size).toBe(1);
  });

  it('a NULL join key is kept but matches nothing', () => {
    const j = join('FULL', [NO_KEY, NO_KEY]);
    j.send(0, ['+I', [null, 1, 0]]);
    j.send(1, ['+I', [null, 2, 0]]);
    j.send(0, ['-D', [null, 1, 0]]);
    expect(j.out).toEqual(['+I[null,1,0,null,null,null]', '+I[null,null,null,null,2,0]', '-D[null,1,0,null,null,null]']);
  });
});

describe('StreamingJoinOperator with +U and no -U (an input whose unique key contains the join key)', () => {
  it('inner join: the row with the same key is replaced and the new one joined with +U', () => {
    for (const layout of [BY_JOIN_KEY, BY_ID]) {
      const j = join('INNER', [layout, NO_KEY]);
      j.send(0, ['+I', ['a', 1, 10]]);
      j.send(1, ['+I', ['a', 7, 0]]);
      j.send(0, ['+U', ['a', 1, 11]]);
      j.send(1, ['+I', ['a', 8, 0]]);
      expect(j.out).toEqual(['+I["a",1,10,"a",7,0]', '+U["a",1,11,"a",7,0]', '+I["a",1,11,"a",8,0]']);
      expect(j.op.stateTables()[0]!.size).toBe(1);
    }
  });

  it('the outer side replaced: +I of the new row (outer joins emit +I/-D only)', () => {
    const j = join('LEFT', [BY_JOIN_KEY, NO_KEY]);
    j.send(0, ['+I', ['a', 1, 10]]);
    j.send(0, ['+U', ['a', 1, 11]]);
    j.send(1, ['+I', ['a', 7, 0]]);
    expect(j.out).toEqual(['+I["a",1,10,null,null,null]', '+I["a",1,11,null,null,null]', '-D["a",1,11,null,null,null]', '+I["a",1,11,"a",7,0]']);
  });

  it('the inner side replaced under an outer row: still one match, so a delete restores the NULL-padded row (Flink 1.20 miscounts: FLINK-40681)', () => {
    const j = join('RIGHT', [BY_JOIN_KEY, NO_KEY]);
    j.send(1, ['+I', ['a', 7, 0]]);
    j.send(0, ['+I', ['a', 1, 10]]);
    j.send(0, ['+U', ['a', 1, 11]]);
    j.send(0, ['-D', ['a', 1, 11]]);
    expect(j.out).toEqual(['+I[null,null,null,"a",7,0]', '-D[null,null,null,"a",7,0]', '+I["a",1,10,"a",7,0]', '+I["a",1,11,"a",7,0]', '-D["a",1,11,"a",7,0]', '+I[null,null,null,"a",7,0]']);
  });

  it('under a non-equi condition the replaced row is retracted first: its matches may differ', () => {
    const j = join('LEFT', [BY_JOIN_KEY, NO_KEY], (r) => (r[2] as number) < (r[5] as number));
    j.send(1, ['+I', ['a', 7, 20]]);
    j.send(0, ['+I', ['a', 1, 10]]);
    j.send(0, ['+U', ['a', 1, 30]]);
    j.send(1, ['-D', ['a', 7, 20]]);
    expect(j.out).toEqual(['+I["a",1,10,"a",7,20]', '-D["a",1,10,"a",7,20]', '+I["a",1,30,null,null,null]']);
  });

  it('semi join: a right row flips the left row with its own kind, as Flink does', () => {
    const j = join('SEMI', [NO_KEY, BY_JOIN_KEY]);
    j.send(0, ['+I', ['a', 1, 10]]);
    j.send(1, ['+I', ['a', 7, 0]]);
    j.send(1, ['-U', ['a', 7, 0]], ['+U', ['a', 7, 1]]);
    j.send(1, ['+U', ['a', 7, 2]]);
    expect(j.out).toEqual(['+I["a",1,10]', '-U["a",1,10]', '+U["a",1,10]']);
  });
});
