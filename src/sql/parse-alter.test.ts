import { describe, expect, test } from 'vitest';
import type { AlterTable, CreateTable } from './ast/statement.js';
import { parseScript } from './parser.js';

function parseOne(text: string) {
  const r = parseScript(text);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  expect(r.statements).toHaveLength(1);
  return r.statements[0]!;
}

function action(text: string) {
  return (parseOne(text) as AlterTable).action;
}

describe('ALTER TABLE ADD / MODIFY positions', () => {
  test('a single column keeps its FIRST / AFTER position', () => {
    expect(action('ALTER TABLE t ADD c INT FIRST')).toMatchObject({ kind: 'AddColumns', positions: [{ kind: 'First' }] });
    expect(action('ALTER TABLE t MODIFY c BIGINT AFTER `b`')).toMatchObject({ kind: 'ModifyColumns', positions: [{ kind: 'After', column: ['b'] }] });
    expect(action('ALTER TABLE t ADD c INT')).not.toHaveProperty('positions');
  });

  test('positions run parallel to the columns; constraints take none', () => {
    const a = action(`ALTER TABLE t ADD (
      x INT COMMENT 'c' FIRST,
      y AS x + 1,
      PRIMARY KEY (x) NOT ENFORCED,
      z STRING METADATA VIRTUAL AFTER r.f0,
      WATERMARK FOR ts AS ts)`);
    if (a.kind !== 'AddColumns') throw new Error(a.kind);
    expect(a.columns.map((c) => c.name)).toEqual(['x', 'y', 'z']);
    expect(a.positions?.map((p) => p?.kind)).toEqual(['First', undefined, 'After']);
    expect(a.positions?.[2]).toMatchObject({ column: ['r', 'f0'] });
    expect(a.primaryKey?.columns).toEqual(['x']);
    expect(a.watermark?.column).toEqual(['ts']);
  });

  test('a position after a constraint is a syntax error', () => {
    expect(parseScript('ALTER TABLE t ADD (PRIMARY KEY (a) NOT ENFORCED FIRST)').errors).toHaveLength(1);
  });
});

describe('REPLACE TABLE … AS', () => {
  test('REPLACE TABLE sets replaceOnly and orReplace', () => {
    const t = parseOne("REPLACE TABLE t WITH ('connector' = 'print') AS SELECT 1") as CreateTable;
    expect(t).toMatchObject({ kind: 'CreateTable', orReplace: true, replaceOnly: true, name: ['t'] });
    expect(t.asQuery).toBeDefined();
  });

  test('CREATE OR REPLACE TABLE is not replaceOnly', () => {
    const t = parseOne('CREATE OR REPLACE TABLE t AS SELECT 1') as CreateTable;
    expect(t.orReplace).toBe(true);
    expect(t.replaceOnly).toBeUndefined();
  });

  test('REPLACE needs TABLE and AS', () => {
    expect(parseScript('REPLACE VIEW v AS SELECT 1').errors[0]?.message).toMatch(/TABLE/);
    expect(parseScript("REPLACE TABLE t WITH ('a' = 'b')").errors[0]?.message).toMatch(/AS/);
  });
});
