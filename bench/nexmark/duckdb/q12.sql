-- Nexmark q12 in DuckDB batch SQL: only the deterministic part. Which processing-time window a bid
-- falls in depends on the wall clock, and windows still open when a bounded input ends never fire
-- (processing-time timers do not fire at end of input), so the test compares per bidder the sum of
-- bid_count over the fired windows with (at most) the bidder's total number of bids.
SELECT bidder, COUNT(*) AS bid_count FROM bid GROUP BY bidder;
