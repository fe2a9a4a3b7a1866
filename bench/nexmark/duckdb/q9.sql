-- Nexmark q9 in DuckDB batch SQL: Top-1 per auction by price DESC, bid time ASC. Rows tied on both
-- keep the first to arrive (Flink's append-only Top-N ranks an equal row after those it holds);
-- rowid is the arrival order of the bids, which the join emits in bid order.
SELECT id, itemName, description, initialBid, reserve, "dateTime", expires, seller, category, extra,
       auction, bidder, price, bid_dateTime, bid_extra
FROM (
    SELECT A.*, B.auction, B.bidder, B.price, B."dateTime" AS bid_dateTime, B.extra AS bid_extra,
           ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY B.price DESC, B."dateTime" ASC, B.rowid ASC) AS rownum
    FROM auction A JOIN bid B ON A.id = B.auction
    WHERE B."dateTime" BETWEEN A."dateTime" AND A.expires
)
WHERE rownum <= 1;
