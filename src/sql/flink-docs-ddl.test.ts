import { describe, expect, test } from 'vitest';
import { parseScript } from './parser.js';

/**
 * SQL examples in the style of (and mostly taken from) Flink 1.20's documentation pages:
 * docs/content/docs/dev/table/sql/*.md, sql/queries/*.md and functions/systemFunctions.md.
 */
const EXAMPLES: Record<string, string> = {
  'create: kafka table with metadata': `
CREATE TABLE MyTable (
  \`user_id\` BIGINT,
  \`name\` STRING,
  \`record_time\` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  \`partition\` BIGINT METADATA VIRTUAL,
  \`offset\` BIGINT METADATA VIRTUAL,
  \`cost\` AS price * quantity,
  \`ts\` AS CAST(\`record_time\` AS TIMESTAMP(3)),
  WATERMARK FOR \`ts\` AS \`ts\` - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka'
);`,
  'create: LIKE with comments': `
CREATE TABLE Orders (
    \`user\` BIGINT,
    product STRING,
    order_time TIMESTAMP(3)
) WITH (
    'connector' = 'kafka',
    'scan.startup.mode' = 'earliest-offset'
);

CREATE TABLE Orders_with_watermark (
    -- Add watermark definition
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    -- Overwrite the startup-mode
    'scan.startup.mode' = 'latest-offset'
)
LIKE Orders;

CREATE TABLE Orders_in_kafka (
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'kafka'
)
LIKE Orders_in_file (
    -- Exclude everything besides the computed columns
    EXCLUDING ALL
    INCLUDING GENERATED
);`,
  'create: partitioned filesystem table and primary key': `
CREATE TABLE fs_table (
  user_id STRING,
  order_amount DOUBLE,
  dt STRING,
  \`hour\` STRING,
  PRIMARY KEY (user_id) NOT ENFORCED
) PARTITIONED BY (dt, \`hour\`) WITH (
  'connector'='filesystem',
  'path'='file:///tmp/fs',
  'format'='parquet',
  'sink.partition-commit.delay'='1 h',
  'sink.partition-commit.policy.kind'='success-file'
);`,
  'create: CTAS and RTAS': `
CREATE TABLE my_ctas_table
WITH (
    'connector' = 'kafka'
)
AS SELECT id, name, age FROM source_table WHERE mod(id, 10) = 0;

CREATE OR REPLACE TABLE my_rtas_table
WITH (
    'connector' = 'kafka'
)
AS SELECT id, name, age FROM source_table WHERE mod(id, 10) = 0;`,
  'create: distribution (1.20)': `
CREATE TABLE MyTable (uid BIGINT, name STRING) DISTRIBUTED BY HASH(uid) INTO 4 BUCKETS;
CREATE TABLE MyTable (uid BIGINT, name STRING) DISTRIBUTED BY (uid) INTO 4 BUCKETS;
CREATE TABLE MyTable (uid BIGINT, name STRING) DISTRIBUTED BY (uid);
CREATE TABLE MyTable (uid BIGINT, name STRING) DISTRIBUTED INTO 4 BUCKETS;`,
  'create: catalog, database, view, function': `
CREATE CATALOG my_catalog WITH ('type' = 'generic_in_memory');
CREATE DATABASE IF NOT EXISTS my_catalog.db1 COMMENT 'my database' WITH ('k1' = 'v1');
CREATE VIEW MyView1 AS SELECT * FROM MyTable;
CREATE TEMPORARY VIEW v2 (a, b) AS SELECT x, y FROM MyTable;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS parse_log AS 'com.example.ParseLog' LANGUAGE JAVA USING JAR 'hdfs:///udf/udf.jar';
CREATE FUNCTION py_upper AS 'my_udfs.py_upper' LANGUAGE PYTHON;`,
  'temporal join tables': `
CREATE TABLE orders (
    order_id    STRING,
    price       DECIMAL(32,2),
    currency    STRING,
    order_time  TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time
) WITH (/* ... */);

CREATE TABLE currency_rates (
    currency STRING,
    conversion_rate DECIMAL(32, 2),
    update_time TIMESTAMP(3) METADATA FROM 'value.source.timestamp' VIRTUAL,
    WATERMARK FOR update_time AS update_time,
    PRIMARY KEY(currency) NOT ENFORCED
) WITH (
   'connector' = 'kafka',
   'value.format' = 'debezium-json'
);

SELECT
     order_id,
     price,
     currency,
     conversion_rate,
     order_time
FROM orders
LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF orders.order_time
ON orders.currency = currency_rates.currency;`,
  'insert and statement sets': `
INSERT INTO country_page_view
SELECT user, cnt FROM page_view_source;
INSERT INTO country_page_view PARTITION (date='2019-8-30', country='China')
  SELECT user, cnt FROM page_view_source;
INSERT OVERWRITE country_page_view PARTITION (date='2019-8-30')
  SELECT user, cnt, country FROM page_view_source;
INSERT INTO country_page_view PARTITION (date='2019-8-30', country='China') (user)
  SELECT user FROM page_view_source;
INSERT INTO students
  VALUES ('fred flintstone', 35, 1.28), ('barney rubble', 32, 2.32);
EXECUTE STATEMENT SET
BEGIN
INSERT INTO pageviews SELECT page_id, viewtime FROM pageviews_source;
INSERT INTO uniqueview SELECT page_id, COUNT(DISTINCT user_id) FROM pageviews_source GROUP BY page_id;
END;
BEGIN STATEMENT SET;
  INSERT INTO pageview_sink SELECT page_id, viewtime FROM pageviews_source;
  INSERT INTO uniqueview_sink SELECT page_id, COUNT(DISTINCT user_id) FROM pageviews_source GROUP BY page_id;
END;`,
  'alter / drop': `
ALTER TABLE MyTable ADD category_id STRING COMMENT 'identifier of the category';
ALTER TABLE MyTable ADD (
    log_ts STRING COMMENT 'log timestamp string' FIRST,
    ts AS TO_TIMESTAMP(log_ts) AFTER log_ts,
    PRIMARY KEY (id) NOT ENFORCED,
    WATERMARK FOR ts AS ts - INTERVAL '3' SECOND
);
ALTER TABLE MyTable MODIFY PRIMARY KEY (id) NOT ENFORCED;
ALTER TABLE MyTable MODIFY WATERMARK FOR ts AS ts - INTERVAL '1' SECOND;
ALTER TABLE MyTable MODIFY (
    request_body STRING COMMENT 'the request body' AFTER log_ts,
    ts AS TO_TIMESTAMP(log_ts) AFTER \`value\`
);
ALTER TABLE MyTable DROP (col1, col2);
ALTER TABLE MyTable DROP PRIMARY KEY;
ALTER TABLE MyTable DROP WATERMARK;
ALTER TABLE MyTable RENAME request_body TO payload;
ALTER TABLE MyTable RENAME TO MyTable2;
ALTER TABLE MyTable SET ('connector' = 'kafka', 'scan.startup.mode' = 'earliest-offset');
ALTER TABLE MyTable RESET ('scan.startup.mode');
ALTER VIEW MyView RENAME TO MyView2;
ALTER DATABASE db SET ('k1' = 'v1');
DROP TABLE IF EXISTS MyTable;
DROP TEMPORARY VIEW IF EXISTS v;
DROP DATABASE IF EXISTS db CASCADE;
DROP CATALOG IF EXISTS cat;`,
  'show, describe, use, set, explain': `
SHOW CATALOGS;
SHOW CURRENT CATALOG;
SHOW DATABASES;
SHOW CURRENT DATABASE;
SHOW TABLES;
SHOW TABLES FROM db1 LIKE '%n';
SHOW TABLES NOT LIKE '%n';
SHOW COLUMNS FROM orders LIKE '%r';
SHOW CREATE TABLE orders;
SHOW VIEWS;
SHOW CREATE VIEW my_view;
SHOW FUNCTIONS;
SHOW USER FUNCTIONS;
SHOW MODULES;
SHOW FULL MODULES;
SHOW JARS;
SHOW JOBS;
DESCRIBE Orders;
DESC Orders;
USE CATALOG cat1;
USE db1;
SET 'table.local-time-zone' = 'Europe/Berlin';
SET;
RESET 'table.planner';
RESET;
EXPLAIN PLAN FOR
SELECT \`count\`, COUNT(word) FROM (
  SELECT \`count\`, word FROM MyTable1 WHERE word LIKE 'F%'
  UNION ALL
  SELECT \`count\`, word FROM MyTable2) tmp
  GROUP BY \`count\`;
EXPLAIN ESTIMATED_COST, CHANGELOG_MODE, PLAN_ADVICE, JSON_EXECUTION_PLAN
SELECT \`count\`, COUNT(word) FROM MyTable1 GROUP BY \`count\`;
EXPLAIN STATEMENT SET BEGIN
INSERT INTO MySink1 SELECT * FROM MyTable1;
INSERT INTO MySink2 SELECT * FROM MyTable2;
END;`,
};

