-- Examples from Flink 1.20 docs: topn.md and deduplication.md.
CREATE TABLE ShopSales (
  product_id   STRING,
  category     STRING,
  product_name STRING,
  sales        BIGINT
) WITH ('connector' = 'datagen');

-- example: top five products per category
SELECT *
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;

-- example: no ranking output optimization
SELECT product_id, category, product_name, sales
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;

-- example: top-n into an upsert sink
CREATE TABLE TopSales (
  product_id STRING, category STRING, product_name STRING, sales BIGINT,
  PRIMARY KEY (product_id) NOT ENFORCED
) WITH ('connector' = 'print');
INSERT INTO TopSales
SELECT product_id, category, product_name, sales
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;

-- example: deduplication keeping the first row
CREATE TABLE Orders (
  order_id    STRING,
  order_time  STRING,
  `user`      STRING,
  product     STRING,
  num         BIGINT,
  proctime AS PROCTIME()
) WITH ('connector' = 'datagen');

SELECT order_id, `user`, product, num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proctime ASC) AS row_num
  FROM Orders)
WHERE row_num = 1;

-- example: deduplication keeping the last row
CREATE TABLE Orders (
  order_id    STRING,
  `user`      STRING,
  product     STRING,
  num         BIGINT,
  proctime AS PROCTIME()
) WITH ('connector' = 'datagen');

SELECT order_id, `user`, product, num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proctime DESC) AS row_num
  FROM Orders)
WHERE row_num = 1;
