/**
 * Arithmetic for running sums, as accumulators hold them. A BIGINT sum stays a JS number while it
 * is a safe integer and becomes a bigint beyond (still wrapping at 64 bits, as Java's long): a
 * bigint is a new heap object per addition, and held by a group's accumulator until the group's
 * next row it outlives the young generation, so with many groups copying those bigints was most
 * of every minor GC's work. Safe-integer arithmetic is exact; `value` gives the SQL value back.
 */
import type { DataType } from '../../types/data-type.js';
import { safeNumberOf64 } from '../../types/int64-halves.js';
import { numericOps, type NumericOps } from './numeric-ops.js';

export interface SumOps extends NumericOps {
  /** An input value as a sum holds it. */
  of(value: unknown): unknown;
  /** The SQL value of a sum (NULL stays NULL). */
  value(sum: unknown): unknown;
}

/** A 64-bit integer as a number when it is (well) within the safe integers. */
const compact = (v: bigint): number | bigint => safeNumberOf64(v) ?? v;

/** A number when `v` (a number, or a 64-bit bigint) is (well) within the safe integers, else undefined. */
const safeNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : safeNumberOf64(v as bigint));

function longOp(fast: (a: number, b: number) => number, exact: (a: bigint, b: bigint) => bigint): (a: unknown, b: unknown) => unknown {
  return (a, b) => {
    const x = safeNumber(a);
    const y = x === undefined ? undefined : safeNumber(b);
    if (y !== undefined) {
      const r = fast(x!, y);
      if (Number.isSafeInteger(r)) return r;
    }
    return compact(BigInt.asIntN(64, exact(BigInt(a as number | bigint), BigInt(b as number | bigint))));
  };
}

const LONG_SUM_OPS: SumOps = {
  zero: 0,
  add: longOp((a, b) => a + b, (a, b) => a + b),
  sub: longOp((a, b) => a - b, (a, b) => a - b),
  mul: longOp((a, b) => a * b, (a, b) => a * b),
  of: (value) => (typeof value === 'bigint' ? compact(value) : value),
  value: (sum) => (typeof sum === 'number' ? BigInt(sum) : sum),
};

const same = (v: unknown): unknown => v;

/** Sum arithmetic in `type` (the sum's result type). */
export function sumOps(type: DataType): SumOps {
  return type.kind === 'BIGINT' ? LONG_SUM_OPS : { ...numericOps(type), of: same, value: same };
}
