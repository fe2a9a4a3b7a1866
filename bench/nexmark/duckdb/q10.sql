-- Nexmark q10 in DuckDB batch SQL: the rows the filesystem sink receives. DATE_FORMAT patterns
-- 'yyyy-MM-dd' and 'HH:mm' are strftime '%Y-%m-%d' and '%H:%M'.
SELECT auction, bidder, price, "dateTime", extra,
       strftime("dateTime", '%Y-%m-%d') AS dt, strftime("dateTime", '%H:%M') AS hm
FROM bid;
