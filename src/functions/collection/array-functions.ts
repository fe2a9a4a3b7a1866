/** ARRAY functions of Flink 1.20 (ARRAY_APPEND … ARRAY_SORT, ELEMENT, CARDINALITY, SPLIT). */
import type { BuildSite, ScalarFunctionDef, TypeSite } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import type { ArrayType, DataType } from '../../types/data-type.js';
import { ARRAY, BOOLEAN, INT, STRING, isCharacterString, withNullability } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { checkArity, describeType, requireArray, requireBoolean, requireInteger, requireString, scalar, strictResult } from '../string/define.js';
import { coercer, identity, leastRestrictive } from '../conditional/common-type.js';
import { compareValues, valueEquals, valueKey } from '../conditional/compare.js';

type Arr = readonly unknown[];

const elementOf = (t: DataType): DataType => (t.kind === 'ARRAY' ? t.element : t);

/** Common element type of the array arguments (and plain element arguments) at `idx`. */
function commonElement(site: TypeSite, idx: readonly number[], asElement: readonly number[] = []): DataType {
  const types = [...idx.map((i) => elementOf(site.argTypes[i]!)), ...asElement.map((i) => site.argTypes[i]!)];
  const t = leastRestrictive(types);
  if (t === null) {
    throw new FunctionTypeError(`Invalid input arguments of '${site.name}': ${site.argTypes.map(describeType).join(', ')}.`);
  }
  return t.kind === 'NULL' ? STRING(true) : t;
}

const arrayConv = (from: DataType, el: DataType): ((v: unknown) => unknown) => {
  if (from.kind !== 'ARRAY') return identity;
  const c = coercer(from.element, el);
  return c === identity ? identity : (v) => (v === null ? null : (v as Arr).map(c));
};

function distinct(xs: Arr): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const x of xs) {
    const k = valueKey(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

const CARDINALITY = scalar({
  names: ['CARDINALITY'],
  category: 'collection',
  doc: 'CARDINALITY(array | map | multiset): the number of elements (entries).',
  inferType: (site) => {
    checkArity(site, 1);
    const k = site.argTypes[0]!.kind;
    if (k !== 'ARRAY' && k !== 'MAP' && k !== 'MULTISET' && k !== 'NULL') {
      throw new FunctionTypeError(`Invalid argument 1 of 'CARDINALITY': expected an ARRAY, MAP or MULTISET.`, 0);
    }
    return strictResult(site, INT(false));
  },
  build: (site) => (site.argTypes[0]!.kind === 'ARRAY' ? (a) => (a as Arr).length : (m) => (m as Map<unknown, unknown>).size),
});

const ELEMENT = scalar({
  names: ['ELEMENT'],
  category: 'collection',
  doc: 'ELEMENT(array): the sole element of array; NULL if empty; an error if it has more than one.',
  inferType: (site) => (checkArity(site, 1), requireArray(site, 0), withNullability(elementOf(site.argTypes[0]!), true)),
  build: () => (a) => {
    const xs = a as Arr;
    if (xs.length > 1) throw new RuntimeError('Array has more than one element.');
    return xs.length === 0 ? null : xs[0];
  },
});

/** ARRAY_APPEND / ARRAY_PREPEND: NULL array gives NULL; a NULL element is added. */
const appendLike = (name: string, prepend: boolean): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'collection',
    doc: `${name}(array, element): array with element ${prepend ? 'prepended' : 'appended'}.`,
    nulls: 'custom',
    inferType: (site) => {
      checkArity(site, 2);
      requireArray(site, 0);
      return ARRAY(commonElement(site, [0], [1]), site.argTypes[0]!.nullable);
    },
    build: (site) => {
      const el = (site.resultType as ArrayType).element;
      const ca = arrayConv(site.argTypes[0]!, el);
      const ce = coercer(site.argTypes[1]!, el);
      return (a, e) => {
        if (a === null) return null;
        const xs = ca(a) as Arr;
        return prepend ? [ce(e), ...xs] : [...xs, ce(e)];
      };
    },
  });

/** Compiles a search of `needle` among the elements, both coerced to their common type. */
function matcher(site: BuildSite | TypeSite): (a: unknown, needle: unknown) => (x: unknown) => boolean {
  const el = commonElement(site, [0], [1]);
  const ce = coercer(elementOf(site.argTypes[0]!), el);
  const cn = coercer(site.argTypes[1]!, el);
  return (_a, needle) => {
    const n = cn(needle);
    return (x) => valueEquals(ce(x), n);
  };
}

