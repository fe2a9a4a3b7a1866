import type { IntervalLiteral, NumericLiteral, TypedLiteral } from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import { localToInstant, parseDate, parseTime, parseTimestamp } from '../../types/temporal.js';
import { Decimal } from '../../types/values.js';
import { literal, type RexLiteral } from '../rex.js';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** `1` → INT, `3000000000` → BIGINT, `1.50` → DECIMAL(3, 2), `1e3` → DOUBLE (all NOT NULL), as Flink types them. */
export function numericLiteral(node: NumericLiteral, negative = false): RexLiteral {
  const text = node.text;
  if (/[eE]/.test(text)) return literal(negative ? -Number(text) : Number(text), T.DOUBLE(false));
  if (text.includes('.')) {
    const [intPart, frac = ''] = text.split('.');
    const digits = `${intPart}${frac}`.replace(/^0+(?=\d)/, '');
    const unscaled = BigInt(digits || '0');
    const scale = frac.length;
    const precision = Math.max(digits.replace(/^0+/, '').length, scale, 1);
    if (precision > T.MAX_DECIMAL_PRECISION) return literal(negative ? -Number(text) : Number(text), T.DOUBLE(false));
    return literal(new Decimal(negative ? -unscaled : unscaled, scale), T.DECIMAL(precision, scale, false));
  }
  const v = negative ? -BigInt(text) : BigInt(text);
  if (v >= INT_MIN && v <= INT_MAX) return literal(Number(v), T.INT(false));
  if (v >= LONG_MIN && v <= LONG_MAX) return literal(v, T.BIGINT(false));
  const digits = text.replace(/^0+(?=\d)/, '').length;
  if (digits <= T.MAX_DECIMAL_PRECISION) return literal(new Decimal(v, 0), T.DECIMAL(digits, 0, false));
  throw new SqlError('NUMERIC_OUT_OF_RANGE', `Numeric literal '${text}' out of range`, node.span);
}

function fractionDigits(text: string): number {
  const m = /\.(\d+)\s*$/.exec(text);
  return m ? m[1]!.length : 0;
}

/** DATE / TIME / TIMESTAMP / TIMESTAMP_LTZ '…'. */
export function typedLiteral(node: TypedLiteral, zone: () => string): RexLiteral {
  const fail = (what: string) => new SqlError('INVALID_LITERAL', `Illegal ${what} literal '${node.value}'`, node.span,
    `Expected ${what === 'DATE' ? "'yyyy-MM-dd'" : what === 'TIME' ? "'HH:mm:ss[.SSS]'" : "'yyyy-MM-dd HH:mm:ss[.SSS]'"}.`);
  switch (node.type) {
    case 'DATE': {
      const v = parseDate(node.value.trim());
      if (v === null) throw fail('DATE');
      return literal(v, T.DATE(false));
    }
    case 'TIME': {
      const v = parseTime(node.value.trim());
      if (v === null) throw fail('TIME');
      return literal(v, T.TIME(Math.min(fractionDigits(node.value), 9), false));
    }
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ': {
      const v = parseTimestamp(node.value.trim());
      if (v === null) throw fail(node.type);
      const p = Math.min(fractionDigits(node.value), 9);
      if (node.type === 'TIMESTAMP') return literal(v, T.TIMESTAMP(p, false));
      return literal(localToInstant(v, zone()), T.TIMESTAMP_LTZ(p, false));
    }
  }
}




const MS = { SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: 86_400_000 } as const;

/** INTERVAL literals: YEAR/MONTH → months, DAY…SECOND → milliseconds. */
export function intervalLiteral(node: IntervalLiteral): RexLiteral {
  const q = node.qualifier;
  let text = node.value.trim();
  let sign = node.negative ? -1 : 1;
  if (text.startsWith('-')) {
    sign = -sign;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) text = text.slice(1).trim();
  const res = q.end ? `${q.start}_TO_${q.end}` : q.start;
  const bad = () => new SqlError('INVALID_INTERVAL', `Illegal interval literal format '${node.value}' for INTERVAL ${q.start}${q.end ? ` TO ${q.end}` : ''}`, node.span);
  const patterns: Record<string, [RegExp, (m: string[]) => number, 'YM' | 'DT']> = {
    YEAR: [/^(\d+)$/, (m) => +m[1]! * 12, 'YM'],
    YEAR_TO_MONTH: [/^(\d+)-(\d+)$/, (m) => +m[1]! * 12 + +m[2]!, 'YM'],
    MONTH: [/^(\d+)$/, (m) => +m[1]!, 'YM'],
    DAY: [/^(\d+)$/, (m) => +m[1]! * MS.DAY, 'DT'],
    DAY_TO_HOUR: [/^(\d+) (\d+)$/, (m) => +m[1]! * MS.DAY + +m[2]! * MS.HOUR, 'DT'],
    DAY_TO_MINUTE: [/^(\d+) (\d+):(\d+)$/, (m) => +m[1]! * MS.DAY + +m[2]! * MS.HOUR + +m[3]! * MS.MINUTE, 'DT'],
    DAY_TO_SECOND: [/^(\d+) (\d+):(\d+):(\d+(?:\.\d+)?)$/, (m) => +m[1]! * MS.DAY + +m[2]! * MS.HOUR + +m[3]! * MS.MINUTE + secs(m[4]!), 'DT'],
    HOUR: [/^(\d+)$/, (m) => +m[1]! * MS.HOUR, 'DT'],
    HOUR_TO_MINUTE: [/^(\d+):(\d+)$/, (m) => +m[1]! * MS.HOUR + +m[2]! * MS.MINUTE, 'DT'],
    HOUR_TO_SECOND: [/^(\d+):(\d+):(\d+(?:\.\d+)?)$/, (m) => +m[1]! * MS.HOUR + +m[2]! * MS.MINUTE + secs(m[3]!), 'DT'],
    MINUTE: [/^(\d+)$/, (m) => +m[1]! * MS.MINUTE, 'DT'],
    MINUTE_TO_SECOND: [/^(\d+):(\d+(?:\.\d+)?)$/, (m) => +m[1]! * MS.MINUTE + secs(m[2]!), 'DT'],
    SECOND: [/^(\d+(?:\.\d+)?)$/, (m) => secs(m[1]!), 'DT'],
  };
  const p = patterns[res];
  if (!p) throw bad();
  const m = p[0].exec(text);
  if (!m) throw bad();
  const value = sign * p[1](m);
  if (p[2] === 'YM') {
    return literal(value, { kind: 'INTERVAL_YEAR_MONTH', resolution: 'YEAR_TO_MONTH', precision: 2, fractionalPrecision: 0, nullable: false });
  }
  return literal(value, { kind: 'INTERVAL_DAY_TIME', resolution: 'DAY_TO_SECOND', precision: 2, fractionalPrecision: 3, nullable: false });
}

function secs(text: string): number {
  const [s, f = ''] = text.split('.');
  return +s! * 1000 + +(f + '000').slice(0, 3);
}
