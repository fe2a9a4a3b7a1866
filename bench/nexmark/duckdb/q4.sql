-- Nexmark q4 in DuckDB batch SQL. The streaming inner GROUP BY updates its MAX as bids arrive and
-- the outer AVG retracts the old value, so the final table is the batch result. Flink's AVG over
-- BIGINT is a BIGINT: SUM / COUNT with the division truncated (all prices are positive).
SELECT category AS id, SUM(final) // COUNT(final) AS final
FROM (
    SELECT MAX(B.price) AS final, A.category
    FROM auction A JOIN bid B ON A.id = B.auction
    WHERE B."dateTime" BETWEEN A."dateTime" AND A.expires
    GROUP BY A.id, A.category
) Q
GROUP BY category;
