import { describe, expect, test } from 'vitest';
import { parseScript } from './parser.js';

/**
 * SQL examples in the style of (and mostly taken from) Flink 1.20's documentation pages:
 * docs/content/docs/dev/table/sql/*.md, sql/queries/*.md and functions/systemFunctions.md.
 */
const EXAMPLES: Record<string, string> = {
  'joins': `
SELECT * FROM Orders INNER JOIN Product ON Orders.product_id = Product.id;
SELECT * FROM Orders LEFT JOIN Product ON Orders.product_id = Product.id;
SELECT * FROM Orders RIGHT JOIN Product ON Orders.product_id = Product.id;
SELECT * FROM Orders FULL OUTER JOIN Product ON Orders.product_id = Product.id;
SELECT *
FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;
SELECT
  o.amount, o.currency, r.rate, o.amount * r.rate
FROM
  Orders AS o
  JOIN LatestRates FOR SYSTEM_TIME AS OF o.proctime AS r
  ON r.currency = o.currency;
SELECT o.order_id, o.total, c.country, c.zip
FROM Orders AS o
  JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
    ON o.customer_id = c.id;
SELECT order_id, tag
FROM Orders CROSS JOIN UNNEST(tags) AS t (tag);
SELECT order_id, res
FROM Orders,
LATERAL TABLE(table_func(order_id)) t(res);
SELECT order_id, res
FROM Orders
LEFT OUTER JOIN LATERAL TABLE(table_func(order_id)) t(res)
  ON TRUE;`,
  'window TVFs': `
SELECT * FROM TABLE(
   TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES));
SELECT * FROM TABLE(
   TUMBLE(
     DATA => TABLE Bid,
     TIMECOL => DESCRIPTOR(bidtime),
     SIZE => INTERVAL '10' MINUTES));
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
SELECT * FROM TABLE(
    CUMULATE(
      DATA => TABLE Bid,
      TIMECOL => DESCRIPTOR(bidtime),
      STEP => INTERVAL '2' MINUTES,
      SIZE => INTERVAL '10' MINUTES));
SELECT window_start, window_end, item, SUM(price) AS total_price
  FROM TABLE(
      SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY item, window_start, window_end;
SELECT window_start, window_end, SUM(price) AS total_price
  FROM TABLE(
      SESSION(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY window_start, window_end;
SELECT * FROM TABLE(
   TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES, INTERVAL '1' MINUTES));`,
  'window aggregation: grouping sets, rollup, cube, cascading': `
SELECT window_start, window_end, supplier_id, SUM(price) AS total_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, GROUPING SETS ((supplier_id), ());
SELECT window_start, window_end, supplier_id, SUM(price) AS total_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, ROLLUP (supplier_id);
SELECT window_start, window_end, item, supplier_id, SUM(price) AS total_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, CUBE (supplier_id, item);
CREATE VIEW window1 AS
SELECT window_start AS window_5mintumble_start, window_end AS window_5mintumble_end, window_time AS rowtime, SUM(price) AS partial_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY supplier_id, window_start, window_end, window_time;
SELECT window_start, window_end, SUM(partial_price) AS total_price
  FROM TABLE(
      TUMBLE(TABLE window1, DESCRIPTOR(rowtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;`,
  'group aggregation': `
SELECT COUNT(*) FROM Orders;
SELECT COUNT(DISTINCT order_id) FROM Orders;
SELECT supplier_id, rating, COUNT(*) AS total
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS ((supplier_id, rating), (supplier_id), ());
SELECT supplier_id, rating, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY CUBE (supplier_id, rating);
SELECT SUM(amount)
FROM Orders
GROUP BY users
HAVING SUM(amount) > 50;`,
  'over aggregation': `
SELECT order_id, order_time, amount,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;
SELECT order_id, order_time, amount,
  SUM(amount) OVER w AS sum_amount,
  AVG(amount) OVER w AS avg_amount
FROM Orders
WINDOW w AS (
  PARTITION BY product
  ORDER BY order_time
  RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW);
SELECT product, SUM(amount) OVER (PARTITION BY product ORDER BY order_time ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) FROM Orders;`,
  'top-n and deduplication': `
SELECT product_id, category, product_name, sales
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;
SELECT order_id, user, product, num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proctime ASC) AS row_num
  FROM Orders)
WHERE row_num = 1;
SELECT *
  FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) as rownum
    FROM (
      SELECT window_start, window_end, supplier_id, SUM(price) as price, COUNT(*) as cnt
      FROM TABLE(
        TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
      GROUP BY window_start, window_end, supplier_id
    )
  ) WHERE rownum <= 3;
SELECT *
  FROM (
    SELECT bidtime, price, item, supplier_id, window_start, window_end,
      ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY bidtime DESC) AS rownum
    FROM TABLE(
               TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  ) WHERE rownum <= 1;`,
  'window join': `
SELECT L.num as L_Num, L.id as L_Id, R.num as R_Num, R.id as R_Id,
       COALESCE(L.window_start, R.window_start) as window_start,
       COALESCE(L.window_end, R.window_end) as window_end
       FROM (
           SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
       ) L
       FULL JOIN (
           SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
       ) R
       ON L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end;
SELECT *
      FROM (
          SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
      ) L WHERE L.num NOT IN (
          SELECT num FROM (
            SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
          ) R WHERE L.window_start = R.window_start AND L.window_end = R.window_end);
SELECT *
      FROM (
          SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
      ) L WHERE EXISTS (
        SELECT * FROM (
          SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
        ) R WHERE L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end);`,
  'set operations, WITH, ORDER BY, LIMIT': `
(SELECT s FROM t1) UNION (SELECT s FROM t2);
(SELECT s FROM t1) UNION ALL (SELECT s FROM t2);
(SELECT s FROM t1) INTERSECT (SELECT s FROM t2);
(SELECT s FROM t1) EXCEPT ALL (SELECT s FROM t2);
SELECT user, amount FROM Orders WHERE product IN (SELECT product FROM NewProducts);
SELECT user, amount FROM Orders WHERE EXISTS (SELECT product FROM NewProducts);
WITH orders_with_total AS (
    SELECT order_id, price + tax AS total
    FROM Orders
)
SELECT order_id, SUM(total)
FROM orders_with_total
GROUP BY order_id;
SELECT * FROM Orders ORDER BY order_time, order_id;
SELECT * FROM Orders ORDER BY orderTime LIMIT 3;
SELECT DISTINCT id FROM Orders;
SELECT order_id, price FROM (VALUES (1, 2.0), (2, 3.1)) AS t (order_id, price);`,
  'hints': `
SELECT id, name FROM kafka_table1 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */;
SELECT * FROM
    kafka_table1 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ t1
    JOIN
    kafka_table2 /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ t2
    ON t1.id = t2.id;
INSERT INTO kafka_table1 /*+ OPTIONS('sink.partitioner'='round-robin') */ SELECT * FROM kafka_table2;
SELECT /*+ BROADCAST(t1) */ * FROM t1 JOIN t3 ON t1.id = t3.id;
SELECT /*+ BROADCAST(t1, t3) */ * FROM t1 JOIN t2 ON t1.id = t2.id JOIN t3 ON t1.id = t3.id;
SELECT /*+ LOOKUP('table'='Customers', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='10s','max-attempts'='3') */ o.order_id, o.total, c.country, c.zip
FROM Orders AS o
JOIN Customers FOR SYSTEM_TIME AS OF o.proc_time AS c
ON o.customer_id = c.id;
SELECT /*+ STATE_TTL('o' = '1d', 'p' = '12h') */ * FROM Orders o LEFT OUTER JOIN Products p ON o.product_id = p.id;`,
  'match_recognize': `
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            START_ROW.rowtime AS start_tstamp,
            LAST(PRICE_DOWN.rowtime) AS bottom_tstamp,
            LAST(PRICE_UP.rowtime) AS end_tstamp
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO LAST PRICE_UP
        PATTERN (START_ROW PRICE_DOWN+ PRICE_UP)
        DEFINE
            PRICE_DOWN AS
                (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price) OR
                    PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1),
            PRICE_UP AS
                PRICE_UP.price > LAST(PRICE_DOWN.price, 1)
    ) MR;
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.rowtime AS dropTime,
            A.price - C.price AS dropDiff
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B* C) WITHIN INTERVAL '1' HOUR
        DEFINE
            B AS B.price > A.price - 10,
            C AS C.price < A.price - 10
    );`,
  'functions': `
SELECT
  JSON_EXISTS('{"a": true}', '$.a'),
  JSON_EXISTS('{"a": true}', 'strict $.b' FALSE ON ERROR),
  JSON_VALUE('{"a": true}', '$.a' RETURNING BOOLEAN),
  JSON_VALUE('{"a": true}', 'lax $.b' DEFAULT FALSE ON EMPTY),
  JSON_VALUE('{"a": true}', 'strict $.b' DEFAULT FALSE ON ERROR),
  JSON_VALUE('{"a.b": [0.998,0.996]}','$.["a.b"][0]' RETURNING DOUBLE),
  JSON_QUERY('{ "a": { "b": 1 } }', '$.a'),
  JSON_QUERY('{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c' WITH CONDITIONAL ARRAY WRAPPER),
  JSON_QUERY('{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c' RETURNING ARRAY<STRING>),
  JSON_QUERY('{}', 'lax $.invalid' EMPTY OBJECT ON EMPTY),
  JSON_QUERY('{}', 'strict $.invalid' EMPTY ARRAY ON ERROR),
  JSON_OBJECT(),
  JSON_OBJECT('K1' VALUE 'V1'),
  JSON_OBJECT(KEY 'K1' VALUE NULL ABSENT ON NULL),
  JSON_OBJECT(KEY 'K1' VALUE JSON_OBJECT(KEY 'A' VALUE 'B')),
  JSON_ARRAY(1, 'abc', NULL NULL ON NULL),
  JSON_ARRAY(JSON_ARRAY(1)),
  JSON_STRING(1),
  '{}' IS JSON,
  '[]' IS JSON ARRAY;
SELECT JSON_OBJECTAGG(KEY product VALUE cnt) FROM orders;
SELECT JSON_ARRAYAGG(product) FROM orders;
SELECT
  CAST('42' AS INT),
  TRY_CAST('non-number' AS INT),
  'ab' || 'cd',
  TRIM(BOTH ' ' FROM ' hello '),
  OVERLAY('This is an old string' PLACING ' new' FROM 10 FOR 5),
  POSITION('b' IN 'abc'),
  SUBSTRING('abc' FROM 2 FOR 1),
  REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2),
  SPLIT_INDEX('a,b,c', ',', 1),
  MAP['a', 1],
  ARRAY['a', 'b'][1],
  CARDINALITY(ARRAY[1, 2]),
  COALESCE(NULL, 1),
  IF(1 > 2, 'a', 'b'),
  IFNULL(NULL, 1),
  GREATEST(1, 2, 3),
  ROUND(1.23, 1),
  UUID(),
  PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY', 'k1'),
  DATE_FORMAT(TIMESTAMP '2020-01-01 00:00:00', 'yyyy-MM-dd'),
  TO_TIMESTAMP_LTZ(4001, 3),
  TIMESTAMPDIFF(DAY, TIMESTAMP '2003-01-02 10:00:00', TIMESTAMP '2003-01-03 10:00:00'),
  TIMESTAMPADD(WEEK, 1, DATE '2003-01-02'),
  CONVERT_TZ('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles'),
  FROM_UNIXTIME(44),
  INTERVAL '2 10:20:30.123' DAY TO SECOND,
  INTERVAL '10 00:00:00.004' DAY TO SECOND,
  EXTRACT(DAY FROM DATE '2006-06-05'),
  YEAR(DATE '1994-09-27'),
  FLOOR(TIME '12:44:31' TO MINUTE),
  CEIL(TIME '12:44:31' TO MINUTE),
  CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP, NOW(), CURRENT_ROW_TIMESTAMP(),
  UNIX_TIMESTAMP(), TO_DATE('2020-01-01'), PROCTIME(), SOURCE_WATERMARK(),
  1 IS DISTINCT FROM 2,
  1 NOT BETWEEN ASYMMETRIC 2 AND 3,
  'abc' SIMILAR TO 'a%',
  SHA2('x', 256), MD5('x'), HEX('x'), BIN(12), CHR(97),
  ARRAY_CONTAINS(ARRAY[1, 2], 1),
  ROW(1, 'a'),
  U&'\\0041\\00C4',
  X'7f'
FROM t;
SELECT
  RANK() OVER (PARTITION BY a ORDER BY b),
  LAG(x, 1) OVER (ORDER BY ts),
  LEAD(x, 1, 0) OVER (ORDER BY ts),
  FIRST_VALUE(x) OVER (ORDER BY ts),
  LISTAGG(x, ';') ,
  CUME_DIST() OVER (ORDER BY b),
  NTILE(4) OVER (ORDER BY b),
  COLLECT(x), VARIANCE(x), STDDEV_POP(x), GROUPING(a), GROUP_ID(),
  COUNT(*) FILTER (WHERE x > 1),
  ARRAY_AGG(x)
FROM t GROUP BY a;
SELECT CURRENT_WATERMARK(ts) FROM t WHERE ts > CURRENT_WATERMARK(ts) OR CURRENT_WATERMARK(ts) IS NULL;
SELECT t.rowCol.*, t.mapCol['key'], t.arrCol[1], t.rowCol.nested.field FROM t;`,
};

describe('query and function examples from the Flink 1.20 documentation parse', () => {
  for (const [name, sql] of Object.entries(EXAMPLES)) {
    test(name, () => {
      const r = parseScript(sql);
      expect(r.errors.map((e) => `${e.span.start.line}:${e.span.start.col} ${e.message}`)).toEqual([]);
      expect(r.statements.length).toBeGreaterThan(0);
    });
  }
});