describe('DDL and statement examples from the Flink 1.20 documentation parse', () => {
  for (const [name, sql] of Object.entries(EXAMPLES)) {
    test(name, () => {
      const r = parseScript(sql);
      expect(r.errors.map((e) => `${e.span.start.line}:${e.span.start.col} ${e.message}`)).toEqual([]);
      expect(r.statements.length).toBeGreaterThan(0);
    });
  }
});

/** Broken versions of documentation examples: the error must be at the right place. */
const BROKEN: [string, string, number, number, RegExp][] = [
  ['missing comma between columns', "CREATE TABLE Orders (\n    `user` BIGINT\n    product STRING,\n    order_time TIMESTAMP(3)\n) WITH ('connector' = 'kafka');", 3, 5, /Unexpected 'product'/],
  ['unquoted option key', 'CREATE TABLE t (a INT) WITH (\n  connector = \'kafka\'\n);', 2, 3, /must be a string literal/],
  ['missing ON in join', 'SELECT *\nFROM Orders\nINNER JOIN Product\nWHERE Orders.product_id = Product.id;', 4, 1, /expected ON or USING|expected .*ON/],
  ['misspelled PRECEDING', "SELECT SUM(amount) OVER (\n  PARTITION BY product\n  ORDER BY order_time\n  RANGE BETWEEN INTERVAL '1' HOUR PRECEEDING AND CURRENT ROW\n) FROM Orders;", 4, 35, /Unexpected 'PRECEEDING'/],
  ['unclosed TUMBLE call', "SELECT window_start, SUM(price)\n  FROM TABLE(\n    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)\n  GROUP BY window_start;", 4, 3, /Unexpected 'GROUP'/],
  ['trailing comma before FROM', 'SELECT\n     order_id,\n     price,\nFROM orders;', 4, 1, /Unexpected 'FROM'; expected .*expression/],
  ['missing END of statement set', 'EXECUTE STATEMENT SET\nBEGIN\nINSERT INTO a SELECT 1;\n', 1, 1, /never closed/],
  ['unclosed string in WITH', "CREATE TABLE t (a INT) WITH (\n  'connector' = 'kafka,\n  'topic' = 'x'\n);", 3, 4, /Unexpected 'topic'/],
  ['missing BY after PARTITION', 'SELECT ROW_NUMBER() OVER (PARTITION product ORDER BY ts) FROM t;', 1, 37, /Unexpected 'product'; expected BY/],
  ['NOT ENFORCED typo', 'CREATE TABLE t (\n  id INT,\n  PRIMARY KEY (id) NOT ENFORCD\n);', 3, 24, /Unexpected 'ENFORCD'/],
];

describe('broken documentation examples report the right position', () => {
  for (const [name, sql, line, col, message] of BROKEN) {
    test(name, () => {
      const r = parseScript(sql);
      expect(r.errors.length).toBeGreaterThan(0);
      const e = r.errors[0]!;
      expect(e.message).toMatch(message);
      expect([e.span.start.line, e.span.start.col]).toEqual([line, col]);
    });
  }
});
