/** Conditional functions: COALESCE, IF, IFNULL, NULLIF, GREATEST, LEAST, IS_ALPHA, IS_DECIMAL, IS_DIGIT. */
import type { ScalarFunctionDef, TypeSite } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { BOOLEAN, withNullability } from '../../types/data-type.js';
import { checkArity, describeType, requireBoolean, requireString, scalar } from '../string/define.js';
import { coercer, leastRestrictive } from './common-type.js';
import { compareValues, valueEquals } from './compare.js';

/** The common type of arguments [from, to), or a FunctionTypeError naming them. */
export function commonTypeOf(site: TypeSite, from = 0, to = site.argTypes.length): DataType {
  const types = site.argTypes.slice(from, to);
  const t = leastRestrictive(types);
  if (t === null) {
    throw new FunctionTypeError(
      `Cannot find a common type for the arguments of '${site.name}': ${types.map(describeType).join(', ')}.`,
    );
  }
  return t;
}

const COALESCE = scalar({
  names: ['COALESCE'],
  category: 'conditional',
  doc: 'COALESCE(value1[, value2]*): the first argument that is not NULL.',
  nulls: 'custom',
  inferType: (site) => {
    checkArity(site, 1, Infinity);
    const t = commonTypeOf(site);
    return withNullability(t, site.argTypes.every((a) => a.nullable));
  },
  build: (site) => {
    const conv = site.argTypes.map((t) => coercer(t, site.resultType));
    return (...xs) => {
      for (let i = 0; i < xs.length; i++) if (xs[i] !== null) return conv[i]!(xs[i]);
      return null;
    };
  },
});

const IF = scalar({
  names: ['IF'],
  category: 'conditional',
  doc: 'IF(condition, true_value, false_value): true_value if condition is TRUE, else false_value.',
  nulls: 'custom',
  inferType: (site) => {
    checkArity(site, 3);
    requireBoolean(site, 0);
    const t = commonTypeOf(site, 1, 3);
    return withNullability(t, site.argTypes[1]!.nullable || site.argTypes[2]!.nullable);
  },
  build: (site) => {
    const a = coercer(site.argTypes[1]!, site.resultType);
    const b = coercer(site.argTypes[2]!, site.resultType);
    return (c, x, y) => (c === true ? a(x) : b(y));
  },
});

const IFNULL = scalar({
  names: ['IFNULL'],
  category: 'conditional',
  doc: 'IFNULL(input, null_replacement): null_replacement if input is NULL, else input.',
  nulls: 'custom',
  inferType: (site) => {
    checkArity(site, 2);
    return withNullability(commonTypeOf(site), site.argTypes[1]!.nullable);
  },
  build: (site) => {
    const a = coercer(site.argTypes[0]!, site.resultType);
    const b = coercer(site.argTypes[1]!, site.resultType);
    return (x, r) => (x !== null ? a(x) : b(r));
  },
});

const NULLIF = scalar({
  names: ['NULLIF'],
  category: 'conditional',
  doc: 'NULLIF(value1, value2): NULL if value1 equals value2, else value1.',
  nulls: 'custom',
  inferType: (site) => {
    checkArity(site, 2);
    commonTypeOf(site); // must be comparable
    return withNullability(site.argTypes[0]!, true);
  },
  build: (site) => {
    const common = leastRestrictive(site.argTypes)!;
    const a = coercer(site.argTypes[0]!, common);
    const b = coercer(site.argTypes[1]!, common);
    return (x, y) => (x === null ? null : y !== null && valueEquals(a(x), b(y)) ? null : x);
  },
});

const extreme = (name: string, sign: 1 | -1): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'conditional',
    doc: `${name}(value1[, value2]*): the ${sign > 0 ? 'greatest' : 'least'} argument; NULL if any argument is NULL.`,
    inferType: (site) => {
      checkArity(site, 1, Infinity);
      const t = commonTypeOf(site);
      return withNullability(t, site.argTypes.some((a) => a.nullable));
    },
    build: (site) => {
      const conv = site.argTypes.map((t) => coercer(t, site.resultType));
      return (...xs) => {
        let best = conv[0]!(xs[0]);
        for (let i = 1; i < xs.length; i++) {
          const v = conv[i]!(xs[i]);
          if (compareValues(v, best) * sign > 0) best = v;
        }
        return best;
      };
    },
  });

/** Java's Double.parseDouble grammar (after trimming), plus Integer/Long forms. */
const JAVA_DOUBLE =
  /^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)|(0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+[fFdD]?))$/;

export function isDecimalText(s: string): boolean {
  if (s === '') return false;
  // Java's trim() drops every char <= U+0020.
  const t = s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  return JAVA_DOUBLE.test(t);
}

const predicate = (name: string, doc: string, test: (s: string) => boolean): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'conditional',
    doc,
    nulls: 'custom',
    inferType: (site) => (checkArity(site, 1), requireString(site, 0), BOOLEAN(false)),
    build: () => (s) => (typeof s === 'string' && s !== '' ? test(s) : false),
  });

export const CONDITIONAL_DEFS: readonly ScalarFunctionDef[] = [
  COALESCE,
  IF,
  IFNULL,
  NULLIF,
  extreme('GREATEST', 1),
  extreme('LEAST', -1),
  predicate('IS_ALPHA', 'IS_ALPHA(string): TRUE if every character of string is a letter.', (s) => /^\p{L}+$/u.test(s)),
  predicate('IS_DIGIT', 'IS_DIGIT(string): TRUE if every character of string is a digit.', (s) => /^\p{Nd}+$/u.test(s)),
  predicate('IS_DECIMAL', 'IS_DECIMAL(string): TRUE if string parses as a number.', isDecimalText),
];
