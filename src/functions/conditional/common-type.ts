/**
 * The least restrictive common type of several argument types (for COALESCE, IF, GREATEST,
 * ARRAY_* element arguments …) and converters of values into it. Local to the function
 * families; the planner's own type-inference module may supersede it.
 */
import type { DataType } from '../../types/data-type.js';
import {
  ARRAY,
  DECIMAL,
  DOUBLE,
  FLOAT,
  MAP,
  MAX_DECIMAL_PRECISION,
  NULL_TYPE,
  VARCHAR,
  CHAR,
  VARBINARY,
  isCharacterString,
  isBinaryString,
  isExactInteger,
  isNumeric,
  withNullability,
} from '../../types/data-type.js';
import { Decimal } from '../../types/values.js';
import { asDecimalType } from '../math/numeric-types.js';
import { decimalFromDouble, rescale } from '../math/decimal-ops.js';

const INT_RANK: Record<string, number> = { TINYINT: 1, SMALLINT: 2, INT: 3, BIGINT: 4 };

/** The common type, nullable if any input is; null when the types have none. */
export function leastRestrictive(types: readonly DataType[]): DataType | null {
  const real = types.filter((t) => t.kind !== 'NULL');
  const nullable = types.some((t) => t.nullable);
  if (real.length === 0) return NULL_TYPE;
  const first = real[0]!;
  let out: DataType | null;
  if (real.every(isCharacterString)) {
    const len = Math.max(...real.map((t) => (t as { length: number }).length));
    const allChar = real.every((t) => t.kind === 'CHAR' && t.length === len);
    out = allChar ? CHAR(len) : VARCHAR(len);
  } else if (real.every(isBinaryString)) {
    out = VARBINARY(Math.max(...real.map((t) => (t as { length: number }).length)));
  } else if (real.every(isNumeric)) {
    out = numericCommon(real);
  } else if (real.every((t) => t.kind === first.kind)) {
    out = sameKindCommon(real);
  } else {
    out = null;
  }
  return out === null ? null : withNullability(out, nullable);
}

function numericCommon(ts: readonly DataType[]): DataType {
  if (ts.some((t) => t.kind === 'DOUBLE')) return DOUBLE();
  if (ts.some((t) => t.kind === 'FLOAT')) {
    return ts.some((t) => t.kind === 'DECIMAL' || t.kind === 'BIGINT') ? DOUBLE() : FLOAT();
  }
  if (ts.some((t) => t.kind === 'DECIMAL')) {
    let intDigits = 0;
    let scale = 0;
    for (const t of ts) {
      const d = asDecimalType(t)!;
      intDigits = Math.max(intDigits, d.precision - d.scale);
      scale = Math.max(scale, d.scale);
    }
    return DECIMAL(Math.min(MAX_DECIMAL_PRECISION, intDigits + scale), scale);
  }
  return ts.reduce((a, b) => (INT_RANK[b.kind]! > INT_RANK[a.kind]! ? b : a));
}

function sameKindCommon(ts: readonly DataType[]): DataType | null {
  const first = ts[0]!;
  switch (first.kind) {
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
    case 'TIME':
      return { ...first, precision: Math.max(...ts.map((t) => (t as { precision: number }).precision)) };
    case 'ARRAY': {
      const el = leastRestrictive(ts.map((t) => (t as { element: DataType }).element));
      return el === null ? null : ARRAY(el);
    }
    case 'MAP': {
      const k = leastRestrictive(ts.map((t) => (t as { key: DataType }).key));
      const v = leastRestrictive(ts.map((t) => (t as { value: DataType }).value));
      return k === null || v === null ? null : MAP(k, v);
    }
    default:
      return first;
  }
}

/** A converter of values of type `from` into type `to` (identity when none is needed). */
export const identity = (v: unknown): unknown => v;

export function coercer(from: DataType, to: DataType): (v: unknown) => unknown {
  const id = identity;
  if (from.kind === 'NULL' || (from.kind === to.kind && to.kind !== 'DECIMAL' && to.kind !== 'ARRAY' && to.kind !== 'MAP')) {
    return id;
  }
  switch (to.kind) {
    case 'BIGINT':
      return isExactInteger(from) ? (v) => (v === null ? null : BigInt(v as number)) : id;
    case 'DOUBLE':
    case 'FLOAT': {
      const f = to.kind === 'FLOAT' ? Math.fround : (x: number): number => x;
      if (from.kind === 'BIGINT') return (v) => (v === null ? null : f(Number(v as bigint)));
      if (from.kind === 'DECIMAL') return (v) => (v === null ? null : f((v as Decimal).toNumber()));
      return id;
    }
    case 'DECIMAL': {
      const scale = to.scale;
      if (from.kind === 'DECIMAL') return from.scale === scale ? id : (v) => (v === null ? null : rescale(v as Decimal, scale));
      if (isExactInteger(from)) {
        return (v) => (v === null ? null : rescale(new Decimal(BigInt(v as number | bigint), 0), scale));
      }
      if (from.kind === 'FLOAT' || from.kind === 'DOUBLE') {
        return (v) => (v === null ? null : rescale(decimalFromDouble(v as number), scale));
      }
      return id;
    }
    case 'ARRAY': {
      if (from.kind !== 'ARRAY') return id;
      const el = coercer(from.element, to.element);
      return el === id ? id : (v) => (v === null ? null : (v as unknown[]).map(el));
    }
    case 'MAP': {
      if (from.kind !== 'MAP') return id;
      const k = coercer(from.key, to.key);
      const val = coercer(from.value, to.value);
      return (v) => {
        if (v === null) return null;
        const m = new Map<unknown, unknown>();
        for (const [a, b] of v as Map<unknown, unknown>) m.set(k(a), val(b));
        return m;
      };
    }
    default:
      return id;
  }
}
