-- weir demo: a generated stream of orders, filtered and enriched, written to the print
-- connector exactly as Flink prints it. Run with: npx weir run examples/demo.sql

SET 'table.local-time-zone' = 'UTC';

CREATE TABLE orders (
  order_id   BIGINT,
  user_id    INT,
  amount     DECIMAL(10, 2),
  channel    STRING,
  -- computed column: evaluated on read, like in Flink
  amount_usd AS amount * 1.08
) WITH (
  'connector' = 'datagen',
  'rows-per-second' = '200',
  'fields.order_id.kind' = 'sequence',
  'fields.order_id.start' = '1',
  'fields.order_id.end' = '40',
  'fields.user_id.min' = '1',
  'fields.user_id.max' = '5',
  'fields.amount.min' = '1',
  'fields.amount.max' = '200',
  'fields.channel.length' = '6'
);

CREATE TABLE big_orders (
  order_id   BIGINT,
  user_label STRING,
  amount_usd DECIMAL(13, 4),
  tier       STRING
) WITH (
  'connector' = 'print',
  'print-identifier' = 'big-orders'
);

INSERT INTO big_orders
SELECT
  order_id,
  CONCAT('user-', CAST(user_id AS STRING)),
  amount_usd,
  CASE WHEN amount > 150 THEN 'gold' WHEN amount > 100 THEN 'silver' ELSE 'bronze' END
FROM orders
WHERE amount > 50;
