-- Examples from Flink 1.20 docs: dev/table/sql/queries/over-agg.md.
CREATE TABLE Orders (
  order_id BIGINT,
  product STRING,
  amount INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

-- example: RANGE interval over window
SELECT order_id, order_time, amount,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;

-- example: RANGE 30 minutes
SELECT order_id, SUM(amount) OVER (
    PARTITION BY product ORDER BY order_time
    RANGE BETWEEN INTERVAL '30' MINUTE PRECEDING AND CURRENT ROW)
FROM Orders;

-- example: ROWS interval
SELECT order_id, SUM(amount) OVER (
    PARTITION BY product ORDER BY order_time
    ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)
FROM Orders;

-- example: WINDOW clause
SELECT order_id, order_time, amount,
  SUM(amount) OVER w AS sum_amount,
  AVG(amount) OVER w AS avg_amount
FROM Orders
WINDOW w AS (
  PARTITION BY product
  ORDER BY order_time
  RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW);
