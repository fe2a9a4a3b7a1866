-- Examples from Flink 1.20 docs: dev/table/sql/create.md.
-- Connectors the engine does not have (kafka, jdbc, ...) are replaced by datagen/blackhole.

-- example: run a CREATE statement (SQL CLI)
CREATE TABLE Orders (`user` BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen');
CREATE TABLE RubberOrders (product STRING, amount INT) WITH ('connector' = 'blackhole');
INSERT INTO RubberOrders SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%';

-- example: query on a registered table
CREATE TABLE Orders (`user` BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen');
SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%';

-- example: physical columns
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `name` STRING
) WITH (
  'connector' = 'datagen'
);

-- example: metadata column with FROM key
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `name` STRING,
  `record_time` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'
) WITH (
  'connector' = 'blackhole'
);

-- example: metadata column without FROM key
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `name` STRING,
  `timestamp` TIMESTAMP_LTZ(3) METADATA
) WITH (
  'connector' = 'blackhole'
);

-- example: metadata column with cast
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `name` STRING,
  `timestamp` BIGINT METADATA
) WITH (
  'connector' = 'blackhole'
);

-- example: virtual metadata column
CREATE TABLE MyTable (
  `timestamp` BIGINT METADATA,
  `offset` BIGINT METADATA VIRTUAL,
  `user_id` BIGINT,
  `name` STRING
) WITH (
  'connector' = 'blackhole'
);

-- example: computed column
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `price` DOUBLE,
  `quantity` DOUBLE,
  `cost` AS price * quantity
) WITH (
  'connector' = 'datagen'
);

-- example: computed column is excluded from the sink schema
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `price` DOUBLE,
  `quantity` DOUBLE,
  `cost` AS price * quantity
) WITH (
  'connector' = 'datagen'
);
CREATE TABLE Sink (`user_id` BIGINT, `price` DOUBLE, `quantity` DOUBLE, `cost` DOUBLE) WITH ('connector' = 'blackhole');
INSERT INTO Sink SELECT * FROM MyTable;

-- example: processing time attribute
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `name` STRING,
  proc AS PROCTIME()
) WITH (
  'connector' = 'datagen'
);

-- example: watermark with bounded out of orderness
CREATE TABLE Orders (
    `user` BIGINT,
    product STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');

-- example: watermark strategies
CREATE TABLE T1 (rowtime_column TIMESTAMP(3), WATERMARK FOR rowtime_column AS rowtime_column) WITH ('connector' = 'datagen');
CREATE TABLE T2 (rowtime_column TIMESTAMP(3), WATERMARK FOR rowtime_column AS rowtime_column - INTERVAL '0.001' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE T3 (rowtime_column TIMESTAMP(3), WATERMARK FOR rowtime_column AS rowtime_column - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');

-- example: primary key as column constraint and table constraint
CREATE TABLE T1 (id BIGINT PRIMARY KEY NOT ENFORCED, name STRING) WITH ('connector' = 'datagen');
CREATE TABLE T2 (id BIGINT, name STRING, CONSTRAINT pk PRIMARY KEY (id, name) NOT ENFORCED) WITH ('connector' = 'datagen');

-- example: LIKE with watermark and overwritten option
CREATE TABLE Orders (
    `user` BIGINT,
    product STRING,
    order_time TIMESTAMP(3)
) WITH (
    'connector' = 'datagen',
    'rows-per-second' = '5'
);

CREATE TABLE Orders_with_watermark (
    -- Add watermark definition
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    -- Overwrite the rows-per-second option
    'rows-per-second' = '10'
)
LIKE Orders;

-- example: LIKE with like options
CREATE TABLE Orders_in_file (
    `user` BIGINT,
    product STRING,
    order_time_string STRING,
    order_time AS to_timestamp(order_time_string)
)
PARTITIONED BY (`user`)
WITH (
    'connector' = 'filesystem',
    'path' = '/tmp/orders',
    'format' = 'csv'
);

CREATE TABLE Orders_in_kafka (
    -- Add watermark definition
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'blackhole'
)
LIKE Orders_in_file (
    EXCLUDING ALL
    INCLUDING GENERATED
);

-- example: CREATE TABLE AS SELECT
CREATE TABLE source_table (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE my_ctas_table
WITH (
    'connector' = 'blackhole'
)
AS SELECT id, name, age FROM source_table WHERE mod(id, 10) = 0;

-- example: CTAS equivalent statements
CREATE TABLE source_table (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE my_ctas_table (
    id BIGINT,
    name STRING,
    age INT
) WITH (
    'connector' = 'blackhole'
);
INSERT INTO my_ctas_table SELECT id, name, age FROM source_table WHERE mod(id, 10) = 0;

-- example: CREATE OR REPLACE TABLE AS SELECT
CREATE TABLE source_table (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE OR REPLACE TABLE my_rtas_table
WITH (
    'connector' = 'blackhole'
)
AS SELECT id, name, age FROM source_table WHERE mod(id, 10) = 0;

-- example: REPLACE TABLE AS SELECT
CREATE TABLE source_table (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE my_rtas_table (id BIGINT, name STRING, age INT) WITH ('connector' = 'blackhole');
REPLACE TABLE my_rtas_table
WITH (
    'connector' = 'blackhole'
)
AS SELECT id, name, age FROM source_table WHERE mod(id, 10) = 0;

-- example: RTAS equivalent statements
CREATE TABLE source_table (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen');
CREATE TABLE my_rtas_table (id BIGINT, name STRING, age INT) WITH ('connector' = 'blackhole');
DROP TABLE my_rtas_table;
CREATE TABLE my_rtas_table (
    id BIGINT,
    name STRING,
    age INT
) WITH (
    'connector' = 'blackhole'
);
INSERT INTO my_rtas_table SELECT id, name, age FROM source_table WHERE mod(id, 10) = 0;

-- example: CREATE CATALOG
CREATE CATALOG my_catalog WITH ('type' = 'generic_in_memory');

-- example: CREATE DATABASE
CREATE DATABASE IF NOT EXISTS db1 COMMENT 'orders database' WITH ('owner' = 'me');
CREATE DATABASE db2;

-- example: CREATE VIEW
CREATE TABLE Orders (`user` BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen');
CREATE TEMPORARY VIEW IF NOT EXISTS rubber_orders (u, p, a) COMMENT 'rubber only'
  AS SELECT `user`, product, amount FROM Orders WHERE product LIKE '%Rubber%';
SELECT u, SUM(a) FROM rubber_orders GROUP BY u;

-- example: CREATE TABLE with comment and partitions
CREATE TABLE country_page_view (`user` STRING, cnt INT, `date` STRING, country STRING)
COMMENT 'page views per country'
PARTITIONED BY (`date`, country)
WITH ('connector' = 'filesystem', 'path' = '/tmp/pv', 'format' = 'json');
