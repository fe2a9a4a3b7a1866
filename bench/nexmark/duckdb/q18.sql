-- Nexmark q18 in DuckDB batch SQL: the last bid per (bidder, auction). Flink's keep-last-row
-- deduplication on a rowtime replaces the kept row when the new row's time is >= the kept one's,
-- so of bids tied on dateTime the last to arrive (highest rowid) wins.
SELECT auction, bidder, price, channel, url, "dateTime", extra
FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY "dateTime" DESC, rowid DESC) AS rank_number
    FROM bid
)
WHERE rank_number <= 1;
