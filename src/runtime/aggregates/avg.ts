/**
 * AVG, as Flink's AvgAggFunction: sums in BIGINT for integer input, DOUBLE for FLOAT/DOUBLE and
 * DECIMAL(38, s) for DECIMAL(p, s), then divides by the count and casts to the result type. For
 * integers this is integer division truncating toward zero (AVG of INT is an INT); for DECIMAL the
 * quotient is rounded HALF_UP to the result scale max(6, s). NULL when no non-NULL input.
 *
 * Accumulator: [sum, count of non-NULL inputs]; the sum is bigint, number or Decimal (NULL after
 * a DECIMAL overflow, which makes the result NULL as in Flink).
 */
import type { DataType } from '../../types/data-type.js';
import { DECIMAL, DOUBLE, BIGINT } from '../../types/data-type.js';
import { divDecimal } from '../../types/decimal.js';
import { PlanError } from '../../types/errors.js';
import { Decimal } from '../../types/values.js';
import type { AggregateFunction } from './aggregate-function.js';
import { numericOps } from './numeric-ops.js';

export type AvgAcc = [sum: unknown, count: number];

const isNull = (v: unknown): boolean => v === null || v === undefined;

export function avgAggregate(argType: DataType, resultType: DataType): AggregateFunction<AvgAcc> {
  let sumType: DataType;
  let toSum: (x: unknown) => unknown = (x) => x;
  let finish: (sum: unknown, count: number) => unknown;
  switch (argType.kind) {
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT': {
      sumType = BIGINT();
      if (argType.kind !== 'BIGINT') toSum = (x) => BigInt(x as number);
      const bits = resultType.kind === 'TINYINT' ? 8 : resultType.kind === 'SMALLINT' ? 16 : resultType.kind === 'INT' ? 32 : 64;
      finish = (sum, count) => {
        // BigInt division truncates toward zero, as Java's long division.
        const q = BigInt.asIntN(64, (sum as bigint) / BigInt(count));
        return bits === 64 ? q : Number(BigInt.asIntN(bits, q));
      };
      break;
    }
    case 'FLOAT':
    case 'DOUBLE':
      sumType = DOUBLE();
      finish = resultType.kind === 'FLOAT' ? (sum, count) => Math.fround((sum as number) / count) : (sum, count) => (sum as number) / count;
      break;
    case 'DECIMAL': {
      sumType = DECIMAL(38, argType.scale);
      const p = resultType.kind === 'DECIMAL' ? resultType.precision : 38;
      const s = resultType.kind === 'DECIMAL' ? resultType.scale : Math.max(6, argType.scale);
      finish = (sum, count) => divDecimal(sum as Decimal, new Decimal(BigInt(count), 0), p, s);
      break;
    }
    default:
      throw new PlanError(`AVG does not support ${argType.kind}`);
  }
  const ops = numericOps(sumType);
  const step = (acc: AvgAcc, x: unknown, sign: 1 | -1): AvgAcc => {
    if (isNull(x)) return acc;
    const v = toSum(x);
    acc[0] = acc[0] === null ? null : sign === 1 ? ops.add(acc[0], v) : ops.sub(acc[0], v);
    acc[1] += sign;
    return acc;
  };
  return {
    createAccumulator: () => [ops.zero, 0],
    accumulate: (acc, args) => step(acc, args[0], 1),
    retract: (acc, args) => step(acc, args[0], -1),
    merge: (acc, other) => {
      acc[0] = acc[0] === null || other[0] === null ? null : ops.add(acc[0], other[0]);
      acc[1] += other[1];
      return acc;
    },
    getValue: (acc) => (acc[1] === 0 || acc[0] === null ? null : finish(acc[0], acc[1])),
  };
}
