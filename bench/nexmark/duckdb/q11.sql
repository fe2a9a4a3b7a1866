-- Nexmark q11 in DuckDB batch SQL: SESSION windows with a 10 s gap per bidder as gaps and
-- islands. Flink gives each bid the window [t, t + 10 s) and merges windows that intersect, where
-- intersecting includes touching (start <= other.end AND end >= other.start): a bid exactly 10 s
-- after the previous one stays in the session, one more than 10 s later starts a new one.
-- SESSION_START is the first bid's time, SESSION_END the last bid's time + 10 s.
WITH ordered AS (
    SELECT bidder, "dateTime",
           CASE WHEN "dateTime" - LAG("dateTime") OVER (PARTITION BY bidder ORDER BY "dateTime", rowid) <= INTERVAL 10 SECOND
                THEN 0 ELSE 1 END AS new_session,
           rowid AS seq
    FROM bid
),
sessions AS (
    SELECT bidder, "dateTime",
           SUM(new_session) OVER (PARTITION BY bidder ORDER BY "dateTime", seq ROWS UNBOUNDED PRECEDING) AS session_id
    FROM ordered
)
SELECT bidder, COUNT(*) AS bid_count, MIN("dateTime") AS starttime, MAX("dateTime") + INTERVAL 10 SECOND AS endtime
FROM sessions
GROUP BY bidder, session_id;
