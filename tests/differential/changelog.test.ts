// Differential test of the changelog (updating) engine: seeded random CDC-like changelogs for two
// tables go through weir, weir's printed changelog is applied to a multiset, and the result must
// equal the same query run by DuckDB over the final state of the input tables.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../src/session/script-runner.js';
import { Session } from '../../src/session/session.js';
import { goldenConnector } from '../golden/golden-connector.js';
import { materialize } from '../helpers/materialize.js';
import { ALL_CASES, T1, T2, type ChangelogCase } from './changelog-queries.js';
import {
  duckDdl,
  duckInsert,
  finalState,
  flinkDdl,
  generateChangelog,
  goldenChangelog,
  prng,
  type Change,
  type ChangelogOptions,
  type TableGen,
} from './changelog-stream.js';

const SEEDS = [1, 7, 42, 2024];
/** Rows with a serial id: no two rows are ever equal. */
const UNIQUE: Record<'t1' | 't2', ChangelogOptions> = {
  t1: { changes: 90, duplicateShare: 0, insertShare: 0.55, deleteShare: 0.2, serialFirstColumn: true },
  t2: { changes: 60, duplicateShare: 0, insertShare: 0.6, deleteShare: 0.2 },
};
/** Every insert sent twice, and some copies of present rows: duplicate rows everywhere. */
const TWINS: Record<'t1' | 't2', ChangelogOptions> = {
  t1: { changes: 90, duplicateShare: 0.2, twinShare: 1, insertShare: 0.55, deleteShare: 0.2 },
  t2: { changes: 60, duplicateShare: 0.2, twinShare: 1, insertShare: 0.6, deleteShare: 0.2 },
};

const OPTIMIZED = [
  "SET 'table.exec.mini-batch.enabled' = 'true';",
  "SET 'table.exec.mini-batch.allow-latency' = '1 h';",
  "SET 'table.exec.mini-batch.size' = '7';",
  "SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';",
  "SET 'table.optimizer.distinct-agg.split.enabled' = 'true';",
  "SET 'table.optimizer.distinct-agg.split.bucket-num' = '3';",
  '',
].join('\n');

type Inputs = ReadonlyMap<TableGen, readonly Change[]>;

/** Runs one query through the whole engine; returns the print lines. */
async function runWeir(inputs: Inputs, query: string, settings = ''): Promise<string[]> {
  let session!: Session;
  const lines = new Map([...inputs].map(([t, changes]) => [t.name, goldenChangelog(t, changes)]));
  const connector = goldenConnector(lines, () => session.functions());
  session = new Session({ registry: { connectors: new Map([['golden', connector]]), formats: new Map() } });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const ddl = [...inputs.keys()].map(flinkDdl).join('\n');
  const code = await runScript(`${settings}${ddl}\n${query};`, session, {
    mode: 'run',
    fileName: 'changelog.sql',
    queryOutput: 'print',
    warnings: false,
    io: { stdout: (l) => stdout.push(...l.split('\n')), stderr: (l) => stderr.push(...l.split('\n')) },
  });
  if (code !== 0) throw new Error(`weir failed (exit ${code}):\n${stderr.join('\n')}\n--- query\n${query}`);
  return stdout.filter((l) => l !== '');
}

/** DuckDB's result as print row texts: DECIMALs with their scale, integers plain, NULL as null. */
async function duckRows(conn: DuckDBConnection, sql: string): Promise<string[]> {
  const result = await conn.runAndReadAll(sql);
  return result
    .getRows()
    .map((row) => row.map((x) => (x === null ? 'null' : String(x))).join(', '))
    .sort();
}

async function loadTables(conn: DuckDBConnection, inputs: Inputs): Promise<void> {
  // Flink's default null order (NullCollation.LOW): NULLs first ascending, last descending.
  await conn.run("SET default_null_order = 'nulls_first_on_asc_last_on_desc'");
  for (const [t, changes] of inputs) {
    await conn.run(duckDdl(t));
    const insert = duckInsert(t, finalState(changes));
    if (insert) await conn.run(insert);
  }
}

