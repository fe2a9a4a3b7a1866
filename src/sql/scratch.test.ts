import { test } from 'vitest';
import { parseScript } from './parser.js';
import { formatDiagnostic } from './diagnostics.js';
const cases = [
  'SELECT a, b FROM t WHERE',
  'SELECT a b c FROM t',
  'SELECT * FROM t JOIN u',
  'SELECT * FROM t LEFT u ON a = b',
  'CREATE TABLE t (a INT,) WITH ()',
  'CREATE TABLE t (a INTEGR)',
  'CREATE TABLE t (a INT) WITH (\'a\' = \'b\',)',
  'INSERT INTO t VALUES (1, 2',
  'INSERT t SELECT 1',
  "SELECT CAST(a AS) FROM t",
  "SELECT * FROM t WHERE a IN ()",
  "SELECT COUNT(* FROM t",
  "SELECT a FROM t GROUP BY",
  "SELECT a FROM t ORDER BY a DESCENDING",
  "SELECT * FROM TABLE(TUMBLE(Bid, DESCRIPTOR(ts), INTERVAL '1' MINUTE))",
  "CREATE VIEW v SELECT 1",
  "SELECT a FROM t LIMIT",
  "DROP TABEL t",
  "SHOW TABLEZ",
  "SELECT INTERVAL '1' FOO",
  "SELECT a FROM t; )",
  "SELECT a FROM t WHERE a = 1 AND",
  "SELECT 1 +* 2",
  "SELECT a FROM t WHERE a == 1",
  "SELECT a AS FROM t",
  "SELECT a FROM t t2 t3",
  "SELECT CASE WHEN a THEN 1 FROM t",
];
test('x', () => {
  for (const c of cases) {
    const r = parseScript(c);
    for (const e of r.errors) console.log(formatDiagnostic('x.sql', c, e) + '\n');
    if (!r.errors.length) console.log('NO ERROR: ' + c + '\n');
  }
});
