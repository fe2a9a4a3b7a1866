-- Nexmark q13 in DuckDB batch SQL: the lookup join is an inner join with the side input file
-- (bids whose key is missing are dropped). {{data}} is the directory holding side-input.csv.
SELECT B.auction, B.bidder, B.price, B."dateTime", S."value"
FROM bid B
JOIN read_csv('{{data}}/side-input.csv', header = false, columns = {'key': 'BIGINT', 'value': 'VARCHAR'}) S
  ON B.auction % 10000 = S.key;
