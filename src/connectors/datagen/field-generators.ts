/**
 * Per-field value generators for the datagen connector, built once per table from
 * `fields.<name>.*` options as Flink's RandomGeneratorVisitor / SequenceGeneratorVisitor do.
 * Each builder records the option keys it consumed, for Flink's unsupported-options check.
 */
import { randomFillSync } from 'node:crypto';
import type { DataType } from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import { typeToString } from '../../types/type-string.js';
import { Decimal, Timestamp } from '../../types/values.js';
import { zoneOffsetMillis } from '../../types/temporal.js';
import type { FunctionContext } from '../../functions/function-def.js';
import { readBoolean, readDouble, readDuration, readInt, readLong, type OptionMap } from '../../catalog/option-readers.js';
import { parseBigDecimal } from '../formats/common/decimal-text.js';

/** Produces the value for the row with the given sequence index (within this subtask). */
export type ValueGen = (index: number) => unknown;

export interface FieldGenerator {
  /** Creates the generator for one subtask. */
  open(subtask: number, parallelism: number): ValueGen;
  /** Rows this subtask can produce before a sequence ends (Infinity for random). */
  count(subtask: number, parallelism: number): number;
}

export interface BuildContext {
  readonly options: OptionMap;
  readonly session: FunctionContext;
  /** Keys consumed so far (all of them count as supported). */
  readonly consumed: Set<string>;
}

const key = (name: string, opt: string): string => `fields.${name}.${opt}`;

function use(ctx: BuildContext, name: string, opt: string): string {
  const k = key(name, opt);
  ctx.consumed.add(k);
  return k;
}

function withNullRate(gen: ValueGen, rate: number): ValueGen {
  if (!(rate > 0)) return gen;
  return (i) => (Math.random() < rate ? null : gen(i));
}

function randomOf(g: ValueGen): FieldGenerator {
  return { open: () => g, count: () => Infinity };
}

/** A pool of random hex text; values are slices of it, so strings cost no per-char work. */
class HexPool {
  private pool = '';
  private pos = 0;
  take(len: number): string {
    if (this.pos + len > this.pool.length) {
      const buf = Buffer.alloc(Math.max(32768, len));
      randomFillSync(buf);
      this.pool = buf.toString('hex');
      this.pos = 0;
    }
    const s = this.pool.slice(this.pos, this.pos + len);
    this.pos += len;
    return s;
  }
}

const TWO_64 = 2n ** 64n;

/** Random integers in [min, max], with as little bigint arithmetic per value as the range allows. */
function randomBigInts(min: bigint, max: bigint): () => bigint {
  const span = max - min + 1n;
  if (span <= 2n ** 53n) {
    const width = Number(span);
    if (min >= BigInt(Number.MIN_SAFE_INTEGER) && max <= BigInt(Number.MAX_SAFE_INTEGER)) {
      const low = Number(min);
      return () => BigInt(low + Math.floor(Math.random() * width));
    }
    return () => min + BigInt(Math.floor(Math.random() * width));
  }
  return () => {
    const hi = BigInt((Math.random() * 0x100000000) >>> 0);
    const lo = BigInt((Math.random() * 0x100000000) >>> 0);
    const r = (hi << 32n) | lo;
    return span >= TWO_64 ? BigInt.asIntN(64, r) : min + (r % span);
  };
}

const INT_RANGES: Record<string, [number, number]> = {
  TINYINT: [-128, 127],
  SMALLINT: [-32768, 32767],
  INT: [-2147483648, 2147483647],
  INTERVAL_YEAR_MONTH: [0, 120000],
};

