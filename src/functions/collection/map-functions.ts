/** MAP functions of Flink 1.20: MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_FROM_ARRAYS, MAP_UNION. */
import type { ScalarFunctionDef } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import type { DataType, MapType } from '../../types/data-type.js';
import { ARRAY, MAP, ROW } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { checkArity, describeType, requireArray, requireMap, scalar, strictResult } from '../string/define.js';
import { coercer, leastRestrictive } from '../conditional/common-type.js';
import { valueKey } from '../conditional/compare.js';

type AnyMap = Map<unknown, unknown>;

const mapType = (t: DataType): MapType => t as MapType;

const MAP_KEYS = scalar({
  names: ['MAP_KEYS'],
  category: 'collection',
  doc: 'MAP_KEYS(map): the keys of map as an array.',
  inferType: (site) => (checkArity(site, 1), requireMap(site, 0), strictResult(site, ARRAY(mapType(site.argTypes[0]!).key, false))),
  build: () => (m) => [...(m as AnyMap).keys()],
});

const MAP_VALUES = scalar({
  names: ['MAP_VALUES'],
  category: 'collection',
  doc: 'MAP_VALUES(map): the values of map as an array.',
  inferType: (site) => (checkArity(site, 1), requireMap(site, 0), strictResult(site, ARRAY(mapType(site.argTypes[0]!).value, false))),
  build: () => (m) => [...(m as AnyMap).values()],
});

const MAP_ENTRIES = scalar({
  names: ['MAP_ENTRIES'],
  category: 'collection',
  doc: 'MAP_ENTRIES(map): the entries of map as an array of ROW<key, value>.',
  inferType: (site) => {
    checkArity(site, 1);
    requireMap(site, 0);
    const t = mapType(site.argTypes[0]!);
    return strictResult(site, ARRAY(ROW([{ name: 'key', type: t.key }, { name: 'value', type: t.value }], false), false));
  },
  build: () => (m) => [...(m as AnyMap)].map(([k, v]) => [k, v]),
});

/** Puts with SQL key equality: a later equal key (e.g. DECIMAL 1.0 vs 1.00) replaces the earlier one. */
function putAll(target: AnyMap, index: Map<string, unknown>, src: Iterable<[unknown, unknown]>): void {
  for (const [k, v] of src) {
    const key = valueKey(k);
    const existing = index.get(key);
    if (existing !== undefined || index.has(key)) target.delete(existing);
    index.set(key, k);
    target.set(k, v);
  }
}

const MAP_FROM_ARRAYS = scalar({
  names: ['MAP_FROM_ARRAYS'],
  category: 'collection',
  doc: 'MAP_FROM_ARRAYS(keys, values): a map pairing the arrays element-wise; they must have the same length.',
  inferType: (site) => {
    checkArity(site, 2);
    requireArray(site, 0);
    requireArray(site, 1);
    const el = (i: number): DataType => {
      const t = site.argTypes[i]!;
      return t.kind === 'ARRAY' ? t.element : t;
    };
    return strictResult(site, MAP(el(0), el(1), false));
  },
  build: () => (ks, vs) => {
    const a = ks as unknown[];
    const b = vs as unknown[];
    if (a.length !== b.length) {
      throw new RuntimeError(
        `Invalid function MAP_FROM_ARRAYS call: The length of the keys array ${a.length} is not equal to the length of the values array ${b.length}`,
      );
    }
    const m: AnyMap = new Map();
    putAll(m, new Map(), a.map((k, i) => [k, b[i]] as [unknown, unknown]));
    return m;
  },
});

const MAP_UNION = scalar({
  names: ['MAP_UNION'],
  category: 'collection',
  doc: 'MAP_UNION(map1, …): the maps merged, later maps overriding equal keys; NULL if any map is NULL.',
  inferType: (site) => {
    checkArity(site, 1, Infinity);
    site.argTypes.forEach((_, i) => requireMap(site, i));
    const t = leastRestrictive(site.argTypes);
    if (t === null || (t.kind !== 'MAP' && t.kind !== 'NULL')) {
      throw new FunctionTypeError(`Invalid input arguments of 'MAP_UNION': ${site.argTypes.map(describeType).join(', ')}.`);
    }
    return strictResult(site, t);
  },
  build: (site) => {
    const convs = site.argTypes.map((t) => coercer(t, site.resultType));
    // Flink's order: the later map's entries first, then the earlier entries it does not override.
    return (...ms) => {
      let out = convs[0]!(ms[0]) as AnyMap;
      for (let i = 1; i < ms.length; i++) {
        const m = convs[i]!(ms[i]) as AnyMap;
        if (m.size === 0) continue;
        const next: AnyMap = new Map(m);
        const keys = new Set([...m.keys()].map(valueKey));
        for (const [k, v] of out) if (!keys.has(valueKey(k))) next.set(k, v);
        out = next;
      }
      return out;
    };
  },
});

export const MAP_FUNCTIONS: readonly ScalarFunctionDef[] = [MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_FROM_ARRAYS, MAP_UNION];
