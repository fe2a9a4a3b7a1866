/** Arithmetic functions: ABS, MOD, POWER, SQRT, logarithms, EXP, CEIL, FLOOR, SIGN, ROUND, TRUNCATE. */
import type { BuildSite, ScalarFunctionDef, TypeSite } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { DECIMAL, DOUBLE, isExactInteger } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { Decimal } from '../../types/values.js';
import { checkArity, requireInteger, requireNumeric, scalar, strictResult, toInt } from '../string/define.js';
import { decimalFromDouble, doubleOf, rescale, roundTo, toDecimal, type RoundingMode } from './decimal-ops.js';
import { asDecimalType, isApproximate, moduloDecimalType, roundDecimalType } from './numeric-types.js';

const BITS: Partial<Record<DataType['kind'], number>> = { TINYINT: 8, SMALLINT: 16, INT: 32, BIGINT: 64 };

/** A bigint result as the representation of integer type `t`, wrapping like Java. */
function fromBig(t: DataType, v: bigint): number | bigint {
  const bits = BITS[t.kind]!;
  return t.kind === 'BIGINT' ? BigInt.asIntN(64, v) : Number(BigInt.asIntN(bits, v));
}
const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(v as number));

function numericUnary(site: TypeSite): DataType {
  checkArity(site, 1);
  requireNumeric(site, 0);
  return site.argTypes[0]!;
}

/** A function of doubles returning DOUBLE (LN, SQRT, SIN …); DECIMAL and BIGINT go through double. */
export function doubleFn(names: string[], doc: string, f: (...xs: number[]) => number, arity = 1): ScalarFunctionDef {
  return scalar({
    names,
    category: 'arithmetic',
    doc,
    inferType: (site) => {
      checkArity(site, arity);
      for (let i = 0; i < arity; i++) requireNumeric(site, i);
      return strictResult(site, DOUBLE(false));
    },
    build: (site) => {
      const conv = site.argTypes.map(doubleOf);
      if (arity === 1) {
        const c = conv[0]!;
        return (x) => f(c(x));
      }
      return (...xs) => f(...xs.map((x, i) => conv[i]!(x)));
    },
  });
}

const ABS = scalar({
  names: ['ABS'],
  category: 'arithmetic',
  doc: 'ABS(numeric): the absolute value of numeric.',
  inferType: (site) => numericUnary(site),
  build: (site) => {
    const t = site.argTypes[0]!;
    if (t.kind === 'DECIMAL') return (v) => ((v as Decimal).unscaled < 0n ? new Decimal(-(v as Decimal).unscaled, (v as Decimal).scale) : v);
    if (isExactInteger(t)) return (v) => fromBig(t, big(v) < 0n ? -big(v) : big(v));
    return (v) => Math.abs(v as number);
  },
});

const MOD = scalar({
  names: ['MOD'],
  category: 'arithmetic',
  doc: 'MOD(numeric1, numeric2): the remainder of numeric1 divided by numeric2 (negative only if numeric1 is).',
  inferType: (site) => {
    checkArity(site, 2);
    requireNumeric(site, 0);
    requireNumeric(site, 1);
    const [a, b] = site.argTypes as [DataType, DataType];
    if (isApproximate(a) || isApproximate(b)) return strictResult(site, DOUBLE(false));
    if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
      return strictResult(site, moduloDecimalType(asDecimalType(a)!, asDecimalType(b)!, false));
    }
    // Calcite's MOD has the type of its second operand.
    return strictResult(site, b);
  },
  build: (site) => {
    const r = site.resultType;
    if (r.kind === 'DOUBLE') {
      const [ca, cb] = site.argTypes.map(doubleOf) as [(v: unknown) => number, (v: unknown) => number];
      return (a, b) => ca(a) % cb(b);
    }
    if (r.kind === 'DECIMAL') {
      return (a, b) => {
        const x = toDecimal(a);
        const y = toDecimal(b);
        if (y.unscaled === 0n) throw new RuntimeError('Division by zero in MOD');
        const s = Math.max(x.scale, y.scale);
        const xv = rescale(x, s).unscaled;
        const yv = rescale(y, s).unscaled;
        return rescale(new Decimal(xv % yv, s), r.scale);
      };
    }
    return (a, b) => {
      const y = big(b);
      if (y === 0n) throw new RuntimeError('/ by zero');
      return fromBig(r, big(a) % y);
    };
  },
});

const POWER = doubleFn(['POWER', 'POW'], 'POWER(numeric1, numeric2): numeric1 raised to the power of numeric2.', Math.pow, 2);
const SQRT = doubleFn(['SQRT'], 'SQRT(numeric): the square root of numeric.', Math.sqrt);
const LN = doubleFn(['LN'], 'LN(numeric): the natural logarithm of numeric.', Math.log);
const LOG10 = doubleFn(['LOG10'], 'LOG10(numeric): the base 10 logarithm of numeric.', Math.log10);
// Flink computes log2 as ln(x) / ln(2), which is not always Math.log2's result.
const LOG2 = doubleFn(['LOG2'], 'LOG2(numeric): the base 2 logarithm of numeric.', (x) => Math.log(x) / Math.log(2));
const EXP = doubleFn(['EXP'], 'EXP(numeric): e raised to the power of numeric.', Math.exp);

