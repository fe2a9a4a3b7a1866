/**
 * Conversions between SQL values and JSON: SQL values to JSON nodes (JSON_OBJECT, JSON_ARRAY,
 * JSON_STRING) and JSON scalars to the RETURNING type of JSON_VALUE.
 */
import type { DataType } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { Decimal, Timestamp } from '../../types/values.js';
import { fitsPrecision, rescale } from '../math/decimal-ops.js';
import { javaDoubleToString, parseBigDecimal } from './java-number-format.js';
import { JsonNumber, parseJson, scalarToString, type JsonNode } from './json-value.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function isoDate(days: number): string {
  const d = new Date(days * 86400000);
  const y = d.getUTCFullYear();
  return `${y < 0 ? '-' + pad(-y, 4) : pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** java.time's ISO_LOCAL_TIME: seconds always, fraction without trailing zeros. */
function isoTime(millisOfDay: number, nanos = 0): string {
  const h = Math.floor(millisOfDay / 3600000);
  const m = Math.floor(millisOfDay / 60000) % 60;
  const s = Math.floor(millisOfDay / 1000) % 60;
  const frac = ((millisOfDay % 1000) * 1000000 + nanos).toString().padStart(9, '0').replace(/0+$/, '');
  return `${pad(h)}:${pad(m)}:${pad(s)}${frac ? '.' + frac : ''}`;
}

function isoTimestamp(ts: Timestamp): string {
  const days = Math.floor(ts.millis / 86400000);
  return `${isoDate(days)}T${isoTime(ts.millis - days * 86400000, ts.nanos)}`;
}

/** A converter of SQL values of type `t` to JSON nodes (NULL becomes JSON null). */
export function toJsonNodeFn(t: DataType): (v: unknown) => JsonNode {
  const nn = (f: (v: unknown) => JsonNode) => (v: unknown): JsonNode => (v === null || v === undefined ? null : f(v));
  switch (t.kind) {
    case 'CHAR':
    case 'VARCHAR':
      return nn((v) => v as string);
    case 'BOOLEAN':
      return nn((v) => v as boolean);
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT':
      return nn((v) => new JsonNumber(String(v)));
    case 'FLOAT':
    case 'DOUBLE':
      // Flink serializes through BigDecimal.valueOf(double).
      return nn((v) => (Number.isFinite(v) ? new JsonNumber(javaDoubleToString(v as number)) : javaDoubleToString(v as number)));
    case 'DECIMAL':
      return nn((v) => new JsonNumber((v as Decimal).toString()));
    case 'DATE':
      return nn((v) => isoDate(v as number));
    case 'TIME':
      return nn((v) => isoTime(v as number));
    case 'TIMESTAMP':
      return nn((v) => isoTimestamp(v as Timestamp));
    case 'TIMESTAMP_LTZ':
      return nn((v) => isoTimestamp(v as Timestamp) + 'Z');
    case 'BINARY':
    case 'VARBINARY':
      return nn((v) => Buffer.from(v as Uint8Array).toString('base64'));
    case 'ARRAY': {
      const el = toJsonNodeFn(t.element);
      return nn((v) => (v as unknown[]).map(el));
    }
    case 'MAP':
    case 'MULTISET': {
      const kf = t.kind === 'MAP' ? toJsonNodeFn(t.key) : toJsonNodeFn(t.element);
      const vf = t.kind === 'MAP' ? toJsonNodeFn(t.value) : (x: unknown): JsonNode => new JsonNumber(String(x));
      return nn((v) => {
        const out = new Map<string, JsonNode>();
        for (const [k, x] of v as Map<unknown, unknown>) out.set(scalarToString(kf(k)), vf(x));
        return out;
      });
    }
    case 'ROW': {
      const fs = t.fields.map((f) => ({ name: f.name, conv: toJsonNodeFn(f.type) }));
      return nn((v) => {
        const out = new Map<string, JsonNode>();
        fs.forEach((f, i) => out.set(f.name, f.conv((v as unknown[])[i])));
        return out;
      });
    }
    case 'NULL':
      return () => null;
    default:
      return nn((v) => String(v));
  }
}

/** The JSON text of a nested JSON_OBJECT / JSON_ARRAY result, inserted raw. */
export const rawJsonNode = (v: unknown): JsonNode => (v === null ? null : parseJson(v as string));

export class JsonConversionError extends Error {
  override readonly name = 'JsonConversionError';
}

const RANGES: Record<string, [bigint, bigint]> = {
  TINYINT: [-128n, 127n],
  SMALLINT: [-32768n, 32767n],
  INT: [-2147483648n, 2147483647n],
  BIGINT: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** A JSON scalar (or a DEFAULT value of type `from`) converted to JSON_VALUE's RETURNING type. */
export function convertScalar(raw: unknown, to: DataType): unknown {
  if (raw === null || raw === undefined) return null;
  if (to.kind === 'CHAR' || to.kind === 'VARCHAR') {
    if (raw instanceof JsonNumber || typeof raw === 'string' || typeof raw === 'boolean') return scalarToString(raw);
    if (typeof raw === 'number') return Number.isInteger(raw) ? String(raw) : javaDoubleToString(raw);
    return String(raw);
  }
  let text: string;
  if (raw instanceof JsonNumber) text = raw.text;
  else if (typeof raw === 'number' || typeof raw === 'bigint' || raw instanceof Decimal) text = String(raw);
  else if (typeof raw === 'boolean') {
    if (to.kind === 'BOOLEAN') return raw;
    throw new JsonConversionError(`Cannot convert ${raw} to ${to.kind}`);
  } else if (typeof raw === 'string') {
    if (to.kind === 'BOOLEAN') {
      const s = raw.trim().toLowerCase();
      if (['true', 't', 'yes', '1'].includes(s)) return true;
      if (['false', 'f', 'no', '0'].includes(s)) return false;
      throw new JsonConversionError(`Cannot parse string '${raw}' as BOOLEAN`);
    }
    text = raw.trim();
  } else throw new JsonConversionError(`Cannot convert value to ${to.kind}`);
  let d: { unscaled: bigint; scale: number };
  try {
    d = parseBigDecimal(text);
  } catch {
    throw new JsonConversionError(`Cannot parse string '${text}' as ${to.kind}`);
  }
  const dec = new Decimal(d.unscaled, d.scale);
  switch (to.kind) {
    case 'BOOLEAN': {
      const i = rescale(dec, 0, 'DOWN').unscaled;
      if (i === 0n) return false;
      if (i === 1n) return true;
      throw new JsonConversionError(`Cannot convert ${text} to BOOLEAN`);
    }
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT': {
      const i = d.scale <= 0 ? d.unscaled * 10n ** BigInt(-d.scale) : rescale(dec, 0, 'DOWN').unscaled;
      const [lo, hi] = RANGES[to.kind]!;
      if (i < lo || i > hi) throw new JsonConversionError(`Value ${text} is out of range for ${to.kind}`);
      return to.kind === 'BIGINT' ? i : Number(i);
    }
    case 'FLOAT':
    case 'DOUBLE': {
      const x = to.kind === 'FLOAT' ? Math.fround(Number(text)) : Number(text);
      if (!Number.isFinite(x)) throw new JsonConversionError(`Value ${text} is out of range for ${to.kind}`);
      return x;
    }
    case 'DECIMAL': {
      const r = rescale(dec, to.scale, 'HALF_UP');
      if (!fitsPrecision(r, to.precision)) {
        throw new JsonConversionError(`Value ${text} cannot be represented as DECIMAL(${to.precision}, ${to.scale})`);
      }
      return r;
    }
    default:
      throw new RuntimeError(`Unsupported RETURNING type for JSON_VALUE: ${to.kind}`);
  }
}
