import { expect, it } from 'vitest';
import { RowKind, type Chunk, type Row } from '../../types/row.js';
import { LookupJoinOperator } from './lookup-join-operator.js';

/** A lookup function answering after a key-dependent delay, recording how many lookups overlap. */
function slowTable(async: boolean) {
  const stats = { inFlight: 0, maxInFlight: 0 };
  return {
    stats,
    fn: {
      async,
      lookup: async (key: readonly unknown[]): Promise<readonly Row[]> => {
        stats.inFlight++;
        stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
        await new Promise((r) => setTimeout(r, 10 - (key[0] as number)));
        stats.inFlight--;
        return (key[0] as number) % 3 === 0 ? [] : [[key[0], `dim${String(key[0])}`]];
      },
    },
  };
}

async function run(inFlight: number, async: boolean) {
  const table = slowTable(async);
  const out: string[] = [];
  const op = new LookupJoinOperator('lj', { outer: true, leftKeys: [0], lookup: table.fn, inFlight, rightWidth: 2, matches: () => true }, {
    emit: (c: Chunk) => void c.rows.forEach((r, i) => out.push(`${c.kinds?.[i] ?? RowKind.INSERT}:${JSON.stringify(r)}`)),
    emitWatermark: () => {},
  });
  const rows: Row[] = [1, 2, 3, 4, 5, 6, 7].map((k) => [k]);
  await op.processChunk({ rows, kinds: null }, 0);
  return { out, maxInFlight: table.stats.maxInFlight };
}

it('async lookups overlap up to the buffer capacity and keep the input order (ORDERED)', async () => {
  const sync = await run(1, false);
  const concurrent = await run(3, true);
  expect(sync.maxInFlight).toBe(1);
  expect(concurrent.maxInFlight).toBe(3);
  expect(concurrent.out).toEqual(sync.out);
  expect(sync.out).toEqual(['0:[1,1,"dim1"]', '0:[2,2,"dim2"]', '0:[3,null,null]', '0:[4,4,"dim4"]', '0:[5,5,"dim5"]', '0:[6,null,null]', '0:[7,7,"dim7"]']);
});
