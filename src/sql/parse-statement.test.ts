import { describe, expect, test } from 'vitest';
import type { CreateTable, Statement } from './ast/statement.js';
import { parseScript } from './parser.js';
import { toSexpr, typeText } from './sexpr.js';

function stmt(text: string): Statement {
  const r = parseScript(text);
  if (r.errors.length) throw new Error(r.errors.map((e) => `${e.span.start.line}:${e.span.start.col} ${e.message}`).join('\n'));
  expect(r.statements).toHaveLength(1);
  return r.statements[0]!;
}
const table = (text: string): CreateTable => stmt(text) as CreateTable;

describe('CREATE TABLE', () => {
  test('full form', () => {
    const t = table(`CREATE TEMPORARY TABLE IF NOT EXISTS cat.db.Orders (
      order_id BIGINT NOT NULL COMMENT 'the id',
      \`user\` STRING,
      price DECIMAL(10, 2),
      cost AS price * 0.9 COMMENT 'derived',
      event_time TIMESTAMP(3) METADATA FROM 'timestamp' VIRTUAL,
      \`partition\` BIGINT METADATA VIRTUAL,
      headers MAP<STRING, BYTES> METADATA,
      proc AS PROCTIME(),
      ts TIMESTAMP(3),
      CONSTRAINT pk PRIMARY KEY (order_id) NOT ENFORCED,
      WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
    ) COMMENT 'orders table'
    PARTITIONED BY (\`user\`)
    WITH ('connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = 'localhost:9092')`);
    expect(t).toMatchObject({ kind: 'CreateTable', temporary: true, ifNotExists: true, orReplace: false, name: ['cat', 'db', 'Orders'], comment: 'orders table' });
    expect(t.columns.map((c) => [c.kind, c.name])).toEqual([
      ['PhysicalColumn', 'order_id'],
      ['PhysicalColumn', 'user'],
      ['PhysicalColumn', 'price'],
      ['ComputedColumn', 'cost'],
      ['MetadataColumn', 'event_time'],
      ['MetadataColumn', 'partition'],
      ['MetadataColumn', 'headers'],
      ['ComputedColumn', 'proc'],
      ['PhysicalColumn', 'ts'],
    ]);
    expect(t.columns[0]).toMatchObject({ comment: 'the id', type: { name: 'BIGINT', notNull: true } });
    expect(t.columns[3]).toMatchObject({ comment: 'derived' });
    expect(t.columns[4]).toMatchObject({ from: 'timestamp', virtual: true });
    expect(t.columns[5]).toMatchObject({ virtual: true });
    expect(t.columns[6]).toMatchObject({ virtual: false });
    expect(t.primaryKey).toMatchObject({ name: 'pk', columns: ['order_id'], enforced: false });
    expect(t.watermark).toMatchObject({ column: ['ts'] });
    expect(toSexpr(t.watermark!.expr)).toBe("(ts - INTERVAL '5' SECOND)");
    expect(t.partitionedBy).toEqual(['user']);
    expect(t.options.map((o) => [o.key, o.value])).toEqual([
      ['connector', 'kafka'],
      ['topic', 'orders'],
      ['properties.bootstrap.servers', 'localhost:9092'],
    ]);
  });
  test('inline primary key and option spans', () => {
    const text = "CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, name STRING) WITH ('connector' = 'datagen')";
    const t = table(text);
    expect(t.columns[0]).toMatchObject({ primaryKey: true });
    expect(t.primaryKey).toMatchObject({ columns: ['id'], enforced: false });
    const o = t.options[0]!;
    expect(text.slice(o.keySpan.start.offset, o.keySpan.end.offset)).toBe("'connector'");
    expect(text.slice(o.valueSpan.start.offset, o.valueSpan.end.offset)).toBe("'datagen'");
    expect(text.slice(t.nameSpan.start.offset, t.nameSpan.end.offset)).toBe('t');
  });
  test('column names that are keywords in other dialects', () => {
    const t = table('CREATE TABLE t (name STRING, value INT, type STRING, status INT, `date` DATE, `timestamp` TIMESTAMP(3), data STRING, `user` STRING, window_start TIMESTAMP(3))');
    expect(t.columns.map((c) => c.name)).toEqual(['name', 'value', 'type', 'status', 'date', 'timestamp', 'data', 'user', 'window_start']);
    expect(table('CREATE TABLE t (date DATE, timestamp TIMESTAMP(3))').columns.map((c) => c.name)).toEqual(['date', 'timestamp']);
    expect(table('CREATE TABLE t (watermark INT, constraint INT, comment STRING, metadata INT)').columns.map((c) => c.name)).toEqual([
      'watermark',
      'constraint',
      'comment',
      'metadata',
    ]);
  });
  test('LIKE clause', () => {
    const t = table("CREATE TABLE t2 WITH ('scan.startup.mode' = 'latest-offset') LIKE t1 (EXCLUDING ALL INCLUDING GENERATED OVERWRITING OPTIONS)");
    expect(t.columns).toEqual([]);
    expect(t.like).toMatchObject({
      table: ['t1'],
      options: [
        { mode: 'EXCLUDING', feature: 'ALL' },
        { mode: 'INCLUDING', feature: 'GENERATED' },
        { mode: 'OVERWRITING', feature: 'OPTIONS' },
      ],
    });
    expect(table('CREATE TABLE t2 (x INT) LIKE t1').like).toMatchObject({ table: ['t1'], options: [] });
  });
  test('CREATE TABLE AS SELECT and OR REPLACE', () => {
    const t = table("CREATE TABLE t WITH ('connector' = 'print') AS SELECT a, b FROM s");
    expect(t.asQuery).toBeDefined();
    expect(table('CREATE OR REPLACE TABLE t AS SELECT 1')).toMatchObject({ orReplace: true });
    expect(table('CREATE TABLE t (a INT)')).toMatchObject({ options: [] });
  });
  test('errors', () => {
    const r = parseScript("CREATE TABLE t (a INT) WITH (connector = 'kafka')");
    expect(r.errors[0]?.message).toMatch(/option key connector must be a string literal/);
    expect(r.errors[0]?.hint).toBe("write 'connector'");
    expect(parseScript('CREATE TABLE t (a INT, PRIMARY KEY (a) NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)').errors[0]?.message).toMatch(/only one PRIMARY KEY/);
    expect(parseScript('CREATE TABLE t (select INT)').errors[0]?.message).toMatch(/Unexpected 'select'; expected column name/);
    expect(parseScript('CREATE TABLE t (table INT)').errors[0]?.hint).toMatch(/reserved keyword.*`table`/);
  });
});

