import { describe, expect, test } from 'vitest';
import type { Pos } from '../types/span.js';
import { parseScript } from './parser.js';

const SCRIPT = `CREATE TABLE Orders (
  id BIGINT NOT NULL COMMENT 'id',
  tags ARRAY<STRING>,
  r ROW<a INT, b MAP<STRING, INT>>,
  cost AS price * 2,
  ts TIMESTAMP(3) METADATA FROM 'timestamp' VIRTUAL,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
  PRIMARY KEY (id) NOT ENFORCED
) COMMENT 'orders' PARTITIONED BY (id) WITH ('connector' = 'kafka');
INSERT INTO sink /*+ OPTIONS('a'='b') */
SELECT /*+ BROADCAST(r) */ o.id, CAST(o.x AS DECIMAL(10, 2)) AS d, EXTRACT(YEAR FROM o.ts),
  TRIM(LEADING 'x' FROM o.s), SUBSTRING(o.s FROM 2 FOR 3), CASE WHEN o.a IS NULL THEN 0 ELSE 1 END,
  JSON_VALUE(o.j, '$.a' RETURNING INT DEFAULT 0 ON EMPTY), ARRAY[1, 2][1], MAP['k', 1]['k'], ROW(1, 2),
  SUM(o.x) FILTER (WHERE o.x > 0) OVER (PARTITION BY o.id ORDER BY o.ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),
  o.x NOT BETWEEN 1 AND 2, o.s NOT LIKE 'a%' ESCAPE '!', o.id IN (1, 2), o.id IN (SELECT id FROM t),
  EXISTS (SELECT 1), (SELECT 1), INTERVAL '1 2:03' DAY TO MINUTE, DATE '2020-01-01', X'FF', U&'\\0041',
  o.a IS NOT DISTINCT FROM 1, CURRENT_TIMESTAMP, COUNT(*), (o.r).a, TIMESTAMPADD(MINUTE, 1, o.ts)
FROM Orders /*+ OPTIONS('x'='y') */ AS o
  JOIN Rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.id = r.id
  LEFT JOIN LATERAL TABLE(f(o.id)) AS t(a, b) ON TRUE
  CROSS JOIN UNNEST(o.tags) WITH ORDINALITY AS u (tag, n),
  TABLE(TUMBLE(TABLE Orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) w
WHERE o.id > 0
GROUP BY GROUPING SETS ((o.id), ()), ROLLUP (o.a)
HAVING COUNT(*) > 1
WINDOW win AS (PARTITION BY o.id)
UNION ALL
SELECT * FROM (VALUES (1, 2)) AS v (a, b)
ORDER BY 1 DESC NULLS LAST
LIMIT 10;
`;

/** Line and column of an offset, computed independently of the lexer. */
function posOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, col: lines[lines.length - 1]!.length + 1 };
}

function* nodes(value: unknown, path = '$'): Generator<[string, { span: { start: Pos; end: Pos } }]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* nodes(value[i], `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.span && typeof o.span === 'object') yield [path, o as { span: { start: Pos; end: Pos } }];
    for (const [k, v] of Object.entries(o)) if (k !== 'span' && !k.endsWith('Span')) yield* nodes(v, `${path}.${k}`);
  }
}

describe('spans', () => {
  const r = parseScript(SCRIPT);
  test('the script parses', () => {
    expect(r.errors.map((e) => `${e.span.start.line}:${e.span.start.col} ${e.message}`)).toEqual([]);
    expect(r.statements).toHaveLength(2);
  });
  test('every node span is trimmed source text with consistent line/column', () => {
    let count = 0;
    for (const stmt of r.statements) {
      for (const [path, node] of nodes(stmt)) {
        count++;
        const { start, end } = node.span;
        const text = SCRIPT.slice(start.offset, end.offset);
        expect(text.length, path).toBeGreaterThan(0);
        expect(text.trim(), path).toBe(text);
        expect(posOf(SCRIPT, start.offset), path).toEqual({ line: start.line, col: start.col });
        expect(posOf(SCRIPT, end.offset), path).toEqual({ line: end.line, col: end.col });
        expect(start.offset >= stmt.span.start.offset && end.offset <= stmt.span.end.offset, path).toBe(true);
      }
    }
    expect(count).toBeGreaterThan(150);
  });
  test('children lie inside their parents', () => {
    const check = (value: unknown, parent?: { start: Pos; end: Pos }): void => {
      if (Array.isArray(value)) return value.forEach((v) => check(v, parent));
      if (!value || typeof value !== 'object') return;
      const o = value as Record<string, unknown>;
      let here = parent;
      if (o.span && typeof o.span === 'object') {
        const s = o.span as { start: Pos; end: Pos };
        if (parent) {
          expect(s.start.offset).toBeGreaterThanOrEqual(parent.start.offset);
          expect(s.end.offset).toBeLessThanOrEqual(parent.end.offset);
        }
        here = s;
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'span' && !k.endsWith('Span')) check(v, here);
    };
    for (const stmt of r.statements) check(stmt);
  });
  test('exact spans of selected nodes', () => {
    const ins = r.statements[1]!;
    expect(ins.kind).toBe('Insert');
    if (ins.kind !== 'Insert') return;
    expect(SCRIPT.slice(ins.tableSpan.start.offset, ins.tableSpan.end.offset)).toBe('sink');
    const body = ins.query.body;
    expect(body.kind).toBe('SetOperation');
    if (body.kind !== 'SetOperation' || body.left.kind !== 'Select') return;
    const item = body.left.items[1]!;
    expect(SCRIPT.slice(item.span.start.offset, item.span.end.offset)).toBe('CAST(o.x AS DECIMAL(10, 2)) AS d');
    expect(item.span.start).toMatchObject({ line: 11, col: 34 });
  });
});
