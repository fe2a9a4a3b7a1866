-- Examples from Flink 1.20 docs: dev/table/sql/queries/joins.md.
CREATE TABLE Orders (
  id BIGINT,
  order_id BIGINT,
  productId BIGINT,
  product_id BIGINT,
  customer_id INT,
  amount INT,
  total DECIMAL(10, 2),
  currency STRING,
  tags ARRAY<STRING>,
  order_time TIMESTAMP(3),
  proctime AS PROCTIME(),
  proc_time AS PROCTIME(),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE Product (id BIGINT, name STRING) WITH ('connector' = 'datagen');

-- example: regular join
SELECT * FROM Orders
INNER JOIN Product
ON Orders.productId = Product.id;

-- example: INNER equi-join
SELECT *
FROM Orders
INNER JOIN Product
ON Orders.product_id = Product.id;

-- example: LEFT JOIN
SELECT *
FROM Orders
LEFT JOIN Product
ON Orders.product_id = Product.id;

-- example: RIGHT JOIN
SELECT *
FROM Orders
RIGHT JOIN Product
ON Orders.product_id = Product.id;

-- example: FULL OUTER JOIN
SELECT *
FROM Orders
FULL OUTER JOIN Product
ON Orders.product_id = Product.id;

-- example: interval join
CREATE TABLE Shipments (
  order_id BIGINT,
  ship_time TIMESTAMP(3),
  WATERMARK FOR ship_time AS ship_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT *
FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;

-- example: interval join conditions
CREATE TABLE L (id BIGINT, ltime TIMESTAMP(3), WATERMARK FOR ltime AS ltime) WITH ('connector' = 'datagen');
CREATE TABLE R (id BIGINT, rtime TIMESTAMP(3), WATERMARK FOR rtime AS rtime) WITH ('connector' = 'datagen');
SELECT * FROM L, R WHERE L.id = R.id AND ltime = rtime;
SELECT * FROM L, R WHERE L.id = R.id AND ltime >= rtime AND ltime < rtime + INTERVAL '10' MINUTE;
SELECT * FROM L, R WHERE L.id = R.id AND ltime BETWEEN rtime - INTERVAL '10' SECOND AND rtime + INTERVAL '5' SECOND;

-- example: event time temporal join
CREATE TABLE orders (
    order_id    STRING,
    price       DECIMAL(32,2),
    currency    STRING,
    order_time  TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time
) WITH ('connector' = 'datagen');

CREATE TABLE currency_rates (
    currency STRING,
    conversion_rate DECIMAL(32, 2),
    update_time TIMESTAMP(3),
    WATERMARK FOR update_time AS update_time,
    PRIMARY KEY(currency) NOT ENFORCED
) WITH (
   'connector' = 'datagen'
);

SELECT
     order_id,
     price,
     orders.currency,
     conversion_rate,
     order_time
FROM orders
LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF orders.order_time
ON orders.currency = currency_rates.currency;

-- example: processing time temporal join
CREATE TABLE LatestRates (currency STRING, rate DECIMAL(10, 2)) WITH ('connector' = 'datagen');
SELECT
  o.amount, o.currency, r.rate, o.amount * r.rate
FROM
  Orders AS o
  JOIN LatestRates FOR SYSTEM_TIME AS OF o.proctime AS r
  ON r.currency = o.currency;

-- example: lookup join
CREATE TEMPORARY TABLE Customers (
  id INT,
  name STRING,
  country STRING,
  zip STRING
) WITH (
  'connector' = 'datagen'
);

SELECT o.order_id, o.total, c.country, c.zip
FROM Orders AS o
  JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
    ON o.customer_id = c.id;

-- example: array expansion
SELECT order_id, tag
FROM Orders CROSS JOIN UNNEST(tags) AS t (tag);

-- example: table function inner join
CREATE TEMPORARY FUNCTION table_func AS 'udf/table-func.js' LANGUAGE JAVASCRIPT;
SELECT order_id, res
FROM Orders,
LATERAL TABLE(table_func(order_id)) t(res);

-- example: table function left outer join
CREATE TEMPORARY FUNCTION table_func AS 'udf/table-func.js' LANGUAGE JAVASCRIPT;
SELECT order_id, res
FROM Orders
LEFT OUTER JOIN LATERAL TABLE(table_func(order_id)) t(res)
  ON TRUE;