describe('other CREATE statements', () => {
  test('views', () => {
    expect(stmt("CREATE TEMPORARY VIEW IF NOT EXISTS v (a, b) COMMENT 'c' AS SELECT x, y FROM t")).toMatchObject({
      kind: 'CreateView',
      temporary: true,
      ifNotExists: true,
      name: ['v'],
      columns: ['a', 'b'],
      comment: 'c',
    });
  });
  test('functions', () => {
    expect(stmt("CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS f AS 'com.x.F' LANGUAGE JAVA USING JAR '/a.jar', JAR '/b.jar'")).toMatchObject({
      kind: 'CreateFunction',
      temporary: true,
      system: true,
      ifNotExists: true,
      className: 'com.x.F',
      language: 'JAVA',
      using: ['/a.jar', '/b.jar'],
    });
    expect(stmt("CREATE FUNCTION db.f AS './f.js' LANGUAGE JAVASCRIPT")).toMatchObject({ name: ['db', 'f'], language: 'JAVASCRIPT', temporary: false });
  });
  test('catalogs and databases', () => {
    expect(stmt("CREATE CATALOG c WITH ('type' = 'generic_in_memory')")).toMatchObject({ kind: 'CreateCatalog', name: 'c', options: [{ key: 'type' }] });
    expect(stmt("CREATE DATABASE IF NOT EXISTS c.db COMMENT 'x' WITH ('k' = 'v')")).toMatchObject({
      kind: 'CreateDatabase',
      ifNotExists: true,
      name: ['c', 'db'],
      comment: 'x',
    });
  });
});

