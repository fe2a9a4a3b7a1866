-- Nexmark q19 in DuckDB batch SQL: the 10 highest bids per auction with their rank. Flink's
-- append-only Top-N ranks a row tied on price after the rows it already holds, so ties go to the
-- earlier bid (lower rowid).
SELECT auction, bidder, price, channel, url, "dateTime", extra, rank_number
FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC, rowid ASC) AS rank_number
    FROM bid
)
WHERE rank_number <= 10;
