import { describe, expect, it } from 'vitest';
import { Timestamp } from '../../src/types/values.js';
import { ROW, INT } from '../../src/types/data-type.js';
import { drainReader, readAcrossRestore } from './source-restore.js';
import { scriptedConnector, type Step } from './scripted-connector.js';

describe('scripted source position', () => {
  it('restores at the next step and puts the clock back where the checkpoint saw it', async () => {
    const steps: Step[] = [{ clock: 100 }, { rows: [[1]] }, { wait: 1 }, { watermark: Timestamp.ofMillis(5) }, { clock: 200 }, { rows: [[2]] }, { rows: [[3]] }];
    let clock = 0;
    const source = scriptedConnector({ s: steps }, (t) => (clock = t)).createSource!({
      tableName: 'default_catalog.default_database.s',
      physicalType: ROW([{ name: 'a', type: INT() }]),
      partitionKeys: [],
      options: new Map([['connector', 'scripted'], ['script', 's']]),
      session: { timeZone: 'UTC', now: () => 0 },
    });
    const make = () => source.createReader({ subtask: 0, parallelism: 1, metadataKeys: [] });
    // Unbounded: after its steps the source waits forever, so reads stop after the 4 served items.
    const straight = await drainReader(make(), 4);
    expect(straight).toEqual([{ rows: [[1]], kinds: null }, { watermark: 5 }, { rows: [[2]], kinds: null }, { rows: [[3]], kinds: null }]);
    for (let k = 0; k <= 4; k++) expect((await readAcrossRestore(make, k, 4)).served).toEqual(straight);
    const first = make();
    await drainReader(first, 2);
    const position = JSON.parse(JSON.stringify(first.position!()));
    expect(position).toEqual({ version: 1, nextStep: 4, clock: 100 });
    clock = 999;
    await make().restore!(position);
    expect(clock).toBe(100);
  });
});
