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
  'joins': `
SELECT * FROM Orders INNER JOIN Product ON Orders.product_id = Product.id;
SELECT * FROM Orders LEFT JOIN Product ON Orders.product_id = Product.id;
SELECT * FROM Orders RIGHT JOIN Product ON Orders.product_id = Product.id;
SELECT * FROM Orders FULL OUTER JOIN Product ON Orders.product_id = Product.id;
SELECT *
FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;
SELECT
  o.amount, o.currency, r.rate, o.amount * r.rate
FROM
  Orders AS o
  JOIN LatestRates FOR SYSTEM_TIME AS OF o.proctime AS r
  ON r.currency = o.currency;
SELECT o.order_id, o.total, c.country, c.zip
FROM Orders AS o
  JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
    ON o.customer_id = c.id;
SELECT order_id, tag
FROM Orders CROSS JOIN UNNEST(tags) AS t (tag);
SELECT order_id, res
FROM Orders,
LATERAL TABLE(table_func(order_id)) t(res);
SELECT order_id, res
FROM Orders
LEFT OUTER JOIN LATERAL TABLE(table_func(order_id)) t(res)
  ON TRUE;`,
  'window TVFs': `
SELECT * FROM TABLE(
   TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES));
SELECT * FROM TABLE(
   TUMBLE(
     DATA => TABLE Bid,
     TIMECOL => DESCRIPTOR(bidtime),
     SIZE => INTERVAL '10' MINUTES));
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
SELECT * FROM TABLE(
    CUMULATE(
      DATA => TABLE Bid,
      TIMECOL => DESCRIPTOR(bidtime),
      STEP => INTERVAL '2' MINUTES,
      SIZE => INTERVAL '10' MINUTES));
SELECT window_start, window_end, item, SUM(price) AS total_price
  FROM TABLE(
      SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY item, window_start, window_end;
SELECT window_start, window_end, SUM(price) AS total_price
  FROM TABLE(
      SESSION(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY window_start, window_end;
SELECT * FROM TABLE(
   TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES, INTERVAL '1' MINUTES));`,
  'window aggregation: grouping sets, rollup, cube, cascading': `
SELECT window_start, window_end, supplier_id, SUM(price) AS total_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, GROUPING SETS ((supplier_id), ());
SELECT window_start, window_end, supplier_id, SUM(price) AS total_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, ROLLUP (supplier_id);
SELECT window_start, window_end, item, supplier_id, SUM(price) AS total_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, CUBE (supplier_id, item);
CREATE VIEW window1 AS
SELECT window_start AS window_5mintumble_start, window_end AS window_5mintumble_end, window_time AS rowtime, SUM(price) AS partial_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY supplier_id, window_start, window_end, window_time;
SELECT window_start, window_end, SUM(partial_price) AS total_price
  FROM TABLE(
      TUMBLE(TABLE window1, DESCRIPTOR(rowtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;`,
  'group aggregation': `
SELECT COUNT(*) FROM Orders;
SELECT COUNT(DISTINCT order_id) FROM Orders;
SELECT supplier_id, rating, COUNT(*) AS total
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS ((supplier_id, rating), (supplier_id), ());
SELECT supplier_id, rating, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY CUBE (supplier_id, rating);
SELECT SUM(amount)
FROM Orders
GROUP BY users
HAVING SUM(amount) > 50;`,
  'over aggregation': `
SELECT order_id, order_time, amount,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;
SELECT order_id, order_time, amount,
  SUM(amount) OVER w AS sum_amount,
  AVG(amount) OVER w AS avg_amount
FROM Orders
WINDOW w AS (
  PARTITION BY product
  ORDER BY order_time
  RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW);
SELECT product, SUM(amount) OVER (PARTITION BY product ORDER BY order_time ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) FROM Orders;`,
  'top-n and deduplication': `
SELECT product_id, category, product_name, sales
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;
SELECT order_id, user, product, num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proctime ASC) AS row_num
  FROM Orders)
WHERE row_num = 1;
SELECT *
  FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) as rownum
    FROM (
      SELECT window_start, window_end, supplier_id, SUM(price) as price, COUNT(*) as cnt
      FROM TABLE(
        TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
      GROUP BY window_start, window_end, supplier_id
    )
  ) WHERE rownum <= 3;
SELECT *
  FROM (
    SELECT bidtime, price, item, supplier_id, window_start, window_end,
      ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY bidtime DESC) AS rownum
    FROM TABLE(
               TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  ) WHERE rownum <= 1;`,
  'window join': `
SELECT L.num as L_Num, L.id as L_Id, R.num as R_Num, R.id as R_Id,
       COALESCE(L.window_start, R.window_start) as window_start,
       COALESCE(L.window_end, R.window_end) as window_end
       FROM (
           SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
       ) L
       FULL JOIN (
           SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
       ) R
       ON L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end;
SELECT *
      FROM (
          SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
      ) L WHERE L.num NOT IN (
          SELECT num FROM (
            SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
          ) R WHERE L.window_start = R.window_start AND L.window_end = R.window_end);
SELECT *
      FROM (
          SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
      ) L WHERE EXISTS (
        SELECT * FROM (
          SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
        ) R WHERE L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end);`,
  'set operations, WITH, ORDER BY, LIMIT': `
(SELECT s FROM t1) UNION (SELECT s FROM t2);
(SELECT s FROM t1) UNION ALL (SELECT s FROM t2);
(SELECT s FROM t1) INTERSECT (SELECT s FROM t2);
(SELECT s FROM t1) EXCEPT ALL (SELECT s FROM t2);
SELECT user, amount FROM Orders WHERE product IN (SELECT product FROM NewProducts);
SELECT user, amount FROM Orders WHERE EXISTS (SELECT product FROM NewProducts);
WITH orders_with_total AS (
    SELECT order_id, price + tax AS total
    FROM Orders
)
SELECT order_id, SUM(total)
FROM orders_with_total
GROUP BY order_id;
SELECT * FROM Orders ORDER BY order_time, order_id;
SELECT * FROM Orders ORDER BY orderTime LIMIT 3;
SELECT DISTINCT id FROM Orders;
SELECT order_id, price FROM (VALUES (1, 2.0), (2, 3.1)) AS t (order_id, price);`,
  'hints': `
SELECT id, name FROM kafka_table1 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */;
SELECT * FROM
    kafka_table1 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ t1
    JOIN
    kafka_table2 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ t2
    ON t1.id = t2.id;
INSERT INTO kafka_table1 /*+ OPTIONS('sink.partitioner'='round-robin') */ SELECT * FROM kafka_table2;
SELECT /*+ BROADCAST(t1) */ * FROM t1 JOIN t3 ON t1.id = t3.id;
SELECT /*+ BROADCAST(t1, t3) */ * FROM t1 JOIN t2 ON t1.id = t2.id JOIN t3 ON t1.id = t3.id;
SELECT /*+ LOOKUP('table'='Customers', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='10s','max-attempts'='3') */ o.order_id, o.total, c.country, c.zip
FROM Orders AS o
JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
ON o.customer_id = c.id;
SELECT /*+ STATE_TTL('o' = '1d', 'p' = '12h') */ * FROM Orders o LEFT OUTER JOIN Products p ON o.product_id = p.id;`,
  'match_recognize': `
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            START_ROW.rowtime AS start_tstamp,
            LAST(PRICE_DOWN.rowtime) AS bottom_tstamp,
            LAST(PRICE_UP.rowtime) AS end_tstamp
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO LAST PRICE_UP
        PATTERN (START_ROW PRICE_DOWN+ PRICE_UP)
        DEFINE
            PRICE_DOWN AS
                (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price) OR
                    PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1),
            PRICE_UP AS
                PRICE_UP.price > LAST(PRICE_DOWN.price, 1)
    ) MR;
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.rowtime AS dropTime,
            A.price - C.price AS dropDiff
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B* C) WITHIN INTERVAL '1' HOUR
        DEFINE
            B AS B.price > A.price - 10,
            C AS C.price < A.price - 10
    );`,
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
  'functions': `
SELECT
  JSON_EXISTS('{"a": true}', '$.a'),
  JSON_EXISTS('{"a": true}', 'strict $.b' FALSE ON ERROR),
  JSON_VALUE('{"a": true}', '$.a' RETURNING BOOLEAN),
  JSON_VALUE('{"a": true}', 'lax $.b' DEFAULT FALSE ON EMPTY),
  JSON_VALUE('{"a": true}', 'strict $.b' DEFAULT FALSE ON ERROR),
  JSON_VALUE('{"a.b": [0.998,0.996]}','$.["a.b"][0]' RETURNING DOUBLE),
  JSON_QUERY('{ "a": { "b": 1 } }', '$.a'),
  JSON_QUERY('{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c' WITH CONDITIONAL ARRAY WRAPPER),
  JSON_QUERY('{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c' RETURNING ARRAY<STRING>),
  JSON_QUERY('{}', 'lax $.invalid' EMPTY OBJECT ON EMPTY),
  JSON_QUERY('{}', 'strict $.invalid' EMPTY ARRAY ON ERROR),
  JSON_OBJECT(),
  JSON_OBJECT('K1' VALUE 'V1'),
  JSON_OBJECT(KEY 'K1' VALUE NULL ABSENT ON NULL),
  JSON_OBJECT(KEY 'K1' VALUE JSON_OBJECT(KEY 'A' VALUE 'B')),
  JSON_ARRAY(1, 'abc', NULL NULL ON NULL),
  JSON_ARRAY(JSON_ARRAY(1)),
  JSON_STRING(1),
  '{}' IS JSON,
  '[]' IS JSON ARRAY;
SELECT JSON_OBJECTAGG(KEY product VALUE cnt) FROM orders;
SELECT JSON_ARRAYAGG(product) FROM orders;
SELECT
  CAST('42' AS INT),
  TRY_CAST('non-number' AS INT),
  'ab' || 'cd',
  TRIM(BOTH ' ' FROM ' hello '),
  OVERLAY('This is an old string' PLACING ' new' FROM 10 FOR 5),
  POSITION('b' IN 'abc'),
  SUBSTRING('abc' FROM 2 FOR 1),
  REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2),
  SPLIT_INDEX('a,b,c', ',', 1),
  MAP['a', 1],
  ARRAY['a', 'b'][1],
  CARDINALITY(ARRAY[1, 2]),
  COALESCE(NULL, 1),
  IF(1 > 2, 'a', 'b'),
  IFNULL(NULL, 1),
  GREATEST(1, 2, 3),
  ROUND(1.23, 1),
  UUID(),
  PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY', 'k1'),
  DATE_FORMAT(TIMESTAMP '2020-01-01 00:00:00', 'yyyy-MM-dd'),
  TO_TIMESTAMP_LTZ(4001, 3),
  TIMESTAMPDIFF(DAY, TIMESTAMP '2003-01-02 10:00:00', TIMESTAMP '2003-01-03 10:00:00'),
  TIMESTAMPADD(WEEK, 1, DATE '2003-01-02'),
  CONVERT_TZ('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles'),
  FROM_UNIXTIME(44),
  INTERVAL '2 10:20:30.123' DAY TO SECOND,
  INTERVAL '10 00:00:00.004' DAY TO SECOND,
  EXTRACT(DAY FROM DATE '2006-06-05'),
  YEAR(DATE '1994-09-27'),
  FLOOR(TIME '12:44:31' TO MINUTE),
  CEIL(TIME '12:44:31' TO MINUTE),
  CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP, NOW(), CURRENT_ROW_TIMESTAMP(),
  UNIX_TIMESTAMP(), TO_DATE('2020-01-01'), PROCTIME(), SOURCE_WATERMARK(),
  1 IS DISTINCT FROM 2,
  1 NOT BETWEEN ASYMMETRIC 2 AND 3,
  'abc' SIMILAR TO 'a%',
  SHA2('x', 256), MD5('x'), HEX('x'), BIN(12), CHR(97),
  ARRAY_CONTAINS(ARRAY[1, 2], 1),
  ROW(1, 'a'),
  U&'\\0041\\00C4',
  X'7f'
FROM t;
SELECT
  RANK() OVER (PARTITION BY a ORDER BY b),
  LAG(x, 1) OVER (ORDER BY ts),
  LEAD(x, 1, 0) OVER (ORDER BY ts),
  FIRST_VALUE(x) OVER (ORDER BY ts),
  LISTAGG(x, ';') ,
  CUME_DIST() OVER (ORDER BY b),
  NTILE(4) OVER (ORDER BY b),
  COLLECT(x), VARIANCE(x), STDDEV_POP(x), GROUPING(a), GROUP_ID(),
  COUNT(*) FILTER (WHERE x > 1),
  ARRAY_AGG(x)
FROM t GROUP BY a;
SELECT CURRENT_WATERMARK(ts) FROM t WHERE ts > CURRENT_WATERMARK(ts) OR CURRENT_WATERMARK(ts) IS NULL;
SELECT t.rowCol.*, t.mapCol['key'], t.arrCol[1], t.rowCol.nested.field FROM t;`,
};

describe('examples from the Flink 1.20 documentation parse', () => {
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
