import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { queryScript } from './query-script.js';
import { resultChart } from './report-svg.js';
import { perCore, resultTable } from './report-table.js';

const q5 = { query: 'q5', events: 1_000_000, seconds: 10, cpuSeconds: 8, peakRssBytes: 200 * 2 ** 20 };

it('the table shows events/s per core (events / CPU seconds) and the ratio to Flink V1 / V2', () => {
  expect(perCore(q5)).toBe(125_000);
  const [header, , row] = resultTable([q5], new Map([['q5', 100_000]]));
  expect(header).toContain('events/s/core');
  // q5: Flink V1 22 K, V2 75 K per core.
  expect(row!.split(/\s{2,}/)).toEqual(['q5', '1,000,000', '10.0', '100,000', '8.0', '125,000', '200 MB', '5.68×', '1.67×', '+25%']);
});

it('the chart has one bar per series and query, with its value as a tooltip', () => {
  const svg = resultChart([q5], 'title <x>');
  expect(svg.match(/<rect [^>]*fill="#2b7bb9"><title>/g)).toHaveLength(1);
  expect(svg).toContain('q5 weir: 125,000 events/s per core');
  expect(svg).toContain('q5 Flink V2: 75,000 events/s per core');
  expect(svg).toContain('title &lt;x>');
});

it('a query script is the DDL template and the query with their placeholders filled', async () => {
  const suite = await mkdtemp(join(tmpdir(), 'weir-suite-'));
  await mkdir(join(suite, 'queries'));
  await writeFile(join(suite, 'ddl.sql'), "CREATE TABLE nexmark (x INT) WITH ('events.num' = '{{events}}', 'seed' = '{{seed}}', 'first-event.rate' = '{{rate}}');");
  await writeFile(join(suite, 'queries', 'q10.sql'), "INSERT INTO t SELECT 1; -- '{{output}}' '{{data}}' {{unknown}}");
  const script = await queryScript('q10', { suite, output: '/out' }, { events: 5000, seed: 7, rate: 100, parallelism: 2 });
  expect(script).toContain("SET 'parallelism.default' = '2';");
  expect(script).toContain("'events.num' = '5000', 'seed' = '7', 'first-event.rate' = '100'");
  expect(script).toContain(`'/out' '${join(suite, 'data')}' {{unknown}}`);
});
