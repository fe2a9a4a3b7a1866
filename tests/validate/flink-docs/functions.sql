-- Examples from Flink 1.20 docs: docs/data/sql_functions.yml (systemFunctions.md).
CREATE TABLE T (
  f0 STRING,
  f1 STRING,
  i INT,
  b BIGINT,
  d DOUBLE,
  amt DECIMAL(10, 3),
  flag BOOLEAN,
  ts TIMESTAMP(3),
  arr ARRAY<INT>,
  m MAP<STRING, INT>,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');

-- example: comparison functions
SELECT i = b, i <> b, i > b, i >= b, i < b, i <= b, f0 IS NULL, f0 IS NOT NULL,
  1 IS DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM NULL,
  12 BETWEEN 15 AND 12, 12 BETWEEN SYMMETRIC 15 AND 12, 12 BETWEEN ASYMMETRIC 10 AND 20,
  12 NOT BETWEEN 15 AND 12, 12 NOT BETWEEN SYMMETRIC 15 AND 12,
  f0 LIKE 'a%', f0 NOT LIKE 'a%', f0 SIMILAR TO 'a.*', f0 NOT SIMILAR TO 'a.*',
  4 IN (1, 2, 3), 1 IN (1, 2, NULL), 4 NOT IN (1, 2, 3)
FROM T;

-- example: IN sub-query
SELECT i FROM T WHERE i IN (SELECT i FROM T WHERE flag);

-- example: NOT IN sub-query
SELECT i FROM T WHERE i NOT IN (SELECT i FROM T WHERE flag);

-- example: EXISTS sub-query
SELECT i FROM T WHERE EXISTS (SELECT 1 FROM T WHERE flag);

-- example: logical functions
SELECT flag OR i > 1, flag AND i > 1, NOT flag, flag IS FALSE, flag IS NOT FALSE,
  flag IS TRUE, flag IS NOT TRUE, flag IS UNKNOWN, flag IS NOT UNKNOWN
FROM T;

-- example: arithmetic functions
SELECT + i, - i, i + b, i - b, i * d, i / b, i % 3, MOD(i, 3), POWER(d, 2), ABS(i), SQRT(d),
  LN(d), LOG10(d), LOG2(d), LOG(d), LOG(2, d), EXP(d), CEIL(d), CEILING(amt), FLOOR(d),
  SIN(d), SINH(d), COS(d), TAN(d), TANH(d), COT(d), ASIN(d), ACOS(d), ATAN(d), ATAN2(d, d),
  COSH(d), DEGREES(d), RADIANS(d), SIGN(d), ROUND(amt, 1), PI(), E(), RAND(), RAND(42),
  RAND_INTEGER(10), RAND_INTEGER(42, 10), UUID(), BIN(4), BIN(12), HEX(100), HEX('hello,world'),
  TRUNCATE(42.324, 2), TRUNCATE(42.324)
FROM T;

-- example: string functions
SELECT f0 || f1, CHAR_LENGTH(f0), CHARACTER_LENGTH(f0), UPPER(f0), LOWER(f0),
  POSITION('a' IN f0), TRIM(BOTH ' ' FROM f0), TRIM(LEADING 'x' FROM f0), TRIM(TRAILING FROM f0), TRIM(f0),
  LTRIM(' This is a test String.'), RTRIM('This is a test String. '),
  REPEAT('This is a test String.', 2), REGEXP_REPLACE('foobar', 'oo|ar', ''),
  OVERLAY('xxxxxtest' PLACING 'xxxx' FROM 6), OVERLAY('xxxxxtest' PLACING 'xxxx' FROM 6 FOR 2),
  SUBSTRING(f0 FROM 2), SUBSTRING(f0 FROM 2 FOR 3), REPLACE('hello world', 'world', 'flink'),
  REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2), INITCAP(f0), CONCAT('AA', 'BB', 'CC'),
  CONCAT_WS('~', 'AA', CAST(NULL AS STRING), 'BB', '', 'CC'), LPAD('hi', 4, '??'), RPAD('hi', 4, '??'),
  FROM_BASE64('aGVsbG8gd29ybGQ='), TO_BASE64('hello world'), ASCII('abc'), CHR(97),
  DECODE(ENCODE('abc', 'UTF-8'), 'UTF-8'), INSTR(f0, 'a'), LEFT(f0, 2), RIGHT(f0, 2),
  LOCATE('a', f0), LOCATE('a', f0, 2),
  PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'HOST'),
  PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY', 'k1'),
  REGEXP(f0, 'a+'), REVERSE(f0), SPLIT_INDEX(f0, ',', 1), STR_TO_MAP('a=1,b=2'),
  STR_TO_MAP('a:1;b:2', ';', ':'), SUBSTR(f0, 2), SUBSTR(f0, 2, 3)
