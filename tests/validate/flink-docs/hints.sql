-- Examples from Flink 1.20 docs: dev/table/sql/queries/hints.md.
CREATE TABLE kafka_table1 (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE kafka_table2 (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE t1 (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE t2 (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE t3 (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE sink1 (id BIGINT, name STRING, age INT) WITH ('connector' = 'print');

-- example: dynamic table options in query source
select id, name from kafka_table1 /*+ OPTIONS('rows-per-second'='5') */;

-- example: dynamic table options in join
select * from
    kafka_table1 /*+ OPTIONS('rows-per-second'='5') */ t1
    join
    kafka_table2 /*+ OPTIONS('rows-per-second'='5') */ t2
    on t1.id = t2.id;

-- example: dynamic table options for INSERT target table
insert into sink1 /*+ OPTIONS('print-identifier'='x') */ select * from kafka_table2;

-- example: BROADCAST
SELECT /*+ BROADCAST(t1) */ * FROM t1 JOIN t2 ON t1.id = t2.id;
SELECT /*+ BROADCAST(t1, t3) */ * FROM t1 JOIN t2 ON t1.id = t2.id JOIN t3 ON t1.id = t3.id;

-- example: SHUFFLE_HASH
SELECT /*+ SHUFFLE_HASH(t1) */ * FROM t1 JOIN t2 ON t1.id = t2.id;
SELECT /*+ SHUFFLE_HASH(t1, t3) */ * FROM t1 JOIN t2 ON t1.id = t2.id JOIN t3 ON t1.id = t3.id;

-- example: SHUFFLE_MERGE
SELECT /*+ SHUFFLE_MERGE(t1) */ * FROM t1 JOIN t2 ON t1.id = t2.id;
SELECT /*+ SHUFFLE_MERGE(t1, t3) */ * FROM t1 JOIN t2 ON t1.id = t2.id JOIN t3 ON t1.id = t3.id;

-- example: NEST_LOOP
SELECT /*+ NEST_LOOP(t1) */ * FROM t1 JOIN t2 ON t1.id = t2.id;
SELECT /*+ NEST_LOOP(t1, t3) */ * FROM t1 JOIN t2 ON t1.id = t2.id JOIN t3 ON t1.id = t3.id;

-- example: STATE_TTL
SELECT /*+ STATE_TTL('t1' = '1d', 't2' = '12h') */ * FROM t1 JOIN t2 ON t1.id = t2.id;
SELECT /*+ STATE_TTL('t1' = '1d') */ name, COUNT(*) FROM t1 GROUP BY name;
