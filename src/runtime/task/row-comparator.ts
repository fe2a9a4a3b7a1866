import type { Field, OrderKey } from '../../planner/logical/plan-node.js';
import { buildComparator } from '../../types/values-compare.js';

/** Compares rows by ORDER BY keys: directions applied; NULL lowest (Flink's default) unless NULLS FIRST/LAST says otherwise. */
export function rowComparator(keys: readonly OrderKey[], input: readonly Field[]): (a: unknown[], b: unknown[]) => number {
  const comparators = keys.map((k) => ({ ...k, sign: k.direction === 'DESC' ? -1 : 1, cmp: buildComparator(input[k.index]!.type) }));
  return (a, b) => {
    for (const c of comparators) {
      const x = a[c.index];
      const y = b[c.index];
      if (c.nullsFirst !== undefined && (x === null) !== (y === null)) return (x === null) === c.nullsFirst ? -1 : 1;
      const r = c.cmp(x, y);
      if (r !== 0) return r * c.sign;
    }
    return 0;
  };
}
