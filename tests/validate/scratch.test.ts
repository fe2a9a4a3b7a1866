import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { validateSql } from './validate-sql.js';
it('scratch', async () => {
  const r = await validateSql(readFileSync('/tmp/x.sql', 'utf8'));
  console.log('CODE', r.code, '\n' + r.stderr);
});
