import type * as A from '../../sql/ast/index.js';

/**
 * Expands GROUP BY elements into grouping sets (lists of expressions): plain expressions are in
 * every set; GROUPING SETS, ROLLUP and CUBE multiply, as in SQL.
 */
export function expandGroupBy(elements: readonly A.GroupingElement[]): A.Expr[][] {
  let sets: A.Expr[][] = [[]];
  for (const el of elements) {
    const own = setsOf(el);
    sets = sets.flatMap((s) => own.map((o) => [...s, ...o]));
  }
  return sets;
}

function setsOf(el: A.GroupingElement): A.Expr[][] {
  switch (el.kind) {
    case 'GroupExpr':
      return [[el.expr]];
    case 'GroupList':
      return [[...el.exprs]];
    case 'GroupingSets':
      return el.sets.flatMap(setsOf);
    case 'Rollup': {
      const out: A.Expr[][] = [];
      for (let n = el.items.length; n >= 0; n--) out.push(el.items.slice(0, n).flat());
      return out;
    }
    case 'Cube': {
      const out: A.Expr[][] = [];
      const n = el.items.length;
      for (let mask = (1 << n) - 1; mask >= 0; mask--) {
        out.push(el.items.filter((_, i) => mask & (1 << (n - 1 - i))).flat());
      }
      return out;
    }
  }
}

/** True if the GROUP BY is a plain list (a single grouping set). */
export function isPlainGroupBy(elements: readonly A.GroupingElement[]): boolean {
  return elements.every((e) => e.kind === 'GroupExpr' || e.kind === 'GroupList');
}