/** Builds a random generator for a field (Flink's RandomGeneratorVisitor). */
export function randomGenerator(name: string, t: DataType, ctx: BuildContext): FieldGenerator {
  const o = ctx.options;
  const nullRate = (): number => readDouble(o, use(ctx, name, 'null-rate'), 0);
  switch (t.kind) {
    case 'BOOLEAN': {
      const nr = nullRate();
      return randomOf(withNullRate(() => Math.random() < 0.5, nr));
    }
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'INTERVAL_YEAR_MONTH': {
      const [lo, hi] = INT_RANGES[t.kind]!;
      const min = readInt(o, use(ctx, name, 'min'), lo);
      const max = readInt(o, use(ctx, name, 'max'), hi);
      const span = max - min + 1;
      return randomOf(withNullRate(() => min + Math.floor(Math.random() * span), nullRate()));
    }
    case 'BIGINT': {
      const min = readLong(o, use(ctx, name, 'min'), -(2n ** 63n));
      const max = readLong(o, use(ctx, name, 'max'), 2n ** 63n - 1n);
      return randomOf(withNullRate(randomBigInts(min, max), nullRate()));
    }
    case 'INTERVAL_DAY_TIME': {
      const min = Number(readLong(o, use(ctx, name, 'min'), BigInt(Number.MIN_SAFE_INTEGER)));
      const max = Number(readLong(o, use(ctx, name, 'max'), BigInt(Number.MAX_SAFE_INTEGER)));
      return randomOf(withNullRate(() => min + Math.floor(Math.random() * (max - min + 1)), nullRate()));
    }
    case 'FLOAT':
    case 'DOUBLE': {
      const f = t.kind === 'FLOAT';
      const min = readDouble(o, use(ctx, name, 'min'), f ? 1.401298464324817e-45 : Number.MIN_VALUE);
      const max = readDouble(o, use(ctx, name, 'max'), f ? 3.4028234663852886e38 : Number.MAX_VALUE);
      const g: ValueGen = f ? () => Math.fround(min + Math.random() * (max - min)) : () => min + Math.random() * (max - min);
      return randomOf(withNullRate(g, nullRate()));
    }
    case 'DECIMAL': {
      const { precision, scale } = t;
      const limit = 10n ** BigInt(precision) - 1n;
      const bound = (k: string, def: bigint): bigint => {
        const text = o.get(use(ctx, name, k));
        if (text === undefined) return def;
        const p = parseBigDecimal(text.trim());
        if (p === null) throw new PlanError(`Invalid value for option '${key(name, k)}'.`);
        const v = p.scale <= scale ? p.unscaled * 10n ** BigInt(scale - p.scale) : p.unscaled / 10n ** BigInt(p.scale - scale);
        return v < -limit ? -limit : v > limit ? limit : v;
      };
      const unscaled = randomBigInts(bound('min', -limit), bound('max', limit));
      return randomOf(withNullRate(() => new Decimal(unscaled(), scale), nullRate()));
    }
    case 'CHAR':
    case 'VARCHAR':
    case 'BINARY':
    case 'VARBINARY': {
      const fixed = t.kind === 'CHAR' || t.kind === 'BINARY';
      const lenKey = use(ctx, name, 'length');
      const len = fixed ? t.length : readInt(o, lenKey, Math.min(100, t.length));
      const varLen = !fixed && readBoolean(o, use(ctx, name, 'var-len'), false);
      const size = varLen ? () => 1 + Math.floor(Math.random() * len) : () => len;
      if (t.kind === 'CHAR' || t.kind === 'VARCHAR') {
        const pool = new HexPool();
        return randomOf(withNullRate(() => pool.take(size()), nullRate()));
      }
      return randomOf(withNullRate(() => randomFillSync(new Uint8Array(size())), nullRate()));
    }
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ': {
      const maxPast = readDuration(o, use(ctx, name, 'max-past'), 0);
      const now = ctx.session.now;
      const g: ValueGen = () => Timestamp.ofMillis(now() - (maxPast > 0 ? Math.floor(Math.random() * maxPast) : 0));
      return randomOf(withNullRate(g, nullRate()));
    }
    case 'DATE':
    case 'TIME':
      return currentDateTime(t.kind, ctx.session);
    case 'ARRAY':
    case 'MULTISET': {
      const len = readInt(o, use(ctx, name, 'length'), 3);
      const el = randomGenerator(`${name}.element`, t.element, ctx).open(0, 1);
      const nr = nullRate();
      if (t.kind === 'ARRAY') {
        return randomOf(withNullRate((i) => {
          const a = new Array<unknown>(len);
          for (let k = 0; k < len; k++) a[k] = el(i);
          return a;
        }, nr));
      }
      return randomOf(withNullRate((i) => {
        const m = new Map<unknown, number>();
        for (let k = 0; k < len; k++) m.set(el(i), Math.floor(Math.random() * 11));
        return m;
      }, nr));
    }
    case 'MAP': {
      const len = readInt(o, use(ctx, name, 'length'), 3);
      const kg = randomGenerator(`${name}.key`, t.key, ctx).open(0, 1);
      const vg = randomGenerator(`${name}.value`, t.value, ctx).open(0, 1);
      return randomOf(withNullRate((i) => {
        const m = new Map<unknown, unknown>();
        for (let k = 0; k < len; k++) m.set(kg(i), vg(i));
        return m;
      }, nullRate()));
    }
    case 'ROW': {
      const gens = t.fields.map((f) => randomGenerator(`${name}.${f.name}`, f.type, ctx).open(0, 1));
      return randomOf(withNullRate((i) => gens.map((g) => g(i)), nullRate()));
    }
    default:
      throw new PlanError(`Unsupported type: ${typeToString(t)}`);
  }
}

