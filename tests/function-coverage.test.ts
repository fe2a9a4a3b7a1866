import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinFunctions } from '../src/functions/registry.js';

/** Internal names the planner maps syntax onto, covered by the syntax they come from. */
const SYNTAX_NAMES: Record<string, RegExp> = {
  NEGATE: /SELECT[^;]*-\s*\w/,
  'IS DISTINCT FROM': /IS DISTINCT FROM/,
  'IS NOT DISTINCT FROM': /IS NOT DISTINCT FROM/,
  'NOT LIKE': /NOT LIKE/,
  'NOT SIMILAR TO': /NOT SIMILAR TO/,
  'SIMILAR TO': /SIMILAR TO/,
  'IS JSON': /IS (NOT )?JSON/,
  TRIM_BOTH: /TRIM\(/,
  TRIM_LEADING: /TRIM\(LEADING/,
  TRIM_TRAILING: /TRIM\(TRAILING/,
  FLOOR_TIME: /FLOOR\([^)]* TO /,
  CEIL_TIME: /CEIL\([^)]* TO /,
  OVERLAPS: /OVERLAPS/,
};

function goldenText(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? goldenText(p) : name.endsWith('.golden') ? readFileSync(p, 'utf8') : '';
    })
    .join('\n');
}

describe('every built-in function has a golden test', () => {
  const text = goldenText(join(import.meta.dirname, 'sql'));
  const sqlOnly = text
    .split('\n')
    .filter((l) => !l.startsWith('===') && !l.startsWith('+I[') && !l.startsWith('-'))
    .join('\n')
    .toUpperCase();
  for (const name of [...builtinFunctions().keys()].sort()) {
    it(name, () => {
      const special = SYNTAX_NAMES[name];
      if (special) expect(sqlOnly).toMatch(special);
      else if (/^[A-Z_0-9]+$/.test(name)) expect(sqlOnly).toMatch(new RegExp(`\\b${name}\\b`));
      else expect(sqlOnly).toContain(` ${name} `);
    });
  }
});
