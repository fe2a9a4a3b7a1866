import { expect, test } from 'vitest';
import { parseScript } from './parser.js';

const BLOCK = `CREATE TABLE Orders_N (
  order_id BIGINT,
  user_id STRING,
  price DECIMAL(10, 2),
  tags ARRAY<STRING>,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
  PRIMARY KEY (order_id) NOT ENFORCED
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders'
);
-- a comment line
INSERT INTO sink_N
SELECT window_start, window_end, user_id,
  SUM(price) FILTER (WHERE price > 0) AS total,
  COUNT(DISTINCT order_id) AS cnt,
  CASE WHEN SUM(price) > 100 THEN 'big' ELSE 'small' END AS size
FROM TABLE(TUMBLE(TABLE Orders_N, DESCRIPTOR(ts), INTERVAL '10' MINUTES))
WHERE user_id LIKE 'u%' AND price BETWEEN 1 AND 1000
GROUP BY window_start, window_end, user_id;
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC) AS rn FROM Orders_N
) WHERE rn <= 3;
`;

/** About 2,000 lines of realistic DDL and queries. */
function bigScript(lines = 2000): string {
  const per = BLOCK.split('\n').length - 1;
  const parts: string[] = [];
  for (let i = 0; i * per < lines; i++) parts.push(BLOCK.replace(/_N/g, `_${i}`));
  return parts.join('');
}

test('a 2,000-line script parses quickly', () => {
  const text = bigScript();
  expect(text.split('\n').length).toBeGreaterThanOrEqual(2000);
  for (let i = 0; i < 5; i++) parseScript(text); // warm up
  const runs = 20;
  const start = performance.now();
  let statements = 0;
  for (let i = 0; i < runs; i++) statements = parseScript(text).statements.length;
  const ms = (performance.now() - start) / runs;
  expect(statements).toBeGreaterThan(200);
  // The target is well under 50 ms warm; the bound here is loose because CI machines are shared.
  expect(ms).toBeLessThan(250);
  console.log(`parseScript: ${text.split('\n').length} lines in ${ms.toFixed(1)} ms`);
});
