-- Examples from Flink 1.20 docs: dev/table/sql/drop.md.
CREATE TABLE Orders (`user` BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen');

-- example: DROP TABLE (SQL CLI)
SHOW TABLES;
DROP TABLE Orders;
SHOW TABLES;

-- example: DROP TABLE IF EXISTS
DROP TABLE IF EXISTS Orders;
DROP TABLE IF EXISTS Orders;

-- example: DROP TEMPORARY TABLE
CREATE TEMPORARY TABLE tmp (id INT) WITH ('connector' = 'datagen');
DROP TEMPORARY TABLE IF EXISTS tmp;

-- example: DROP VIEW
CREATE VIEW v AS SELECT product FROM Orders;
DROP VIEW v;
CREATE TEMPORARY VIEW tv AS SELECT product FROM Orders;
DROP TEMPORARY VIEW IF EXISTS tv;

-- example: DROP DATABASE
CREATE DATABASE db1;
DROP DATABASE IF EXISTS db1 RESTRICT;
CREATE DATABASE db2;
CREATE TABLE db2.t (id INT) WITH ('connector' = 'datagen');
DROP DATABASE db2 CASCADE;

-- example: DROP CATALOG
CREATE CATALOG c1 WITH ('type' = 'generic_in_memory');
DROP CATALOG IF EXISTS c1;
