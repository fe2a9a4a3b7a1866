-- Examples from Flink 1.20 docs: dev/table/sql/insert.md.
CREATE TABLE Orders (`user` BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen');
CREATE TABLE RubberOrders (product STRING, amount INT) WITH ('connector' = 'blackhole');
CREATE TABLE GlassOrders (product VARCHAR, amount INT) WITH ('connector' = 'blackhole');

-- example: single INSERT
SHOW TABLES;
INSERT INTO RubberOrders SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%';

-- example: statement set
EXECUTE STATEMENT SET
BEGIN
INSERT INTO RubberOrders SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%';
INSERT INTO GlassOrders SELECT product, amount FROM Orders WHERE product LIKE '%Glass%';
END;

-- example: statement set without EXECUTE
BEGIN STATEMENT SET;
INSERT INTO RubberOrders SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%';
INSERT INTO GlassOrders SELECT product, amount FROM Orders WHERE product LIKE '%Glass%';
END;

-- example: insert into partitions
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE country_page_view (`user` STRING, cnt INT, `date` STRING, country STRING)
PARTITIONED BY (`date`, country)
WITH ('connector' = 'filesystem', 'path' = '/tmp/country_page_view', 'format' = 'csv');
CREATE TABLE page_view_source (`user` STRING, cnt INT, country STRING) WITH ('connector' = 'datagen');

INSERT INTO country_page_view PARTITION (`date`='2019-8-30', country='China')
  SELECT `user`, cnt FROM page_view_source;

INSERT INTO country_page_view PARTITION (`date`='2019-8-30')
  SELECT `user`, cnt, country FROM page_view_source;

INSERT OVERWRITE country_page_view PARTITION (`date`='2019-8-30', country='China')
  SELECT `user`, cnt FROM page_view_source;

INSERT OVERWRITE country_page_view PARTITION (`date`='2019-8-30')
  SELECT `user`, cnt, country FROM page_view_source;

INSERT INTO country_page_view PARTITION (`date`='2019-8-30', country='China') (`user`)
  SELECT `user` FROM page_view_source;

-- example: column list
CREATE TABLE T (a INT, b INT, c INT) WITH ('connector' = 'blackhole');
CREATE TABLE S (x INT, y INT) WITH ('connector' = 'datagen');
INSERT INTO T(c, b) SELECT x, y FROM S;

-- example: INSERT VALUES
CREATE TABLE students (name STRING, age INT, gpa DECIMAL(3, 2)) WITH ('connector' = 'blackhole');

INSERT INTO students
  VALUES ('fred flintstone', 35, 1.28), ('barney rubble', 32, 2.32);
