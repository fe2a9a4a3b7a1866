-- Nexmark q7 in DuckDB batch SQL. TUMBLE(10 s) windows [start, start + 10 s) aligned to the epoch;
-- the window's end is not a time attribute, so the join back to the bids is a regular join whose
-- BETWEEN is inclusive on both ends (a bid exactly at a window's end also matches that window).
-- Columns in the SELECT's order (auction, price, bidder, ...), as the query inserts them by position.
WITH w AS (
    SELECT MAX(price) AS maxprice,
           make_timestamp((epoch_ms("dateTime") // 10000 * 10000 + 10000) * 1000) AS wend
    FROM bid
    GROUP BY epoch_ms("dateTime") // 10000
)
SELECT B.auction, B.price, B.bidder, B."dateTime", B.extra
FROM bid B JOIN w ON B.price = w.maxprice
WHERE B."dateTime" BETWEEN w.wend - INTERVAL 10 SECOND AND w.wend;
