-- Nexmark q13: bounded side input join. Each bid enriched with the value of its auction's key
-- (auction mod 10000) in a side-input file, through a lookup join FOR SYSTEM_TIME AS OF a
-- processing-time column. {{data}} is the directory holding side-input.csv (bench/nexmark/data).
-- The file does not change while the job runs: 'lookup.cache' = 'FULL' loads it once at job start
-- (reloading it daily), as the reference suite's CSV table source reads it once, instead of reading
-- it for every bid.
CREATE TABLE side_input (
  key BIGINT,
  `value` VARCHAR
) WITH (
  'connector' = 'filesystem',
  'path' = '{{data}}/side-input.csv',
  'format' = 'csv',
  'lookup.cache' = 'FULL',
  'lookup.full-cache.periodic-reload.interval' = '1 d'
);

CREATE TABLE nexmark_q13 (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  `dateTime` TIMESTAMP(3),
  `value` VARCHAR
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q13
SELECT
    B.auction,
    B.bidder,
    B.price,
    B.`dateTime`,
    S.`value`
FROM (SELECT *, PROCTIME() AS p_time FROM bid) B
JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON MOD(B.auction, 10000) = S.key;
