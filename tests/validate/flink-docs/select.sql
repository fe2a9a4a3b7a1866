-- Examples from Flink 1.20 docs: queries/select.md, with.md, select-distinct.md, orderby.md, limit.md.
CREATE TABLE Orders (
  id BIGINT,
  order_id BIGINT,
  price DECIMAL(10, 2),
  tax DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

-- example: select all
SELECT * FROM Orders;

-- example: select list with expression
SELECT order_id, price + tax FROM Orders;

-- example: VALUES with alias
SELECT order_id, price FROM (VALUES (1, 2.0), (2, 3.1))  AS t (order_id, price);

-- example: WHERE
SELECT price + tax FROM Orders WHERE id = 10;

-- example: user-defined scalar function
CREATE TEMPORARY FUNCTION PRETTY_PRINT AS 'udf/pretty-print.js' LANGUAGE JAVASCRIPT;
SELECT PRETTY_PRINT(order_id) FROM Orders;

-- example: WITH clause
WITH orders_with_total AS (
    SELECT order_id, price + tax AS total
    FROM Orders
)
SELECT order_id, SUM(total)
FROM orders_with_total
GROUP BY order_id;

-- example: SELECT DISTINCT
SELECT DISTINCT id FROM Orders;

-- example: ORDER BY time attribute
SELECT *
FROM Orders
ORDER BY order_time, order_id;

-- example: LIMIT
SELECT *
FROM Orders
ORDER BY order_time
LIMIT 3;