const LOG = scalar({
  names: ['LOG'],
  category: 'arithmetic',
  doc: 'LOG(numeric) / LOG(base, numeric): the natural logarithm, or the logarithm to base.',
  inferType: (site) => {
    checkArity(site, 1, 2);
    site.argTypes.forEach((_, i) => requireNumeric(site, i));
    return strictResult(site, DOUBLE(false));
  },
  build: (site) => {
    const conv = site.argTypes.map(doubleOf);
    if (conv.length === 1) return (x) => Math.log(conv[0]!(x));
    return (b, x) => Math.log(conv[1]!(x)) / Math.log(conv[0]!(b));
  },
});

function ceilFloor(name: string, names: string[], mode: RoundingMode, f: (x: number) => number): ScalarFunctionDef {
  return scalar({
    names,
    category: 'arithmetic',
    doc: `${name}(numeric): numeric rounded ${mode === 'CEILING' ? 'up' : 'down'} to an integral value.`,
    inferType: (site) => {
      const t = numericUnary(site);
      return t.kind === 'DECIMAL' ? DECIMAL(t.precision, 0, t.nullable) : t;
    },
    build: (site) => {
      const t = site.argTypes[0]!;
      if (t.kind === 'DECIMAL') return (v) => rescale(v as Decimal, 0, mode);
      if (isApproximate(t)) return (v) => f(v as number);
      return (v) => v;
    },
  });
}

const SIGN = scalar({
  names: ['SIGN'],
  category: 'arithmetic',
  doc: 'SIGN(numeric): -1, 0 or 1 as numeric is negative, zero or positive.',
  inferType: (site) => numericUnary(site),
  build: (site) => {
    const t = site.argTypes[0]!;
    if (t.kind === 'DECIMAL') {
      return (v) => {
        const u = (v as Decimal).unscaled;
        return rescale(new Decimal(u < 0n ? -1n : u > 0n ? 1n : 0n, 0), t.scale);
      };
    }
    if (t.kind === 'BIGINT') return (v) => ((v as bigint) < 0n ? -1n : (v as bigint) > 0n ? 1n : 0n);
    return (v) => Math.sign(v as number);
  },
});

/** ROUND and TRUNCATE share their typing: DECIMAL narrows its scale to the literal places. */
function roundLike(name: string, mode: RoundingMode, doc: string): ScalarFunctionDef {
  return scalar({
    names: [name],
    category: 'arithmetic',
    doc,
    inferType: (site) => {
      checkArity(site, 1, 2);
      requireNumeric(site, 0);
      if (site.argTypes.length === 2) requireInteger(site, 1);
      const t = site.argTypes[0]!;
      if (t.kind !== 'DECIMAL') return strictResult(site, t);
      const lit = site.literals[1];
      const places = lit === undefined || lit === null ? 0 : toInt(lit);
      return strictResult(site, roundDecimalType(t.precision, t.scale, places, false));
    },
    build: (site: BuildSite) => {
      const t = site.argTypes[0]!;
      const r = site.resultType;
      const placesOf = (p: unknown): number => (p === undefined ? 0 : toInt(p));
      if (t.kind === 'DECIMAL') {
        const scale = r.kind === 'DECIMAL' ? r.scale : 0;
        return (v, p) => {
          const d = v as Decimal;
          const places = placesOf(p);
          if (places >= d.scale) return rescale(d, scale);
          return roundTo(d, places, mode, scale);
        };
      }
      if (isExactInteger(t)) {
        return (v, p) => {
          const places = placesOf(p);
          if (places >= 0) return v;
          return fromBig(t, roundTo(new Decimal(big(v), 0), places, mode, 0).unscaled);
        };
      }
      const isFloat = t.kind === 'FLOAT';
      return (v, p) => {
        const x = v as number;
        if (!Number.isFinite(x)) return x;
        const places = placesOf(p);
        // Java goes through BigDecimal.valueOf(double), i.e. the shortest decimal text.
        const d = decimalFromDouble(x);
        const out = places >= d.scale ? x : roundTo(d, places, mode, Math.max(places, 0)).toNumber();
        const res = out === 0 && (x < 0 || Object.is(x, -0)) ? 0 : out;
        return isFloat ? Math.fround(res) : res;
      };
    },
  });
}

export const ARITH_FUNCTIONS: readonly ScalarFunctionDef[] = [
  ABS,
  MOD,
  POWER,
  SQRT,
  LN,
  LOG10,
  LOG2,
  LOG,
  EXP,
  ceilFloor('CEIL', ['CEIL', 'CEILING'], 'CEILING', Math.ceil),
  ceilFloor('FLOOR', ['FLOOR'], 'FLOOR', Math.floor),
  SIGN,
  roundLike('ROUND', 'HALF_UP', 'ROUND(numeric[, int]): numeric rounded half-up to int decimal places (default 0).'),
  roundLike('TRUNCATE', 'DOWN', 'TRUNCATE(numeric[, int]): numeric truncated to int decimal places (default 0).'),
];
