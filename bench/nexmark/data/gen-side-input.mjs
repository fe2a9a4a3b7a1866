// Writes side-input.csv next to this script: Nexmark q13's side input, 10,000 rows
// `key,value` with key 0..9999 (BIGINT) and value the key's decimal text (STRING).
// Run: node bench/nexmark/data/gen-side-input.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIDE_INPUT_ROWS = 10_000;

export function sideInputCsv(rows = SIDE_INPUT_ROWS) {
  let out = '';
  for (let key = 0; key < rows; key++) out += `${key},${key}\n`;
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'side-input.csv'), sideInputCsv());
}
