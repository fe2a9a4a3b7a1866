/**
 * Broken versions of Flink documentation examples. `at` is the `line:col` Flink reports (or, where
 * Flink's message has no position, the token a user must fix); `message` a key part of the text.
 */
export interface BrokenCase {
  readonly name: string;
  readonly sql: string;
  readonly at: string;
  readonly message: string;
}

const BID = `CREATE TABLE Bid (
  bidtime TIMESTAMP(3),
  price DECIMAL(10, 2),
  item STRING,
  supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
`;

const ORDERS = `CREATE TABLE Orders (
  order_id BIGINT,
  product STRING,
  amount INT,
  price DECIMAL(10, 2),
  tax DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
`;

export const BROKEN_CASES: readonly BrokenCase[] = [
  {
    name: 'misspelled FROM after SELECT *',
    sql: `${ORDERS}SELECT * FORM Orders;`,
    at: '10:10',
    message: 'FORM',
  },
  {
    name: 'misspelled column in select list',
    sql: `${ORDERS}SELECT order_id, pricee + tax FROM Orders;`,
    at: '10:18',
    message: 'pricee',
  },
  {
    name: 'misspelled column in WHERE',
    sql: `${ORDERS}SELECT price + tax FROM Orders WHERE order_idd = 10;`,
    at: '10:38',
    message: 'order_idd',
  },
  {
    name: 'missing comma between columns in CREATE TABLE',
    sql: `CREATE TABLE MyTable (
  \`user_id\` BIGINT
  \`name\` STRING
) WITH ('connector' = 'datagen');`,
    at: '3:3',
    message: 'name',
  },
  {
    name: 'wrong type name INTT',
    sql: `CREATE TABLE RubberOrders (product STRING, amount INTT) WITH ('connector' = 'blackhole');`,
    at: '1:51',
    message: 'INTT',
  },
  {
    name: 'unclosed parenthesis in TUMBLE call',
    sql: `${BID}SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)
  GROUP BY window_start, window_end;`,
    at: '11:3',
    message: 'GROUP',
  },
  {
    name: 'unclosed string literal',
    sql: `${ORDERS}SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%;`,
    at: '10:55',
    message: 'string',
  },
  {
    name: 'reserved word ORDER used as a table name',
    sql: `${ORDERS}SELECT product, amount FROM Order WHERE product LIKE '%Rubber%';`,
    at: '10:29',
    message: 'Order',
  },
  {
    name: 'unknown function',
    sql: `${ORDERS}SELECT order_id, PRETTY_PRINTT(order_id) FROM Orders;`,
    at: '10:18',
    message: 'PRETTY_PRINTT',
  },
  {
    name: 'non-boolean WHERE',
    sql: `${ORDERS}SELECT price + tax FROM Orders WHERE order_id;`,
    at: '10:38',
    message: 'boolean',
  },
  {
    name: 'aggregate in WHERE',
    sql: `${ORDERS}SELECT product FROM Orders WHERE SUM(amount) > 50 GROUP BY product;`,
    at: '10:34',
    message: 'Aggregate',
  },
  {
    name: 'column not grouped',
    sql: `${ORDERS}SELECT product, amount, COUNT(*) FROM Orders GROUP BY product;`,
    at: '10:17',
    message: 'amount',
  },
  {
    name: 'HAVING on a column that is not grouped',
    sql: `${ORDERS}SELECT SUM(amount)
FROM Orders
GROUP BY product
HAVING amount > 50;`,
    at: '13:8',
    message: 'amount',
  },
  {
    name: 'wrong number of arguments',
    sql: `${ORDERS}SELECT SUBSTRING(product FROM 1 FOR 2), REPEAT(product) FROM Orders;`,
    at: '10:41',
    message: 'REPEAT',
  },
  {
    name: 'bad interval unit',
    sql: `${BID}SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTS))
  GROUP BY window_start, window_end;`,
    at: '10:58',
    message: 'MINUTS',
  },
  {
    name: 'TUMBLE on a column that is not a time attribute',
    sql: `${BID}SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(item), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;`,
    // Flink's message has no position; the call is where the mistake is.
    at: '10:5',
    message: 'timecol',
  },
  {
    name: 'unknown column in DESCRIPTOR',
    sql: `${BID}SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bid_time), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;`,
    at: '10:34',
    message: 'bid_time',
  },
  {
    name: 'watermark on an unknown column',
    sql: `CREATE TABLE Orders (
    \`user\` BIGINT,
    product STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR ordertime AS ordertime - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');`,
    at: '5:19',
    message: 'ordertime',
  },
  {
    name: 'INSERT with too few columns',
    sql: `CREATE TABLE Orders (\`user\` BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen');
CREATE TABLE RubberOrders (product STRING, amount INT) WITH ('connector' = 'blackhole');
INSERT INTO RubberOrders SELECT product FROM Orders WHERE product LIKE '%Rubber%';`,
    // Flink's message has no position; the query is what does not fit the sink.
    at: '3:26',
    message: 'do not match',
  },
  {
    name: 'misspelled keyword in OVER window',
    sql: `${ORDERS}SELECT order_id, SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) FROM Orders;`,
    // As in Calcite, BETWEN parses as a bound expression, so INTERVAL is the unexpected token.
    at: '13:18',
    message: 'INTERVAL',
  },
  {
    name: 'top-n with an unknown column in ORDER BY',
    sql: `CREATE TABLE ShopSales (product_id STRING, category STRING, product_name STRING, sales BIGINT) WITH ('connector' = 'datagen');
SELECT *
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sale DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;`,
    at: '5:55',
    message: 'sale',
  },
  {
    name: 'ambiguous column in join',
    sql: `CREATE TABLE Orders (id BIGINT, product_id BIGINT) WITH ('connector' = 'datagen');
CREATE TABLE Product (id BIGINT, name STRING) WITH ('connector' = 'datagen');
SELECT id, name
FROM Orders
INNER JOIN Product
ON Orders.product_id = Product.id;`,
    at: '3:8',
    message: 'ambiguous',
  },
  {
    name: 'comparison of incompatible types',
    sql: `${ORDERS}SELECT * FROM Orders WHERE order_time > 10;`,
    at: '10:28',
    message: "Cannot apply '>'",
  },
  {
    name: 'misspelled connector, used by a query',
    sql: `CREATE TABLE Orders (\`user\` BIGINT, product STRING, amount INT) WITH ('connector' = 'datagenn');
SELECT * FROM Orders;`,
    // Flink fails where the table is first used (no position); weir points at that reference.
    at: '2:15',
    message: 'datagenn',
  },
  {
    name: 'SELECT list item after a trailing comma',
    sql: `${ORDERS}SELECT
     order_id,
     price,
FROM Orders;`,
    at: '13:1',
    message: 'FROM',
  },
  {
    name: 'unknown column in CTE body',
    sql: `${ORDERS}WITH orders_with_total AS (
    SELECT order_id, price + taxes AS total
    FROM Orders
)
SELECT order_id, SUM(total)
FROM orders_with_total
GROUP BY order_id;`,
    at: '11:30',
    message: 'taxes',
  },
  {
    name: 'window aggregation grouped by unknown window column',
    sql: `${BID}SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_stop;`,
    at: '11:26',
    message: 'window_stop',
  },
  {
    name: 'second statement broken, first statement fine',
    sql: `${ORDERS}SELECT COUNT(*) FROM Orders;
SELECT COUNT(DISTINCT order_id) FROM Orderz;`,
    at: '11:38',
    message: 'Orderz',
  },
];
