-- Nexmark q2 in DuckDB batch SQL: bids of every 123rd auction (MOD of positive ids is %).
SELECT auction, price FROM bid WHERE auction % 123 = 0;