function defineSuite(title: string, inputs: Inputs, cases: readonly ChangelogCase[], twins: boolean, settings = ''): void {
  describe(title, () => {
    let db: DuckDBInstance;
    let conn: DuckDBConnection;
    beforeAll(async () => {
      db = await DuckDBInstance.create(':memory:');
      conn = await db.connect();
      await loadTables(conn, inputs);
    });
    afterAll(() => {
      conn.closeSync();
      db.closeSync();
    });
    for (const c of cases) {
      const test = async () => {
        const actual = materialize(await runWeir(inputs, c.flink, settings));
        const expected = await duckRows(conn, c.duck ?? c.flink);
        expect(actual, `${title}\n${c.flink}`).toEqual(expected);
      };
      const bug = c.bug ?? (twins ? c.dupBug : undefined);
      if (bug) it.fails(`${c.name} (weir bug: ${bug})`, test);
      else it(c.name, test);
    }
  });
}

const key = (r: readonly unknown[]) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));

for (const seed of SEEDS) {
  for (const twins of [false, true]) {
    const rnd = prng(seed);
    const options = twins ? TWINS : UNIQUE;
    const inputs: Inputs = new Map([
      [T1, generateChangelog(rnd, T1, options.t1)],
      [T2, generateChangelog(rnd, T2, options.t2)],
    ]);
    const mode = twins ? 'duplicate rows' : 'unique rows';
    it(`seed ${seed}, ${mode}: changelogs update, delete and carry NULLs`, () => {
      for (const [t, changes] of inputs) {
        expect([...new Set(changes.map((c) => c.kind))].sort(), t.name).toEqual(['+I', '+U', '-D', '-U']);
        expect(changes.some((c) => c.row.includes(null)), t.name).toBe(true);
        const rows = finalState(changes).map(key);
        expect(rows.length, t.name).toBeGreaterThan(8);
        if (t === T1) expect(new Set(rows).size < rows.length, 't1 has duplicate rows').toBe(twins);
      }
    });
    defineSuite(`changelog queries vs DuckDB, seed ${seed}, ${mode}`, inputs, ALL_CASES, twins);
    // Small mini-batches, local/global aggregation and split distinct aggregates: same final tables.
    if (seed === 1 || seed === 2024) defineSuite(`optimized aggregation vs DuckDB, seed ${seed}, ${mode}`, inputs, ALL_CASES, twins, OPTIMIZED);
  }
}

describe('changelog edge cases', () => {
  const row = (id: number, k: string | null, v: number | null): Change['row'] => [id, k, 0, v, 150n, 'x'];
  const inputs = (t1: Change[], t2: Change[] = []): Inputs => new Map([[T1, t1], [T2, t2]]);
  const allDeleted: Change[] = [
    { kind: '+I', row: row(1, 'a', 5) },
    { kind: '+I', row: row(2, 'b', null) },
    { kind: '-U', row: row(1, 'a', 5) },
    { kind: '+U', row: row(1, 'b', 6) },
    { kind: '-D', row: row(2, 'b', null) },
    { kind: '-D', row: row(1, 'b', 6) },
  ];

  // Flink's streaming GroupAggFunction retracts a group's row when its last input row is
  // retracted, also without GROUP BY: unlike batch SQL, an empty input leaves no global row.
  it('a global aggregate whose input is all retracted ends with no row', async () => {
    const lines = await runWeir(inputs(allDeleted), 'SELECT COUNT(*), SUM(v), MAX(s) FROM t1');
    expect(lines.length).toBeGreaterThan(0);
    expect(materialize(lines)).toEqual([]);
  });

  it('NOT IN turns empty when a NULL arrives on the right and recovers when it is retracted', async () => {
    const t1 = [{ kind: '+I', row: row(1, 'a', 1) }, { kind: '+I', row: row(2, 'a', 2) }] as Change[];
    const nul: Change['row'] = ['a', null, null];
    const t2: Change[] = [
      { kind: '+I', row: ['a', 2, null] },
      { kind: '+I', row: nul },
      { kind: '-D', row: nul },
    ];
    const lines = await runWeir(inputs(t1, t2), 'SELECT id FROM t1 WHERE v NOT IN (SELECT w FROM t2)');
    expect(materialize(lines)).toEqual(['1']);
    const withNull = await runWeir(inputs(t1, t2.slice(0, 2)), 'SELECT id FROM t1 WHERE v NOT IN (SELECT w FROM t2)');
    expect(materialize(withNull)).toEqual([]);
  });

  it('an update that changes nothing leaves the result as it was', async () => {
    const t1: Change[] = [
      { kind: '+I', row: row(1, 'a', 5) },
      { kind: '-U', row: row(1, 'a', 5) },
      { kind: '+U', row: row(1, 'a', 5) },
    ];
    expect(materialize(await runWeir(inputs(t1), 'SELECT k, COUNT(*), SUM(v), MAX(v) FROM t1 GROUP BY k'))).toEqual(['a, 1, 5, 5']);
    expect(materialize(await runWeir(inputs(t1), 'SELECT DISTINCT k, v FROM t1'))).toEqual(['a, 5']);
  });
});

