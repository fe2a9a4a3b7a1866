import { describe, expect, it } from 'vitest';
import { BIGINT, INT, ROW, STRING, type RowType } from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import type { Row } from '../../types/row.js';
import type { TableContext } from '../connector.js';
import { connectorFactories, formatFactories, validateOptions } from '../registry.js';
import { DEFAULT_CONFIG } from './nexmark-config.js';
import { NexmarkReader, nexmarkFactory } from './nexmark-factory.js';
import { NEXMARK_TYPE } from './nexmark-schema.js';
import { drainReader, readAcrossRestore } from '../../../tests/helpers/source-restore.js';

const table = (options: Record<string, string>, physicalType: RowType = NEXMARK_TYPE): TableContext => ({
  tableName: 'default_catalog.default_database.nexmark',
  physicalType,
  partitionKeys: [],
  options: new Map(Object.entries({ connector: 'nexmark', ...options })),
  session: { timeZone: 'UTC', now: () => 0 },
});

async function drain(ctx: TableContext, subtask = 0, parallelism = 1): Promise<Row[]> {
  const reader = nexmarkFactory.createSource!(ctx).createReader({ subtask, parallelism, metadataKeys: [] });
  const out: Row[] = [];
  for (let c = await reader.poll(); c !== null; c = await reader.poll()) if ('rows' in c) out.push(...c.rows);
  await reader.close();
  return out;
}

const errorOf = (f: () => unknown): PlanError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    return e as PlanError;
  }
  throw new Error('expected a PlanError');
};

