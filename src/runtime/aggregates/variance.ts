/**
 * VAR_POP, VAR_SAMP (VARIANCE), STDDEV_POP, STDDEV_SAMP (STDDEV). Flink has no runtime class for
 * these: the planner rewrites them (Calcite's AggregateReduceFunctionsRule) into SUM(x * x),
 * SUM(x) and COUNT(x) and the expression
 *   (SUM(x*x) - SUM(x) * SUM(x) / COUNT(x)) / d,   d = COUNT(x) for *_POP,
 *                                                  d = CASE COUNT(x) WHEN 1 THEN NULL ELSE COUNT(x) - 1 END for *_SAMP,
 * then POWER(…, 0.5) for STDDEV, cast to the result type; x and SUM(x) are first cast to the
 * result type. Each step runs in the type Flink gives it, so integer input computes in the input
 * type and BIGINT (wrapping, integer division), DECIMAL input in DECIMAL(38, 6)-ish types with
 * Flink's precision rules (squares rounded to the result scale); we do the same.
 *
 * Accumulator: [SUM(x*x), SUM(x), COUNT(x)] (sums in the input type; NULL after a DECIMAL overflow).
 */
import type { DataType } from '../../types/data-type.js';
import { doubleToInt32, doubleToInt64 } from '../../types/cast.js';
import { divDecimal, fitDecimal, decimalFromNumber, decimalToNumber, mulDecimal, subDecimal } from '../../types/decimal.js';
import { findAdditionDecimalType, findDivisionDecimalType, findMultiplicationDecimalType } from '../../types/decimal-types.js';
import { DECIMAL } from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import { Decimal } from '../../types/values.js';
import type { AggregateFunction } from './aggregate-function.js';
import { numericOps, type NumericOps } from './numeric-ops.js';

export type VarianceKind = 'VAR_POP' | 'VAR_SAMP' | 'STDDEV_POP' | 'STDDEV_SAMP';
export type VarianceAcc = [sumSq: unknown, sum: unknown, count: number];

const isNull = (v: unknown): boolean => v === null || v === undefined;

interface Arith {
  readonly ops: NumericOps;
  /** SUM's addition for x*x (DECIMAL: a different scale than x). */
  readonly sqOps: NumericOps;
  square(x: unknown): unknown;
  /** The final value from the three sums (count > 0), before the cast. */
  finish(sumSq: unknown, sum: unknown, count: number, denom: number): unknown;
}

function integerArith(argType: DataType, sqrt: boolean): Arith {
  const ops = numericOps(argType);
  const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(v as number));
  const bits = argType.kind === 'TINYINT' ? 8 : argType.kind === 'SMALLINT' ? 16 : argType.kind === 'INT' ? 32 : 64;
  const toArg = (v: bigint): unknown => (bits === 64 ? v : Number(BigInt.asIntN(bits, v)));
  const fromDouble = (d: number): unknown => (bits === 64 ? doubleToInt64(d) : Number(BigInt.asIntN(bits, BigInt(doubleToInt32(d)))));
  return {
    ops,
    sqOps: ops,
    square: (x) => ops.mul(x, x),
    finish: (sumSq, sum, count, denom) => {
      const avgSumSquared = big(ops.mul(sum, sum)) / BigInt(count);
      const diff = BigInt.asIntN(64, big(sumSq) - avgSumSquared);
      const div = diff / BigInt(denom);
      return sqrt ? fromDouble(Math.pow(Number(div), 0.5)) : toArg(div);
    },
  };
}

function floatingArith(argType: DataType, sqrt: boolean): Arith {
  const ops = numericOps(argType);
  const r = argType.kind === 'FLOAT' ? Math.fround : (x: number) => x;
  return {
    ops,
    sqOps: ops,
    square: (x) => ops.mul(x, x),
    finish: (sumSq, sum, count, denom) => {
      const avgSumSquared = r((ops.mul(sum, sum) as number) / count);
      const div = r(r((sumSq as number) - avgSumSquared) / denom);
      return sqrt ? r(Math.pow(div, 0.5)) : div;
    },
  };
}

