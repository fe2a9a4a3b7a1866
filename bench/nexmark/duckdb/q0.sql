-- Nexmark q0 in DuckDB batch SQL: every bid, projected.
SELECT auction, bidder, price, "dateTime", extra FROM bid;