/**
 * Minimal reproductions of the weir bugs the random suites find (expected to fail until fixed).
 * weir reads t1's chunk before t2's, so the t1 rows are in state when the t2 rows arrive.
 */
describe('duplicate rows and NULL ordering', () => {
  const row = (id: number, k: string, v: number | null): Change['row'] => [id, k, 0, v, 150n, 'x'];
  const inputs = (t1: Change[], t2: Change[] = []): Inputs => new Map([[T1, t1], [T2, t2]]);
  const twin: Change[] = [
    { kind: '+I', row: row(1, 'a', 1) },
    { kind: '+I', row: row(1, 'a', 1) },
  ];
  const run = async (t1: Change[], t2: Change[], sql: string) => materialize(await runWeir(inputs(t1, t2), sql));

  it('LEFT JOIN, a match arrives for a duplicate row', async () => {
    expect(await run(twin, [{ kind: '+I', row: ['a', 7, null] }], 'SELECT t1.id, t2.w FROM t1 LEFT JOIN t2 ON t1.k = t2.k')).toEqual(['1, 7', '1, 7']);
  });

  it('IN subquery with a duplicate left row', async () => {
    expect(await run(twin, [{ kind: '+I', row: ['b', 1, null] }], 'SELECT id FROM t1 WHERE v IN (SELECT w FROM t2)')).toEqual(['1', '1']);
  });

  it('NOT EXISTS with a duplicate left row', async () => {
    const sql = 'SELECT id FROM t1 WHERE NOT EXISTS (SELECT * FROM t2 WHERE t2.k = t1.k)';
    expect(await run(twin, [{ kind: '+I', row: ['a', 1, null] }], sql)).toEqual([]);
  });

  it('Top-N without rank number keeps duplicate rows', async () => {
    const t1: Change[] = [...twin, { kind: '+I', row: row(2, 'a', 0) }];
    const sql = 'SELECT id, v FROM (SELECT id, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC, id) AS rn FROM t1) WHERE rn <= 3';
    expect(await run(t1, [], sql)).toEqual(['1, 1', '1, 1', '2, 0']);
  });

  const withNull: Change[] = [
    { kind: '+I', row: row(1, 'a', null) },
    { kind: '+I', row: row(2, 'a', 5) },
    { kind: '+I', row: row(3, 'a', 1) },
  ];

  it('ROW_NUMBER() OVER (ORDER BY v ASC NULLS LAST)', async () => {
    const sql = 'SELECT id, rn FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v ASC NULLS LAST) AS rn FROM t1) WHERE rn <= 2';
    expect(await run(withNull, [], sql)).toEqual(['2, 2', '3, 1']);
  });

  it('ORDER BY v DESC NULLS FIRST LIMIT', async () => {
    expect(await run(withNull, [], 'SELECT id, v FROM t1 ORDER BY v DESC NULLS FIRST LIMIT 2')).toEqual(['1, null', '2, 5']);
  });

  // Flink's default null order (NullCollation.LOW) without NULLS FIRST/LAST.
  it('default null order of Top-N: NULLs first ascending, last descending', async () => {
    const asc = 'SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS rn FROM t1) WHERE rn <= 1';
    expect(await run(withNull, [], asc)).toEqual(['1']);
    expect(await run(withNull, [], 'SELECT id FROM t1 ORDER BY v DESC LIMIT 2')).toEqual(['2', '3']);
  });
});
