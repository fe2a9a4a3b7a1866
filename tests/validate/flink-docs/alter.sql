-- Examples from Flink 1.20 docs: dev/table/sql/alter.md.
CREATE TABLE Orders (`user` BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen');

-- example: SQL CLI walk-through
ALTER TABLE Orders ADD `order` INT COMMENT 'order identifier' FIRST;
DESCRIBE Orders;
ALTER TABLE Orders ADD (ts TIMESTAMP(3), category STRING AFTER product, PRIMARY KEY(`order`) NOT ENFORCED, WATERMARK FOR ts AS ts - INTERVAL '1' HOUR);
ALTER TABLE Orders MODIFY (amount DOUBLE NOT NULL, category STRING COMMENT 'category identifier' AFTER `order`, WATERMARK FOR ts AS ts);
ALTER TABLE Orders DROP WATERMARK;
ALTER TABLE Orders DROP (amount, ts, category);
ALTER TABLE Orders RENAME `order` to `order_id`;
SHOW TABLES;
ALTER TABLE Orders RENAME TO NewOrders;
SHOW TABLES;
SELECT order_id, `user`, product FROM NewOrders;

-- example: ADD a column and ADD several components
CREATE TABLE MyTable (id BIGINT, measurement DOUBLE) WITH ('connector' = 'datagen');
ALTER TABLE MyTable ADD category_id STRING COMMENT 'identifier of the category';
ALTER TABLE MyTable ADD (
    log_ts STRING COMMENT 'log timestamp string' FIRST,
    ts AS TO_TIMESTAMP(log_ts) AFTER log_ts,
    PRIMARY KEY (id) NOT ENFORCED,
    WATERMARK FOR ts AS ts - INTERVAL '3' SECOND
);

-- example: MODIFY
CREATE TABLE MyTable (
  id BIGINT NOT NULL, measurement DOUBLE, log_ts STRING, ts AS TO_TIMESTAMP(log_ts),
  PRIMARY KEY (id) NOT ENFORCED,
  WATERMARK FOR ts AS ts - INTERVAL '3' SECOND
) WITH ('connector' = 'datagen');
ALTER TABLE MyTable MODIFY measurement double COMMENT 'unit is bytes per second' AFTER `id`;
ALTER TABLE MyTable MODIFY (
    log_ts STRING COMMENT 'log timestamp string' AFTER `id`,  -- reorder columns
    ts AS TO_TIMESTAMP(log_ts) AFTER log_ts,
    PRIMARY KEY (id) NOT ENFORCED,
    WATERMARK FOR ts AS ts -- modify watermark strategy
);

-- example: DROP
CREATE TABLE MyTable (
  id BIGINT NOT NULL, measurement DOUBLE, col1 INT, col2 INT, col3 INT, ts TIMESTAMP(3),
  PRIMARY KEY (id) NOT ENFORCED,
  WATERMARK FOR ts AS ts
) WITH ('connector' = 'datagen');
ALTER TABLE MyTable DROP measurement;
ALTER TABLE MyTable DROP (col1, col2, col3);
ALTER TABLE MyTable DROP PRIMARY KEY;
ALTER TABLE MyTable DROP WATERMARK;

-- example: RENAME
CREATE TABLE MyTable (id BIGINT, `data` STRING) WITH ('connector' = 'datagen');
ALTER TABLE MyTable RENAME `data` TO payload;
ALTER TABLE MyTable RENAME TO MyTable2;
SELECT id, payload FROM MyTable2;

-- example: SET and RESET options
CREATE TABLE DataGenSource (id BIGINT) WITH ('connector' = 'datagen');
ALTER TABLE DataGenSource SET ('rows-per-second' = '10');
ALTER TABLE DataGenSource RESET ('rows-per-second');

-- example: ALTER VIEW
CREATE VIEW v1 AS SELECT `user`, product FROM Orders;
ALTER VIEW v1 AS SELECT `user`, product, amount FROM Orders;
ALTER VIEW v1 RENAME TO v2;
SELECT amount FROM v2;

-- example: ALTER DATABASE
CREATE DATABASE db1;
ALTER DATABASE db1 SET ('k1' = 'v1', 'k2' = 'v2');
