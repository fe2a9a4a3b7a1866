import { join } from 'node:path';
import { it } from 'vitest';
import { loadDocExamples } from './doc-examples.js';
import { validateSql } from './validate-sql.js';
it('scratch', async () => {
  const DIR = join(import.meta.dirname, 'flink-docs');
  const out: string[] = [];
  for (const ex of loadDocExamples(DIR)) {
    const r = await validateSql(ex.sql, `${ex.page}.sql`, DIR);
    if (r.code !== 0 || r.stderr) out.push(`${ex.page}/${ex.title}\n    ` + r.stderr.split('\n').filter((l) => /error:/.test(l)).join('\n    '));
  }
  console.log(out.join('\n'));
});
