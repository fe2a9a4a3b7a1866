/**
 * The least restrictive common type of several argument types (for COALESCE, IF, GREATEST,
 * ARRAY_* element arguments …), as the planner computes it, and converters of values into it.
 */
import type { DataType } from '../../types/data-type.js';
import { NULL_TYPE, isExactInteger } from '../../types/data-type.js';
import { leastRestrictive as sharedLeastRestrictive } from '../../types/type-inference.js';
import { Decimal } from '../../types/values.js';
import { decimalFromDouble, rescale } from '../math/decimal-ops.js';

/** The common type, nullable if any input is; NULL when every input is an untyped NULL; null when there is none. */
export function leastRestrictive(types: readonly DataType[]): DataType | null {
  if (types.length > 0 && types.every((t) => t.kind === 'NULL')) return NULL_TYPE;
  return sharedLeastRestrictive(types);
}

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