const ARRAY_CONTAINS = scalar({
  names: ['ARRAY_CONTAINS'],
  category: 'collection',
  doc: 'ARRAY_CONTAINS(array, element): whether element (possibly NULL) is in array; NULL if array is NULL.',
  nulls: 'custom',
  inferType: (site) => (checkArity(site, 2), requireArray(site, 0), commonElement(site, [0], [1]), BOOLEAN(site.argTypes[0]!.nullable)),
  build: (site) => {
    const m = matcher(site);
    return (a, n) => (a === null ? null : (a as Arr).some(m(a, n)));
  },
});

const ARRAY_POSITION = scalar({
  names: ['ARRAY_POSITION'],
  category: 'collection',
  doc: 'ARRAY_POSITION(array, element): 1-based position of the first element equal to element; 0 if absent.',
  inferType: (site) => (checkArity(site, 2), requireArray(site, 0), commonElement(site, [0], [1]), strictResult(site, INT(false))),
  build: (site) => {
    const m = matcher(site);
    return (a, n) => (a as Arr).findIndex(m(a, n)) + 1;
  },
});

const ARRAY_REMOVE = scalar({
  names: ['ARRAY_REMOVE'],
  category: 'collection',
  doc: 'ARRAY_REMOVE(array, element): array without the elements equal to element (NULL removes NULLs).',
  nulls: 'custom',
  inferType: (site) => (checkArity(site, 2), requireArray(site, 0), commonElement(site, [0], [1]), site.argTypes[0]!),
  build: (site) => {
    const m = matcher(site);
    return (a, n) => {
      if (a === null) return null;
      const eq = m(a, n);
      return (a as Arr).filter((x) => !eq(x));
    };
  },
});

const unaryArray = (name: string, doc: string, f: (xs: Arr) => unknown): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'collection',
    doc,
    inferType: (site) => (checkArity(site, 1), requireArray(site, 0), site.argTypes[0]!),
    build: () => (a) => f(a as Arr),
  });

const ARRAY_SLICE = scalar({
  names: ['ARRAY_SLICE'],
  category: 'collection',
  doc: 'ARRAY_SLICE(array, start[, end]): the elements from 1-based start to end inclusive (negative counts from the end).',
  inferType: (site) => {
    checkArity(site, 2, 3);
    requireArray(site, 0);
    for (let i = 1; i < site.argTypes.length; i++) requireInteger(site, i);
    return strictResult(site, site.argTypes[0]!);
  },
  build: () => (a, s, e) => {
    const xs = a as Arr;
    if (xs.length === 0) return xs;
    const n = xs.length;
    let start = Number(s);
    let end = e === undefined ? n : Number(e);
    if (start < 0) start += n + 1;
    if (end < 0) end += n + 1;
    start = Math.max(1, start);
    end = end === 0 ? 1 : Math.min(end, n);
    if (end < start) return [];
    return xs.slice(start - 1, end);
  },
});

/** Flink's ARRAY_SORT: ascending by default; NULLs first when ascending, last when descending, unless told. */
const ARRAY_SORT = scalar({
  names: ['ARRAY_SORT'],
  category: 'collection',
  doc: 'ARRAY_SORT(array[, ascending[, nulls_first]]): array sorted (ascending with NULLs first by default).',
  inferType: (site) => {
    checkArity(site, 1, 3);
    requireArray(site, 0);
    for (let i = 1; i < site.argTypes.length; i++) requireBoolean(site, i);
    return strictResult(site, site.argTypes[0]!);
  },
  build: () => (a, asc, nullsFirst) => {
    const ascending = asc === undefined ? true : (asc as boolean);
    const nf = nullsFirst === undefined ? ascending : (nullsFirst as boolean);
    const sign = ascending ? 1 : -1;
    return [...(a as Arr)].sort((x, y) => {
      if (x === null || y === null) return x === y ? 0 : (x === null) === nf ? -1 : 1;
      return sign * compareValues(x, y);
    });
  },
});

/** Binary set-like operations on two arrays of a common element type. */
const setOp = (name: string, doc: string, f: (a: Arr, b: Arr) => unknown[]): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'collection',
    doc,
    inferType: (site) => {
      checkArity(site, 2);
      requireArray(site, 0);
      requireArray(site, 1);
      return strictResult(site, ARRAY(commonElement(site, [0, 1]), false));
    },
    build: (site) => {
      const el = (site.resultType as ArrayType).element;
      const c0 = arrayConv(site.argTypes[0]!, el);
      const c1 = arrayConv(site.argTypes[1]!, el);
      return (a, b) => f(c0(a) as Arr, c1(b) as Arr);
    },
  });

const keys = (xs: Arr): Set<string> => new Set(xs.map(valueKey));

const ARRAY_CONCAT = scalar({
  names: ['ARRAY_CONCAT'],
  category: 'collection',
  doc: 'ARRAY_CONCAT(array1, …): the arrays concatenated; NULL if any is NULL.',
  inferType: (site) => {
    checkArity(site, 1, Infinity);
    site.argTypes.forEach((_, i) => requireArray(site, i));
    return strictResult(site, ARRAY(commonElement(site, site.argTypes.map((_, i) => i)), false));
  },
  build: (site) => {
    const el = (site.resultType as ArrayType).element;
    const cs = site.argTypes.map((t) => arrayConv(t, el));
    return (...as) => as.flatMap((a, i) => cs[i]!(a) as Arr);
  },
});

