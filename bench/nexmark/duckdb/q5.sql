-- Nexmark q5 in DuckDB batch SQL. HOP(size 10 s, slide 2 s) windows are aligned to the epoch and
-- half-open [start, start + 10 s): a bid at t belongs to the five windows starting at
-- floor(t / 2 s) * 2 s - k * 2 s for k = 0..4. The bounded run ends with a final watermark, so every
-- window fires; both sides are complete and the regular join's final result is the batch join.
WITH hop AS (
    SELECT B.auction, epoch_ms(B."dateTime") // 2000 * 2000 - k.k * 2000 AS wstart
    FROM bid B CROSS JOIN range(5) AS k(k)
),
auction_bids AS (
    SELECT auction, COUNT(*) AS num, wstart FROM hop GROUP BY auction, wstart
),
max_bids AS (
    SELECT MAX(num) AS maxn, wstart FROM auction_bids GROUP BY wstart
)
SELECT A.auction, A.num
FROM auction_bids A JOIN max_bids M ON A.wstart = M.wstart AND A.num >= M.maxn;
