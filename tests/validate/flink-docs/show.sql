-- Examples from Flink 1.20 docs: show.md, describe.md, use.md, set.md (and reset).
CREATE TABLE Orders (
  `user` BIGINT NOT NULL,
  product VARCHAR(32),
  amount INT,
  ts TIMESTAMP(3),
  ptime AS PROCTIME(),
  PRIMARY KEY(`user`) NOT ENFORCED,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECONDS
) WITH ('connector' = 'datagen');

-- example: SHOW CATALOGS and SHOW CURRENT CATALOG
SHOW CATALOGS;
SHOW CURRENT CATALOG;

-- example: SHOW DATABASES and SHOW CURRENT DATABASE
SHOW DATABASES;
SHOW CURRENT DATABASE;

-- example: SHOW TABLES
SHOW TABLES;
SHOW TABLES LIKE '%ord%';
SHOW TABLES NOT LIKE '%ord%';
SHOW TABLES FROM default_database LIKE 'O%';
SHOW TABLES IN default_catalog.default_database;

-- example: SHOW CREATE TABLE
SHOW CREATE TABLE Orders;

-- example: SHOW COLUMNS
SHOW COLUMNS FROM Orders;
SHOW COLUMNS FROM Orders LIKE '%r';
SHOW COLUMNS IN Orders NOT LIKE '%r';

-- example: SHOW VIEWS and SHOW CREATE VIEW
CREATE VIEW my_view AS SELECT * FROM Orders;
SHOW VIEWS;
SHOW CREATE VIEW my_view;

-- example: SHOW FUNCTIONS
SHOW FUNCTIONS;
SHOW USER FUNCTIONS;

-- example: SHOW MODULES
SHOW MODULES;
SHOW FULL MODULES;

-- example: DESCRIBE
DESCRIBE Orders;
DESC Orders;

-- example: USE CATALOG and USE database
CREATE CATALOG cat1 WITH ('type' = 'generic_in_memory');
SHOW CATALOGS;
USE CATALOG cat1;
SHOW DATABASES;
CREATE DATABASE db1 WITH ('k1' = 'v1');
USE db1;
SHOW CURRENT DATABASE;
CREATE TABLE my_table (id INT) WITH ('connector' = 'datagen');
SHOW TABLES;
USE CATALOG default_catalog;
SELECT id FROM cat1.db1.my_table;

-- example: SET and RESET
SET 'table.local-time-zone' = 'Europe/Berlin';
SET;
RESET 'table.local-time-zone';
RESET;
