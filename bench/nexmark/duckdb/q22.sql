-- Nexmark q22 in DuckDB batch SQL. SPLIT_INDEX(s, sep, i) is the i-th (0-based) piece of s split
-- at every sep, empty pieces kept, NULL past the last piece: string_split(s, sep)[i + 1].
SELECT auction, bidder, price, channel,
       string_split(url, '/')[4] AS dir1,
       string_split(url, '/')[5] AS dir2,
       string_split(url, '/')[6] AS dir3
FROM bid;