function currentDateTime(kind: 'DATE' | 'TIME', session: FunctionContext): FieldGenerator {
  return randomOf(() => {
    const now = session.now();
    const local = now + zoneOffsetMillis(session.timeZone, now);
    const day = Math.floor(local / 86_400_000);
    return kind === 'DATE' ? day : local - day * 86_400_000;
  });
}

/** Builds a sequence generator (Flink's SequenceGeneratorVisitor): start..end split across subtasks. */
export function sequenceGenerator(name: string, t: DataType, ctx: BuildContext): FieldGenerator {
  const o = ctx.options;
  const startKey = use(ctx, name, 'start');
  const endKey = use(ctx, name, 'end');
  for (const k of [startKey, endKey]) {
    if (!o.has(k)) throw new PlanError(`Could not find required property '${k}' for sequence generator.`);
  }
  if (t.kind === 'BOOLEAN' || t.kind === 'DATE' || t.kind === 'TIME') {
    ctx.consumed.delete(startKey);
    ctx.consumed.delete(endKey);
    return t.kind === 'BOOLEAN' ? randomOf(() => Math.random() < 0.5) : currentDateTime(t.kind, ctx.session);
  }
  const longKeys = t.kind === 'BIGINT' || t.kind === 'CHAR' || t.kind === 'VARCHAR' || t.kind === 'BINARY' || t.kind === 'VARBINARY';
  const start = longKeys ? readLong(o, startKey)! : BigInt(readInt(o, startKey)!);
  const end = longKeys ? readLong(o, endKey)! : BigInt(readInt(o, endKey)!);
  const total = end - start + 1n;
  const slice = (subtask: number, parallelism: number): { offset: bigint; count: bigint } => {
    if (total <= 0n) return { offset: 0n, count: 0n };
    const p = BigInt(parallelism);
    const base = total / p;
    const rem = total % p;
    const s = BigInt(subtask);
    return { offset: s * base + (s < rem ? s : rem), count: base + (s < rem ? 1n : 0n) };
  };
  const value = (v: (x: bigint) => unknown, small: (x: number) => unknown): FieldGenerator => ({
    count: (s, p) => Number(slice(s, p).count),
    open(s, p) {
      const first = start + slice(s, p).offset;
      // Stay in doubles while the values are safe integers (the common case): no BigInt per row.
      if (first >= BigInt(Number.MIN_SAFE_INTEGER) && end <= BigInt(Number.MAX_SAFE_INTEGER)) {
        const f = Number(first);
        return (i) => small(f + i);
      }
      return (i) => v(first + BigInt(i));
    },
  });
  switch (t.kind) {
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'FLOAT':
    case 'DOUBLE':
      return value((x) => Number(x), (x) => (t.kind === 'FLOAT' ? Math.fround(x) : x));
    case 'BIGINT':
      return value((x) => x, (x) => BigInt(x));
    case 'DECIMAL': {
      const mul = 10n ** BigInt(t.scale);
      return value((x) => new Decimal(x * mul, t.scale), (x) => new Decimal(BigInt(x) * mul, t.scale));
    }
    case 'CHAR':
    case 'VARCHAR':
      return value((x) => x.toString(), (x) => String(x));
    case 'BINARY':
    case 'VARBINARY': {
      const bytes = (x: bigint): Uint8Array => {
        const b = Buffer.alloc(8);
        b.writeBigInt64BE(x, 0);
        return new Uint8Array(b);
      };
      return value(bytes, (x) => bytes(BigInt(x)));
    }
    default:
      throw new PlanError(`Unsupported type: ${typeToString(t)}`);
  }
}
