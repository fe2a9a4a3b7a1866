-- Examples from Flink 1.20 docs: dev/table/sql/queries/set-ops.md.
create view t1(s) as values ('c'), ('a'), ('b'), ('b'), ('c');
create view t2(s) as values ('d'), ('e'), ('a'), ('b'), ('b');
CREATE TABLE Orders (`user` BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen');
CREATE TABLE NewProducts (product STRING) WITH ('connector' = 'datagen');

-- example: UNION
(SELECT s FROM t1) UNION (SELECT s FROM t2);

-- example: UNION ALL
(SELECT s FROM t1) UNION ALL (SELECT s FROM t2);

-- example: INTERSECT
(SELECT s FROM t1) INTERSECT (SELECT s FROM t2);

-- example: INTERSECT ALL
(SELECT s FROM t1) INTERSECT ALL (SELECT s FROM t2);

-- example: EXCEPT
(SELECT s FROM t1) EXCEPT (SELECT s FROM t2);

-- example: EXCEPT ALL
(SELECT s FROM t1) EXCEPT ALL (SELECT s FROM t2);

-- example: IN sub-query
SELECT `user`, amount
FROM Orders
WHERE product IN (
    SELECT product FROM NewProducts
);

-- example: EXISTS sub-query
SELECT `user`, amount
FROM Orders
WHERE EXISTS (
    SELECT product FROM NewProducts WHERE NewProducts.product = Orders.product
);