describe('DROP / ALTER', () => {
  test('drop', () => {
    expect(stmt('DROP TEMPORARY TABLE IF EXISTS t')).toMatchObject({ kind: 'Drop', objectType: 'TABLE', temporary: true, ifExists: true });
    expect(stmt('DROP VIEW v')).toMatchObject({ objectType: 'VIEW', temporary: false });
    expect(stmt('DROP TEMPORARY SYSTEM FUNCTION f')).toMatchObject({ objectType: 'FUNCTION', system: true });
    expect(stmt('DROP CATALOG IF EXISTS c')).toMatchObject({ objectType: 'CATALOG', ifExists: true });
    expect(stmt('DROP DATABASE db CASCADE')).toMatchObject({ objectType: 'DATABASE', cascade: true });
    expect(stmt('DROP DATABASE db RESTRICT')).toMatchObject({ cascade: false });
  });
  test('alter table', () => {
    expect(stmt('ALTER TABLE t RENAME TO t2')).toMatchObject({ action: { kind: 'RenameTo', newName: ['t2'] } });
    expect(stmt("ALTER TABLE IF EXISTS t SET ('k' = 'v')")).toMatchObject({ ifExists: true, action: { kind: 'SetOptions', options: [{ key: 'k', value: 'v' }] } });
    expect(stmt("ALTER TABLE t RESET ('k', 'j')")).toMatchObject({ action: { kind: 'ResetOptions', keys: ['k', 'j'] } });
    expect(stmt("ALTER TABLE t ADD (c INT COMMENT 'x', WATERMARK FOR ts AS ts, PRIMARY KEY (c) NOT ENFORCED)")).toMatchObject({
      action: { kind: 'AddColumns', columns: [{ name: 'c' }], watermark: {}, primaryKey: { columns: ['c'] } },
    });
    expect(stmt('ALTER TABLE t ADD c INT FIRST')).toMatchObject({ action: { kind: 'AddColumns', columns: [{ name: 'c' }] } });
    expect(stmt('ALTER TABLE t ADD c INT AFTER b')).toMatchObject({ action: { kind: 'AddColumns' } });
    expect(stmt('ALTER TABLE t MODIFY c BIGINT')).toMatchObject({ action: { kind: 'ModifyColumns', columns: [{ name: 'c' }] } });
    expect(stmt('ALTER TABLE t DROP (a, b)')).toMatchObject({ action: { kind: 'DropColumns', names: ['a', 'b'] } });
    expect(stmt('ALTER TABLE t DROP a')).toMatchObject({ action: { kind: 'DropColumns', names: ['a'] } });
    expect(stmt('ALTER TABLE t DROP PRIMARY KEY')).toMatchObject({ action: { kind: 'DropPrimaryKey' } });
    expect(stmt('ALTER TABLE t DROP WATERMARK')).toMatchObject({ action: { kind: 'DropWatermark' } });
    expect(stmt('ALTER TABLE t RENAME a TO b')).toMatchObject({ action: { kind: 'RenameColumn', from: 'a', to: 'b' } });
  });
  test('alter view, function, database', () => {
    expect(stmt('ALTER VIEW v RENAME TO w')).toMatchObject({ kind: 'AlterView', action: { kind: 'RenameTo', newName: ['w'] } });
    expect(stmt('ALTER VIEW v AS SELECT 1')).toMatchObject({ action: { kind: 'AsQuery' } });
    expect(stmt("ALTER TEMPORARY SYSTEM FUNCTION IF EXISTS f AS 'x.Y' LANGUAGE SCALA")).toMatchObject({
      kind: 'AlterFunction',
      temporary: true,
      system: true,
      ifExists: true,
      className: 'x.Y',
      language: 'SCALA',
    });
    expect(stmt("ALTER DATABASE db SET ('k' = 'v')")).toMatchObject({ kind: 'AlterDatabase', options: [{ key: 'k' }] });
  });
});

describe('session statements', () => {
  test('USE / SET / RESET', () => {
    expect(stmt('USE CATALOG c')).toMatchObject({ kind: 'UseCatalog', name: 'c' });
    expect(stmt('USE c.db')).toMatchObject({ kind: 'UseDatabase', name: ['c', 'db'] });
    expect(stmt('USE `catalog`')).toMatchObject({ kind: 'UseDatabase', name: ['catalog'] });
    expect(stmt('SET')).toEqual(expect.objectContaining({ kind: 'Set' }));
    expect(stmt("SET 'table.exec.state.ttl' = '1 h'")).toMatchObject({ key: 'table.exec.state.ttl', value: '1 h' });
    expect(stmt('SET table.exec.mini-batch.enabled = true')).toMatchObject({ key: 'table.exec.mini-batch.enabled', value: 'true' });
    expect(stmt('RESET')).toEqual(expect.objectContaining({ kind: 'Reset' }));
    expect(stmt("RESET 'k'")).toMatchObject({ key: 'k' });
  });
  test('SHOW', () => {
    const cases: [string, object][] = [
      ['SHOW CATALOGS', { what: 'CATALOGS' }],
      ['SHOW CURRENT CATALOG', { what: 'CURRENT CATALOG' }],
      ['SHOW DATABASES', { what: 'DATABASES' }],
      ['SHOW CURRENT DATABASE', { what: 'CURRENT DATABASE' }],
      ['SHOW TABLES', { what: 'TABLES' }],
      ["SHOW TABLES FROM db NOT LIKE 'a%'", { what: 'TABLES', name: ['db'], like: { pattern: 'a%', negated: true, ilike: false } }],
      ["SHOW TABLES IN c.db LIKE 'x'", { name: ['c', 'db'], like: { negated: false } }],
      ['SHOW VIEWS', { what: 'VIEWS' }],
      ['SHOW FUNCTIONS', { what: 'FUNCTIONS' }],
      ['SHOW USER FUNCTIONS', { what: 'USER FUNCTIONS' }],
      ['SHOW COLUMNS FROM t', { what: 'COLUMNS', name: ['t'] }],
      ['SHOW CREATE TABLE t', { what: 'CREATE TABLE', name: ['t'] }],
      ['SHOW CREATE VIEW v', { what: 'CREATE VIEW', name: ['v'] }],
      ['SHOW MODULES', { what: 'MODULES' }],
      ['SHOW FULL MODULES', { what: 'FULL MODULES' }],
      ['SHOW JARS', { what: 'JARS' }],
      ['SHOW JOBS', { what: 'JOBS' }],
      ['SHOW PARTITIONS t', { what: 'PARTITIONS', name: ['t'] }],
    ];
    for (const [text, expected] of cases) expect(stmt(text), text).toMatchObject({ kind: 'Show', ...expected });
  });
  test('DESCRIBE', () => {
    expect(stmt('DESCRIBE t')).toMatchObject({ kind: 'Describe', extended: false, name: ['t'] });
    expect(stmt('DESC EXTENDED c.d.t')).toMatchObject({ extended: true, name: ['c', 'd', 't'] });
  });
});