function decimalArith(s: number, result: DataType, sqrt: boolean): Arith {
  // Calcite casts x and SUM(x) to the result type DECIMAL(38, max(6, s)) before multiplying.
  const rp = result.kind === 'DECIMAL' ? result.precision : 38;
  const rs = result.kind === 'DECIMAL' ? result.scale : Math.max(6, s);
  const cast = (x: unknown): Decimal | null => fitDecimal(x as Decimal, rp, rs);
  const sq = findMultiplicationDecimalType(rp, rs, rp, rs);
  const avg = findDivisionDecimalType(sq.precision, sq.scale, 19, 0);
  const diffT = findAdditionDecimalType(38, sq.scale, avg.precision, avg.scale);
  const divT = findDivisionDecimalType(diffT.precision, diffT.scale, 19, 0);
  const n = (count: number) => new Decimal(BigInt(count), 0);
  const square = (x: unknown): Decimal | null => {
    const c = cast(x);
    return c === null ? null : mulDecimal(c, c, sq.precision, sq.scale);
  };
  return {
    ops: numericOps(DECIMAL(38, s)),
    sqOps: numericOps(DECIMAL(38, sq.scale)),
    square,
    finish: (sumSq, sum, count, denom) => {
      const ss = square(sum);
      const a = ss === null ? null : divDecimal(ss, n(count), avg.precision, avg.scale);
      const diff = a === null ? null : subDecimal(sumSq as Decimal, a, diffT.precision, diffT.scale);
      const div = diff === null ? null : divDecimal(diff, n(denom), divT.precision, divT.scale);
      if (div === null) return null;
      if (!sqrt) return fitDecimal(div, rp, rs);
      const d = decimalFromNumber(Math.pow(decimalToNumber(div), 0.5));
      return d === null ? null : fitDecimal(d, rp, rs);
    },
  };
}

export function varianceAggregate(kind: VarianceKind, argType: DataType, resultType: DataType): AggregateFunction<VarianceAcc> {
  const sqrt = kind.startsWith('STDDEV');
  const sample = kind.endsWith('SAMP');
  let arith: Arith;
  switch (argType.kind) {
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT':
      arith = integerArith(argType, sqrt);
      break;
    case 'FLOAT':
    case 'DOUBLE':
      arith = floatingArith(argType, sqrt);
      break;
    case 'DECIMAL':
      arith = decimalArith(argType.scale, resultType, sqrt);
      break;
    default:
      throw new PlanError(`${kind} does not support ${argType.kind}`);
  }
  const { ops, sqOps } = arith;
  const add = (o: NumericOps, a: unknown, b: unknown, sign: 1 | -1): unknown =>
    a === null || b === null ? null : sign === 1 ? o.add(a, b) : o.sub(a, b);
  const step = (acc: VarianceAcc, x: unknown, sign: 1 | -1): VarianceAcc => {
    if (isNull(x)) return acc;
    acc[0] = add(sqOps, acc[0], arith.square(x), sign);
    acc[1] = add(ops, acc[1], x, sign);
    acc[2] += sign;
    return acc;
  };
  return {
    createAccumulator: () => [sqOps.zero, ops.zero, 0],
    accumulate: (acc, args) => step(acc, args[0], 1),
    retract: (acc, args) => step(acc, args[0], -1),
    merge: (acc, other) => {
      acc[0] = add(sqOps, acc[0], other[0], 1);
      acc[1] = add(ops, acc[1], other[1], 1);
      acc[2] += other[2];
      return acc;
    },
    getValue: ([sumSq, sum, count]) => {
      if (count <= 0 || sumSq === null || sum === null) return null;
      const denom = sample ? count - 1 : count;
      if (denom === 0) return null;
      return arith.finish(sumSq, sum, count, denom);
    },
  };
}
