-- Examples from Flink 1.20 docs: dev/table/sql/queries/group-agg.md.
CREATE TABLE Orders (
  order_id BIGINT,
  users STRING,
  amount INT
) WITH ('connector' = 'datagen');

-- example: COUNT(*)
SELECT COUNT(*) FROM Orders;

-- example: GROUP BY
SELECT COUNT(*)
FROM Orders
GROUP BY order_id;

-- example: DISTINCT aggregation
SELECT COUNT(DISTINCT order_id) FROM Orders;

-- example: GROUPING SETS
SELECT supplier_id, rating, COUNT(*) AS total
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS ((supplier_id, rating), (supplier_id), ());

-- example: ROLLUP
SELECT supplier_id, rating, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY ROLLUP (supplier_id, rating);

-- example: CUBE
SELECT supplier_id, rating, product_id, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY CUBE (supplier_id, rating, product_id);

-- example: CUBE as GROUPING SETS
SELECT supplier_id, rating, product_id, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS (
    ( supplier_id, product_id, rating ),
    ( supplier_id, product_id         ),
    ( supplier_id,             rating ),
    ( supplier_id                     ),
    (              product_id, rating ),
    (              product_id         ),
    (                          rating ),
    (                                 )
);

-- example: HAVING
SELECT SUM(amount)
FROM Orders
GROUP BY users
HAVING SUM(amount) > 50;
