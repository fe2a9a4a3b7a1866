import type { ScalarFunctionDef } from '../function-def.js';
import * as T from '../../types/data-type.js';
import { hashKey, keyHash32 } from '../../types/value-hash.js';

/**
 * HASH_CODE(x): a stable 32-bit hash of a value (NULL included), used by the planner to spread a
 * distinct aggregate's values over buckets (table.optimizer.distinct-agg.split.*). Internal: not
 * callable from SQL. Equal values (by SQL equality) hash equally; the numbers differ from Java's.
 */
export const HASH_CODE: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['HASH_CODE'],
  category: 'hash',
  doc: 'HASH_CODE(value): a 32-bit hash of the value (planner-internal).',
  nulls: 'custom',
  inferType: () => T.INT(false),
  build: (site) => {
    const types = [site.argTypes[0]!];
    return (v) => keyHash32(hashKey([v ?? null], types)) | 0;
  },
};