/** ARRAY_MAX / ARRAY_MIN: NULL elements are ignored; NULL for an empty array. */
const extreme = (name: string, sign: 1 | -1): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'collection',
    doc: `${name}(array): the ${sign > 0 ? 'largest' : 'smallest'} non-NULL element; NULL if there is none.`,
    inferType: (site) => (checkArity(site, 1), requireArray(site, 0), withNullability(elementOf(site.argTypes[0]!), true)),
    build: () => (a) => {
      let best: unknown = null;
      for (const x of a as Arr) if (x !== null && (best === null || compareValues(x, best) * sign > 0)) best = x;
      return best;
    },
  });

const ARRAY_JOIN = scalar({
  names: ['ARRAY_JOIN'],
  category: 'collection',
  doc: 'ARRAY_JOIN(array, delimiter[, nullReplacement]): the string elements joined by delimiter; NULLs skipped unless replaced.',
  nulls: 'custom',
  inferType: (site) => {
    checkArity(site, 2, 3);
    requireArray(site, 0);
    const el = elementOf(site.argTypes[0]!);
    if (!isCharacterString(el) && el.kind !== 'NULL') {
      throw new FunctionTypeError(`Invalid argument 1 of 'ARRAY_JOIN': expected an ARRAY of character strings.`, 0);
    }
    requireString(site, 1);
    if (site.argTypes.length === 3) requireString(site, 2);
    return STRING(site.argTypes[0]!.nullable || site.argTypes[1]!.nullable);
  },
  build: (site) => (a, d, r) => {
    // An explicit NULL replacement makes the result NULL, as in Flink.
    if (a === null || d === null || (site.argTypes.length === 3 && r === null)) return null;
    const parts: string[] = [];
    for (const x of a as Arr) {
      if (x !== null) parts.push(x as string);
      else if (r !== undefined && r !== null) parts.push(r as string);
    }
    return parts.join(d as string);
  },
});

const SPLIT = scalar({
  names: ['SPLIT'],
  category: 'collection',
  doc: 'SPLIT(string, delimiter): string split at each delimiter (into characters for an empty delimiter).',
  inferType: (site) => (checkArity(site, 2), requireString(site, 0), requireString(site, 1), strictResult(site, ARRAY(STRING(false), false))),
  // Commons-lang splitByWholeSeparatorPreserveAllTokens: an empty string has no parts; an empty
  // delimiter splits into characters (code points).
  build: () => (s, d) => (s === '' ? [] : d === '' ? Array.from(s as string) : (s as string).split(d as string)),
});

export const ARRAY_FUNCTIONS: readonly ScalarFunctionDef[] = [
  CARDINALITY,
  ELEMENT,
  appendLike('ARRAY_APPEND', false),
  appendLike('ARRAY_PREPEND', true),
  ARRAY_CONTAINS,
  unaryArray('ARRAY_DISTINCT', 'ARRAY_DISTINCT(array): array without duplicates, first occurrences kept in order.', distinct),
  ARRAY_POSITION,
  ARRAY_REMOVE,
  unaryArray('ARRAY_REVERSE', 'ARRAY_REVERSE(array): array in reverse order.', (xs) => [...xs].reverse()),
  ARRAY_SLICE,
  ARRAY_SORT,
  setOp('ARRAY_UNION', 'ARRAY_UNION(array1, array2): the distinct elements of both arrays.', (a, b) => distinct([...a, ...b])),
  // Flink 1.20 subtracts as multisets: each element of array2 removes one equal element of array1.
  setOp('ARRAY_EXCEPT', 'ARRAY_EXCEPT(array1, array2): the elements of array1 not in array2 (multiset difference, order kept).', (a, b) => {
    const counts = new Map<string, number>();
    for (const x of b) counts.set(valueKey(x), (counts.get(valueKey(x)) ?? 0) + 1);
    return a.filter((x) => {
      const k = valueKey(x);
      const n = counts.get(k) ?? 0;
      if (n === 0) return true;
      counts.set(k, n - 1);
      return false;
    });
  }),
  setOp('ARRAY_INTERSECT', 'ARRAY_INTERSECT(array1, array2): the distinct elements of array1 also in array2.', (a, b) => {
    const inB = keys(b);
    return distinct(a).filter((x) => inB.has(valueKey(x)));
  }),
  ARRAY_CONCAT,
  extreme('ARRAY_MAX', 1),
  extreme('ARRAY_MIN', -1),
  ARRAY_JOIN,
  SPLIT,
];
