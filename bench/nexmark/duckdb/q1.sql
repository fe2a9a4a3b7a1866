-- Nexmark q1 in DuckDB batch SQL: 0.908 * price is DECIMAL(23, 3) in Flink (exact, scale 3).
SELECT auction, bidder, CAST(0.908 * price AS DECIMAL(23, 3)) AS price, "dateTime", extra FROM bid;
