-- Examples from Flink 1.20 docs: dev/table/sql/explain.md.
CREATE TABLE MyTable1 (`count` bigint, word VARCHAR(256)) WITH ('connector' = 'datagen');
CREATE TABLE MyTable2 (`count` bigint, word VARCHAR(256)) WITH ('connector' = 'datagen');

-- example: EXPLAIN PLAN FOR
EXPLAIN PLAN FOR SELECT `count`, word FROM MyTable1 WHERE word LIKE 'F%'
UNION ALL
SELECT `count`, word FROM MyTable2;

-- example: EXPLAIN with details
EXPLAIN ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN SELECT `count`, word FROM MyTable1
WHERE word LIKE 'F%'
UNION ALL
SELECT `count`, word FROM MyTable2;

-- example: EXPLAIN an INSERT
CREATE TABLE MySink (`count` bigint, word VARCHAR(256)) WITH ('connector' = 'blackhole');
EXPLAIN INSERT INTO MySink SELECT `count`, word FROM MyTable1 WHERE word LIKE 'F%';

-- example: EXPLAIN a statement set
CREATE TABLE MySink (`count` bigint, word VARCHAR(256)) WITH ('connector' = 'blackhole');
EXPLAIN STATEMENT SET BEGIN
INSERT INTO MySink SELECT `count`, word FROM MyTable1 WHERE word LIKE 'F%';
INSERT INTO MySink SELECT `count`, word FROM MyTable2;
END;