describe('DML', () => {
  test('INSERT', () => {
    expect(stmt('INSERT INTO sink SELECT * FROM src')).toMatchObject({ kind: 'Insert', overwrite: false, table: ['sink'] });
    expect(stmt("INSERT OVERWRITE t PARTITION (dt = '2020-01-01', hr = 1) (a, b) SELECT a, b FROM s")).toMatchObject({
      overwrite: true,
      partition: [{ column: 'dt' }, { column: 'hr' }],
      columns: ['a', 'b'],
    });
    expect(stmt("INSERT INTO t VALUES (1, 'a'), (2, 'b')")).toMatchObject({ query: { body: { kind: 'Values' } } });
    expect(stmt('INSERT INTO t (SELECT 1)')).toMatchObject({ kind: 'Insert' });
    expect(stmt("INSERT INTO t /*+ OPTIONS('sink.parallelism' = '2') */ SELECT 1")).toMatchObject({
      hints: [{ name: 'OPTIONS', options: [['sink.parallelism', '2']] }],
    });
    expect(stmt('EXECUTE INSERT INTO t SELECT 1')).toMatchObject({ kind: 'Insert' });
  });
  test('statement sets', () => {
    const s = stmt('EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END;');
    expect(s).toMatchObject({ kind: 'StatementSet', legacy: false, inserts: [{ table: ['a'] }, { table: ['b'] }] });
    const r = parseScript('SET x = y;\nBEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;\nSELECT 3;');
    expect(r.errors).toEqual([]);
    expect(r.statements.map((x) => x.kind)).toEqual(['Set', 'StatementSet', 'QueryStatement']);
    expect(r.statements[1]).toMatchObject({ legacy: true, inserts: [{}, {}] });
  });
  test('errors inside a statement set are all reported', () => {
    const r = parseScript('EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELEC 1;\nINSERT INTO b SELECT 2;\nINSERT INTO c SELECT FROM;\nEND;\nSELECT 1;');
    expect(r.errors.map((e) => e.span.start.line)).toEqual([2, 4]);
    expect(r.statements.map((x) => x.kind)).toEqual(['StatementSet', 'QueryStatement']);
    expect(parseScript('BEGIN STATEMENT SET; INSERT INTO a SELECT 1;').errors[0]?.message).toMatch(/never closed/);
  });
  test('EXPLAIN', () => {
    expect(stmt('EXPLAIN SELECT 1')).toMatchObject({ kind: 'Explain', planFor: false, details: [], statement: { kind: 'QueryStatement' } });
    expect(stmt('EXPLAIN PLAN FOR INSERT INTO t SELECT 1')).toMatchObject({ planFor: true, statement: { kind: 'Insert' } });
    expect(stmt('EXPLAIN ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN, PLAN_ADVICE SELECT 1')).toMatchObject({
      details: ['ESTIMATED_COST', 'CHANGELOG_MODE', 'JSON_EXECUTION_PLAN', 'PLAN_ADVICE'],
    });
    expect(stmt('EXPLAIN STATEMENT SET BEGIN INSERT INTO a SELECT 1; END')).toMatchObject({ statement: { kind: 'StatementSet' } });
  });
  test('type in CAST inside DDL', () => {
    const t = table('CREATE TABLE t (a AS CAST(b AS ROW<x INT, y ARRAY<STRING>>))');
    const c = t.columns[0]!;
    expect(c.kind === 'ComputedColumn' && c.expr.kind === 'Cast' ? typeText(c.expr.target) : '').toBe('ROW<x INT, y ARRAY<STRING>>');
  });
});
