-- Nexmark q8 in DuckDB batch SQL: people and sellers per TUMBLE(10 s) window (epoch-aligned
-- [start, start + 10 s)), joined on the id and the window.
WITH P AS (
    SELECT id, name, epoch_ms("dateTime") // 10000 * 10000 AS wstart
    FROM person GROUP BY id, name, wstart
),
A AS (
    SELECT seller, epoch_ms("dateTime") // 10000 * 10000 AS wstart
    FROM auction GROUP BY seller, wstart
)
SELECT P.id, P.name, make_timestamp(P.wstart * 1000) AS stime
FROM P JOIN A ON P.id = A.seller AND P.wstart = A.wstart;
