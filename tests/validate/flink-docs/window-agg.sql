-- Examples from Flink 1.20 docs: dev/table/sql/queries/window-agg.md.
CREATE TABLE Bid (
  bidtime TIMESTAMP(3),
  price DECIMAL(10, 2),
  item STRING,
  supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

-- example: tumbling window aggregation
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;

-- example: hopping window aggregation
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;

-- example: cumulative window aggregation
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;

-- example: session window aggregation
SELECT window_start, window_end, supplier_id, SUM(price) AS total_price
  FROM TABLE(
    SESSION(TABLE Bid PARTITION BY supplier_id, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES))
  GROUP BY window_start, window_end, supplier_id;

-- example: GROUPING SETS
SELECT window_start, window_end, supplier_id, SUM(price) as price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, GROUPING SETS ((supplier_id), ());

-- example: ROLLUP
SELECT window_start, window_end, supplier_id, SUM(price) as price
FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end, ROLLUP (supplier_id);

-- example: CUBE
SELECT window_start, window_end, item, supplier_id, SUM(price) as price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, CUBE (supplier_id, item);

-- example: CUBE as GROUPING SETS
SELECT window_start, window_end, item, supplier_id, SUM(price) as price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, GROUPING SETS (
      (supplier_id, item),
      (supplier_id      ),
      (             item),
      (                 )
);

-- example: cascading window aggregation
-- (1.20 docs: the inner window_start / window_end must be aliased, or they conflict with the outer TVF's)
CREATE VIEW window1 AS
SELECT window_start AS window_5mintumble_start, window_end AS window_5mintumble_end, window_time AS rowtime, SUM(price) as partial_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY supplier_id, window_start, window_end, window_time;

SELECT window_start, window_end, SUM(partial_price) as total_price
  FROM TABLE(
      TUMBLE(TABLE window1, DESCRIPTOR(rowtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;

-- example: group window aggregation (deprecated syntax)
CREATE TABLE Orders (
  `user`     BIGINT,
  product    STRING,
  amount     INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' MINUTE
) WITH ('connector' = 'datagen');

SELECT
  `user`,
  TUMBLE_START(order_time, INTERVAL '1' DAY) AS wStart,
  SUM(amount) FROM Orders
GROUP BY
  TUMBLE(order_time, INTERVAL '1' DAY),
  `user`;

-- example: group window auxiliary functions
CREATE TABLE Orders (
  `user`     BIGINT,
  amount     INT,
  order_time TIMESTAMP(3),
  proctime AS PROCTIME(),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' MINUTE
) WITH ('connector' = 'datagen');

SELECT `user`,
  HOP_START(order_time, INTERVAL '1' MINUTE, INTERVAL '1' HOUR),
  HOP_END(order_time, INTERVAL '1' MINUTE, INTERVAL '1' HOUR),
  HOP_ROWTIME(order_time, INTERVAL '1' MINUTE, INTERVAL '1' HOUR),
  SUM(amount)
FROM Orders
GROUP BY HOP(order_time, INTERVAL '1' MINUTE, INTERVAL '1' HOUR), `user`;

SELECT `user`,
  SESSION_START(proctime, INTERVAL '12' HOUR),
  SESSION_PROCTIME(proctime, INTERVAL '12' HOUR),
  SUM(amount)
FROM Orders
GROUP BY SESSION(proctime, INTERVAL '12' HOUR), `user`;
