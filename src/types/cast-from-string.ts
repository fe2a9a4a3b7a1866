/**
 * String → value parsing for CAST, as Flink 1.20 (legacy cast behaviour off): invalid input fails
 * with a RuntimeError carrying Flink's message; TRY_CAST turns that into NULL.
 */
import { RuntimeError } from './errors.js';
import { fitDecimal, parseDecimal } from './decimal.js';
import type { Decimal } from './values.js';

function numberFormat(input: string, reason: string): RuntimeError {
  return new RuntimeError(`For input string: '${input}'. ${reason}`);
}

const trimSpaces = (s: string): string => s.replace(/^ +| +$/g, '');

/**
 * Integer parsing as BinaryStringDataUtil.toLong: optional sign, digits, and an optional
 * fraction of digits that is dropped (`'1.9'` → 1). `bits` is 8, 16, 32 or 64.
 */
export function parseIntegral(text: string, bits: 8 | 16 | 32 | 64): bigint {
  // Flink trims spaces before parsing and reports the trimmed text
  const s = trimSpaces(text);
  if (s.length === 0) throw numberFormat(s, 'Input is empty.');
  if (s === '+' || s === '-') throw numberFormat(s, 'Input has only positive or negative symbol.');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) throw numberFormat(s, 'Invalid character found.');
  const digits = m[2]!;
  const v = digits.length === 0 ? 0n : BigInt(m[1] === '-' ? `-${digits}` : digits);
  const limit = bits === 64 ? 1n << 63n : 1n << 31n;
  if (v >= limit || v < -limit) throw numberFormat(s, 'Overflow.');
  if (bits < 32) {
    const small = 1n << BigInt(bits - 1);
    if (v >= small || v < -small) throw numberFormat(s, 'Overflow.');
  }
  return v;
}

export function parseIntValue(text: string, bits: 8 | 16 | 32): number {
  return Number(parseIntegral(text, bits));
}

const JAVA_DOUBLE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;

/** Java's Double.parseDouble (whitespace trimmed, `1e3`, `NaN`, `Infinity`, a trailing `d`/`f`). */
export function parseJavaDouble(text: string): number {
  // eslint-disable-next-line no-control-regex
  const s = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!JAVA_DOUBLE.test(s)) throw new RuntimeError(s.length === 0 ? 'empty String' : `For input string: "${s}"`);
  const body = s.replace(/[fFdD]$/, '');
  if (body.endsWith('NaN')) return NaN;
  if (body.endsWith('Infinity')) return body.startsWith('-') ? -Infinity : Infinity;
  return Number(body);
}

/** BinaryStringDataUtil.toDecimal: whitespace-trimmed BigDecimal syntax, rounded HALF_UP; fails on overflow. */
export function parseDecimalValue(text: string, precision: number, scale: number): Decimal {
  const s = text.replace(/^[ \n\t]+|[ \n\t]+$/g, '');
  const d = parseDecimal(s);
  const r = d ? fitDecimal(d, precision, scale) : null;
  if (!r) throw numberFormat(text, 'Overflow.');
  return r;
}

const TRUE_STRINGS = new Set(['t', 'true', 'y', 'yes', '1']);
const FALSE_STRINGS = new Set(['f', 'false', 'n', 'no', '0']);

/** BinaryStringDataUtil.toBoolean. */
export function parseBooleanValue(text: string): boolean {
  const s = text.toLowerCase();
  if (TRUE_STRINGS.has(s)) return true;
  if (FALSE_STRINGS.has(s)) return false;
  throw new RuntimeError(`Cannot parse '${text}' as BOOLEAN.`);
}

/** DateTimeException text Flink gives for unparsable dates, times and timestamps. */
export function temporalParseError(text: string): RuntimeError {
  return new RuntimeError(`For input string: '${text}'.`);
}

const utf8 = new TextEncoder();

export function stringToBytes(text: string): Uint8Array {
  return utf8.encode(text);
}