describe('nexmark connector', () => {
  it('is registered and bounded only with events.num', () => {
    expect(connectorFactories().get('nexmark')).toBe(nexmarkFactory);
    expect(nexmarkFactory.createSource!(table({})).bounded).toBe(false);
    expect(nexmarkFactory.createSource!(table({ 'events.num': '10' })).bounded).toBe(true);
  });

  it('ends after events.num events', async () => {
    const rows = await drain(table({ 'events.num': '2500', seed: '7' }));
    expect(rows).toHaveLength(2500);
    expect(rows.filter((r) => r[0] === 0)).toHaveLength(50);
  });

  it('gives the same events whatever the chunk size or parallelism', async () => {
    const config = { ...DEFAULT_CONFIG, eventsNum: 3001, seed: 5n };
    const read = async (r: NexmarkReader) => {
      const out: Row[] = [];
      for (let c = await r.poll(); c !== null; c = await r.poll()) out.push(...c.rows);
      return out;
    };
    const whole = await read(new NexmarkReader(config, 0, 1));
    expect(await read(new NexmarkReader(config, 0, 1, 7))).toEqual(whole);
    const parts = await Promise.all([0, 1, 2].map((s) => read(new NexmarkReader(config, s, 3, 100))));
    expect(parts.map((p) => p.length)).toEqual([1001, 1000, 1000]);
    expect(parts[1]![0]).toEqual(whole[1]);
    expect(parts[2]![999]).toEqual(whole[2999]);
    const merged = whole.map((_, i) => parts[i % 3]![Math.floor(i / 3)]);
    expect(merged).toEqual(whole);
  });

  it('reads every option', async () => {
    const rows = await drain(
      table({ 'events.num': '20', 'person.proportion': '2', 'auction.proportion': '2', 'bid.proportion': '6', 'first-event.rate': '1000', 'next-event.rate': '500', seed: '-3' }),
    );
    expect(rows.map((r) => r[0])).toEqual([0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2]);
    expect(((rows[19]![3] as Row)[5] as { millis: number }).millis - ((rows[0]![1] as Row)[6] as { millis: number }).millis).toBe(19);
  });

  it('rejects bad option values with Flink-style messages', () => {
    const bad = (o: Record<string, string>) => errorOf(() => nexmarkFactory.createSource!(table(o)));
    expect(bad({ 'first-event.rate': 'fast' }).message).toBe("Invalid value for option 'first-event.rate'.");
    expect(bad({ 'first-event.rate': '0' }).hint).toBe("'first-event.rate' must be greater than 0, but is 0.");
    expect(bad({ 'next-event.rate': '-1' }).message).toBe("Invalid value for option 'next-event.rate'.");
    expect(bad({ 'events.num': '-5' }).hint).toBe("'events.num' must not be negative, but is -5.");
    expect(bad({ 'events.num': '1.5' }).message).toBe("Invalid value for option 'events.num'.");
    expect(bad({ 'bid.proportion': '-1' }).message).toBe("Invalid value for option 'bid.proportion'.");
    expect(bad({ 'person.proportion': '0', 'auction.proportion': '0', 'bid.proportion': '0' }).hint).toBe(
      "'person.proportion', 'auction.proportion' and 'bid.proportion' must not all be 0.",
    );
    expect(bad({ seed: 'x' }).message).toBe("Invalid value for option 'seed'.");
  });

  it('reports unknown options with the supported list, as FactoryUtil does', () => {
    const options = new Map([['connector', 'nexmark'], ['events.number', '5']]);
    expect(errorOf(() => validateOptions(nexmarkFactory, options, formatFactories())).message).toBe(
      "Unsupported options found for 'nexmark'.\n\nUnsupported options:\n\nevents.number\n\nSupported options:\n\n" +
        ['auction.proportion', 'bid.proportion', 'connector', 'events.num', 'first-event.rate', 'next-event.rate', 'person.proportion', 'property-version', 'seed'].join('\n'),
    );
  });

  it('rejects a table whose columns cannot hold the events', () => {
    const short = ROW([{ name: 'event_type', type: INT() }]);
    expect(errorOf(() => nexmarkFactory.createSource!(table({}, short))).message).toBe(
      "Table 'default_catalog.default_database.nexmark' does not match the nexmark connector's row type: it has 1 physical columns where the connector produces 4.",
    );
    const bidFields = (NEXMARK_TYPE.fields[3]!.type as RowType).fields;
    const wrongBid = ROW([...NEXMARK_TYPE.fields.slice(0, 3), { name: 'bid', type: ROW([{ name: 'auction', type: STRING() }, ...bidFields.slice(1)]) }]);
    expect(errorOf(() => nexmarkFactory.createSource!(table({}, wrongBid))).message).toContain('column bid.auction is STRING where the connector produces BIGINT');
    const shortBid = ROW([...NEXMARK_TYPE.fields.slice(0, 3), { name: 'bid', type: ROW(bidFields.slice(1)) }]);
    expect(errorOf(() => nexmarkFactory.createSource!(table({}, shortBid))).message).toContain('column bid has 6 fields where the connector produces 7');
    const wrongType = ROW([{ name: 'event_type', type: BIGINT() }, ...NEXMARK_TYPE.fields.slice(1)]);
    expect(errorOf(() => nexmarkFactory.createSource!(table({}, wrongType))).message).toContain('column event_type is BIGINT where the connector produces INT');
  });

  it('restores from the next event id: the same events and event times as a straight run', async () => {
    const config = { ...DEFAULT_CONFIG, eventsNum: 2000, seed: 11n, firstEventRate: 1000, nextEventRate: 300 };
    for (const [subtask, parallelism] of [[0, 1], [2, 3]] as const) {
      const make = () => new NexmarkReader(config, subtask, parallelism, 97);
      const straight = await drainReader(make());
      for (const k of [0, 1, 3, straight.length - 1, straight.length]) {
        const { served, position } = await readAcrossRestore(make, k);
        expect(served).toEqual(straight);
        expect(position).toEqual({ version: 1, nextEventId: subtask + parallelism * Math.min(97 * k, straight.flatMap((c) => ('rows' in c ? c.rows : [])).length), parallelism });
      }
    }
    // Unbounded: restoring mid-stream continues with the same events.
    const unbounded = () => new NexmarkReader({ ...DEFAULT_CONFIG, seed: 3n }, 0, 1, 50);
    const straight = await drainReader(unbounded(), 6);
    expect((await readAcrossRestore(unbounded, 4, 6)).served).toEqual(straight);
  });

  it('refuses a position of another parallelism', () => {
    const r = new NexmarkReader(DEFAULT_CONFIG, 1, 2);
    expect(() => r.restore({ version: 1, nextEventId: 4, parallelism: 3 })).toThrow("restore at the checkpoint's parallelism");
    expect(() => r.restore({ version: 1, nextEventId: 3, parallelism: 2 })).not.toThrow();
    expect(() => r.restore({ nextEventId: 3 })).toThrow('Cannot restore the nexmark source');
  });
});