FROM T;

-- example: temporal functions
SELECT DATE '2006-06-05', TIME '12:44:31', TIMESTAMP '1994-09-27 13:14:15',
  INTERVAL '10 00:00:00.004' DAY TO SECOND, INTERVAL '10' DAY, INTERVAL '2-10' YEAR TO MONTH,
  LOCALTIME, LOCALTIMESTAMP, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP, NOW(),
  CURRENT_ROW_TIMESTAMP(), EXTRACT(DAY FROM DATE '2006-06-05'), YEAR(DATE '1994-09-27'),
  QUARTER(DATE '1994-09-27'), MONTH(DATE '1994-09-27'), WEEK(DATE '1994-09-27'),
  DAYOFYEAR(DATE '1994-09-27'), DAYOFMONTH(DATE '1994-09-27'), DAYOFWEEK(DATE '1994-09-27'),
  HOUR(TIMESTAMP '1994-09-27 13:14:15'), MINUTE(TIMESTAMP '1994-09-27 13:14:15'),
  SECOND(TIMESTAMP '1994-09-27 13:14:15'), FLOOR(TIME '12:44:31' TO MINUTE),
  CEIL(TIME '12:44:31' TO MINUTE),
  (TIME '2:55:00', INTERVAL '1' HOUR) OVERLAPS (TIME '3:30:00', INTERVAL '2' HOUR),
  DATE_FORMAT(ts, 'yyyy-MM-dd'), TIMESTAMPADD(DAY, 1, ts), TIMESTAMPDIFF(DAY, ts, ts),
  CONVERT_TZ('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles'), FROM_UNIXTIME(44),
  UNIX_TIMESTAMP(), UNIX_TIMESTAMP('1970-01-01 08:00:01.001', 'yyyy-MM-dd HH:mm:ss.SSS'),
  TO_DATE('2023-01-01'), TO_TIMESTAMP_LTZ(b, 3), TO_TIMESTAMP('2023-01-01 00:00:00')
FROM T;

-- example: CURRENT_WATERMARK filter
SELECT * FROM T
WHERE
  CURRENT_WATERMARK(ts) IS NULL
  OR ts > CURRENT_WATERMARK(ts);

-- example: conditional functions
SELECT
  CASE i WHEN 1, 2 THEN 'low' WHEN 3 THEN 'mid' ELSE 'high' END,
  CASE WHEN i > 10 THEN 'big' WHEN i > 5 THEN 'medium' END,
  NULLIF(5, 5), NULLIF(5, 0), COALESCE(NULL, 'default'), COALESCE(f0, f1, 'default'),
  IF(5 > 3, 5, 3), IFNULL(i, 5), IS_ALPHA(f0), IS_DECIMAL(f0), IS_DIGIT(f0),
  GREATEST(1, 2, 3), LEAST(1, 2, 3)
FROM T;

-- example: conversion functions
SELECT CAST('42' AS INT), CAST(NULL AS STRING), TRY_CAST('non-number' AS INT),
  COALESCE(TRY_CAST('non-number' AS INT), 0), TYPEOF(i), TYPEOF(i, TRUE)
FROM T;

-- example: collection functions
SELECT CARDINALITY(arr), arr[1], ELEMENT(ARRAY[1]), CARDINALITY(m), m['a'],
  ARRAY_CONTAINS(arr, 1), ARRAY_DISTINCT(arr), ARRAY_POSITION(arr, 1), ARRAY_REMOVE(arr, 1),
  ARRAY_REVERSE(arr), MAP_KEYS(m), MAP_VALUES(m), MAP_FROM_ARRAYS(ARRAY['a', 'b'], ARRAY[1, 2])
