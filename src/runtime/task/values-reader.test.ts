import { describe, expect, it } from 'vitest';
import { drainReader, readAcrossRestore } from '../../../tests/helpers/source-restore.js';
import { ValuesReader } from './values-reader.js';

describe('ValuesReader position', () => {
  it('serves its rows once, also across a restore', async () => {
    const make = () => new ValuesReader([[1, 'a'], [2, 'b']]);
    const straight = await drainReader(make());
    expect(straight).toHaveLength(1);
    for (const k of [0, 1]) expect((await readAcrossRestore(make, k)).served).toEqual(straight);
    expect(() => make().restore({ version: 1 })).toThrow('Cannot restore a VALUES source');
  });
});
