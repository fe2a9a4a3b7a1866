/**
 * Typed reads of string options with Flink's parsing rules and messages
 * (Configuration: booleans, numbers, durations, memory sizes).
 */
import { PlanError } from '../types/errors.js';

export type OptionMap = ReadonlyMap<string, string>;

function invalid(key: string, value: string, why?: string): PlanError {
  const cause = why ?? `Could not parse value '${value}' for key '${key}'.`;
  return new PlanError(`Invalid value for option '${key}'.`, undefined, cause);
}

export function readString(options: OptionMap, key: string, def: string): string;
export function readString(options: OptionMap, key: string): string | undefined;
export function readString(options: OptionMap, key: string, def?: string): string | undefined {
  return options.get(key) ?? def;
}

export function readBoolean(options: OptionMap, key: string, def: boolean): boolean {
  const v = options.get(key);
  if (v === undefined) return def;
  const t = v.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw invalid(key, v);
}

/** Java int/long parsing (optional sign, digits only), as a bigint. */
export function parseJavaInteger(text: string): bigint | null {
  if (!/^[+-]?\d+$/.test(text)) return null;
  return BigInt(text);
}

export function readInt(options: OptionMap, key: string, def: number): number;
export function readInt(options: OptionMap, key: string): number | undefined;
export function readInt(options: OptionMap, key: string, def?: number): number | undefined {
  const v = options.get(key);
  if (v === undefined) return def;
  const n = parseJavaInteger(v.trim());
  if (n === null || n < -2147483648n || n > 2147483647n) throw invalid(key, v);
  return Number(n);
}

export function readLong(options: OptionMap, key: string, def: bigint): bigint;
export function readLong(options: OptionMap, key: string): bigint | undefined;
export function readLong(options: OptionMap, key: string, def?: bigint): bigint | undefined {
  const v = options.get(key);
  if (v === undefined) return def;
  const n = parseJavaInteger(v.trim());
  if (n === null || n < -(2n ** 63n) || n > 2n ** 63n - 1n) throw invalid(key, v);
  return n;
}

export function readDouble(options: OptionMap, key: string, def: number): number;
export function readDouble(options: OptionMap, key: string): number | undefined;
export function readDouble(options: OptionMap, key: string, def?: number): number | undefined {
  const v = options.get(key);
  if (v === undefined) return def;
  const n = parseJavaDouble(v);
  if (n === null) throw invalid(key, v);
  return n;
}

/** Java Double.parseDouble: trims, accepts NaN/Infinity and an f/d suffix. */
export function parseJavaDouble(text: string): number | null {
  const t = text.trim();
  if (/^[+-]?NaN$/.test(t)) return NaN;
  if (/^[+-]?Infinity$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(t)) return null;
  return Number(t.replace(/[fFdD]$/, ''));
}

const DURATION_UNITS: ReadonlyArray<[readonly string[], number]> = [
  [['ns', 'nano', 'nanos', 'nanosecond', 'nanoseconds'], 1e-6],
  [['µs', 'us', 'micro', 'micros', 'microsecond', 'microseconds'], 1e-3],
  [['ms', 'milli', 'millis', 'millisecond', 'milliseconds'], 1],
  [['s', 'sec', 'secs', 'second', 'seconds'], 1000],
  [['m', 'min', 'mins', 'minute', 'minutes'], 60_000],
  [['h', 'hour', 'hours'], 3_600_000],
  [['d', 'day', 'days'], 86_400_000],
];

/** Flink's TimeUtils.parseDuration, in milliseconds (no unit means milliseconds). */
export function parseDurationMillis(text: string): number | null {
  const m = /^\s*(\d+)\s*([a-zµ]*)\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit === '') return n;
  for (const [names, factor] of DURATION_UNITS) if (names.includes(unit)) return n * factor;
  return null;
}

export function readDuration(options: OptionMap, key: string, defMillis: number): number;
export function readDuration(options: OptionMap, key: string): number | undefined;
export function readDuration(options: OptionMap, key: string, defMillis?: number): number | undefined {
  const v = options.get(key);
  if (v === undefined) return defMillis;
  const n = parseDurationMillis(v);
  if (n === null) throw invalid(key, v);
  return n;
}

const MEMORY_UNITS: ReadonlyArray<[readonly string[], number]> = [
  [['b', 'bytes'], 1],
  [['k', 'kb', 'kibibytes'], 1024],
  [['m', 'mb', 'mebibytes'], 1024 ** 2],
  [['g', 'gb', 'gibibytes'], 1024 ** 3],
  [['t', 'tb', 'tebibytes'], 1024 ** 4],
];

/** Flink's MemorySize.parse, in bytes (no unit means bytes). */
export function parseMemoryBytes(text: string): number | null {
  const m = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit === '') return n;
  for (const [names, factor] of MEMORY_UNITS) if (names.includes(unit)) return n * factor;
  return null;
}

export function readMemorySize(options: OptionMap, key: string, defBytes: number): number {
  const v = options.get(key);
  if (v === undefined) return defBytes;
  const n = parseMemoryBytes(v);
  if (n === null) throw invalid(key, v);
  return n;
}

/** Enumerated string option, compared case-insensitively as Flink's enum options are. */
export function readEnum<T extends string>(options: OptionMap, key: string, values: readonly T[], def: T): T {
  const v = options.get(key);
  if (v === undefined) return def;
  const hit = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
  if (hit === undefined) {
    throw invalid(key, v, `Could not parse value '${v}' for key '${key}'. Allowed values are: ${values.join(', ')}.`);
  }
  return hit;
}

/** A local path option value as Flink writes it: `file:///x` and `file:/x` → `/x`. */
export function localPath(path: string): string {
  if (path.startsWith('file://')) return path.slice('file://'.length);
  if (path.startsWith('file:')) return path.slice('file:'.length);
  return path;
}