FROM T;

-- example: JSON functions
SELECT '1' IS JSON, '[]' IS JSON, '{}' IS JSON OBJECT, '1' IS JSON SCALAR, '1' IS JSON ARRAY,
  f0 IS JSON VALUE,
  JSON_EXISTS('{"a": true}', '$.a'), JSON_EXISTS('{"a": true}', 'strict $.b' TRUE ON ERROR),
  JSON_STRING(1), JSON_STRING(ARRAY[1, 2]), JSON_STRING(CAST(NULL AS INT)),
  JSON_VALUE('{"a": true}', '$.a'), JSON_VALUE('{"a": true}', '$.a' RETURNING BOOLEAN),
  JSON_VALUE('{"a": true}', 'lax $.b' DEFAULT FALSE ON EMPTY),
  JSON_VALUE('{"a.b": [0.998,0.996]}','$.["a.b"][0]' RETURNING DOUBLE),
  JSON_VALUE('{"contains blank": "right"}', 'strict $.[''contains blank'']' NULL ON EMPTY DEFAULT 'wrong' ON ERROR),
  JSON_QUERY('{ "a": { "b": 1 } }', '$.a'), JSON_QUERY('[1, 2]', '$' WITH CONDITIONAL ARRAY WRAPPER),
  JSON_QUERY('[1, 2]', '$' WITH UNCONDITIONAL ARRAY WRAPPER),
  JSON_QUERY('{}', 'lax $.invalid' EMPTY OBJECT ON EMPTY),
  JSON_QUERY('{}', 'strict $.invalid' EMPTY ARRAY ON ERROR),
  JSON_OBJECT(), JSON_OBJECT('K1' VALUE 'V1', 'K2' VALUE 'V2'), JSON_OBJECT('orderNo' VALUE i),
  JSON_OBJECT(KEY 'K1' VALUE CAST(NULL AS STRING) ABSENT ON NULL),
  JSON_OBJECT(KEY 'K1' VALUE JSON_OBJECT(KEY 'K2' VALUE 'V')),
  JSON_ARRAY(), JSON_ARRAY(1, '2'), JSON_ARRAY(CAST(NULL AS STRING) NULL ON NULL),
  JSON_ARRAY(JSON_ARRAY(1))
FROM T;

-- example: JSON aggregate functions
SELECT JSON_OBJECTAGG(KEY f0 VALUE i), JSON_ARRAYAGG(f0) FROM T;

-- example: value construction and access
SELECT (i, f0), ROW(i, f0), ARRAY[1, 2, 3], MAP['a', 1, 'b', 2] FROM T;

-- example: hash functions
SELECT MD5(f0), SHA1(f0), SHA224(f0), SHA256(f0), SHA384(f0), SHA512(f0), SHA2(f0, 256) FROM T;

-- example: grouping functions
SELECT f0, f1, COUNT(*), GROUP_ID(), GROUPING(f0), GROUPING_ID(f0, f1)
FROM T
GROUP BY GROUPING SETS ((f0, f1), (f0), ());

-- example: aggregate functions
SELECT COUNT(i), COUNT(ALL i), COUNT(DISTINCT i), COUNT(*), COUNT(1), AVG(d), AVG(DISTINCT i),
  SUM(i), SUM(DISTINCT i), MAX(i), MIN(i), STDDEV_POP(d), STDDEV_SAMP(d), VAR_POP(d), VAR_SAMP(d),
  COLLECT(f0), VARIANCE(d), FIRST_VALUE(f0), LAST_VALUE(f0), LISTAGG(f0), LISTAGG(f0, ';')
FROM T
GROUP BY f1;

-- example: ranking and offset functions in OVER windows
SELECT f0,
  LAG(i) OVER w, LAG(i, 2, 0) OVER w,
  FIRST_VALUE(i) OVER w, LAST_VALUE(i) OVER w
FROM T
WINDOW w AS (PARTITION BY f1 ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);

-- example: catalog functions
SELECT CURRENT_DATABASE();
