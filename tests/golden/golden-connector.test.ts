import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.js';
import { INT, ROW, TIMESTAMP } from '../../src/types/data-type.js';
import type { TableContext } from '../../src/connectors/connector.js';
import { drainReader, readAcrossRestore } from '../helpers/source-restore.js';
import { goldenConnector } from './golden-connector.js';

describe('golden source position', () => {
  it('restores at the next batch: the same chunks and watermarks as a straight read', async () => {
    const session = new Session();
    const inputs = new Map([['t', ['+I(1, TIMESTAMP \'2024-01-01 00:00:01\')', '+I(2, TIMESTAMP \'2024-01-01 00:00:02\')', "WATERMARK TIMESTAMP '2024-01-01 00:00:01'", '+I(3, NULL)', "WATERMARK TIMESTAMP '2024-01-01 00:00:05'"]]]);
    const ctx: TableContext = {
      tableName: 'default_catalog.default_database.t',
      physicalType: ROW([{ name: 'a', type: INT() }, { name: 'ts', type: TIMESTAMP(3) }]),
      partitionKeys: [],
      options: new Map([['connector', 'golden']]),
      session: { timeZone: 'UTC', now: () => 0 },
    };
    const source = goldenConnector(inputs, () => session.functions()).createSource!(ctx);
    const make = () => source.createReader({ subtask: 0, parallelism: 1, metadataKeys: [] });
    const straight = await drainReader(make());
    expect(straight.map((c) => ('rows' in c ? c.rows.length : 'wm'))).toEqual([2, 'wm', 1, 'wm']);
    for (let k = 0; k <= straight.length + 1; k++) expect((await readAcrossRestore(make, k)).served).toEqual(straight);
  });
});
