/**
 * datetime ± interval, interval ± interval, interval * / numeric, as Flink's generated code:
 * DATE + day-time interval adds whole days, month intervals clamp the day of month (java.time),
 * TIME wraps around midnight and ignores month intervals, timestamps keep their nanoseconds.
 */
import type { DataType } from '../../types/data-type.js';
import { isInterval } from '../../types/data-type.js';
import { addMonthsToDate, addMonthsToMillis, addMillisToTime } from '../../types/temporal.js';
import { Timestamp } from '../../types/values.js';
import type { ArithmeticOp } from '../../types/type-inference-arith.js';
import { divideByZero, toDoubleOf } from './numeric-convert.js';

type Fn = (a: unknown, b: unknown) => unknown;
const MILLIS_PER_DAY = 86_400_000;

function datetimePlus(dt: DataType, iv: DataType, sign: 1 | -1): (d: unknown, i: number) => unknown {
  const months = iv.kind === 'INTERVAL_YEAR_MONTH';
  switch (dt.kind) {
    case 'DATE':
      return months
        ? (d, i) => addMonthsToDate(d as number, sign * i)
        : (d, i) => (d as number) + sign * Math.trunc(i / MILLIS_PER_DAY);
    case 'TIME':
      return months ? (d) => d : (d, i) => addMillisToTime(d as number, sign * i);
    default:
      return months
        ? (d, i) => new Timestamp(addMonthsToMillis((d as Timestamp).millis, sign * i), (d as Timestamp).nanos)
        : (d, i) => new Timestamp((d as Timestamp).millis + sign * i, (d as Timestamp).nanos);
  }
}

/** The implementation of a temporal `a op b`, or null when the operands are plain numerics. */
export function buildTemporalArithmetic(op: ArithmeticOp, a: DataType, b: DataType, _r: DataType): Fn | null {
  const ia = isInterval(a);
  const ib = isInterval(b);
  if (!ia && !ib) return null;
  if (ia && ib) {
    if (op === '+') return (u, v) => (u as number) + (v as number);
    if (op === '-') return (u, v) => (u as number) - (v as number);
    return null;
  }
  if (ib && (op === '+' || op === '-') && !ia) {
    const f = datetimePlus(a, b, op === '+' ? 1 : -1);
    return (u, v) => f(u, v as number);
  }
  if (ia && op === '+') {
    const f = datetimePlus(b, a, 1);
    return (u, v) => f(v, u as number);
  }
  if (op === '*') {
    const n = toDoubleOf(ia ? b : a);
    return ia ? (u, v) => Math.trunc((u as number) * n(v)) : (u, v) => Math.trunc(n(u) * (v as number));
  }
  if (op === '/' && ia) {
    const n = toDoubleOf(b);
    return (u, v) => {
      const d = n(v);
      return d === 0 ? divideByZero() : Math.trunc((u as number) / d);
    };
  }
  return null;
}
